import { PortierManagedClients } from '../managed-clients/managed-clients.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-managed-clients')) customElements.define('portier-managed-clients', PortierManagedClients);

declare global {
  interface HTMLElementTagNameMap {
    'portier-managed-clients': PortierManagedClients;
  }
}
