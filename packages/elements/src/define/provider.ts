import { PortierProvider } from '../provider/provider.js';

if (!customElements.get('portier-provider')) customElements.define('portier-provider', PortierProvider);

declare global {
  interface HTMLElementTagNameMap {
    'portier-provider': PortierProvider;
  }
}
