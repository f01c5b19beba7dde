import { PortierAdmin } from '../admin/admin.js';
// The screens the admin composes (each define is guarded, so importing them twice is harmless).
import './provider.js';
import './user-list.js';
import './user-create.js';
import './user-profile.js';
import './own-profile.js';
import './access-rights.js';
import './managed-clients.js';
import './audit-log.js';

if (!customElements.get('portier-admin')) customElements.define('portier-admin', PortierAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'portier-admin': PortierAdmin;
  }
}
