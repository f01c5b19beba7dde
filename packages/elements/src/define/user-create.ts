import { PortierUserCreate } from '../user-create/user-create.js';

if (!customElements.get('portier-user-create')) customElements.define('portier-user-create', PortierUserCreate);

declare global {
  interface HTMLElementTagNameMap {
    'portier-user-create': PortierUserCreate;
  }
}
