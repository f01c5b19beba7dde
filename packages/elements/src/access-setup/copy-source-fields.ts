import { displayName, type Application, type User } from '@portier/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Messages } from '../localize/messages.js';

/** What {@link copySourceCandidates} needs to know. */
export interface CopySourceQuery {
  /** Only users of this organization can be copied. */
  organizationId: string;
  /** The core's answer to "may the actor see this user's rights?" (`can('access.view', { user })`). */
  canView(user: User): boolean;
  /** The language names are sorted in. */
  locale: string;
  /** A user who is not offered (the one being edited: copying a user onto itself changes nothing). */
  excludeUserId?: string;
}

/** The users whose rights may be copied, by name: those of the organization whose rights the actor may see. */
export function copySourceCandidates(users: Iterable<User>, { organizationId, canView, locale, excludeUserId }: CopySourceQuery): User[] {
  return [...users]
    .filter((user) => user.id !== excludeUserId && user.organizationId === organizationId && canView(user))
    .sort((a, b) => displayName(a).localeCompare(displayName(b), locale));
}

/** What {@link renderCopySourceFields} shows and whom it tells. */
export interface CopySourceFieldsOptions {
  t: Messages;
  /** The users offered (see {@link copySourceCandidates}). */
  sources: readonly User[];
  /** The applications that can be left out of the copy. */
  applications: readonly Application[];
  /** The user chosen, `''` for none yet. */
  sourceUserId: string;
  excludeApplications: readonly string[];
  /** The source choice's error, shown under it (and `aria-invalid`). */
  error?: string | undefined;
  /** Put before every id, so that the ids stay unique in the host's shadow root. Default `''`. */
  idPrefix?: string;
  onSourceChange(sourceUserId: string): void;
  /** The source choice lost focus (the event says where the focus went). */
  onSourceBlur?(event: FocusEvent): void;
  onExcludeChange(applicationId: string, excluded: boolean): void;
}

/**
 * "Copy an existing user" (seed 004): the user to copy (a required `<select>`, id
 * `${idPrefix}sourceUserId`) and the applications to leave out (checkboxes, ids
 * `${idPrefix}exclude-${applicationId}`). Parts: `label`, `input`, `fieldset`, `field-error`.
 * The host's styles provide `.field`, `.choices` and `.choice` (`accessSetupStyles`, `baseStyles`).
 */
export function renderCopySourceFields(options: CopySourceFieldsOptions): TemplateResult {
  const { t, sources, applications, sourceUserId, excludeApplications, error, idPrefix = '' } = options;
  const id = `${idPrefix}sourceUserId`;
  return html`<div class="field">
      <label for=${id} part="label">${t.userCreate.sourceUser}<span class="required-mark" aria-hidden="true">*</span></label>
      <select
        id=${id}
        part="input"
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @change=${(event: Event) => options.onSourceChange((event.target as HTMLSelectElement).value)}
        @blur=${(event: FocusEvent) => options.onSourceBlur?.(event)}
      >
        <option value="" ?selected=${sourceUserId === ''}>${t.userCreate.chooseUser}</option>
        ${sources.map((user) => html`<option value=${user.id} ?selected=${sourceUserId === user.id}>${displayName(user)} (${user.email})</option>`)}
      </select>
      ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>
    <fieldset part="fieldset" class="nested">
      <legend>${t.userCreate.excludeApplications}</legend>
      <div class="choices inline">
        ${applications.map(
          (application) => html`<div class="choice">
            <input
              type="checkbox"
              id="${idPrefix}exclude-${application.id}"
              .checked=${live(excludeApplications.includes(application.id))}
              @change=${(event: Event) => options.onExcludeChange(application.id, (event.target as HTMLInputElement).checked)}
            />
            <label for="${idPrefix}exclude-${application.id}" part="label">${application.name}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
}
