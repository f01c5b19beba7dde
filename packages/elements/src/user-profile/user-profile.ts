import { PortierError, clientsOfUser, displayName, selectGrants, effectiveStatus, isPortierError, superUserLoss, isoDay, selectUser, type AccountStatus, type Action, type Decision, type PortierState, type Signature, type User } from '@portier/core';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ConfirmDialog } from '../controllers/confirm-dialog.js';
import { PortierController } from '../controllers/portier-controller.js';
import { BusyUsers } from '../controllers/busy-users.js';
import { keepFocusClearOf } from '../controllers/keep-focus-in-sight.js';
import { UnsavedChangesGuard, type HoldsUnsavedChanges } from '../controllers/unsaved-changes.js';
import { PortierUserRemovedEvent } from '../events/user-removed.js';
import { PortierUserUpdatedEvent, type UserChange } from '../events/user-updated.js';
import { notePressInForm } from '../forms/touch-after-press.js';
import { OtherUserFailure, errorMessage, sayFailure } from '../localize/error-message.js';
import type { Messages, Say } from '../localize/messages.js';
import { baseStyles, dialogStyles, tokens } from '../theme/tokens.js';
import { formatList } from '../localize/format.js';
import { ProfileForm } from './profile-form.js';
import { userProfileStyles } from './user-profile.styles.js';

/** What the banner at the top says: the result of an action, or why a press did nothing. */
interface Notice {
  say: Say;
  tone: 'success' | 'info';
}

/** Refusals shown on a visible, aria-disabled control with their explanation, rather than hidden. */
/** A field focused from the keyboard shows whole below the result banners stuck at the top. */
const KEEP_FOCUS_CLEAR_OF_RESULTS = keepFocusClearOf('.results');

const EXPLAINED: ReadonlySet<string> = new Set(['own-account', 'last-super-user', 'last-super-user-without-end-date', 'contact-cannot-be-super-user']);

/** Actions that take away a super user (SPEC rule 4): the §5.1 hint explains their refusal. */
const TAKES_AWAY: ReadonlySet<Action> = new Set(['user.set-role', 'user.deactivate', 'user.block', 'user.remove']);

/** Actions asked for in the confirmation dialog (their label and question are `t.userProfile[x]`, `t.userProfile.confirm[x]`). */
type Confirmable = 'demote' | 'deactivate' | 'block' | 'remove';

/** Account actions drawn as dangerous. */
const DANGER: ReadonlySet<string> = new Set(['demote', 'deactivate', 'block', 'remove']);

/** The action that undoes each one: where the focus goes after it, when its own button is gone. */
const UNDONE_BY: Partial<Record<string, string>> = { block: 'unblock', unblock: 'block', deactivate: 'activate', activate: 'deactivate', promote: 'demote', demote: 'promote' };

/** Where a section explains a refusal: refused buttons point to it with aria-describedby. */
const EXPLANATION_IDS: Partial<Record<Action, string>> = {
  'user.set-role': 'explain-role',
  'user.set-signature': 'explain-signature',
  'user.deactivate': 'explain-account',
  'user.remove': 'explain-remove',
};

/** The explanation each refused button points to (Delete: see `#describedBy`). */
const EXPLAINED_BY: Partial<Record<string, string>> = { promote: 'explain-role', demote: 'explain-role' };

/**
 * Edits one user (seed 000 §5.1): names, phones and language (the e-mail, which is the login, is
 * read-only); the role with Promote / Demote, where the refusal to demote the last super user is
 * explained as the manual does ("create or promote another super user first"); a super user's
 * signature type; the active-until date (today or later: deactivating now goes through Deactivate
 * and its confirmation); deactivate / reactivate, block / unblock; delete, after a confirmation; a
 * password-reset e-mail (the administrator never sees or sets a password) and a new invitation.
 * Every command carries the user's version, so a concurrent change is refused with `conflict` and
 * the input kept.
 *
 * @summary The user-profile screen of an administrator.
 * @event portier-user-updated - A change was saved (`change` says which).
 * @event portier-user-removed - The user was deleted (the event carries its id and its last record).
 * @csspart title - The heading.
 * @csspart subtitle - "User: e-mail".
 * @csspart notice - Says the account cannot be changed here: the user also works for clients the actor does not manage.
 * @csspart section - A section (role, profile, signature, account).
 * @csspart label - A field label.
 * @csspart input - An input or select.
 * @csspart field-error - A field's error.
 * @csspart hint - Help text and explanations of refusals.
 * @csspart button - An action button.
 * @csspart save-button - The profile's save button.
 * @csspart status - The status badge.
 * @csspart status-reason - Under the status: who blocked the account, or until when its sign-in is locked.
 * @csspart error - The banner that says why an action failed, or why nothing could be loaded.
 * @csspart retry - Loads again after the data could not be loaded.
 * @csspart live - The live regions that announce results (the banner at the top, and the one next to the profile's save button).
 * @csspart saved - "Saved", next to the profile's save button.
 * @csspart dialog - The confirmation dialog.
 * @csspart results - The result and error banners: they stay in view (sticky) while the page scrolls.
 *
 * @cssproperty --portier-sticky-top - Where the result banners stick, e.g. below a fixed host header (default 0).
 */
