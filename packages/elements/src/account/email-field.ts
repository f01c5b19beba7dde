import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../localize/messages.js';

/** What {@link emailField} shows and reports. */
export interface EmailFieldOptions {
  value: string;
  /** The typed value failed the core's `emailInputSchema` on submit. */
  invalid: boolean;
  /** `username` where the address is the login being signed in with, `email` where it is asked for. */
  autocomplete: 'username' | 'email';
  /** Every keystroke, with the new value (the screen clears `invalid`). */
  onInput(value: string): void;
}

/**
 * The e-mail field of the account screens (id `email`): label, value, and the translated error
 * tied to it with `aria-describedby` once a submit found it invalid.
 */
export function emailField(t: Messages, { value, invalid, autocomplete, onInput }: EmailFieldOptions): TemplateResult {
  return html`<div class="field">
    <label for="email">${t.fields.email}</label>
    <input
      part="input email-input"
      id="email"
      type="email"
      autocomplete=${autocomplete}
      required
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? 'email-error' : nothing}
      .value=${value}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
    ${invalid ? html`<p part="field-error" class="field-error" id="email-error">${t.validation.email}</p>` : nothing}
  </div>`;
}
