import {
  LANGUAGES,
  createUserInputSchema,
  displayName,
  isPortierError,
  planAuthorizeAll,
  planCopy,
  type AccessSetup,
  type CreateUserInput,
  type Grant,
  type Language,
  type Level,
  type PortierState,
  type Role,
  type Signature,
  type User,
  type UserKind,
} from '@portier/core';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { accessSetupStyles } from '../access-setup/access-setup.styles.js';
import { levelPerType, organizationContractTypes } from '../access-setup/contract-types.js';
import { offeredLevels } from '../access-setup/levels-offered.js';
import { copySourceCandidates, renderCopySourceFields } from '../access-setup/copy-source-fields.js';
import { renderTypeLevelFields } from '../access-setup/type-level-fields.js';
import { keepFocusInSight } from '../controllers/keep-focus-in-sight.js';
import { PortierController } from '../controllers/portier-controller.js';
import { UnsavedChangesGuard, type HoldsUnsavedChanges } from '../controllers/unsaved-changes.js';
import { PortierNavigateEvent } from '../events/navigate.js';
import { PortierUserCreatedEvent } from '../events/user-created.js';
import { notePressInForm, touchAfterPress } from '../forms/touch-after-press.js';
import { issueMessage } from '../localize/error-message.js';
import type { Messages, Say } from '../localize/messages.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { userCreateStyles } from './user-create.styles.js';

/** The way access is set at creation (seed 004), or `none` to set it later. */
export type AccessMode = 'none' | AccessSetup['mode'];

const ACCESS_MODES: readonly AccessMode[] = ['none', 'individual', 'copy', 'authorize-all'];

/** The form's fields that can carry an error. */
type Field = 'email' | 'firstName' | 'lastName' | 'phone' | 'mobile' | 'language' | 'role' | 'sourceUserId';

const FIELD_ORDER: readonly Field[] = ['email', 'firstName', 'lastName', 'phone', 'mobile', 'language', 'role', 'sourceUserId'];

interface Draft {
  kind: UserKind;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  mobile: string;
  language: Language | '';
  role: Role;
  signature: Signature;
  managedClientIds: string[];
  mode: AccessMode;
  /** Individual levels by `clientId␀applicationId`. */
  levels: Record<string, Level>;
  /** Individual functional profiles (seed 002) by `clientId␀applicationId`; `''` is none. */
  profiles: Record<string, string>;
  sourceUserId: string;
  excludeApplications: string[];
  /** Authorize all: one level per contract type. */
  typeLevels: Record<string, Level>;
}

/** Tabbing along a row of the matrix on a phone shows each level whole, beside the pinned client column. */
const KEEP_FOCUS_IN_SIGHT = keepFocusInSight('thead');
const cell = (clientId: string, applicationId: string) => `${clientId}\u0000${applicationId}`;

function emptyDraft(language: Language | ''): Draft {
  return {
    kind: 'login',
    email: '',
    firstName: '',
    lastName: '',
    phone: '',
    mobile: '',
    language,
    role: 'user',
    signature: 'individual',
    managedClientIds: [],
    mode: 'none',
    levels: {},
    profiles: {},
    sourceUserId: '',
    excludeApplications: [],
    typeLevels: {},
  };
}

/**
 * A draft as the unsaved-changes guard compares it: a right set back to No access, a profile back
 * to none, or a way to set access opened and left as it came, gives nothing to lose.
 */
function comparable(draft: Draft): Draft {
  const levels = Object.fromEntries(Object.entries(draft.levels).filter(([, level]) => level !== 'none'));
  const profiles = Object.fromEntries(Object.entries(draft.profiles).filter(([key, profile]) => profile !== '' && Object.hasOwn(levels, key)));
  // "Authorize all" gives Full to a type left as it is (levelPerType): only another level is a choice.
  const typeLevels = Object.fromEntries(Object.entries(draft.typeLevels).filter(([, level]) => level !== 'full'));
  return { ...draft, mode: 'none', levels, profiles, typeLevels };
}

