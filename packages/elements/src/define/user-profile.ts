import { PortierUserProfile } from '../user-profile/user-profile.js';

if (!customElements.get('portier-user-profile')) customElements.define('portier-user-profile', PortierUserProfile);

declare global {
  interface HTMLElementTagNameMap {
    'portier-user-profile': PortierUserProfile;
  }
}
