import { PortierOwnProfile } from '../own-profile/own-profile.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-own-profile')) customElements.define('portier-own-profile', PortierOwnProfile);

declare global {
  interface HTMLElementTagNameMap {
    'portier-own-profile': PortierOwnProfile;
  }
}