/**
 * Creates a user (seed 000 §4): e-mail (the login), first and last name, phone, mobile, language,
 * role (and a super user's signature type), the kind login or contact (seed 003), the managed
 * clients, and access set one of seed 004's three ways: individually (client × application
 * levels, each limited to what the application allows), by copying another user without chosen
 * applications, or "authorize all" with one level per contract type. No password: a login user
 * gets an invitation. Fields are checked as they are typed with the core's `createUserInputSchema`;
 * when saving fails nothing typed is lost and the reason is shown in the user's language.
 *
 * @summary The create-user form.
 * @event portier-user-created - The user was created (the event carries it).
 * @event portier-navigate - "Cancel" asks to go back to the list.
 * @csspart title - The heading.
 * @csspart form - The form.
 * @csspart fieldset - A group of fields.
 * @csspart label - A field label.
 * @csspart input - A text input or select.
 * @csspart field-error - A field's error message.
 * @csspart hint - A field's help text.
 * @csspart matrix - The client × application table of individual access.
 * @csspart profile - A cell's functional profile choice (applications that offer profiles, above level none).
 * @csspart preview - The table of rights that copy or authorize-all will give.
 * @csspart submit-button - "Create user".
 * @csspart cancel-button - "Cancel".
 * @csspart error - The banner that says why saving failed, or why nothing could be loaded.
 * @csspart retry - Loads again after the data could not be loaded.
 * @csspart live - The live region that announces the result.
 */
export class PortierUserCreate extends LitElement implements HoldsUnsavedChanges {
  static override styles = [tokens, baseStyles, accessSetupStyles, userCreateStyles];

  /** Language of the screen; default: the provider's, the page's, or the store's. */
  @property({ reflect: true }) locale: string | undefined;

  /** `dark` or `light` forces a colour scheme; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  @state() private draft: Draft = emptyDraft('');
  @state() private touched = new Set<Field>();
  @state() private submitted = false;
  @state() private saving = false;
  /** Why the last save failed (the error itself: it is explained at render, in the language of the moment). */
  @state() private failure: unknown;
  @state() private serverFieldErrors: Partial<Record<Field, Say>> = {};
  @state() private announcement: Say | undefined;

  readonly #portier = new PortierController(this);

  constructor() {
    super();
    // The browser asks before the page is left (reload, closing the tab) with changes unsaved here.
    new UnsavedChangesGuard(this, () => this.hasUnsavedChanges);
  }

  /** True while something is typed or chosen and not created yet (the language chosen alone does not count). */
  get hasUnsavedChanges(): boolean {
    return JSON.stringify(comparable(this.draft)) !== JSON.stringify(comparable(emptyDraft(this.draft.language)));
  }

