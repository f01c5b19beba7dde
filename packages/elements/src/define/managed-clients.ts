import { PortierManagedClients } from '../managed-clients/managed-clients.js';

if (!customElements.get('portier-managed-clients')) customElements.define('portier-managed-clients', PortierManagedClients);

declare global {
  interface HTMLElementTagNameMap {
    'portier-managed-clients': PortierManagedClients;
  }
}
