import { displayName } from '@portier/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortierAccountScreen } from '../account/account-screen.js';
import { activateAccountStyles } from './activate-account.styles.js';

type Phase = 'checking' | 'form' | 'expired' | 'used' | 'unknown' | 'unchecked' | 'requested' | 'done';

/**
 * The page an invitation link opens (seed 000 §3): checks the link's token, then lets the user
 * choose a password, with each rule of the organization's policy shown as met or not while they
 * type, and a confirmation. An expired or used link says so and offers to send a new invitation.
 * Works with a store only: nobody needs to be signed in.
 *
 * @summary Activates an invited account by setting its first password.
 *
 * @slot sign-in - Shown after success; by default a "Sign in" button firing `portier-sign-in-requested`.
 *
 * @event portier-password-set - The password was set (`reason` is `activation`, `email` the login).
 * @event portier-sign-in-requested - The user asked to sign in (default content of the `sign-in` slot).
 *
 * @csspart base - The screen's wrapper.
 * @csspart title - The heading.
 * @csspart greeting - The welcome line with the user's name.
 * @csspart intro - The explanation under the heading.
 * @csspart form - The password form.
 * @csspart input - Every text field; also `password-input` and `confirmation-input`.
 * @csspart rules - The list of password rules.
 * @csspart rule - One rule; also `rule-met`, `rule-unmet` or `rule-checking`.
 * @csspart rule-mark - The ✓ / ✗ before a rule.
 * @csspart field-error - The "passwords differ" message.
 * @csspart button - Every button; also `submit`, `request-new`, `check-again` and `sign-in`.
 * @csspart message - A result (success, expired or used link).
 * @csspart error - The banner explaining a failure.
 * @csspart status - The live region.
 * @csspart submit - The button that sends the form.
 * @csspart request-new - The button asking for a new link.
 * @csspart sign-in - The default "Sign in" button.
 * @csspart check-again - The button that checks the link again after the backend could not answer.
 * @csspart password-input - The new password field.
 * @csspart confirmation-input - The confirmation field.
 *
 * @cssproperty --portier-account-max-width - The screen's maximum width (default 30rem).
 */
export class PortierActivateAccount extends PortierAccountScreen {
  static override styles = activateAccountStyles;

  /** The invitation token from the link. */
  @property() token = '';

  @state() private phase: Phase = 'checking';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.linkToInspect(this.token)) void this.#inspect();
  }

  async #inspect(): Promise<void> {
    const token = this.token;
    this.phase = 'checking';
    this.failure = undefined;
    this.clearPasswords();
    if (!token) {
      this.phase = 'unknown';
      return;
    }
    const phase = await this.inspectLink(token, 'invitation', () => this.token);
    if (phase) this.phase = phase;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const portier = this.portier.portier;
    if (!portier) return;
    const outcome = await this.setPasswordFromLink((password) => portier.session.acceptInvitation(this.token, password), 'activation');
    if (outcome === undefined || outcome === 'failed') return;
    this.phase = outcome;
    await this.focusMessage();
  }

  async #requestNew(): Promise<void> {
    const portier = this.portier.portier;
    if (!portier || this.busy) return;
    this.busy = true;
    this.failure = undefined;
    try {
      await portier.session.requestNewInvitation(this.token);
      this.phase = 'requested';
      await this.focusMessage();
    } catch (error) {
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.portier.t;
    if (!t) return nothing;
    const a = t.activateAccount;
    const name = this.tokenInfo?.email ? displayName({ firstName: this.tokenInfo.firstName ?? '', lastName: this.tokenInfo.lastName ?? '', email: this.tokenInfo.email }) : '';
    return html`
      <section part="base" aria-labelledby="title">
        <h2 part="title" id="title">${a.title}</h2>
        <div role="status" aria-live="polite" part="status">${this.phase === 'checking' ? html`<p>${a.checking}</p>` : nothing}${this.phase === 'done'
            ? html`<p part="message" class="banner success" tabindex="-1">${a.success}</p>`
            : this.phase === 'requested'
              ? html`<p part="message" class="banner success" tabindex="-1">${a.requested}</p>`
              : nothing}</div>
        ${this.renderFailure(t)}
        ${this.phase === 'form'
          ? html`
              <p part="greeting">${a.greeting(name)}</p>
              <p part="intro">${a.intro}</p>
              <form part="form" @submit=${this.#submit} novalidate>
                <div class="field">
                  <label for="email">${t.fields.email}</label>
                  <input part="input" id="email" type="email" autocomplete="username" readonly .value=${this.tokenInfo?.email ?? ''} />
                </div>
                ${this.renderPasswordFields(t, this.tokenPolicy(), this.tokenContext(), { label: t.password.password })}
                <div class="actions">
                  <button part="button submit" class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
                    ${this.busy ? a.submitting : a.submit}
                  </button>
                </div>
              </form>
            `
          : nothing}
        ${this.phase === 'expired' || this.phase === 'unknown'
          ? html`<div part="message" class="banner info" tabindex="-1" role="alert">
                <p>${this.phase === 'expired' ? t.password.expiredLink : t.password.unknownLink}</p>
              </div>
              <p>${a.expiredHint}</p>
              <div class="actions">
                <button part="button request-new" class="button primary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#requestNew}>${a.requestNew}</button>
              </div>`
          : nothing}
        ${this.phase === 'used'
          ? html`<div part="message" class="banner info" tabindex="-1" role="alert"><p>${t.password.usedLink}</p></div>
              <p>${a.usedHint}</p>
              <div class="actions">${this.renderSignIn(t, undefined)}</div>`
          : nothing}
        ${this.phase === 'unchecked'
          ? html`<div class="actions">
              <button part="button check-again" class="button primary" ?disabled=${this.busy} @click=${() => void this.#inspect()}>${t.common.retry}</button>
            </div>`
          : nothing}
        ${this.phase === 'done' ? html`<div class="actions">${this.renderSignIn(t, this.tokenInfo?.email)}</div>` : nothing}
      </section>
    `;
  }
}
