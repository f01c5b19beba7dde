import { provide } from '@lit/context';
import { LANGUAGES, type Language, type Portier } from '@portier/core';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { localeContext, portierContext } from '../context.js';

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
