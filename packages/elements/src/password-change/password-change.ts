import { emailInputSchema, isPortierError, type PasswordPolicy } from '@portier/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { emailField } from '../account/email-field.js';
import { PortierAccountScreen } from '../account/account-screen.js';
import { PortierPasswordSetEvent } from '../events/password-set.js';
import type { Messages } from '../localize/messages.js';
import { passwordChangeStyles } from './password-change.styles.js';

/**
 * The page a host shows when sign-in answers `passwordChangeRequired` (seed 001: the initial
 * password has expired and must be changed at the first sign-in), or when a user asks to change
 * their password (`reason="change"`). Explains why, then asks for
 * the e-mail, the current password and a new one with live feedback and a confirmation.
 * Works with a store only: nobody needs to be signed in.
 *
 * @summary Replaces an expired (initial) password, or changes one on request.
 *
 * @slot sign-in - Shown after success; by default a "Sign in" button firing `portier-sign-in-requested`.
 *
 * @event portier-password-set - The password was changed (`reason` is `change`).
 * @event portier-sign-in-requested - The user asked to sign in (default content of the `sign-in` slot).
 *
 * @csspart base - The screen's wrapper.
 * @csspart title - The heading.
 * @csspart notice - The "your password has expired" banner.
 * @csspart intro - The explanation under it.
 * @csspart form - The form.
 * @csspart input - Every text field; also `email-input`, `current-input`, `password-input` and `confirmation-input`.
 * @csspart rules - The list of password rules.
 * @csspart rule - One rule; also `rule-met`, `rule-unmet` or `rule-checking`.
 * @csspart rule-mark - The ✓ / ✗ before a rule.
 * @csspart field-error - A field's problem.
 * @csspart button - Every button; also `submit` and `sign-in`.
 * @csspart message - The success message.
 * @csspart error - The banner explaining a failure.
 * @csspart status - The live region.
 * @csspart submit - The button that sends the form.
 * @csspart sign-in - The default "Sign in" button.
 * @csspart password-input - The new password field.
 * @csspart confirmation-input - The confirmation field.
 * @csspart email-input - The e-mail field.
 * @csspart current-input - The current password field.
 *
 * @cssproperty --portier-account-max-width - The screen's maximum width (default 30rem).
 */
export class PortierPasswordChange extends PortierAccountScreen {
  static override styles = passwordChangeStyles;

  /** The account's e-mail (the login), prefilled from the sign-in the host just tried. */
  @property() email = '';

  /**
   * Why the password changes: `expired` (default; seed 001's first sign-in, explained by a notice)
   * or `change` (the user asked, e.g. from their profile).
   */
  @property({ reflect: true }) reason: 'expired' | 'change' = 'expired';

  /**
   * The password policy the live feedback follows. Default: the policy of the store's
   * organization when the store has loaded one, else `nist`. The backend checks again.
   */
  @property({ attribute: false }) passwordPolicy: PasswordPolicy | undefined;

  @state() private currentPassword = '';
  @state() private emailError = false;
  @state() private currentError = false;
  @state() private done = false;

  #policy(): PasswordPolicy {
    if (this.passwordPolicy) return this.passwordPolicy;
    const organizations = Object.values(this.portier.state?.data.organizations ?? {});
    return organizations.length === 1 ? organizations[0]!.settings.passwordPolicy : 'nist';
  }

  #context() {
    return { email: this.email };
  }

  protected override fieldsInError(): number {
    return super.fieldsInError() + (this.emailError ? 1 : 0) + (this.currentError ? 1 : 0);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const portier = this.portier.portier;
    if (!portier || this.busy) return;
    const email = emailInputSchema.safeParse(this.email);
    this.emailError = !email.success;
    this.currentError = this.currentPassword === '';
    if (!email.success || this.currentError) {
      await this.focusFieldInError(this.emailError ? '#email' : '#current');
      return;
    }
    if (!(await this.validateForSubmit(this.#policy(), this.#context(), this.currentPassword))) return;
    this.busy = true;
    this.failure = undefined;
    try {
      await portier.session.changePassword(email.data, this.currentPassword, this.password);
      this.clearPasswords();
      this.currentPassword = '';
      this.done = true;
      this.dispatchEvent(new PortierPasswordSetEvent('change', email.data));
      await this.focusMessage();
    } catch (error) {
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }

  protected override failureText(t: Messages, error: unknown): string {
    // A wrong e-mail and a wrong password read the same: the screen must not reveal which accounts exist.
    if (isPortierError(error) && error.code === 'forbidden') return t.passwordChange.wrongCredentials;
    return super.failureText(t, error);
  }

  protected override render() {
    const t = this.portier.t;
    if (!t) return nothing;
    const c = t.passwordChange;
    return html`
      <section part="base" aria-labelledby="title">
        <h2 part="title" id="title">${c.title}</h2>
        <div role="status" aria-live="polite" part="status">${this.done ? html`<p part="message" class="banner success" tabindex="-1">${c.success}</p>` : nothing}</div>
        ${this.done
          ? html`<div class="actions">${this.renderSignIn(t, this.email)}</div>`
          : html`
              ${this.reason === 'change'
                ? html`<p part="intro">${c.changeIntro}</p>`
                : html`<div part="notice" class="banner info"><p><strong>${c.expired}</strong></p></div>
                    <p part="intro">${c.intro}</p>`}
              ${this.renderFailure(t)}
              <form part="form" @submit=${this.#submit} novalidate>
                ${emailField(t, {
                  value: this.email,
                  invalid: this.emailError,
                  autocomplete: 'username',
                  onInput: (value) => {
                    this.email = value;
                    this.emailError = false;
                  },
                })}
                <div class="field">
                  <label for="current">${t.password.current}</label>
                  <input
                    part="input current-input"
                    id="current"
                    type="password"
                    autocomplete="current-password"
                    required
                    aria-invalid=${this.currentError ? 'true' : 'false'}
                    aria-describedby=${this.currentError ? 'current-error' : nothing}
                    .value=${this.currentPassword}
                    @input=${(event: Event) => {
                      this.currentPassword = (event.target as HTMLInputElement).value;
                      this.currentError = false;
                    }}
                  />
                  ${this.currentError ? html`<p part="field-error" class="field-error" id="current-error">${t.validation.required}</p>` : nothing}
                </div>
                ${this.renderPasswordFields(t, this.#policy(), this.#context(), { label: t.password.newPassword, currentPassword: this.currentPassword })}
                <div class="actions">
                  <button part="button submit" class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? c.submitting : c.submit}</button>
                </div>
              </form>
            `}
      </section>
    `;
  }
}
