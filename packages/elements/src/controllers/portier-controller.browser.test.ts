import { demoSeed } from '@portier/adapters';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { createTestPortier, renderWithPortier, settle, textOf } from '../test-utils/index.js';
import { loadLocale } from '../localize/load-locale.js';
import { PortierController } from './portier-controller.js';
import type { PortierProvider } from '../provider/provider.js';

class ProbeElement extends LitElement {
  @property({ reflect: true }) locale: string | undefined;
  readonly portier = new PortierController(this);
  protected override render() {
    const t = this.portier.t;
    const state = this.portier.state;
    if (!t || !state) return nothing;
    return html`<p>${t.userList.title}|${state.status}|${this.portier.actor?.id ?? ''}|${Object.keys(state.data.users).length}</p>`;
  }
}
customElements.define('probe-portier-controller', ProbeElement);

describe('PortierController', () => {
  it('takes the store from the provider and renders in the provider locale', async () => {
    const { element } = await renderWithPortier<ProbeElement>(html`<probe-portier-controller></probe-portier-controller>`, { locale: 'fr' });
    expect(textOf(element)).to.match(/^Utilisateurs\|ready\|u-001\|\d+$/);
    // The host says its language, for screen readers.
    expect(element.getAttribute('lang')).to.equal('fr');
  });

  it('switches language at runtime: provider, then the element, and loads only on demand', async () => {
    const { element, provider } = await renderWithPortier<ProbeElement>(html`<probe-portier-controller></probe-portier-controller>`, { locale: 'en' });
    expect(textOf(element)).to.match(/^Users\|/);
    provider.locale = 'de';
    await settle(provider);
    await loadLocale('de');
    await settle(element);
    expect(textOf(element)).to.match(/^Benutzer\|/);
    element.locale = 'nl';
    await loadLocale('nl');
    await settle(element);
    expect(textOf(element)).to.match(/^Gebruikers\|/);
  });

  it("falls back to an ancestor's lang", async () => {
    const test = await createTestPortier();
    await loadLocale('nl');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="nl-BE"><portier-provider .portier=${test.portier}><probe-portier-controller></probe-portier-controller></portier-provider></div>`,
    );
    const element = wrapper.querySelector('probe-portier-controller')!;
    await settle(element);
    expect(textOf(element)).to.match(/^Gebruikers\|/);
  });

  it('re-renders on every store change', async () => {
    const { element, portier } = await renderWithPortier<ProbeElement>(html`<probe-portier-controller></probe-portier-controller>`);
    const before = Object.keys(portier.getState().data.users).length;
    await portier.users.create({ email: 'new.person@lambert.example', firstName: 'New', lastName: 'Person', language: 'en' });
    await settle(element);
    expect(textOf(element)).to.equal(`Users|ready|u-001|${before + 1}`);
  });

  it('answers can() about users whose ids are names every object has (constructor, toString), as the backend does', async () => {
    const seed = demoSeed(Date.UTC(2026, 0, 5, 9));
    for (const id of ['constructor', 'toString']) seed.data.users[id] = { ...seed.data.users['u-004']!, id, email: `${id}@lambert.example` };
    const { element, portier } = await renderWithPortier<ProbeElement>(html`<probe-portier-controller></probe-portier-controller>`, { seed });
    for (const id of ['constructor', 'toString']) {
      const user = portier.getState().data.users[id]!;
      expect(element.portier.can('user.block', { user, superUsers: element.portier.superUsers() }), id).to.deep.equal({ allowed: true });
    }
  });

  it('answers can() for the signed-in actor with the core policy', async () => {
    const { element, portier } = await renderWithPortier<ProbeElement>(html`<probe-portier-controller></probe-portier-controller>`, { actorId: 'u-004' });
    const other = portier.getState().data.users['u-002'];
    expect(element.portier.can('user.set-role', { user: other!, role: 'user' })).to.deep.include({ allowed: false, code: 'forbidden' });
    const provider = element.parentElement as PortierProvider;
    expect(provider.localName).to.equal('portier-provider');
  });
});
