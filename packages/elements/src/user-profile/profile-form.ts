import { LANGUAGES, isPortierError, profileChangesSchema, type FieldIssue, type Language, type ProfileChanges, type User } from '@portier/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { NO_SUBMIT_ALERT, invalidAlert, nextSubmitAlert, type SubmitAlert } from '../forms/invalid-alert.js';
import { touchAfterPress } from '../forms/touch-after-press.js';
import { issueMessage } from '../localize/error-message.js';
import type { Messages } from '../localize/messages.js';

/** The profile fields a form edits (SPEC rule 1: what a user may change on its own account). */
export type ProfileField = 'firstName' | 'lastName' | 'phone' | 'mobile' | 'language';

const FIELDS: readonly ProfileField[] = ['firstName', 'lastName', 'phone', 'mobile', 'language'];

type Draft = Record<ProfileField, string>;

function draftOf(user: User): Draft {
  return { firstName: user.firstName, lastName: user.lastName, phone: user.phone ?? '', mobile: user.mobile ?? '', language: user.language };
}

/**
 * The state of a profile form, shared by `<portier-user-profile>` and `<portier-own-profile>`:
 * the user as loaded (its version is the `expectedVersion` of the save), what is typed, which
 * fields were visited, and the errors of the core's `profileChangesSchema`. What is typed is kept
 * whatever the store does meanwhile, until it is saved or the user asks for the latest version.
 */
export class ProfileForm {
  base: User | undefined;
  draft: Draft | undefined;
  #touched = new Set<ProfileField>();
  #submitted = false;
  #alert: SubmitAlert = NO_SUBMIT_ALERT;
  /** A backend's field problems, kept as issues: they are worded at render, in the language of the moment. */
  #serverErrors: Partial<Record<ProfileField, FieldIssue>> = {};

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Loads the user when the form shows another one, or a newer version while nothing is typed. */
  sync(user: User | undefined): void {
    if (!user) return;
    if (!this.base || this.base.id !== user.id || (this.base.version !== user.version && !this.dirty)) this.load(user);
  }

  /** Replaces what is typed by the user's current data. */
  load(user: User): void {
    this.base = user;
    this.draft = draftOf(user);
    this.#touched = new Set();
    this.#submitted = false;
    this.#serverErrors = {};
  }

  /**
   * After a conflict: the latest version becomes the base of the next save. Fields the user
   * changed keep what was typed; the others take the newer values, so "save again" applies only
   * the user's own edits over the other client's.
   */
  rebase(latest: User): void {
    const typed = this.draft;
    const before = this.base ? draftOf(this.base) : undefined;
    this.base = latest;
    const newer = draftOf(latest);
    if (typed && before) {
      this.draft = { ...newer };
      for (const field of FIELDS) if (typed[field] !== before[field]) this.draft[field] = typed[field];
    }
    this.host.requestUpdate();
  }

  /** Something typed differs from the loaded user. */
  get dirty(): boolean {
    if (!this.base || !this.draft) return false;
    const base = draftOf(this.base);
    return FIELDS.some((field) => base[field] !== this.draft![field]);
  }

  /** Only the fields that changed, as the command takes them. */
  changes(): ProfileChanges {
    const changes: Record<string, string> = {};
    if (!this.base || !this.draft) return changes;
    const base = draftOf(this.base);
    for (const field of FIELDS) if (base[field] !== this.draft[field]) changes[field] = this.draft[field];
    return changes as ProfileChanges;
  }

  errors(t: Messages): Partial<Record<ProfileField, string>> {
    const errors: Partial<Record<ProfileField, string>> = {};
    if (!this.draft) return errors;
    const result = profileChangesSchema.safeParse(this.draft);
    if (!result.success) {
      // A value as the backend holds it is not the user's input (only changes are sent): a stored
      // name that today's rules would refuse ("." for a single name) must not block a phone's save.
      const stored = this.base ? draftOf(this.base) : undefined;
      for (const issue of result.error.issues) {
        const field = issue.path[0] as ProfileField;
        if (FIELDS.includes(field) && !errors[field] && stored?.[field] !== this.draft[field]) errors[field] = issueMessage(t, issue as never, field);
      }
    }
    return errors;
  }

