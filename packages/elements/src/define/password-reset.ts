import { PortierPasswordReset } from '../password-reset/password-reset.js';

if (!customElements.get('portier-password-reset')) customElements.define('portier-password-reset', PortierPasswordReset);

declare global {
  interface HTMLElementTagNameMap {
    'portier-password-reset': PortierPasswordReset;
  }
}
