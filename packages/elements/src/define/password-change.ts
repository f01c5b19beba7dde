import { PortierPasswordChange } from '../password-change/password-change.js';

if (!customElements.get('portier-password-change')) customElements.define('portier-password-change', PortierPasswordChange);

declare global {
  interface HTMLElementTagNameMap {
    'portier-password-change': PortierPasswordChange;
  }
}