  /** Empties the form (after a creation, or from a host). */
  reset(): void {
    this.draft = emptyDraft(this.#portier.locale);
    this.touched = new Set();
    this.submitted = false;
    this.failure = undefined;
    this.serverFieldErrors = {};
  }

  protected override willUpdate(): void {
    if (this.draft.language === '' && this.#portier.t) this.draft = { ...this.draft, language: this.#portier.locale };
  }

  protected override render() {
    const t = this.#portier.t;
    const state = this.#portier.state;
    if (!t) return nothing;
    if (!state || state.status === 'loading') return html`<p class="muted" role="status">${t.common.loading}</p>`;
    if (state.status === 'error') return this.#portier.renderLoadError(t);
    const actor = this.#portier.actor;
    if (!actor || !this.#portier.can('user.create').allowed) return html`<p role="status">${t.common.noAccess}</p>`;
    const errors = this.#errors(t);
    const shown = (field: Field) => (this.touched.has(field) || this.submitted ? errors[field] : undefined) ?? this.serverFieldErrors[field]?.(t);
    const problems = FIELD_ORDER.filter((field) => shown(field));
    return html`
      <h2 part="title" id="title">${t.userCreate.title}</h2>
      <p class="intro" part="hint">${t.userCreate.intro}</p>
      <div class="banner success" part="live" role="status" aria-live="polite">${this.announcement?.(t) ?? nothing}</div>
      <div class="banner error summary" part="error" role="alert" tabindex="-1">${this.failure !== undefined || (this.submitted && problems.length > 0)
        ? html`<div>
            ${this.failure !== undefined ? html`<p>${this.#portier.errorText(this.failure)}</p>` : nothing}
            ${this.submitted && problems.length > 0 ? html`<p>${t.common.fixErrors(problems.length)}</p>` : nothing}
          </div>`
        : nothing}</div>
      <form part="form" novalidate aria-labelledby="title" @submit=${this.#submit} @pointerdown=${notePressInForm}>
        ${this.#renderKind(t)} ${this.#renderIdentity(t, actor, shown)} ${this.#renderManaged(t, state, actor)}
        ${this.#renderAccess(t, state, actor, shown)}
        <div class="footer">
          <button class="button" part="cancel-button" type="button" @click=${this.#cancel}>${t.common.cancel}</button>
          <button class="button primary" part="submit-button" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>
            ${this.saving ? t.userCreate.submitting : t.userCreate.submit}
          </button>
        </div>
      </form>
    `;
  }

  #renderKind(t: Messages): TemplateResult {
    return html`<fieldset part="fieldset">
      <legend>${t.userCreate.kindLegend}</legend>
      <div class="choices">
        ${(['login', 'contact'] as const).map(
          (kind) => html`<div class="choice">
            <input
              type="radio"
              id="kind-${kind}"
              name="kind"
              value=${kind}
              .checked=${live(this.draft.kind === kind)}
              aria-describedby="kind-${kind}-hint"
              @change=${() => this.#set({ kind, role: kind === 'contact' ? 'user' : this.draft.role })}
            />
            <label for="kind-${kind}" part="label">${t.kind[kind]}</label>
            <p class="hint" part="hint" id="kind-${kind}-hint">${t.kindHint[kind]}</p>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderIdentity(t: Messages, actor: User, shown: (field: Field) => string | undefined): TemplateResult {
    const text = (field: 'email' | 'firstName' | 'lastName' | 'phone' | 'mobile', type: string, autocomplete: string, required: boolean, hint?: string) => {
      const error = shown(field);
      const describedBy = [hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ');
      return html`<div class="field">
        <label for=${field} part="label">${t.fields[field]}${required ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}</label>
        <input
          id=${field}
          name=${field}
          part="input"
          type=${type}
          autocomplete=${autocomplete}
          spellcheck="false"
          ?required=${required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${live(this.draft[field])}
          @input=${(event: Event) => this.#set({ [field]: (event.target as HTMLInputElement).value }, field)}
          @blur=${(event: FocusEvent) => touchAfterPress(event, () => this.#touch(field))}
        />
        ${hint ? html`<p class="hint" part="hint" id="${field}-hint">${hint}</p>` : nothing}
        ${error ? html`<p class="field-error" part="field-error" id="${field}-error">${error}</p>` : nothing}
      </div>`;
    };
    const superUser = this.#draftUser(actor, 'superuser');
    const superAllowed = this.#portier.can('user.create', { user: superUser }).allowed;
    return html`<fieldset part="fieldset">
      <legend>${t.userCreate.identity}</legend>
      <div class="grid">
        ${text('email', 'email', 'off', true, t.userCreate.emailHint[this.draft.kind])} ${text('firstName', 'text', 'off', true)} ${text('lastName', 'text', 'off', true)}
        ${text('phone', 'tel', 'off', false)} ${text('mobile', 'tel', 'off', false)}
        <div class="field">
          <label for="language" part="label">${t.fields.language}<span class="required-mark" aria-hidden="true">*</span></label>
          <select id="language" part="input" required @change=${(event: Event) => this.#set({ language: (event.target as HTMLSelectElement).value as Language }, 'language')}>
            ${LANGUAGES.map((language) => html`<option value=${language} ?selected=${this.draft.language === language}>${t.language[language]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="role" part="label">${t.fields.role}</label>
          <select id="role" part="input" aria-describedby="role-hint" @change=${(event: Event) => this.#set({ role: (event.target as HTMLSelectElement).value as Role }, 'role')}>
            <option value="user" ?selected=${this.draft.role === 'user'}>${t.role.user}</option>
            <option value="superuser" ?selected=${this.draft.role === 'superuser'} ?disabled=${!superAllowed}>${t.role.superuser}</option>
          </select>
          <p class="hint" part="hint" id="role-hint">${superAllowed ? t.userCreate.roleHint : t.reasons['contact-cannot-be-super-user']}</p>
        </div>
        ${this.draft.role === 'superuser'
          ? html`<div class="field">
              <label for="signature" part="label">${t.fields.signature}</label>
              <select id="signature" part="input" aria-describedby="signature-hint" @change=${(event: Event) => this.#set({ signature: (event.target as HTMLSelectElement).value as Signature })}>
                ${(['individual', 'collective'] as const).map(
                  (signature) => html`<option value=${signature} ?selected=${this.draft.signature === signature}>${t.signature[signature]}</option>`,
                )}
              </select>
              <p class="hint" part="hint" id="signature-hint">${t.userProfile.signatureHint}</p>
            </div>`
          : nothing}
      </div>
    </fieldset>`;
  }

  #renderManaged(t: Messages, state: PortierState, actor: User): TemplateResult {
    const clients = this.#clients(state, actor);
    return html`<fieldset part="fieldset" aria-describedby="managed-hint">
      <legend>${t.userCreate.managedLegend}</legend>
      <p class="hint" part="hint" id="managed-hint">${t.userCreate.managedHint}</p>
      ${clients.length === 0
        ? html`<p>${t.userCreate.noClients}</p>`
        : html`<div class="choices inline">
            ${clients.map(
              (client) => html`<div class="choice">
                <input
                  type="checkbox"
                  id="managed-${client.id}"
                  .checked=${live(this.draft.managedClientIds.includes(client.id))}
                  @change=${(event: Event) => this.#toggle('managedClientIds', client.id, (event.target as HTMLInputElement).checked)}
                />
                <label for="managed-${client.id}" part="label">${client.name}</label>
              </div>`,
            )}
          </div>`}
    </fieldset>`;
  }

  #renderAccess(t: Messages, state: PortierState, actor: User, shown: (field: Field) => string | undefined): TemplateResult {
    const mode = this.draft.mode;
    return html`<fieldset part="fieldset" class="access">
      <legend>${t.userCreate.accessLegend}</legend>
      <div class="choices">
        ${ACCESS_MODES.map(
          (option) => html`<div class="choice">
            <input
              type="radio"
              id="mode-${option}"
              name="access-mode"
              value=${option}
              .checked=${live(mode === option)}
              aria-describedby="mode-${option}-hint"
              @change=${() => this.#set({ mode: option })}
            />
            <label for="mode-${option}" part="label">${t.userCreate.accessMode[option]}</label>
            <p class="hint" part="hint" id="mode-${option}-hint">${t.userCreate.accessModeHint[option]}</p>
          </div>`,
        )}
      </div>
      ${mode === 'individual' ? this.#renderIndividual(t, state, actor) : nothing}
      ${mode === 'copy' ? this.#renderCopy(t, state, actor, shown) : nothing}
      ${mode === 'authorize-all' ? this.#renderAuthorizeAll(t, state, actor) : nothing}
    </fieldset>`;
  }

  #renderIndividual(t: Messages, state: PortierState, actor: User): TemplateResult {
    const clients = this.#clients(state, actor);
    const applications = Object.values(state.data.applications);
    if (clients.length === 0) return html`<div class="mode-panel"><p>${t.userCreate.noClients}</p></div>`;
    return html`<div class="mode-panel">
      <div class="matrix-scroller" tabindex="0" role="region" aria-label=${t.userCreate.accessMode.individual} @focusin=${KEEP_FOCUS_IN_SIGHT}>
        <table class="matrix" part="matrix">
          <thead>
            <tr>
              <th scope="col">${t.userCreate.client}</th>
              ${applications.map((application) => html`<th scope="col">${application.name}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${clients.map(
              (client) => html`<tr>
                <th scope="row">${client.name}</th>
                ${applications.map((application) => {
                  const key = cell(client.id, application.id);
                  const value = this.draft.levels[key] ?? 'none';
                  return html`<td>
                    <select
                      part="input"
                      data-client=${client.id}
                      data-application=${application.id}
                      aria-label=${t.userCreate.levelFor(application.name, client.name)}
                      @change=${(event: Event) => this.#set({ levels: { ...this.draft.levels, [key]: (event.target as HTMLSelectElement).value as Level } })}
                    >
                      ${offeredLevels(application).map(
                        (level) => html`<option value=${level} ?selected=${value === level}>${t.level[level]}</option>`,
                      )}
                    </select>
                    ${application.profiles.length > 0 && value !== 'none'
                      ? html`<select
                          part="input profile"
                          data-client=${client.id}
                          data-application=${application.id}
                          data-profile
                          aria-label=${t.accessRights.profileFor(application.name, client.name)}
                          @change=${(event: Event) => this.#set({ profiles: { ...this.draft.profiles, [key]: (event.target as HTMLSelectElement).value } })}
                        >
                          <option value="" ?selected=${!this.draft.profiles[key]}>${t.accessRights.noProfile}</option>
                          ${application.profiles.map((profile) => html`<option value=${profile} ?selected=${this.draft.profiles[key] === profile}>${profile}</option>`)}
                        </select>`
                      : nothing}
                  </td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  #renderCopy(t: Messages, state: PortierState, actor: User, shown: (field: Field) => string | undefined): TemplateResult {
    const sources = copySourceCandidates(Object.values(state.data.users), {
      organizationId: actor.organizationId,
      canView: (user) => this.#portier.can('access.view', { user }).allowed,
      locale: this.#portier.locale,
    });
    let preview: Grant[] = [];
    if (this.draft.sourceUserId) {
      try {
        preview = planCopy(state.data, actor, this.draft.sourceUserId, this.draft.excludeApplications).set;
      } catch {
        preview = [];
      }
    }
    return html`<div class="mode-panel">
      ${renderCopySourceFields({
        t,
        sources,
        applications: Object.values(state.data.applications),
        sourceUserId: this.draft.sourceUserId,
        excludeApplications: this.draft.excludeApplications,
        error: shown('sourceUserId'),
        onSourceChange: (sourceUserId) => this.#set({ sourceUserId }, 'sourceUserId'),
        onSourceBlur: (event) => touchAfterPress(event, () => this.#touch('sourceUserId')),
        onExcludeChange: (applicationId, excluded) => this.#toggle('excludeApplications', applicationId, excluded),
      })}
      ${this.draft.sourceUserId ? this.#renderPreview(t, state, preview) : nothing}
    </div>`;
  }

  #renderAuthorizeAll(t: Messages, state: PortierState, actor: User): TemplateResult {
    const types = organizationContractTypes(state.data, actor.organizationId);
    if (types.length === 0) return html`<div class="mode-panel"><p>${t.userCreate.noContracts}</p></div>`;
    const levels = levelPerType(types, this.draft.typeLevels);
    let preview: Grant[] = [];
    try {
      preview = planAuthorizeAll(state.data, actor, levels).set;
    } catch {
      preview = [];
    }
    return html`<div class="mode-panel">
      ${renderTypeLevelFields({
        t,
        types,
        levels,
        onChange: (type, level) => this.#set({ typeLevels: { ...this.draft.typeLevels, [type]: level } }),
      })}
      ${this.#renderPreview(t, state, preview)}
    </div>`;
  }

  #renderPreview(t: Messages, state: PortierState, grants: Grant[]): TemplateResult {
    const rows = grants
      .map((grant) => ({ grant, client: state.data.clients[grant.clientId]?.name ?? grant.clientId, application: state.data.applications[grant.applicationId]?.name ?? grant.applicationId }))
      .sort((a, b) => a.client.localeCompare(b.client) || a.application.localeCompare(b.application));
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${t.fields.accessRights}><table class="preview" part="preview">
      <caption>
        ${t.fields.accessRights}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.userCreate.client}</th>
          <th scope="col">${t.userCreate.application}</th>
          <th scope="col">${t.userList.columns.accessRights}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.length === 0
          ? html`<tr>
              <td colspan="3">${t.common.notSet}</td>
            </tr>`
          : rows.map(
              ({ grant, client, application }) => html`<tr data-client=${grant.clientId} data-application=${grant.applicationId}>
                <td><bdi>${client}</bdi></td>
                <td><bdi>${application}</bdi></td>
                <td>${grant.profile ? t.auditLog.withProfile(t.level[grant.level], grant.profile) : t.level[grant.level]}</td>
              </tr>`,
            )}
      </tbody>
    </table></div>`;
  }

  #clients(state: PortierState, actor: User) {
    return actor.managedClientIds
      .map((id) => state.data.clients[id])
      .filter((client) => client !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name, this.#portier.locale));
  }

  #draftUser(actor: User, role: Role): User {
    const draft = this.draft;
    return {
      id: 'draft',
      organizationId: actor.organizationId,
      email: draft.email,
      firstName: draft.firstName,
      lastName: draft.lastName,
      language: draft.language || 'en',
      kind: draft.kind,
      role,
      signature: draft.signature,
      status: draft.kind === 'login' ? 'invited' : 'contact',
      managedClientIds: draft.managedClientIds,
      failedSignIns: 0,
      passwordSet: false,
      createdAt: '',
      version: 0,
    };
  }

  /** What the form would send. */
  #input(): CreateUserInput {
    const draft = this.draft;
    const input: CreateUserInput = {
      email: draft.email,
      firstName: draft.firstName,
      lastName: draft.lastName,
      language: (draft.language || 'en') as Language,
      kind: draft.kind,
      role: draft.role,
      signature: draft.role === 'superuser' ? draft.signature : 'individual',
      managedClientIds: draft.managedClientIds,
    };
    if (draft.phone.trim() !== '') input.phone = draft.phone;
    if (draft.mobile.trim() !== '') input.mobile = draft.mobile;
    if (draft.mode === 'individual') {
      const grants = Object.entries(draft.levels)
        .filter(([, level]) => level !== 'none')
        .map(([key, level]) => {
          const [clientId, applicationId] = key.split('\u0000') as [string, string];
          const profile = draft.profiles[key];
          return profile ? { clientId, applicationId, level, profile } : { clientId, applicationId, level };
        });
      if (grants.length > 0) input.access = { mode: 'individual', grants };
    } else if (draft.mode === 'copy') {
      input.access = { mode: 'copy', sourceUserId: draft.sourceUserId, excludeApplications: draft.excludeApplications };
    } else if (draft.mode === 'authorize-all') {
      const state = this.#portier.state;
      const types = [...new Set(Object.values(state?.data.contracts ?? {}).map((contract) => contract.type))];
      input.access = { mode: 'authorize-all', levels: levelPerType(types, draft.typeLevels) };
    }
    return input;
  }

  /** Field errors of the current input, from the core's schema. */
  #errors(t: Messages): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    const result = createUserInputSchema.safeParse(this.#input());
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = (issue.path[0] === 'access' ? issue.path[1] : issue.path[0]) as Field;
        if (FIELD_ORDER.includes(field) && !errors[field]) errors[field] = issueMessage(t, issue as never, field);
      }
    }
    if (this.draft.mode === 'copy' && this.draft.sourceUserId === '') errors.sourceUserId = t.validation.required;
    // An empty e-mail is missing, as an empty name is, before it is malformed.
    if (this.draft.email.trim() === '') errors.email = t.validation.required;
    return errors;
  }

  #set(patch: Partial<Draft>, field?: Field): void {
    this.draft = { ...this.draft, ...patch };
    this.announcement = undefined;
    if (field && this.serverFieldErrors[field]) {
      const { [field]: _, ...rest } = this.serverFieldErrors;
      this.serverFieldErrors = rest;
    }
  }

  #toggle(key: 'managedClientIds' | 'excludeApplications', id: string, on: boolean): void {
    const list = this.draft[key].filter((value) => value !== id);
    this.#set({ [key]: on ? [...list, id] : list });
  }

  #touch(field: Field): void {
    if (!this.touched.has(field)) this.touched = new Set(this.touched).add(field);
  }

  #cancel = (): void => {
    this.dispatchEvent(new PortierNavigateEvent('list'));
  };

  #submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const t = this.#portier.t;
    const portier = this.#portier.portier;
    if (!t || !portier || this.saving) return;
    this.submitted = true;
    this.failure = undefined;
    this.announcement = undefined;
    const errors = this.#errors(t);
    const first = FIELD_ORDER.find((field) => errors[field]);
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    this.saving = true;
    const input = this.#input();
    try {
      const user = await portier.users.create(input);
      const name = displayName(user);
      this.reset();
      this.announcement = user.kind === 'login' ? (t) => t.userCreate.created(user.email) : (t) => t.userCreate.createdContact(name);
      this.dispatchEvent(new PortierUserCreatedEvent(user));
    } catch (error) {
      this.failure = error;
      const fieldErrors: Partial<Record<Field, Say>> = {};
      if (isPortierError(error) && error.code === 'email-taken') fieldErrors.email = (t) => t.errors['email-taken'];
      if (isPortierError(error) && error.code === 'validation') {
        for (const issue of error.details?.issues ?? []) {
          const field = (issue.path[0] === 'access' ? issue.path[1] : issue.path[0]) as Field;
          if (FIELD_ORDER.includes(field)) fieldErrors[field] = (t) => issueMessage(t, issue, field);
        }
      }
      this.serverFieldErrors = fieldErrors;
      await this.updateComplete;
      const focus = FIELD_ORDER.find((field) => fieldErrors[field]);
      this.renderRoot.querySelector<HTMLElement>(focus ? `#${focus}` : '[part~="error"]')?.focus();
    } finally {
      this.saving = false;
    }
  };
}
