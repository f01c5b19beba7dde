import { css } from 'lit';

/** The dark defaults, used by `prefers-color-scheme: dark` and by `theme="dark"`. */
const darkDefaults = css`
  --_bg: var(--portier-color-background, #15191f);
  --_surface: var(--portier-color-surface, #1e242c);
  --_text: var(--portier-color-text, #e8ecf1);
  --_muted: var(--portier-color-text-muted, #a9b3bf);
  --_border: var(--portier-color-border, #3a4350);
  --_primary: var(--portier-color-primary, #7fb4ff);
  --_on-primary: var(--portier-color-on-primary, #0b1a2e);
  --_danger: var(--portier-color-danger, #ffb4ab);
  --_danger-surface: var(--portier-color-danger-surface, #3b1512);
  --_success: var(--portier-color-success, #8fd9a3);
  --_success-surface: var(--portier-color-success-surface, #12301c);
  --_warning: var(--portier-color-warning, #ffd37a);
  --_warning-surface: var(--portier-color-warning-surface, #33270c);
  --_focus: var(--portier-color-focus, #8ab4f8);
  color-scheme: dark;
`;

/**
 * The theme: every element's `:host` turns the public `--portier-*` tokens (set by the host page
 * on any ancestor) into private `--_*` variables with light defaults; dark defaults apply under
 * `prefers-color-scheme: dark` or `theme="dark"` (`theme="light"` forces light). The font is the
 * host's (inherited) unless `--portier-font-family` says otherwise.
 *
 * Tokens: `--portier-color-background`, `--portier-color-surface`, `--portier-color-text`,
 * `--portier-color-text-muted`, `--portier-color-border`, `--portier-color-primary`,
 * `--portier-color-on-primary`, `--portier-color-danger`, `--portier-color-danger-surface`,
 * `--portier-color-success`, `--portier-color-success-surface`, `--portier-color-warning`,
 * `--portier-color-warning-surface`, `--portier-color-focus`, `--portier-font-family`,
 * `--portier-font-size`, `--portier-radius`, `--portier-space`, `--portier-density`.
 */
export const tokens = css`
  :host {
    --_bg: var(--portier-color-background, #ffffff);
    --_surface: var(--portier-color-surface, #f4f6f9);
    --_text: var(--portier-color-text, #1b2430);
    --_muted: var(--portier-color-text-muted, #55606e);
    --_border: var(--portier-color-border, #c9d1db);
    --_primary: var(--portier-color-primary, #0b5cad);
    --_on-primary: var(--portier-color-on-primary, #ffffff);
    --_danger: var(--portier-color-danger, #b3261e);
    --_danger-surface: var(--portier-color-danger-surface, #fdecea);
    --_success: var(--portier-color-success, #1c6b34);
    --_success-surface: var(--portier-color-success-surface, #e6f4ea);
    --_warning: var(--portier-color-warning, #7a4f00);
    --_warning-surface: var(--portier-color-warning-surface, #fff3d6);
    --_focus: var(--portier-color-focus, #1a73e8);
    --_font: var(--portier-font-family, inherit);
    --_font-size: var(--portier-font-size, inherit);
    --_radius: var(--portier-radius, 6px);
    --_density: var(--portier-density, 1);
    --_space: calc(var(--portier-space, 0.5rem) * var(--_density));
    --_row: calc(2.75rem * var(--_density));
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkDefaults}
    }
  }
  :host([theme='dark']) {
    ${darkDefaults}
  }
`;

