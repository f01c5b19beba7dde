import { PortierUserList } from '../user-list/user-list.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-user-list')) customElements.define('portier-user-list', PortierUserList);

declare global {
  interface HTMLElementTagNameMap {
    'portier-user-list': PortierUserList;
  }
}
