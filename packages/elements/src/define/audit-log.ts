import { PortierAuditLog } from '../audit-log/audit-log.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-audit-log')) customElements.define('portier-audit-log', PortierAuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'portier-audit-log': PortierAuditLog;
  }
}
