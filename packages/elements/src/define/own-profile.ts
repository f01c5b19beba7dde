import { PortierOwnProfile } from '../own-profile/own-profile.js';

if (!customElements.get('portier-own-profile')) customElements.define('portier-own-profile', PortierOwnProfile);

declare global {
  interface HTMLElementTagNameMap {
    'portier-own-profile': PortierOwnProfile;
  }
}
