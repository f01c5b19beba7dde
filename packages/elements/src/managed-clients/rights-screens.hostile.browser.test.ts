/// <reference types="mocha" />
import { demoSeed } from '@portier/adapters';
import { expect, html } from '@open-wc/testing';
import '../define/access-rights.js';
import '../define/activate-account.js';
import '../define/audit-log.js';
import '../define/managed-clients.js';
import '../define/password-change.js';
import type { PortierAccessRights } from '../access-rights/access-rights.js';
import type { PortierActivateAccount } from '../activate-account/activate-account.js';
import type { PortierAuditLog } from '../audit-log/audit-log.js';
import type { PortierPasswordChange } from '../password-change/password-change.js';
import { $, $$, HOSTILE_STRINGS, createTestPortier, expectNoAxeViolations, nothingRan, renderWithPortier, settle } from '../test-utils/index.js';
import type { PortierManagedClients } from './managed-clients.js';

/** Every client of the demo organization, and u-004's names, replaced by hostile strings. */
function hostileSeed() {
  const seed = demoSeed(Date.UTC(2026, 0, 5, 9));
  const clientIds = ['c-brasserie', 'c-logistics', 'c-retail', 'c-immo'];
  clientIds.forEach((id, index) => {
    const client = seed.data.clients[id]!;
    // The 10,000-character string is the name of the last client.
    const name = index === 3 ? HOSTILE_STRINGS[8]! : HOSTILE_STRINGS[index * 2]!;
    seed.data.clients[id] = { ...client, name, number: HOSTILE_STRINGS[index * 2 + 1]!, vat: HOSTILE_STRINGS[8]! };
  });
  seed.data.users['u-004'] = { ...seed.data.users['u-004']!, firstName: HOSTILE_STRINGS[1]!, lastName: HOSTILE_STRINGS[8]!, managedClientIds: clientIds };
  seed.data.users['u-006'] = { ...seed.data.users['u-006']!, firstName: HOSTILE_STRINGS[2]!, lastName: HOSTILE_STRINGS[4]! };
  return seed;
}

function expectContained(element: HTMLElement): void {
  expect(nothingRan()).to.equal(true);
  expect(element.shadowRoot!.querySelector('script, img, svg')).to.equal(null);
  // The 10,000-character string wraps or scrolls inside the screen: the page does not widen.
  expect(element.getBoundingClientRect().width).to.be.at.most(document.documentElement.clientWidth + 1);
  expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(document.documentElement.clientWidth + 1);
}

describe('hostile input in the rights and account screens', () => {
  it('access rights: hostile client names are text, in a matrix that keeps its layout', async () => {
    const { element } = await renderWithPortier<PortierAccessRights>(html`<portier-access-rights user-id="u-004"></portier-access-rights>`, { seed: hostileSeed() });
    expectContained(element);
    expect(element.shadowRoot!.textContent).to.contain(HOSTILE_STRINGS[0]);
    for (const row of $$(element, 'tbody tr')) expect(row.getBoundingClientRect().height).to.be.lessThan(150);
    await expectNoAxeViolations(element);
  });

  it('managed clients and audit log: hostile names are text', async () => {
    const test = await createTestPortier({ seed: hostileSeed() });
    await test.portier.clients.setManaged('u-004', ['c-brasserie']);
    const managed = await renderWithPortier<PortierManagedClients>(html`<portier-managed-clients user-id="u-004"></portier-managed-clients>`, { portier: test });
    expectContained(managed.element);
    expect(managed.element.shadowRoot!.textContent).to.contain(HOSTILE_STRINGS[0]);
    for (const row of $$(managed.element, 'tbody tr')) expect(row.getBoundingClientRect().height).to.be.lessThan(150);
    await expectNoAxeViolations(managed.element);

    const log = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle(log.element);
    expectContained(log.element);
    expect(log.element.shadowRoot!.textContent).to.contain(HOSTILE_STRINGS[1]);
    for (const row of $$(log.element, 'tbody tr')) expect(row.getBoundingClientRect().height).to.be.lessThan(400);
    await expectNoAxeViolations(log.element);
  });

  it('managed clients and audit log: hostile names stay inside a narrow box', async () => {
    const test = await createTestPortier({ seed: hostileSeed() });
    await test.portier.clients.setManaged('u-004', ['c-brasserie', 'c-immo']);
    const managed = await renderWithPortier<PortierManagedClients>(html`<portier-managed-clients user-id="u-004"></portier-managed-clients>`, { portier: test });
    const log = await renderWithPortier<PortierAuditLog>(html`<portier-audit-log></portier-audit-log>`, { portier: test });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle(log.element);
    for (const element of [managed.element, log.element]) {
      element.style.width = '320px';
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expectContained(element);
      for (const row of $$(element, 'tbody tr')) {
        expect(getComputedStyle(row).display).to.equal('grid');
        expect(row.getBoundingClientRect().width, `a card of <${element.localName}> widens`).to.be.at.most(320);
        expect(row.getBoundingClientRect().height).to.be.lessThan(500);
      }
    }
  });

  it('account screens: a hostile name in the greeting and a hostile e-mail in a field are text', async () => {
    const test = await createTestPortier({ seed: hostileSeed() });
    await test.portier.users.resendInvitation('u-006');
    const token = (await test.backend.outbox()).find((email) => email.kind === 'invitation')!.token!;
    const activate = await renderWithPortier<PortierActivateAccount>(html`<portier-activate-account token=${token}></portier-activate-account>`, { portier: test });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await settle(activate.element);
    expectContained(activate.element);
    expect($(activate.element, '[part~="greeting"]').textContent).to.contain(HOSTILE_STRINGS[2]);

    const change = await renderWithPortier<PortierPasswordChange>(
      html`<portier-password-change email=${HOSTILE_STRINGS[1]!}></portier-password-change>`,
      { portier: test },
    );
    expectContained(change.element);
    expect($<HTMLInputElement>(change.element, '#email').value).to.equal(HOSTILE_STRINGS[1]);
  });
});
