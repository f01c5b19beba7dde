import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend } from '@portier/adapters';
import { createPortier } from '@portier/core';
import { LitElement, nothing } from 'lit';
import { PortierController } from './portier-controller.js';

class LateProbe extends LitElement {
  readonly portier = new PortierController(this);
  protected override render() {
    return this.portier.state && this.portier.t ? html`<p>${this.portier.t.fields.email}</p>` : nothing;
  }
}
customElements.define('late-probe', LateProbe);

// Its own file: `<portier-provider>` must not be defined when the screen asks for the store.
describe('PortierController with a provider defined after the screen', () => {
  it('gets the store and the locale once the provider is defined and given its store', async () => {
    expect(customElements.get('portier-provider'), 'defined too early for this test').to.equal(undefined);
    const provider = await fixture(html`<portier-provider locale="fr"><late-probe></late-probe></portier-provider>`);
    const probe = provider.querySelector<LateProbe>('late-probe')!;
    expect(probe.portier.portier).to.equal(undefined);

    await import('../define/provider.js');
    const store = createPortier({ backend: createMemoryBackend() });
    (provider as HTMLElementTagNameMap['portier-provider']).portier = store;
    await waitUntil(() => probe.shadowRoot?.querySelector('p'), 'the screen never got the store');
    expect(probe.portier.portier).to.equal(store);
    expect(probe.portier.locale).to.equal('fr');
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.equal((await import('../localize/locales/fr.js')).default.fields.email);
  });
});
