import { PortierUserCreate } from '../user-create/user-create.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-user-create')) customElements.define('portier-user-create', PortierUserCreate);

declare global {
  interface HTMLElementTagNameMap {
    'portier-user-create': PortierUserCreate;
  }
}