export class PortierUserProfile extends LitElement implements HoldsUnsavedChanges {
  static override styles = [tokens, baseStyles, dialogStyles, userProfileStyles];

  /** The user to edit. */
  @property({ attribute: 'user-id', reflect: true }) userId = '';

  /** Language of the screen; default: the provider's, the page's, or the store's. */
  @property({ reflect: true }) locale: string | undefined;

  /** `dark` or `light` forces a colour scheme; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  @state() private error: Say | undefined;
  @state() private conflict = false;
  @state() private announcement: Notice | undefined;
  /** "Saved", next to the profile's save button: the top of a long form may be out of sight. */
  /** What the line beside Save says: saved, or nothing to save. */
  @state() private profileSaved: false | 'saved' | 'unchanged' = false;
  @state() private activeUntil: string | undefined;
  @state() private activeUntilError: Say | undefined;
  @state() private signature: Signature | undefined;
  /** A deletion in flight or done: the user is gone from the store, which is not "not found". */
  @state() private removal: 'pending' | 'done' | undefined;

  readonly #portier = new PortierController(this);
  readonly #form = new ProfileForm(this);
  readonly #dialog = new ConfirmDialog(this);
  /** The `data-action` of the button that started the running action: the focus goes back to it. */
  #returnAction: string | undefined;

  constructor() {
    super();
    // The browser asks before the page is left (reload, closing the tab) with changes unsaved here.
    new UnsavedChangesGuard(this, () => this.hasUnsavedChanges);
  }

  /** True while the profile form, the end date or the signature holds a change not saved yet. */
  get hasUnsavedChanges(): boolean {
    const user = this.#user();
    if (this.#form.dirty) return true;
    if (!user) return false;
    return (this.activeUntil !== undefined && this.activeUntil !== (user.activeUntil ?? '')) || (this.signature !== undefined && this.signature !== user.signature);
  }

  /** Only the buttons of a user with a command running wait: after a switch, the next user's are free. */
  readonly #busy = new BusyUsers(this);

  private get busy(): boolean {
    return this.#busy.has(this.userId);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('userId')) {
      this.error = undefined;
      this.conflict = false;
      this.announcement = undefined;
      this.profileSaved = false;
      this.activeUntil = undefined;
      this.activeUntilError = undefined;
      this.signature = undefined;
      this.removal = undefined;
    }
    this.#form.sync(this.#user());
  }

  protected override render() {
    const t = this.#portier.t;
    const state = this.#portier.state;
    if (!t) return nothing;
    if (!state || state.status === 'loading') return html`<p class="muted" role="status">${t.common.loading}</p>`;
    if (state.status === 'error') return this.#portier.renderLoadError(t);
    const user = this.#user();
    if (this.removal && !user) {
      // The store drops a deleted user at once; say it was deleted rather than that it does not exist.
      return html`<div class="banner success" part="live" role="status" aria-live="polite">${this.announcement?.say(t) ?? nothing}</div>`;
    }
    if (!user || !this.#portier.can('user.view', { user }).allowed) {
      const kept = this.#form.dirty && this.#form.base?.id === this.userId ? this.#form.base : undefined;
      if (kept) return this.#renderGone(t, kept);
      // A refusal can take the user out of the actor's view (it lost its role meanwhile): say why first.
      return html`<div class="banner info stacked" part="error" role="alert">${this.error ? html`<p>${this.error(t)}</p>` : nothing}<p>${t.userProfile.notFound}</p></div>`;
    }
    return html`
      <h2 part="title" id="title">${t.userProfile.title}</h2>
      <p class="subtitle" part="subtitle">${t.userProfile.userHeading(user.email)}</p>
      ${this.#renderOutsideScope(t, state, user)}
      <div class="results" part="results">
        <div class="banner ${this.announcement?.tone ?? 'success'}" part="live" role="status" aria-live="polite">${this.announcement?.say(t) ?? nothing}</div>
        <div class="banner error" part="error" role="alert" tabindex="-1">${this.error
          ? html`<p>${this.error(t)}</p>
              ${this.conflict ? html`<button class="button small" part="button" type="button" @click=${this.#reload}>${t.userProfile.reload}</button>` : nothing}`
          : nothing}</div>
      </div>
      <div class="layout" @input=${this.#edited} @focusin=${KEEP_FOCUS_CLEAR_OF_RESULTS}>
        ${this.#renderRole(t, user)} ${this.#renderProfile(t, state, user)} ${user.role === 'superuser' ? this.#renderSignature(t, user) : nothing}
        ${this.#renderAccount(t, state, user)}
      </div>
      ${this.#dialog.render(t)}
    `;
  }

