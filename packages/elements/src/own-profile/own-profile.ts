import { isPortierError } from '@portier/core';
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortierController } from '../controllers/portier-controller.js';
import { notePressInForm } from '../forms/touch-after-press.js';
import { UnsavedChangesGuard, type HoldsUnsavedChanges } from '../controllers/unsaved-changes.js';
import { PortierUserUpdatedEvent } from '../events/user-updated.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { ProfileForm } from '../user-profile/profile-form.js';
import { ownProfileStyles } from './own-profile.styles.js';

/**
 * The signed-in user's own profile (seed 000 §5.2): first and last name, phone, mobile and
 * language; nothing else (SPEC rule 1). "Cancel" puts back the saved values; a concurrent change
 * is refused with `conflict` and what was typed is kept.
 *
 * @summary "Edit my profile" for any signed-in user.
 * @event portier-user-updated - The profile was saved (`change` is `profile`).
 * @csspart title - The heading.
 * @csspart form - The form.
 * @csspart label - A field label.
 * @csspart input - An input or select.
 * @csspart field-error - A field's error.
 * @csspart hint - Help text.
 * @csspart save-button - "Save".
 * @csspart cancel-button - "Cancel".
 * @csspart error - The banner that says why saving failed, or why nothing could be loaded.
 * @csspart retry - Loads again after the data could not be loaded.
 * @csspart live - The live region that announces the result, next to the save button.
 */
export class PortierOwnProfile extends LitElement implements HoldsUnsavedChanges {
  static override styles = [tokens, baseStyles, ownProfileStyles];

  /** Language of the screen; default: the provider's, the page's, or the store's. */
  @property({ reflect: true }) locale: string | undefined;

  /** `dark` or `light` forces a colour scheme; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** The last save's failure, worded at render time (in the current language). */
  @state() private failure: unknown;
  /** What the line beside Save says: saved, or nothing to save. */
  @state() private saved: false | 'saved' | 'unchanged' = false;
  @state() private busy = false;

  readonly #portier = new PortierController(this);
  readonly #form = new ProfileForm(this);

  constructor() {
    super();
    // The browser asks before the page is left (reload, closing the tab) with changes unsaved here.
    new UnsavedChangesGuard(this, () => this.hasUnsavedChanges);
  }

  /** True while the profile form holds typed changes not saved yet. */
  get hasUnsavedChanges(): boolean {
    return this.#form.dirty;
  }

  protected override willUpdate(): void {
    this.#form.sync(this.#portier.actor);
  }

  protected override render() {
    const t = this.#portier.t;
    const state = this.#portier.state;
    if (!t) return nothing;
    if (!state || state.status === 'loading') return html`<p class="muted" role="status">${t.common.loading}</p>`;
    if (state.status === 'error') return this.#portier.renderLoadError(t);
    const actor = this.#portier.actor;
    if (!actor) return html`<p role="status">${t.common.noAccess}</p>`;
    const settings = state.data.organizations[actor.organizationId]?.settings;
    const names = this.#portier.can('user.update-profile', { user: actor, fields: ['firstName'], settings });
    return html`
      <h2 part="title" id="title">${t.ownProfile.title}</h2>
      <p class="intro" part="hint">${t.common.labelled(t.fields.email)} <strong><bdi>${actor.email}</bdi></strong><br />${t.ownProfile.intro}</p>
      <div class="banner error" part="error" role="alert" tabindex="-1">${this.failure === undefined ? '' : this.#portier.errorText(this.failure)}</div>
      <form part="form" novalidate aria-labelledby="title" @submit=${this.#save} @input=${this.#edited} @pointerdown=${notePressInForm}>
        ${this.#form.render(t, { namesLocked: !names.allowed && names.reason === 'identity-lock' })}
        <div class="footer">
          <p class="inline-status" part="live" role="status">${this.saved === 'saved' ? t.ownProfile.saved : this.saved === 'unchanged' ? t.userProfile.profileUnchanged : ''}</p>
          <button class="button" part="cancel-button" type="button" @click=${this.#cancel}>${t.common.cancel}</button>
          <button class="button primary" part="save-button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.common.save}</button>
        </div>
      </form>
    `;
  }

  #cancel = (): void => {
    const actor = this.#portier.actor;
    if (actor) this.#form.load(actor);
    this.failure = undefined;
    this.saved = false;
    this.requestUpdate();
  };

  /** Any edit makes the last "saved" stale. */
  #edited = (): void => {
    this.saved = false;
  };

  #save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const t = this.#portier.t;
    const portier = this.#portier.portier;
    const base = this.#form.base;
    if (!t || !portier || !base || this.busy) return;
    // A new attempt: the previous result no longer describes the form.
    this.saved = false;
    const invalid = this.#form.submit(t);
    if (invalid) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${invalid}`)?.focus();
      return;
    }
    // Nothing typed: saying "saved" would claim a change that did not happen.
    if (!this.#form.dirty) {
      // What failed before is about input that is no longer there.
      this.failure = undefined;
      this.saved = 'unchanged';
      return;
    }
    this.busy = true;
    this.failure = undefined;
    try {
      await portier.users.updateProfile(base.id, this.#form.changes(), { expectedVersion: base.version });
      const saved = this.#portier.actor;
      if (saved) this.#form.load(saved);
      this.saved = 'saved';
      this.dispatchEvent(new PortierUserUpdatedEvent(base.id, 'profile'));
    } catch (error) {
      this.failure = error;
      // After a conflict the store holds the latest version: the next save builds on it, keeping the input.
      const latest = isPortierError(error) && error.code === 'conflict' ? this.#portier.actor : undefined;
      if (latest) this.#form.rebase(latest);
      const field = this.#form.serverFailed(error);
      await this.updateComplete;
      if (isPortierError(error)) this.renderRoot.querySelector<HTMLElement>(field ? `#${field}` : '[part~="error"]')?.focus();
    } finally {
      this.busy = false;
    }
  };
}
