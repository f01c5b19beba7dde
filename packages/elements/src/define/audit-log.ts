import { PortierAuditLog } from '../audit-log/audit-log.js';

if (!customElements.get('portier-audit-log')) customElements.define('portier-audit-log', PortierAuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'portier-audit-log': PortierAuditLog;
  }
}