  /**
   * Rule 2: the user also works for clients the actor does not manage, so nothing of the account
   * can be changed here (its controls are gone or disabled). Says so once, naming those clients.
   */
  #renderOutsideScope(t: Messages, state: PortierState, user: User): TemplateResult | typeof nothing {
    const decision = this.#portier.can('user.update-profile', { user, fields: ['phone'] });
    if (decision.allowed || decision.reason !== 'user-not-managed') return nothing;
    const managed = new Set(this.#portier.actor?.managedClientIds);
    const outside = clientsOfUser(user, selectGrants(state, user.id)).filter((id) => !managed.has(id));
    const names = outside.map((id) => state.data.clients[id]?.name ?? id);
    return html`<p class="banner info" part="notice" role="note">${t.userProfile.outsideScope(formatList(this.#portier.locale, names))}</p>`;
  }

  /**
   * The user went (deleted in another tab, or out of the actor's view) while the profile had
   * unsaved input: nothing can be saved any more, but what was typed stays, read-only, to copy.
   */
  #renderGone(t: Messages, kept: User): TemplateResult {
    return html`
      <h2 part="title" id="title">${t.userProfile.title}</h2>
      <p class="subtitle" part="subtitle">${t.userProfile.userHeading(kept.email)}</p>
      <div class="banner error" part="error" role="alert" tabindex="-1"><p>${t.userProfile.goneWhileEditing}</p></div>
      <section part="section" aria-labelledby="profile-heading">
        <h3 id="profile-heading">${t.userProfile.profileHeading}</h3>
        ${this.#form.render(t, { readonly: true })}
      </section>
    `;
  }

  #renderRole(t: Messages, user: User): TemplateResult {
    const target = user.role === 'superuser' ? 'user' : 'superuser';
    const decision = this.#decide('user.set-role', user, { role: target });
    const label = target === 'user' ? t.userProfile.demote : t.userProfile.promote;
    return html`<section part="section" aria-labelledby="role-heading">
      <h3 id="role-heading" tabindex="-1">${t.userProfile.roleHeading}</h3>
      <p class="current">${t.userProfile.currentRole(t.role[user.role])}</p>
      <div class="actions">
        ${this.#actionButton(decision, label, target === 'user' ? 'demote' : 'promote', () =>
          target === 'user'
            ? this.#confirm('demote', user)
            : this.#run('role', (id, options) => this.#store().users.setRole(id, 'superuser', options), (t) => t.userProfile.done.promoted(displayName(user))),
        )}
      </div>
      ${this.#explanation(t, user, 'user.set-role', decision)}
    </section>`;
  }

  #renderProfile(t: Messages, state: PortierState, user: User): TemplateResult {
    const decision = this.#portier.can('user.update-profile', { user, fields: ['firstName'], settings: state.data.organizations[user.organizationId]?.settings });
    const namesLocked = !decision.allowed && decision.reason === 'identity-lock';
    const editable = this.#portier.can('user.update-profile', { user, fields: ['phone'] }).allowed;
    return html`<section part="section" aria-labelledby="profile-heading">
      <h3 id="profile-heading">${t.userProfile.profileHeading}</h3>
      <form novalidate aria-labelledby="profile-heading" @submit=${this.#saveProfile} @pointerdown=${notePressInForm}>
        <div class="field" style="margin-bottom: calc(var(--_space) * 2)">
          <label for="email" part="label">${t.fields.email}</label>
          <input id="email" part="input" type="email" readonly .value=${user.email} aria-describedby="email-hint" />
          <p class="hint" part="hint" id="email-hint">${t.userProfile.emailHint}</p>
        </div>
        ${this.#form.render(t, { namesLocked, disabled: !editable })}
        ${editable
          ? html`<div class="footer">
              <p class="inline-status" part="live saved" role="status">${this.profileSaved === 'saved' ? t.userProfile.done.saved : this.profileSaved === 'unchanged' ? t.userProfile.profileUnchanged : nothing}</p>
              <button class="button primary" part="save-button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.common.save}</button>
            </div>`
          : nothing}
      </form>
    </section>`;
  }

  #renderSignature(t: Messages, user: User): TemplateResult {
    const decision = this.#decide('user.set-signature', user);
    const value = this.signature ?? user.signature;
    // Like "Save the date": nothing to save until another type is chosen (aria-disabled, so that it
    // keeps the focus after a save, and says why when pressed).
    const unchanged = value === user.signature;
    // A refused select is disabled: it points to why (the explanation under the section), then to the hint.
    const explained = !decision.allowed && EXPLAINED.has(decision.reason);
    return html`<section part="section" aria-labelledby="signature-heading">
      <h3 id="signature-heading">${t.userProfile.signatureHeading}</h3>
      <div class="row">
        <div class="field">
          <label for="signature" part="label">${t.fields.signature}</label>
          <select
            id="signature"
            part="input"
            aria-describedby=${explained ? 'explain-signature signature-hint' : 'signature-hint'}
            ?disabled=${!decision.allowed}
            @change=${(event: Event) => (this.signature = (event.target as HTMLSelectElement).value as Signature)}
          >
            ${(['individual', 'collective'] as const).map((signature) => html`<option value=${signature} ?selected=${value === signature}>${t.signature[signature]}</option>`)}
          </select>
        </div>
        ${decision.allowed
          ? html`<button
              class="button"
              part="button"
              type="button"
              data-action="signature"
              aria-disabled=${unchanged || this.busy ? 'true' : 'false'}
              @click=${() => {
                if (this.busy) return;
                if (unchanged) return this.#nothingToSave();
                this.#returnAction = 'signature';
                void this.#run('signature', (id, options) => this.#store().users.setSignature(id, value, options), (t) => t.userProfile.done.signature);
              }}
            >
              ${t.common.save}
            </button>`
          : nothing}
      </div>
      <p class="hint" part="hint" id="signature-hint">${t.userProfile.signatureHint}</p>
      ${this.#explanation(t, user, 'user.set-signature', decision)}
    </section>`;
  }

  /** Why the account is as it is, when the status alone does not say: who blocked it, or until when its sign-in is locked. */
  #statusReason(t: Messages, state: PortierState, user: User, status: AccountStatus): TemplateResult | typeof nothing {
    if (status === 'blocked' && user.blockReason) return html`<p class="hint" part="status-reason">${t.userProfile.blockedBy[user.blockReason]}</p>`;
    const lockedUntil = user.signInLockedUntil;
    if (status === 'active' && lockedUntil && Date.parse(lockedUntil) > state.now) {
      const time = this.#portier.date(lockedUntil, { dateStyle: 'medium', timeStyle: 'short', timeZone: undefined });
      return html`<p class="hint" part="status-reason">${t.userProfile.signInLockedUntil(time)}</p>`;
    }
    return nothing;
  }

  #renderAccount(t: Messages, state: PortierState, user: User): TemplateResult {
    const status = effectiveStatus(user, state.now);
    const deactivate = this.#decide('user.deactivate', user);
    const activeUntil = this.activeUntil ?? user.activeUntil ?? '';
    // One's own password is changed, not reset by e-mail: no button here (own-account would explain a rule about roles and statuses).
    const canReset = user.kind === 'login' && user.passwordSet && (status === 'active' || status === 'blocked') && user.id !== state.actorId;
    // Two rows: what gives access back or helps (unblock, resend, reset), then what takes it away
    // (block, deactivate, delete), so the reset hint between them describes only its own button.
    const helping: TemplateResult[] = [];
    const takingAway: TemplateResult[] = [];
    const add = (action: Action, label: string, id: string, run: () => void, show: boolean) => {
      if (!show) return;
      const decision = this.#decide(action, user);
      const button = this.#actionButton(decision, label, id, run);
      if (button !== nothing) (TAKES_AWAY.has(action) ? takingAway : helping).push(button as TemplateResult);
    };
    add('user.activate', t.userProfile.reactivate, 'activate', () => this.#run('status', (id, o) => this.#store().users.activate(id, o), (t) => t.userProfile.done.activated), status === 'deactivated');
    add('user.unblock', t.userProfile.unblock, 'unblock', () => this.#run('status', (id, o) => this.#store().users.unblock(id, o), (t) => t.userProfile.done.unblocked), status === 'blocked');
    add(
      'user.resend-invitation',
      t.userProfile.resendInvitation,
      'resend-invitation',
      () => this.#run('invitation', (id, o) => this.#store().users.resendInvitation(id, o), (t) => t.userProfile.done.invitationSent(user.email)),
      status === 'invited' || status === 'expired',
    );
    add('user.make-login', t.userProfile.makeLogin, 'make-login', () => this.#run('status', (id, o) => this.#store().users.makeLogin(id, o), (t) => t.userProfile.done.madeLogin), status === 'contact');
    add(
      'user.reset-password',
      t.userProfile.resetPassword,
      'reset-password',
      () => this.#run('password-reset', (id, o) => this.#store().users.resetPassword(id, o), (t) => t.userProfile.done.resetSent(user.email)),
      canReset,
    );
    add('user.block', t.userProfile.block, 'block', () => this.#confirm('block', user), status === 'active');
    add('user.deactivate', t.userProfile.deactivate, 'deactivate', () => this.#confirm('deactivate', user), status !== 'deactivated' && status !== 'deleted');
    add('user.remove', t.userProfile.remove, 'remove', () => this.#confirm('remove', user), status !== 'deleted');
    const today = isoDay(state.now);
    // Nothing to save while the field shows the saved day (empty: no end date, none saved).
    const untilUnchanged = (activeUntil || undefined) === user.activeUntil;
    return html`<section part="section" aria-labelledby="account-heading">
      <h3 id="account-heading" tabindex="-1">${t.userProfile.accountHeading}</h3>
      <p class="current">${t.common.labelled(t.fields.status)} <span class="badge ${status}" part="status">${t.status[status]}</span></p>
      ${this.#statusReason(t, state, user, status)}
      ${status !== 'deactivated' && (deactivate.allowed || EXPLAINED.has(deactivate.reason))
        ? html`<div class="row">
            <div class="field">
              <label for="active-until" part="label">${t.fields.activeUntil}</label>
              <input
                id="active-until"
                part="input"
                type="date"
                min=${today}
                aria-invalid=${this.activeUntilError ? 'true' : 'false'}
                aria-describedby=${[!deactivate.allowed && EXPLAINED.has(deactivate.reason) ? 'explain-account' : '', this.activeUntilError ? 'active-until-error' : '', 'active-until-hint'].filter(Boolean).join(' ')}
                ?disabled=${!deactivate.allowed}
                .value=${activeUntil}
                @input=${(event: Event) => {
                  this.activeUntil = (event.target as HTMLInputElement).value;
                  this.activeUntilError = undefined;
                }}
              />
              ${this.activeUntilError ? html`<p class="field-error" part="field-error" id="active-until-error">${this.activeUntilError(t)}</p>` : nothing}
            </div>
            ${deactivate.allowed
              ? html`<button
                  class="button"
                  part="button"
                  type="button"
                  data-action="active-until"
                  aria-disabled=${untilUnchanged || this.busy ? 'true' : 'false'}
                  @click=${() => this.#saveActiveUntil(activeUntil, today, untilUnchanged)}
                >
                  ${t.userProfile.saveActiveUntil}
                </button>`
              : nothing}
            ${user.activeUntil && this.#portier.can('user.activate', { user }).allowed
              ? html`<button
                  class="button link"
                  part="button"
                  type="button"
                  data-action="clear-active-until"
                  aria-disabled=${this.busy ? 'true' : 'false'}
                  @click=${() => {
                    if (this.busy) return;
                    this.activeUntil = undefined;
                    this.#returnAction = 'clear-active-until';
                    void this.#run('active-until', (id, o) => this.#store().users.activate(id, o), (t) => t.userProfile.done.activeUntil);
                  }}
                >
                  ${t.userProfile.clearActiveUntil}
                </button>`
              : nothing}
          </div>
          <p class="hint" part="hint" id="active-until-hint">${t.userProfile.activeUntilHint}</p>`
        : nothing}
      ${helping.length > 0 ? html`<div class="actions" style="margin-top: calc(var(--_space) * 2)">${helping}</div>` : nothing}
      ${canReset && this.#portier.can('user.reset-password', { user }).allowed ? html`<p class="hint" part="hint">${t.userProfile.resetPasswordHint}</p>` : nothing}
      ${takingAway.length > 0 ? html`<div class="actions" style="margin-top: calc(var(--_space) * 2)">${takingAway}</div>` : nothing}
      ${this.#explanation(t, user, 'user.deactivate', deactivate)}
      ${this.#removeExplanation(t, user, deactivate)}
    </section>`;
  }

  /** A button for an action the policy allows, or an aria-disabled one that explains a refusal; nothing otherwise. */
  #actionButton(decision: Decision, label: string, id: string, run: () => void): TemplateResult | typeof nothing {
    if (!decision.allowed && !EXPLAINED.has(decision.reason)) return nothing;
    // Keyed: a button element only ever carries one action, so after Block the focused element is
    // not redrawn as "Send a password-reset e-mail" under the keyboard.
    return html`${keyed(
      id,
      html`<button
      class="button ${DANGER.has(id) ? 'danger' : ''}"
      part="button"
      type="button"
      data-action=${id}
      aria-disabled=${!decision.allowed || this.busy ? 'true' : 'false'}
      aria-describedby=${decision.allowed ? nothing : this.#describedBy(id, decision)}
      @click=${() => {
        if (this.busy) return;
        if (!decision.allowed) {
          this.announcement = undefined;
          this.profileSaved = false;
          this.error = this.#refusal(decision);
          return;
        }
        this.#returnAction = id;
        run();
      }}
    >
      ${label}
    </button>`,
    )}`;
  }

  /** The id of the explanation a refused button points to: Delete has its own unless Deactivate's says the same. */
  #describedBy(id: string, decision: Decision): string {
    if (id !== 'remove') return EXPLAINED_BY[id] ?? 'explain-account';
    const user = this.#user();
    const deactivate = user ? this.#decide('user.deactivate', user) : undefined;
    return !decision.allowed && deactivate && !deactivate.allowed && deactivate.reason === decision.reason ? 'explain-account' : 'explain-remove';
  }

  /** The explanation under a section whose action is refused (the §5.1 hint for the last super user). */
  #explanation(t: Messages, user: User, action: Action, decision: Decision): TemplateResult | typeof nothing {
    if (decision.allowed || !EXPLAINED.has(decision.reason)) return nothing;
    const takesAway = TAKES_AWAY.has(action);
    const lastSuperUser = takesAway && this.#isLastSuperUser(user);
    // Rule 4's words are for what would take a super user away; another refusal (the own
    // signature) says its own reason, even for the last super user.
    const text = lastSuperUser
      ? t.userProfile.lastSuperUserHint
      : takesAway
        ? this.#refusal(decision)(t)
        : errorMessage(t, new PortierError(decision.code, { reason: decision.reason }));
    return html`<p class="hint explain" part="hint" id=${EXPLANATION_IDS[action] ?? nothing} data-explains=${action}>
      ${text}
    </p>`;
  }

  /**
   * Delete's own explanation, when its refusal is not the one Deactivate already explains (rule 2:
   * the user has rights on clients the actor does not manage).
   */
  #removeExplanation(t: Messages, user: User, deactivate: Decision): TemplateResult | typeof nothing {
    const remove = this.#decide('user.remove', user);
    if (remove.allowed || !EXPLAINED.has(remove.reason)) return nothing;
    // When Deactivate's explanation already says it, Delete points there (see #describedBy).
    if (!deactivate.allowed && deactivate.reason === remove.reason) return nothing;
    return this.#explanation(t, user, 'user.remove', remove);
  }

  /** Why the policy refuses, as of now (the reason is fixed here; only its wording waits for the render). */
  #refusal(decision: Decision): Say {
    if (decision.allowed) return () => '';
    const user = this.#user();
    const reason = user && decision.reason === 'own-account' && this.#isLastSuperUser(user) ? 'last-super-user' : decision.reason;
    const refusal = new PortierError(decision.code, { reason });
    return (t) => errorMessage(t, refusal);
  }

  #isLastSuperUser(user: User): boolean {
    const state = this.#portier.state;
    return !!state && superUserLoss(user, this.#portier.superUsers(), state.now) === 'last-super-user';
  }

  /** The policy's answer, asked with what the command will ask it. */
  #decide(action: Action, user: User, extra: { role?: 'user' | 'superuser' } = {}): Decision {
    return this.#portier.can(action, { user, superUsers: this.#portier.superUsers(), ...extra });
  }

  #user(): User | undefined {
    return this.userId ? this.#portier.state && selectUser(this.#portier.state, this.userId) : undefined;
  }

  #store() {
    return this.#portier.portier!;
  }

  /** Asks in the dialog, naming the user, and runs the action once confirmed. */
  async #confirm(what: Confirmable, user: User): Promise<void> {
    const t = this.#portier.t;
    if (!t) return;
    const name = displayName(user);
    const confirmed = await this.#dialog.ask({ title: t.userProfile.confirmTitle, message: t.userProfile.confirm[what](name), confirmLabel: t.userProfile[what], danger: DANGER.has(what) });
    if (!confirmed) {
      this.#returnAction = undefined;
      return;
    }
    if (what === 'demote') this.#run('role', (id, o) => this.#store().users.setRole(id, 'user', o), (t) => t.userProfile.done.demoted(name));
    if (what === 'deactivate') this.#run('status', (id, o) => this.#store().users.deactivate(id, o), (t) => t.userProfile.done.deactivated);
    if (what === 'block') this.#run('status', (id, o) => this.#store().users.block(id, o), (t) => t.userProfile.done.blocked);
    if (what === 'remove') this.#run('removed', (id, o) => this.#store().users.remove(id, o), (t) => t.userProfile.done.removed(name));
  }

  /**
   * An end date from today on. A past day would deactivate the account at once, without the
   * confirmation Deactivate asks, so it is refused here; "today" is the store's clock (a host or
   * the demo may move it), not the browser's. With nothing to save (the saved day, or no day) the
   * button says so; it stays focusable (aria-disabled), so the focus stays on it after a save.
   */
  #saveActiveUntil(day: string, today: string, unchanged: boolean): void {
    if (this.busy) return;
    if (unchanged) return this.#nothingToSave();
    this.announcement = undefined;
    this.profileSaved = false;
    // Emptied (or not a whole day yet) while an end date is saved: removing it has its own button.
    if (!day) {
      this.activeUntilError = (t) => t.userProfile.activeUntilMissing;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#active-until')?.focus());
      return;
    }
    if (day < today) {
      this.activeUntilError = (t) => t.userProfile.activeUntilPast;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#active-until')?.focus());
      return;
    }
    this.#returnAction = 'active-until';
    void this.#run('active-until', (id, o) => this.#store().users.deactivate(id, { ...o, until: day }), (t) => t.userProfile.done.activeUntil);
  }

  /** A save pressed with nothing changed: rather than do nothing, the banner at the top says why. */
  #nothingToSave(): void {
    this.error = undefined;
    this.profileSaved = false;
    this.announcement = { say: (t) => t.userProfile.unchanged, tone: 'info' };
  }

  /** Any edit makes the last result stale: its announcement goes. */
  #edited = (): void => {
    this.announcement = undefined;
    this.profileSaved = false;
  };

  /**
   * Back to the button of the action just run, or to the one that undoes it (Block → Unblock), or
   * to its section's heading: after a status change the action's own button is often gone.
   */
  #restoreFocus(action: string, fallback: string): void {
    this.updateComplete.then(() => {
      const usable = (name: string | undefined) =>
        name === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`button[data-action="${name}"]:not([aria-disabled="true"])`);
      // The action's own button keeps the focus even with nothing left to do (Save the date, once
      // saved, is aria-disabled): pressed again, it says why.
      const own = this.renderRoot.querySelector<HTMLElement>(`button[data-action="${action}"]`);
      const target = own ?? usable(UNDONE_BY[action]);
      (target ?? this.renderRoot.querySelector<HTMLElement>(fallback))?.focus();
    });
  }

  /** Runs a command on the user at its current version; `removed` (a deletion) fires `portier-user-removed`. */
  async #run(change: UserChange | 'removed', command: (userId: string, options: { expectedVersion: number }) => Promise<void>, done: Say): Promise<void> {
    const user = this.#user();
    if (!user || this.busy) return;
    const opener = this.#returnAction;
    this.#busy.start(user.id);
    this.error = undefined;
    this.conflict = false;
    this.announcement = undefined;
    this.profileSaved = false;
    if (change === 'removed') this.removal = 'pending';
    try {
      await command(user.id, { expectedVersion: user.version });
      if (this.#leftDuring(user, change)) return;
      this.announcement = { say: done, tone: 'success' };
      if (change === 'signature') this.signature = undefined;
      if (change === 'active-until') this.activeUntil = undefined;
      if (change === 'removed') {
        this.removal = 'done';
        this.dispatchEvent(new PortierUserRemovedEvent(user));
      } else {
        this.dispatchEvent(new PortierUserUpdatedEvent(user.id, change));
      }
    } catch (error) {
      if (this.#leftDuring(user, change, error)) return;
      if (change === 'removed') this.removal = undefined;
      this.#failed(error);
      // The generic conflict text speaks of kept input; a button has none.
      if (this.conflict) this.error = (t) => t.userProfile.actionConflict;
    } finally {
      this.#busy.end(user.id);
      // After the end date was removed, its button is gone: the date field is where one goes on.
      if (opener && this.userId === user.id) this.#restoreFocus(opener, change === 'role' ? '#role-heading' : change === 'active-until' ? '#active-until' : '#account-heading');
      if (this.#returnAction === opener) this.#returnAction = undefined;
    }
  }

  #saveProfile = async (event: Event): Promise<void> => {
    event.preventDefault();
    const t = this.#portier.t;
    const user = this.#user();
    const base = this.#form.base;
    if (!t || !user || !base || this.busy) return;
    // A new attempt: the previous result no longer describes the form.
    this.announcement = undefined;
    this.profileSaved = false;
    const invalid = this.#form.submit(t);
    if (invalid) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${invalid}`)?.focus();
      return;
    }
    // Nothing typed: saying "saved" would claim a change that did not happen.
    if (!this.#form.dirty) {
      // What failed before is about input that is no longer there.
      this.error = undefined;
      this.conflict = false;
      this.profileSaved = 'unchanged';
      return;
    }
    this.#busy.start(user.id);
    this.error = undefined;
    this.conflict = false;
    this.announcement = undefined;
    this.profileSaved = false;
    try {
      await this.#store().users.updateProfile(user.id, this.#form.changes(), { expectedVersion: base.version });
      if (this.#leftDuring(user, 'profile')) return;
      const saved = this.#user();
      if (saved) this.#form.load(saved);
      this.profileSaved = 'saved';
      this.dispatchEvent(new PortierUserUpdatedEvent(user.id, 'profile'));
    } catch (error) {
      if (this.#leftDuring(user, 'profile', error)) return;
      this.#failed(error);
      // The store has read the latest version; the next save builds on it, keeping the input.
      const latest = this.conflict ? this.#user() : undefined;
      if (latest) this.#form.rebase(latest);
      const field = this.#form.serverFailed(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(field ? `#${field}` : '[part~="error"]')?.focus();
    } finally {
      this.#busy.end(user.id);
    }
  };

  /**
   * True when the screen was switched to another user while a command on `user` ran: its result
   * belongs to no one on screen now. The host still hears of a success (the event names the user);
   * a failure is shown all the same, naming the user, since nothing may fail unseen.
   */
  #leftDuring(user: User, change: UserChange | 'removed', error?: unknown): boolean {
    if (this.userId === user.id) return false;
    if (error === undefined) this.dispatchEvent(change === 'removed' ? new PortierUserRemovedEvent(user) : new PortierUserUpdatedEvent(user.id, change));
    else {
      const failure = new OtherUserFailure(displayName(user), error);
      this.error = (t) => sayFailure(t, failure, (reason) => errorMessage(t, reason));
    }
    return true;
  }

  #failed(error: unknown): void {
    this.conflict = isPortierError(error) && error.code === 'conflict';
    this.error = (t) => errorMessage(t, error);
  }

  /** After a conflict: load the latest version (what was typed is replaced, on the user's request). */
  #reload = async (): Promise<void> => {
    const portier = this.#portier.portier;
    if (!portier) return;
    await portier.refresh().catch(() => undefined);
    const user = this.#user();
    if (user) this.#form.load(user);
    this.error = undefined;
    this.conflict = false;
    this.requestUpdate();
  };
}
