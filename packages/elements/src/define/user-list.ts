import { PortierUserList } from '../user-list/user-list.js';

if (!customElements.get('portier-user-list')) customElements.define('portier-user-list', PortierUserList);

declare global {
  interface HTMLElementTagNameMap {
    'portier-user-list': PortierUserList;
  }
}