  /** Marks every field visited (a save was tried) and returns the first field in error, if any. */
  submit(t: Messages): ProfileField | undefined {
    this.#submitted = true;
    this.host.requestUpdate();
    const errors = this.errors(t);
    const inError = FIELDS.filter((field) => errors[field]);
    this.#alert = nextSubmitAlert(this.#alert, inError.length);
    return inError[0];
  }

  /**
   * Shows the field problems of a backend's `validation` refusal next to their fields. `_t` is not
   * needed any more (they are worded when rendered); it stays for the callers that pass it.
   */
  serverFailed(error: unknown): ProfileField | undefined {
    this.#serverErrors = {};
    if (isPortierError(error) && error.code === 'validation') {
      for (const issue of error.details?.issues ?? []) {
        const field = issue.path[0] as ProfileField;
        if (FIELDS.includes(field)) this.#serverErrors[field] = issue;
      }
    }
    this.host.requestUpdate();
    return FIELDS.find((field) => this.#serverErrors[field]);
  }

  /**
   * The fields, labelled, with live errors. `locked` names (identity lock, SPEC rule 5) are read-only;
   * `readonly` shows what was typed for copying only (the user is gone). Ids are `firstName`,
   * `lastName`, `phone`, `mobile`, `language`.
   */
  render(t: Messages, options: { namesLocked?: boolean; disabled?: boolean; readonly?: boolean } = {}): TemplateResult {
    const draft = this.draft;
    if (!draft) return html``;
    const errors = this.errors(t);
    const shown = (field: ProfileField) => {
      const server = this.#serverErrors[field];
      return (this.#touched.has(field) || this.#submitted ? errors[field] : undefined) ?? (server ? issueMessage(t, server, field) : undefined);
    };
    const text = (field: 'firstName' | 'lastName' | 'phone' | 'mobile', type: string, autocomplete: string, required: boolean) => {
      const error = shown(field);
      const locked = options.namesLocked === true && (field === 'firstName' || field === 'lastName');
      const readonly = options.readonly === true || locked;
      return html`<div class="field">
        <label for=${field} part="label">${t.fields[field]}${required ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}</label>
        <input
          id=${field}
          part="input"
          type=${type}
          autocomplete=${autocomplete}
          spellcheck="false"
          ?required=${required}
          ?readonly=${readonly}
          ?disabled=${options.disabled}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${field}-error` : locked ? 'identity-lock-hint' : nothing}
          .value=${live(draft[field])}
          @input=${(event: Event) => this.#input(field, (event.target as HTMLInputElement).value)}
          @blur=${(event: FocusEvent) => touchAfterPress(event, () => this.#touch(field))}
        />
        ${error ? html`<p class="field-error" part="field-error" id="${field}-error">${error}</p>` : nothing}
      </div>`;
    };
    return html`<div class="grid">
        ${text('firstName', 'text', 'given-name', true)} ${text('lastName', 'text', 'family-name', true)} ${text('phone', 'tel', 'tel', false)}
        ${text('mobile', 'tel', 'tel', false)}
        <div class="field">
          <label for="language" part="label">${t.fields.language}</label>
          <select id="language" part="input" ?disabled=${options.disabled || options.readonly} @change=${(event: Event) => this.#input('language', (event.target as HTMLSelectElement).value)}>
            ${LANGUAGES.map((language: Language) => html`<option value=${language} ?selected=${draft.language === language}>${t.language[language]}</option>`)}
          </select>
        </div>
      </div>
      ${options.namesLocked ? html`<p class="hint" part="hint" id="identity-lock-hint">${t.reasons['identity-lock']}</p>` : nothing}
      ${invalidAlert(t, this.#alert, this.#submitted ? FIELDS.filter((field) => shown(field)).length : 0)}`;
  }

  #input(field: ProfileField, value: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [field]: value };
    delete this.#serverErrors[field];
    this.host.requestUpdate();
  }

  #touch(field: ProfileField): void {
    this.#touched.add(field);
    this.host.requestUpdate();
  }
}
