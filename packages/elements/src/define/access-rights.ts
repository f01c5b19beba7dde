import { PortierAccessRights } from '../access-rights/access-rights.js';

if (!customElements.get('portier-access-rights')) customElements.define('portier-access-rights', PortierAccessRights);

declare global {
  interface HTMLElementTagNameMap {
    'portier-access-rights': PortierAccessRights;
  }
}
