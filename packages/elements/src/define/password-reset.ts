import { PortierPasswordReset } from '../password-reset/password-reset.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-password-reset')) customElements.define('portier-password-reset', PortierPasswordReset);

declare global {
  interface HTMLElementTagNameMap {
    'portier-password-reset': PortierPasswordReset;
  }
}
