import { provide } from '@lit/context';
import { LANGUAGES, type Language, type Portier } from '@portier/core';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { localeContext, portierContext } from '../context.js';

/** How long a connected provider may stay without a store before it warns that none was set. */
export const NO_STORE_GRACE_MS = 3000;
/** Said once per page, like the screens' warning about a missing provider. */
let warnedWithoutStore = false;

/**
 * Provides a Portier store (and optionally a locale) to every Portier element inside it.
 *
 * @summary Hands the store and the locale down to the screens it wraps.
 * @slot - The screens.
 * @example
 * ```html
 * <portier-provider locale="fr"><portier-admin></portier-admin></portier-provider>
 * <script type="module">document.querySelector('portier-provider').portier = createPortier({ backend })</script>
 * ```
 */
export class PortierProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The store the screens read and command. */
  @provide({ context: portierContext })
  @property({ attribute: false })
  portier!: Portier;

  /** The language of every screen inside (`fr`, `nl`, `de`, `en`); unset: each screen's own, the page's `lang`, or the store's. */
  @provide({ context: localeContext })
  @property({ reflect: true })
  locale: Language | undefined;

  #noStoreTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // A host may set the store after its own sign-in, so the provider waits before it warns.
    if (!this.portier && !warnedWithoutStore) this.#noStoreTimer = setTimeout(() => this.#warnWithoutStore(), NO_STORE_GRACE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#noStoreTimer);
  }

  /** A provider whose store never comes leaves its screens on "Loading": tell the developer why. */
  #warnWithoutStore(): void {
    if (this.portier || !this.isConnected || warnedWithoutStore) return;
    warnedWithoutStore = true;
    console.warn(
      `<portier-provider> has had no store for ${NO_STORE_GRACE_MS / 1000} s, so the screens inside it show "Loading". ` +
        'Set its `portier` property to your createPortier() store (if your page sets it later on purpose, ignore this).',
    );
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Keep the store's locale in step, so that code reading state.locale agrees with the screens.
    if ((changed.has('locale') || changed.has('portier')) && this.portier && this.locale && (LANGUAGES as readonly string[]).includes(this.locale)) {
      if (this.portier.getState().locale !== this.locale) this.portier.setLocale(this.locale);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
