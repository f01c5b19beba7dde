import { PortierActivateAccount } from '../activate-account/activate-account.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-activate-account')) customElements.define('portier-activate-account', PortierActivateAccount);

declare global {
  interface HTMLElementTagNameMap {
    'portier-activate-account': PortierActivateAccount;
  }
}
