/**
 * Every CSS part of the screens `<portier-admin>` shows (the list, the create form, a user's
 * profile, access rights, managed clients and recent changes, the own profile), under the same
 * names. The admin forwards them (`exportparts`), so a host styles a screen inside it the way it
 * styles the screen alone: `portier-admin::part(row)` reaches the list's rows. A test keeps this
 * list equal to the parts custom-elements.json documents for those screens.
 */
export const SCREEN_PARTS: readonly string[] = [
  'action-button', 'actions', 'after', 'base', 'before', 'button', 'button-primary', 'cancel-button', 'cell', 'cell-changed',
  'change', 'changes', 'clear-button', 'client-filter', 'client-name', 'client-number', 'client-vat', 'columnheader', 'count',
  'create-button', 'dialog', 'dirty', 'email-filter', 'empty', 'error', 'field', 'field-error', 'fieldset', 'filter', 'filters',
  'form', 'header', 'header-row', 'hint', 'input', 'intro', 'label', 'level', 'live', 'log', 'managed', 'matrix', 'matrix-scroll', 'more-changes',
  'no-results', 'notice', 'preview', 'profile', 'results', 'retry', 'row', 'row-added', 'save-button', 'saved', 'scroller',
  'search', 'search-input', 'section', 'setup', 'setup-method', 'sort-button', 'state', 'status', 'status-reason',
  'submit-button', 'subtitle', 'summary', 'table', 'table-scroll', 'title', 'toolbar', 'user', 'user-name', 'when',
];

/** The `exportparts` value that forwards {@link SCREEN_PARTS} unchanged. */
export const SCREEN_EXPORTPARTS = SCREEN_PARTS.join(', ');