/**
 * Shared base styles: host box, headings, buttons (`.button`, `.primary`, `.danger`, `.link`),
 * fields (`.field`, `.hint`, `.field-error`), tables, badges, banners, the live region, the
 * visually-hidden helper and one visible focus ring for every control.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_text);
    background: var(--_bg);
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* A column header is our own words: each word sets the column's narrowest width (with
     "anywhere" a phone showed "Zugriffsrech|te"); long compounds carry soft hyphens in the locales.
     Data cells keep "anywhere": a name from elsewhere may be one 10,000-character word. A table
     whose words do not fit (German at 320 px) scrolls in its own box (.table-scroll). */
  thead th {
    overflow-wrap: break-word;
  }
  /* It scrolls, so it clips: room at its end and bottom for the focus ring (3px + 2px offset) of a
     button in the last column or row. It is focusable itself (tabindex, role region, a label) so
     that a keyboard can scroll it when nothing inside takes the focus. */
  .table-scroll {
    overflow-x: auto;
    padding-inline-end: 5px;
    padding-block-end: 5px;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 calc(var(--_space) * 1.5);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.35em;
  }
  h3 {
    font-size: 1.1em;
  }
  p {
    margin: 0 0 var(--_space);
  }
  .muted,
  .hint {
    color: var(--_muted);
  }
  .hint {
    font-size: 0.875em;
    margin: calc(var(--_space) * 0.5) 0 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.75);
    min-height: calc(2.25rem * var(--_density));
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    /* A label longer than the room (a phone, a long French label) wraps between words rather than
       pushing the page sideways. */
    max-width: 100%;
    text-align: center;
    overflow-wrap: break-word;
  }
  .button:hover:not(:disabled) {
    border-color: var(--_primary);
  }
  .button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .button.primary:hover:not(:disabled) {
    filter: brightness(1.08);
  }
  .button.danger {
    color: var(--_danger);
    border-color: currentColor;
  }
  /* The confirm button of a dangerous action: filled, in the danger colour (the background colour
     reads on it in both schemes: white on dark red, dark on light red). */
  .button.primary.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
  .button.small {
    min-height: calc(1.875rem * var(--_density));
    padding: calc(var(--_space) * 0.25) var(--_space);
    font-size: 0.875em;
  }
  .button.link {
    border-color: transparent;
    background: transparent;
    color: var(--_primary);
    padding-inline: calc(var(--_space) * 0.5);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
  }
  .field > label,
  .label {
    font-weight: 600;
  }
  .required-mark {
    color: var(--_danger);
    margin-inline-start: 0.15em;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: calc(2.25rem * var(--_density));
    padding: calc(var(--_space) * 0.5) var(--_space);
    min-width: 0;
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--_primary);
  }
  input[readonly],
  input:disabled,
  select:disabled,
  textarea:disabled {
    background: var(--_surface);
    color: var(--_muted);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  /* Forced colors drop the red ring: a field in error keeps a thicker, dashed border. */
  @media (forced-colors: active) {
    input[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-width: 2px;
      border-style: dashed;
    }
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2) calc(var(--_space) * 2);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 calc(var(--_space) * 0.5);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
    vertical-align: middle;
  }
  th {
    font-weight: 700;
    background: var(--_surface);
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .badge.active {
    background: var(--_success-surface);
    color: var(--_success);
    border-color: transparent;
  }
  .badge.invited,
  .badge.expired {
    background: var(--_warning-surface);
    color: var(--_warning);
    border-color: transparent;
  }
  .badge.blocked,
  .badge.deactivated {
    background: var(--_danger-surface);
    color: var(--_danger);
    border-color: transparent;
  }
  .banner {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .banner.error {
    border-color: var(--_danger);
    background: var(--_danger-surface);
    color: var(--_danger);
  }
  .banner.success {
    border-color: var(--_success);
    background: var(--_success-surface);
    color: var(--_success);
  }
  .banner.info {
    border-color: var(--_warning);
    background: var(--_warning-surface);
    color: var(--_warning);
  }
  .banner p {
    margin: 0;
  }
  /* A banner whose text is followed by a list (what could not be saved) reads top to bottom. */
  .banner.stacked {
    flex-direction: column;
  }
  .banner.stacked ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  /* Live regions stay in the page (so that screen readers hear what is put in them) but take no room when empty. */
  .banner:empty {
    padding: 0;
    margin: 0;
    border: 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  /* A result said next to the button that produced it ("saved"), where the eye already is. */
  .inline-status {
    margin: 0;
    color: var(--_success);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .truncate {
    display: block;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** Styles of a modal `<dialog>` (confirmations). */
/**
 * The layout the data screens share (rights matrix, managed clients, audit log): a spaced grid of
 * sections, and `.clamp` for names that come from elsewhere.
 */
export const screenStyles = css`
    /* Names come from elsewhere: a very long one is cut after a few lines (the whole text stays readable to assistive technology). */
    .clamp {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--_clamp-lines, 3);
      overflow: hidden;
    }
    [part~='base'] {
      display: grid;
      /* One column no wider than the screen: a grid item's automatic minimum is its content's, so a
         select with a long option (a user and an e-mail) made the whole page scroll sideways on a phone. */
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 2);
    }
    [part~='base'] .banner {
      margin: 0;
    }
    /* An alert waits in the page, empty, so that what is put in it is announced: out of the grid, it adds no gap. */
    [part~='base'] > .banner:empty {
      position: absolute;
    }
`;

export const dialogStyles = css`
  dialog {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    padding: calc(var(--_space) * 3);
    max-width: min(32rem, 92vw);
    color: var(--_text);
    background: var(--_bg);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(15 20 30 / 0.45);
  }
  dialog .actions {
    justify-content: flex-end;
    margin-top: calc(var(--_space) * 2);
  }
`;
