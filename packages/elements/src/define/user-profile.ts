import { PortierUserProfile } from '../user-profile/user-profile.js';
// The provider a screen takes its store and language from comes with it.
import './provider.js';

if (!customElements.get('portier-user-profile')) customElements.define('portier-user-profile', PortierUserProfile);

declare global {
  interface HTMLElementTagNameMap {
    'portier-user-profile': PortierUserProfile;
  }
}
