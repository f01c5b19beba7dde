/// <reference types="mocha" />
import { PortierError, type Portier } from '@portier/core';
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../define/managed-clients.js';
import type { PortierUserUpdatedEvent } from '../events/user-updated.js';
import { $, $$, brokenWords, createTestPortier, deepActiveElement, expectNoAxeViolations, press, renderWithPortier, roomTaken, settle, textOf, type } from '../test-utils/index.js';
import { loadLocale } from '../localize/load-locale.js';
import type { PortierManagedClients } from './managed-clients.js';

const render = (userId: string, options: Parameters<typeof renderWithPortier>[1] = {}) =>
  renderWithPortier<PortierManagedClients>(html`<portier-managed-clients user-id=${userId}></portier-managed-clients>`, options);

async function search(element: PortierManagedClients, text: string): Promise<string[][]> {
  type($<HTMLInputElement>(element, '#search'), text);
  $<HTMLFormElement>(element, 'form').requestSubmit();
  await settle(element);
  return $$<HTMLTableRowElement>(element, 'table[part~="results"] tbody tr').map((row) => [...row.cells].map((cell) => cell.textContent!.trim()));
}

const wait = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('<portier-managed-clients>', () => {
  it('lists the managed clients and finds clients by name, number or VAT number', async () => {
    const { element } = await render('u-004');
    const managed = $<HTMLTableElement>(element, 'table[part~="managed"]');
    expect(managed.caption!.textContent).to.equal('Managed clients');
    expect([...managed.tBodies[0]!.rows].map((row) => row.cells[0]!.textContent)).to.deep.equal(['Brasserie Lambert SA']);

    expect(await search(element, 'BE0476543210')).to.deep.equal([['Lambert Logistics NV', '100 245 902', 'BE0476543210', 'Add']]);
    expect((await search(element, '100 246 330'))[0]![0]).to.equal('Immo Lambert SPRL');
    const byName = await search(element, 'lambert');
    expect(byName).to.have.length(4);
    expect(byName.find((row) => row[0] === 'Brasserie Lambert SA')![3]).to.equal('Already managed');
    expect($(element, '[part~="status"]:not([part~="saved"])').textContent).to.equal('4 clients found.');
    await expectNoAxeViolations(element);

    expect(await search(element, 'nothing like this')).to.deep.equal([]);
    expect(textOf(element)).to.contain('No client you manage matches this search.');
  });

  it('after a conflict, says the user is shown as it is now: an Add has no typed input to keep', async () => {
    const { element, backend } = await render('u-004');
    // Another administrator changes u-004 meanwhile: the screen's version is stale.
    await backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { mobile: '+32 470 11 22 33' } });
    await search(element, 'logistics');
    $<HTMLButtonElement>(element, 'button[aria-label="Add Lambert Logistics NV"]').click();
    await waitUntil(() => $(element, '[role="alert"]').textContent!.trim() !== '', 'the refusal is shown');
    expect($(element, '[role="alert"]').textContent!.trim()).to.equal((await loadLocale('en')).userProfile.actionConflict);
  });

  it('adds and removes a client, saving each at once', async () => {
    const { element, portier } = await render('u-004');
    let fired: PortierUserUpdatedEvent | undefined;
    element.addEventListener('portier-user-updated', (event) => (fired = event));
    await search(element, 'logistics');
    $<HTMLButtonElement>(element, 'button[aria-label="Add Lambert Logistics NV"]').click();
    await wait();
    await settle(element);
    expect(portier.getState().data.users['u-004']!.managedClientIds).to.deep.equal(['c-brasserie', 'c-logistics']);
    expect($(element, '[part~="saved"]').textContent).to.equal('Lambert Logistics NV was added to the managed clients.');
    expect(fired?.userId).to.equal('u-004');
    expect(fired?.change).to.equal('managed-clients');
    expect(textOf($(element, 'table[part~="results"]'))).to.contain('Already managed');

    $<HTMLButtonElement>(element, 'button[aria-label="Remove Brasserie Lambert SA"]').click();
    await wait();
    await settle(element);
    expect(portier.getState().data.users['u-004']!.managedClientIds).to.deep.equal(['c-logistics']);
    // Focus stays in the list, on the next remove button.
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Remove Lambert Logistics NV');
  });

  it('shows that a client was added or removed, announced once, until the next search, in the language of the moment', async () => {
    const { element, provider } = await render('u-004');
    const saved = () => $(element, '[part~="saved"]');
    const shown = () => {
      const box = saved().getBoundingClientRect();
      return box.width > 1 && box.height > 1 && box.top >= 0 && box.bottom <= window.innerHeight;
    };
    const hiddenStatus = () => $(element, '[part~="status"]:not([part~="saved"])').textContent!.trim();
    expect(saved().getAttribute('role')).to.equal('status');
    expect(shown()).to.equal(false);
    await search(element, 'logistics');
    $<HTMLButtonElement>(element, 'button[aria-label="Add Lambert Logistics NV"]').click();
    await wait();
    await settle(element);
    expect(saved().textContent!.trim()).to.equal('Lambert Logistics NV was added to the managed clients.');
    expect(saved().classList.contains('success')).to.equal(true);
    expect(shown(), 'said on screen').to.equal(true);
    expect(hiddenStatus(), 'and announced once').to.equal('');
    await expectNoAxeViolations(element);
    provider.locale = 'nl';
    await settle(provider);
    await settle(element);
    const nl = (await import('../localize/locales/nl.js')).default;
    expect(saved().textContent!.trim()).to.equal(nl.managedClients.added('Lambert Logistics NV'));
    $<HTMLButtonElement>(element, 'button[aria-label="Brasserie Lambert SA verwijderen"]').click();
    await wait();
    await settle(element);
    expect(saved().textContent!.trim()).to.equal(nl.managedClients.removed('Brasserie Lambert SA'));
    expect(shown()).to.equal(true);
    // A new search: the user has moved on.
    await search(element, 'immo');
    expect(saved().textContent!.trim()).to.equal('');
    expect(shown()).to.equal(false);
    expect(hiddenStatus()).to.equal(nl.managedClients.found(1));
  });

  it('speaks French, as in the manual: Nom, Numéro de client, Numéro de TVA, Ajouter, Enlever', async () => {
    const { element, portier } = await render('u-004', { locale: 'fr' });
    await search(element, 'immo');
    const headers = $$(element, 'table[part~="results"] th').map((th) => th.textContent!.trim());
    expect(headers.slice(0, 3)).to.deep.equal(['Nom', 'Numéro de client', 'Numéro de TVA']);
    expect(textOf(element)).to.contain('Ajouter').and.contain('Enlever').and.contain('Clients gérés');
    $<HTMLButtonElement>(element, 'button[aria-label="Enlever Brasserie Lambert SA"]').click();
    await wait();
    await settle(element);
    expect(portier.getState().data.users['u-004']!.managedClientIds).to.deep.equal([]);
    expect(textOf(element)).to.contain('Cet utilisateur ne gère aucun client.');
  });

  it('shows a refusal in the user’s language and keeps the list as it was', async () => {
    const test = await createTestPortier();
    const refusing: Portier = {
      ...test.portier,
      clients: {
        ...test.portier.clients,
        setManaged: () => Promise.reject(new PortierError('out-of-scope', { action: 'clients.set-managed', reason: 'client-not-managed' })),
      },
    };
    const { element } = await render('u-004', { portier: { ...test, portier: refusing }, locale: 'nl' });
    await search(element, 'retail');
    $<HTMLButtonElement>(element, 'button[aria-label="Lambert Retail BV toevoegen"]').click();
    await wait();
    await settle(element);
    expect($(element, '[role="alert"]').textContent!.trim()).to.equal(
      (await import('../localize/locales/nl.js')).default.reasons['client-not-managed'],
    );
    expect(test.portier.getState().data.users['u-004']!.managedClientIds).to.deep.equal(['c-brasserie']);
    await expectNoAxeViolations(element);
  });

  it('keeps the focus on Search and on Add while a slow backend answers, and ignores a second press meanwhile', async () => {
    const test = await createTestPortier();
    let release = () => {};
    const held = () => new Promise<void>((resolve) => (release = resolve));
    let saves = 0;
    const slow: Portier = {
      ...test.portier,
      clients: {
        ...test.portier.clients,
        search: (text, limit) => held().then(() => test.portier.clients.search(text, limit)),
        setManaged: (userId, clientIds, options) => {
          saves++;
          return held().then(() => test.portier.clients.setManaged(userId, clientIds, options));
        },
      },
    };
    const { element } = await render('u-004', { portier: { ...test, portier: slow } });
    const focused = (target: Element) => expect(deepActiveElement() === target, `focus on ${deepActiveElement()?.localName}`).to.equal(true);

    type($<HTMLInputElement>(element, '#search'), 'logistics');
    const searchButton = $<HTMLButtonElement>(element, 'form[part~="search"] button[type="submit"]');
    searchButton.focus();
    await press('Enter');
    await settle(element);
    focused(searchButton);
    expect(searchButton.getAttribute('aria-disabled')).to.equal('true');
    release();
    await wait();
    await settle(element);
    expect(searchButton.getAttribute('aria-disabled')).to.equal('false');

    const add = $<HTMLButtonElement>(element, 'button[aria-label="Add Lambert Logistics NV"]');
    add.focus();
    await press('Enter');
    await settle(element);
    focused(add);
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    await press('Enter');
    await settle(element);
    expect(saves).to.equal(1);
    release();
    await wait();
    await settle(element);
    expect(test.portier.getState().data.users['u-004']!.managedClientIds).to.deep.equal(['c-brasserie', 'c-logistics']);
    expect(element.shadowRoot!.activeElement, 'the focus stays in the screen').not.to.equal(null);
  });

  it('keeps an empty alert in the page, taking no room, and puts a refusal in that same alert', async () => {
    const test = await createTestPortier();
    const refusing: Portier = {
      ...test.portier,
      clients: { ...test.portier.clients, setManaged: () => Promise.reject(new PortierError('server')) },
    };
    const { element } = await render('u-004', { portier: { ...test, portier: refusing } });
    const alert = $(element, '[role="alert"]');
    expect(alert.textContent).to.equal('');
    expect(alert.getAttribute('part')).to.equal('error');
    expect(roomTaken(alert), 'the empty alert takes no room').to.equal(0);

    // Two clients found: a failed Add must not send the focus on to the next one's.
    await search(element, 'lambert');
    const add = $<HTMLButtonElement>(element, 'button[aria-label="Add Lambert Logistics NV"]');
    add.focus();
    add.click();
    await wait();
    await settle(element);
    expect($(element, '[role="alert"]') === alert, 'the same alert').to.equal(true);
    expect(alert.textContent!.trim()).to.not.equal('');
    expect(deepActiveElement()?.getAttribute('aria-label'), 'the focus stays on the button pressed, not on the next client’s').to.equal('Add Lambert Logistics NV');
  });

  it('leaves clients outside the actor’s scope alone, and refuses the own account', async () => {
    // u-002 manages Brasserie and Logistics; u-014 manages Logistics and Retail.
    const { element } = await render('u-014', { actorId: 'u-002' });
    expect(element.shadowRoot!.querySelector('button[aria-label="Remove Lambert Retail BV"]')).to.equal(null);
    expect(element.shadowRoot!.querySelector('button[aria-label="Remove Lambert Logistics NV"]')).not.to.equal(null);
    expect(textOf(element)).to.contain('Not managed by you');
    expect((await search(element, 'lambert')).map((row) => row[0])).to.deep.equal(['Brasserie Lambert SA', 'Lambert Logistics NV']);

    const own = await render('u-001');
    expect(textOf(own.element)).to.contain('You cannot change your own role, rights or status');
    expect(own.element.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('shows each client as a card with its column labels in a narrow box, numbers on one line, and stays a table when wide', async () => {
    const { element } = await render('u-004', { locale: 'nl' });
    element.style.width = '360px';
    await search(element, 'lambert');
    for (const part of ['results', 'managed']) {
      const table = $<HTMLTableElement>(element, `table[part~="${part}"]`);
      const [first] = table.tBodies[0]!.rows;
      expect(getComputedStyle(first!).display, part).to.equal('grid');
      expect(table.tHead!.getBoundingClientRect().height, `${part}: the header row is only for screen readers`).to.be.at.most(1);
      // The tables keep their semantics through explicit roles (the results' from the element, after each render).
      expect(table.getAttribute('role'), part).to.equal('table');
      expect(first!.getAttribute('role'), part).to.equal('row');
      expect([...first!.cells].slice(1).map((cell) => cell.getAttribute('role')), part).to.deep.equal(['cell', 'cell', 'cell']);
      expect([...first!.cells].map((cell) => cell.dataset['label'] ?? ''), part).to.deep.equal(['', 'Klantnummer', 'Btw-nummer', '']);
      expect(getComputedStyle(first!.cells[1]!, '::before').content, part).to.equal('"Klantnummer" / ""');
      expect(brokenWords(table.tBodies[0]!), part).to.deep.equal([]);
      expect(table.getBoundingClientRect().width, part).to.be.at.most(360);
    }
    // A client number and a VAT number: whole, on one line.
    for (const number of $$(element, '[part~="client-number"], [part~="client-vat"]')) {
      expect(number.scrollWidth, number.textContent!).to.be.at.most(number.clientWidth);
      expect(number.getBoundingClientRect().height, number.textContent!).to.be.at.most(parseFloat(getComputedStyle(number).lineHeight) + 1);
    }
    expect($(element, 'th[scope="row"] [part~="client-name"]').getBoundingClientRect().width).to.be.at.least(150);
    await expectNoAxeViolations(element);

    element.style.width = '1000px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    for (const part of ['results', 'managed']) {
      const table = $<HTMLTableElement>(element, `table[part~="${part}"]`);
      expect(getComputedStyle(table).display, part).to.equal('table');
      expect(getComputedStyle(table.tBodies[0]!.rows[0]!).display, part).to.equal('table-row');
      expect(table.tHead!.getBoundingClientRect().height, part).to.be.greaterThan(20);
    }
  });

  it('keeps the result of a save to its user: switched to another user meanwhile, the new one shows none of it', async () => {
    const { element, portier } = await render('u-004', { latencyMs: 150 });
    await search(element, 'logistics');
    const add = () => element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Add Lambert Logistics NV"]');
    await waitUntil(add, 'the search answers');
    add()!.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    element.userId = 'u-005';
    await waitUntil(() => portier.getState().pending === 0 && portier.getState().data.users['u-004']!.managedClientIds.includes('c-logistics'), 'the save lands');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle(element);
    expect($(element, '[part~="saved"]').textContent!.trim()).to.equal('');
    expect($(element, '[part~="error"][role="alert"]').textContent!.trim()).to.equal('');
  });

  it('a save that fails after a switch to another user is shown all the same, naming whose change was not saved', async () => {
    const { element, portier, backend } = await render('u-004', { latencyMs: 150 });
    const first = portier.getState().data.users['u-004']!;
    await search(element, 'logistics');
    const add = () => element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Add Lambert Logistics NV"]');
    await waitUntil(add, 'the search answers');
    await backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { lastName: 'Theirs' } });
    add()!.click();
    await wait();
    element.userId = 'u-007';
    await waitUntil(() => portier.getState().pending === 0, 'the save settles');
    await settle(element);
    expect(portier.getState().data.users['u-004']!.managedClientIds).to.not.include('c-logistics');
    expect($(element, '[part~="error"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `The change to ${first.firstName} ${first.lastName} was not saved. Someone else changed this user in the meantime: open the user again to see it as it is now.`,
    );
    expect($(element, '[part~="saved"]').textContent!.trim()).to.equal('');
  });

  it('a save still running for one user does not hold the next user’s buttons: they work at once after a switch', async () => {
    const { element, portier } = await render('u-004', { latencyMs: 300 });
    const add = () => element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Add Lambert Logistics NV"]');
    await search(element, 'logistics');
    await waitUntil(add, 'the search answers');
    add()!.click();
    await wait();
    element.userId = 'u-007';
    await search(element, 'logistics');
    await waitUntil(add, 'the search answers for the next user');
    expect(portier.getState().pending, 'the first save still runs').to.equal(1);
    expect(add()!.getAttribute('aria-disabled'), 'the next user’s Add').to.equal('false');
    add()!.click();
    await waitUntil(() => portier.getState().pending === 0, 'both saves settle');
    await settle(element);
    for (const userId of ['u-004', 'u-007']) expect(portier.getState().data.users[userId]!.managedClientIds, userId).to.include('c-logistics');
    expect($(element, '[part~="saved"]').textContent!.trim()).to.contain('Lambert Logistics NV');
  });
});
