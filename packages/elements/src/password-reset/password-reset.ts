import { emailInputSchema } from '@portier/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { emailField } from '../account/email-field.js';
import { PortierAccountScreen } from '../account/account-screen.js';
import { passwordResetStyles } from './password-reset.styles.js';

type Phase = 'ask' | 'sent' | 'checking' | 'form' | 'expired' | 'used' | 'unknown' | 'unchecked' | 'done';

/**
 * "Forgot your password?" in two steps. Without a token: asks for the e-mail address and sends a
 * reset link, answering the same whether or not an account exists (no enumeration). With the
 * `token` of that link: checks it, then lets the user choose a new password with live feedback
 * from the organization's policy. An expired or used link says so and leads back to step one.
 * Works with a store only: nobody needs to be signed in.
 *
 * @summary Sends a password-reset link, then sets the new password from it.
 *
 * @slot sign-in - Shown after success; by default a "Sign in" button firing `portier-sign-in-requested`.
 *
 * @event portier-password-set - The password was reset (`reason` is `reset`).
 * @event portier-sign-in-requested - The user asked to sign in (default content of the `sign-in` slot).
 *
 * @csspart base - The screen's wrapper.
 * @csspart title - The heading.
 * @csspart intro - The explanation under the heading.
 * @csspart form - The e-mail form or the password form.
 * @csspart input - Every text field; also `email-input`, `password-input` and `confirmation-input`.
 * @csspart rules - The list of password rules.
 * @csspart rule - One rule; also `rule-met`, `rule-unmet` or `rule-checking`.
 * @csspart rule-mark - The ✓ / ✗ before a rule.
 * @csspart field-error - A field's problem.
 * @csspart button - Every button; also `submit`, `request-new`, `check-again` and `sign-in`.
 * @csspart message - A result (link sent, success, expired or used link).
 * @csspart error - The banner explaining a failure.
 * @csspart status - The live region.
 * @csspart submit - The button that sends the form.
 * @csspart request-new - The button asking for a new link.
 * @csspart sign-in - The default "Sign in" button.
 * @csspart check-again - The button that checks the link again after the backend could not answer.
 * @csspart password-input - The new password field.
 * @csspart confirmation-input - The confirmation field.
 * @csspart email-input - The e-mail field.
 *
 * @cssproperty --portier-account-max-width - The screen's maximum width (default 30rem).
 */
export class PortierPasswordReset extends PortierAccountScreen {
  static override styles = passwordResetStyles;

  /** The token of a reset link; without it the screen asks for the e-mail address. */
  @property() token = '';

  /** Prefills the e-mail address of step one. */
  @property() email = '';

  @state() private phase: Phase = 'ask';
  @state() private emailError = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.linkToInspect(this.token)) void this.#inspect();
  }

  async #inspect(): Promise<void> {
    const token = this.token;
    this.failure = undefined;
    this.clearPasswords();
    if (!token) {
      this.phase = 'ask';
      return;
    }
    this.phase = 'checking';
    const phase = await this.inspectLink(token, 'password-reset', () => this.token);
    if (phase) this.phase = phase;
  }

  protected override fieldsInError(): number {
    return super.fieldsInError() + (this.emailError ? 1 : 0);
  }

  async #ask(event: Event): Promise<void> {
    event.preventDefault();
    const portier = this.portier.portier;
    if (!portier || this.busy) return;
    const parsed = emailInputSchema.safeParse(this.email);
    this.emailError = !parsed.success;
    if (!parsed.success) {
      await this.focusFieldInError('#email');
      return;
    }
    this.busy = true;
    this.failure = undefined;
    try {
      await portier.session.requestPasswordReset(parsed.data);
      this.phase = 'sent';
      await this.focusMessage();
    } catch (error) {
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }

  async #reset(event: Event): Promise<void> {
    event.preventDefault();
    const portier = this.portier.portier;
    if (!portier) return;
    const outcome = await this.setPasswordFromLink((password) => portier.session.completePasswordReset(this.token, password), 'reset');
    if (outcome === undefined || outcome === 'failed') return;
    this.phase = outcome;
    await this.focusMessage();
  }

  /** From a dead link back to step one. */
  async #askAgain(): Promise<void> {
    this.phase = 'ask';
    this.failure = undefined;
    this.email = this.tokenInfo?.email ?? this.email;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus();
  }

  protected override render() {
    const t = this.portier.t;
    if (!t) return nothing;
    const r = t.passwordReset;
    const asking = this.phase === 'ask' || this.phase === 'sent';
    return html`
      <section part="base" aria-labelledby="title">
        <h2 part="title" id="title">${asking ? r.title : r.newTitle}</h2>
        <div role="status" aria-live="polite" part="status">${this.phase === 'checking' ? html`<p>${t.common.loading}</p>` : nothing}${this.phase === 'sent' ? html`<p part="message" class="banner success" tabindex="-1">${r.sent}</p>` : nothing}${this.phase === 'done' ? html`<p part="message" class="banner success" tabindex="-1">${r.success}</p>` : nothing}</div>
        ${this.renderFailure(t)}
        ${this.phase === 'ask'
          ? html`<p part="intro">${r.intro}</p>
              <form part="form" @submit=${this.#ask} novalidate>
                ${emailField(t, {
                  value: this.email,
                  invalid: this.emailError,
                  autocomplete: 'email',
                  onInput: (value) => {
                    this.email = value;
                    this.emailError = false;
                  },
                })}
                <div class="actions">
                  <button part="button submit" class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? r.submitting : r.submit}</button>
                </div>
              </form>`
          : nothing}
        ${this.phase === 'form'
          ? html`<p part="intro">${r.newIntro(this.tokenInfo?.email ?? '')}</p>
              <form part="form" @submit=${this.#reset} novalidate>
                <input type="email" autocomplete="username" hidden .value=${this.tokenInfo?.email ?? ''} />
                ${this.renderPasswordFields(t, this.tokenPolicy(), this.tokenContext(), { label: t.password.newPassword })}
                <div class="actions">
                  <button part="button submit" class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${r.newSubmit}</button>
                </div>
              </form>`
          : nothing}
        ${this.phase === 'expired' || this.phase === 'used' || this.phase === 'unknown'
          ? html`<div part="message" class="banner info" tabindex="-1" role="alert">
                <p>${this.phase === 'expired' ? t.password.expiredLink : this.phase === 'used' ? t.password.usedLink : t.password.unknownLink}</p>
              </div>
              <div class="actions">
                <button part="button request-new" class="button primary" @click=${this.#askAgain}>${r.requestNew}</button>
              </div>`
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
