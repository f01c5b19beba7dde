import { PortierActivateAccount } from '../activate-account/activate-account.js';

if (!customElements.get('portier-activate-account')) customElements.define('portier-activate-account', PortierActivateAccount);

declare global {
  interface HTMLElementTagNameMap {
    'portier-activate-account': PortierActivateAccount;
  }
}
