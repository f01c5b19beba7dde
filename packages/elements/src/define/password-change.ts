import { PortierPasswordChange } from '../password-change/password-change.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-password-change')) customElements.define('portier-password-change', PortierPasswordChange);

declare global {
  interface HTMLElementTagNameMap {
    'portier-password-change': PortierPasswordChange;
  }
}
