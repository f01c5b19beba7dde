// Only one screen's define is imported here, as a host that places one screen does
// (README: "or one screen"): the provider must come with it.
import '../define/user-list.js';
import { createMemoryBackend } from '@portier/adapters';
import { createPortier } from '@portier/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

describe('@portier/elements/define/<screen>', () => {
  it('registers the provider with the screen, so one screen imported alone loads and shows its data', async () => {
    expect(customElements.get('portier-provider'), 'the provider is defined').to.not.equal(undefined);
    const portier = createPortier({ backend: createMemoryBackend() });
    await portier.ready;
    const provider = await fixture<HTMLElement & { portier: unknown }>(html`<portier-provider .portier=${portier} locale="fr"><portier-user-list></portier-user-list></portier-provider>`);
    const list = provider.querySelector('portier-user-list')!;
    await waitUntil(() => list.shadowRoot?.querySelector('[part~="row"]'), 'the list shows its users');
    expect(list.shadowRoot!.querySelector('h2, [part~="title"]')!.textContent).to.contain('Utilisateurs');
  });
});
