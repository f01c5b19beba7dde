import { PortierAccessRights } from '../access-rights/access-rights.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-access-rights')) customElements.define('portier-access-rights', PortierAccessRights);

declare global {
  interface HTMLElementTagNameMap {
    'portier-access-rights': PortierAccessRights;
  }
}
