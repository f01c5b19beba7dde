import { demoSeed, type MemorySeed } from '@portier/adapters';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { displayName, type User, type UserQuery } from '@portier/core';
import '../define/user-list.js';
import type { PortierNavigateEvent } from '../events/navigate.js';
import type { PortierUserUpdatedEvent } from '../events/user-updated.js';
import { loadLocale } from '../localize/load-locale.js';
import { $, $$, choose, createTestPortier, deepActiveElement, expectNoAxeViolations, press, renderWithPortier, resetMouse, settle, setViewport, DEFAULT_VIEWPORT, tabTo, textOf, type } from '../test-utils/index.js';
import { runnerCommand } from '../test-utils/runner-command.js';
import type { PortierUserList } from './user-list.js';

const START = Date.UTC(2026, 0, 5, 9);

async function render(options: Parameters<typeof renderWithPortier>[1] = {}) {
  const rendered = await renderWithPortier<PortierUserList>(html`<portier-user-list></portier-user-list>`, options);
  if (options.ready !== false && options.actorId === undefined) await waitUntil(() => rows(rendered.element).length > 0, 'the rows are shown');
  return rendered;
}

const rows = (element: PortierUserList) => $$(element, '[role="row"][data-user-id]');
const rowOf = (element: PortierUserList, userId: string) => $(element, `[role="row"][data-user-id="${userId}"]`);

/** Filters the list down to one user (rows off screen are not rendered). */
async function only(element: PortierUserList, email: string): Promise<void> {
  type($<HTMLInputElement>(element, '#email-filter'), email);
  await settle(element);
}
const cellTexts = (row: Element) => [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());

/** The demo seed plus `count` generated users of the same organization. */
function bigSeed(count: number): MemorySeed {
  const seed = demoSeed(START);
  const template = seed.data.users['u-005']!;
  for (let i = 0; i < count; i++) {
    const id = `g-${String(i).padStart(6, '0')}`;
    const user: User = { ...template, id, email: `generated.${String(i).padStart(6, '0')}@lambert.example`, firstName: `Gen${i}`, lastName: `User${i}` };
    seed.data.users[id] = user;
  }
  return seed;
}

describe('<portier-user-list>', () => {
  it('shows the columns of seed 000 with the users, sorted by e-mail, and passes axe', async () => {
    const { element } = await render();
    const headers = $$(element, '[role="columnheader"]').map((header) => header.textContent!.replace(/[▲▼↕]/g, '').trim());
    expect(headers).to.deep.equal([
      'E-mail',
      'First name',
      'Last name',
      'Language',
      'Role',
      'Status',
      'User profile',
      'Access rights',
      'Managed clients',
      'Active until',
      'Activate / Deactivate',
    ]);
    expect($(element, '[role="table"]').getAttribute('aria-rowcount')).to.equal('41');
    const first = cellTexts(rows(element)[0]!);
    expect(first[0]).to.equal('amelie.dubois@lambert.example');
    expect(first.slice(1, 6)).to.deep.equal(['Amélie', 'Dubois', 'French', 'Super User', 'Active']);
    expect(textOf(element)).to.contain('40 users');
    await expectNoAxeViolations(element);
  });

  it('speaks French with the wording of the manual', async () => {
    const { element } = await render({ locale: 'fr' });
    const text = textOf(element);
    for (const words of ['Utilisateurs', 'Créer un nouvel utilisateur', 'Filtrer sur E-mail', 'Filtrer sur le client', 'Effacer le filtre', 'Rôle', 'Droits d’accès', 'Clients gérés', 'Actif jusqu’à', 'Activer / Désactiver']) {
      expect(text).to.contain(words);
    }
    await expectNoAxeViolations(element);
  });

  it('passes axe in the dark theme too', async () => {
    const { element } = await renderWithPortier<PortierUserList>(html`<portier-user-list theme="dark"></portier-user-list>`);
    await waitUntil(() => rows(element).length > 0);
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    await expectNoAxeViolations(element);
  });

  it('filters by e-mail as one types, and clears the filter', async () => {
    const { element } = await render();
    type($<HTMLInputElement>(element, '#email-filter'), 'DUBOIS');
    await settle(element);
    expect(rows(element).map((row) => cellTexts(row)[0])).to.deep.equal(['amelie.dubois@lambert.example']);
    expect(textOf(element)).to.contain('1 of 40 users');
    type($<HTMLInputElement>(element, '#email-filter'), 'nobody-has-this');
    await settle(element);
    expect(rows(element)).to.have.length(0);
    expect(textOf(element)).to.contain('No user matches the filter.');
    $<HTMLButtonElement>(element, '[part="clear-button"]').click();
    await settle(element);
    expect(rows(element).length).to.be.greaterThan(10);
    expect($<HTMLInputElement>(element, '#email-filter').value).to.equal('');
  });

  it("filters by one of the actor's clients", async () => {
    const { element, portier } = await render();
    const options = $$<HTMLOptionElement>(element, '#client-filter option').map((option) => option.textContent!.trim());
    expect(options).to.deep.equal(['All clients', 'Brasserie Lambert SA (100 245 871)', 'Immo Lambert SPRL (100 246 330)', 'Lambert Logistics NV (100 245 902)', 'Lambert Retail BV (100 246 117)']);
    choose($<HTMLSelectElement>(element, '#client-filter'), 'c-immo');
    await settle(element);
    const shown = rows(element).map((row) => row.dataset.userId);
    expect(shown.length).to.be.greaterThan(0);
    const state = portier.getState();
    for (const id of shown) {
      const user = state.data.users[id!]!;
      const works = user.managedClientIds.includes('c-immo') || (state.data.grants[id!] ?? []).some((grant) => grant.clientId === 'c-immo' && grant.level !== 'none');
      expect(works, id).to.equal(true);
    }
  });

  it('filters by no client the select does not offer (not one of the actor’s), as the select shows', async () => {
    const { element, portier } = await renderWithPortier<PortierUserList>(html`<portier-user-list client-id="c-retail"></portier-user-list>`, { actorId: 'u-002' });
    await waitUntil(() => rows(element).length > 0, 'the rows are shown');
    expect(portier.getState().data.users['u-002']!.managedClientIds).to.not.include('c-retail');
    expect($<HTMLSelectElement>(element, '#client-filter').value).to.equal('');
    const total = Object.keys(portier.getState().data.users).length;
    expect($(element, '[part~="count"]').textContent!.trim()).to.equal(`${total} users`);
    expect($<HTMLButtonElement>(element, '[part="clear-button"]').disabled, 'nothing to clear').to.equal(true);
  });

  it('sorts by a column from its header button and says so with aria-sort', async () => {
    const { element } = await render();
    const header = () => $(element, '[role="columnheader"]:nth-child(3)');
    expect(header().getAttribute('aria-sort')).to.equal('none');
    header().querySelector('button')!.click();
    await settle(element);
    expect(header().getAttribute('aria-sort')).to.equal('ascending');
    const ascending = rows(element).map((row) => cellTexts(row)[2]!);
    expect(ascending[0]!.localeCompare(ascending[1]!, 'en', { sensitivity: 'base' })).to.be.at.most(0);
    header().querySelector('button')!.click();
    await settle(element);
    expect(header().getAttribute('aria-sort')).to.equal('descending');
    const descending = rows(element).map((row) => cellTexts(row)[2]!);
    expect(descending[0]!.localeCompare(descending[1]!, 'en', { sensitivity: 'base' })).to.be.at.least(0);
    expect($(element, '[role="columnheader"]:nth-child(1)').getAttribute('aria-sort')).to.equal('none');
  });

  it('offers the action that fits each status and announces its result, in the language shown', async () => {
    const { element, portier, provider } = await render();
    const action = (userId: string) => rowOf(element, userId).querySelector<HTMLButtonElement>('[data-action]');
    const emailOf = (userId: string) => portier.getState().data.users[userId]!.email;
    // u-006 invited, u-008 expired, u-010 blocked, u-011 deactivated, u-004 active.
    const expectations: [string, string][] = [['u-006', 'Re-send invitation'], ['u-008', 'Re-send invitation'], ['u-010', 'Unblock'], ['u-011', 'Reactivate'], ['u-004', 'Deactivate']];
    for (const [userId, label] of expectations) {
      await only(element, emailOf(userId));
      expect(action(userId)?.textContent?.trim(), userId).to.equal(label);
    }
    await only(element, emailOf('u-008'));
    expect(textOf(rowOf(element, 'u-008'))).to.contain('Invitation expired');
    await only(element, emailOf('u-010'));

    const updated = oneEvent(element, 'portier-user-updated') as Promise<PortierUserUpdatedEvent>;
    action('u-010')!.click();
    const event = await updated;
    expect(event.userId).to.equal('u-010');
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.contain('was unblocked');
    // Switched to Dutch, the announcement says the same in Dutch.
    provider.locale = 'nl';
    await settle(provider);
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.equal((await loadLocale('nl')).userList.done.unblocked(displayName(portier.getState().data.users['u-010']!)));
    provider.locale = 'en';
    await settle(provider);
    await settle(element);
    expect(textOf(rowOf(element, 'u-010'))).to.contain('Active');
    expect(action('u-010')?.textContent?.trim()).to.equal('Deactivate');
  });

  it('keeps the focus on the user acted on when the sort moves its row, so Enter again does not act on the next user', async () => {
    const { element, portier } = await render();
    // By status, the blocked and deactivated users first.
    element.sortKey = 'status';
    element.sortDirection = 'desc';
    await settle(element);
    const action = (userId: string) => rowOf(element, userId).querySelector<HTMLButtonElement>('[data-action]')!;
    const focusedRow = () => deepActiveElement()?.closest<HTMLElement>('[role="row"]')?.dataset.userId;
    // A blocked or deactivated user on screen: its action (no confirmation) makes it active, which sorts elsewhere.
    const target = rows(element).find((row) => ['Unblock', 'Reactivate'].includes(row.querySelector('[data-action]')?.textContent?.trim() ?? ''))!.dataset.userId!;
    const before = rows(element).map((row) => row.dataset.userId);
    action(target).focus();
    action(target).click();
    await waitUntil(() => portier.getState().data.users[target]!.status === 'active' && portier.getState().pending === 0, 'made active');
    await settle(element);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(rows(element).map((row) => row.dataset.userId), 'the row moved').to.not.deep.equal(before);
    expect(focusedRow()).to.equal(target);
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Deactivate');
  });

  it('keeps the focus on the user acted on when the user taking its row’s place has no such button (the focus would fall to the page)', async () => {
    // u-002 manages two of the clients: several users have no action it may take.
    const { element, portier } = await render({ actorId: 'u-002' });
    await waitUntil(() => rows(element).length > 0, 'the rows are shown');
    element.sortKey = 'status';
    element.sortDirection = 'desc';
    await settle(element);
    const shown = rows(element);
    const index = shown.findIndex((row, i) => row.querySelector('[data-action]')?.textContent?.trim() === 'Unblock' && shown[i + 1] && !shown[i + 1]!.querySelector('[data-action]'));
    expect(index, 'a blocked user followed by a user with no action').to.be.at.least(0);
    const target = shown[index]!.dataset.userId!;
    const button = shown[index]!.querySelector<HTMLButtonElement>('[data-action]')!;
    button.focus();
    button.click();
    await waitUntil(() => portier.getState().data.users[target]!.status === 'active' && portier.getState().pending === 0, 'unblocked');
    await waitUntil(() => deepActiveElement()?.closest<HTMLElement>('[role="row"]')?.dataset.userId === target, 'the focus follows the user', { timeout: 3000 });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Deactivate');
  });

  it('asks for the profile’s confirmation before deactivating, and reactivates in one click', async () => {
    const { element, portier } = await render({ locale: 'fr' });
    const t = await loadLocale('fr');
    const action = () => rowOf(element, 'u-004').querySelector<HTMLButtonElement>('[data-action]')!;
    const dialog = () => $<HTMLDialogElement>(element, 'dialog');
    const status = () => portier.getState().data.users['u-004']!.status;
    await only(element, portier.getState().data.users['u-004']!.email);
    action().focus();
    action().click();
    await waitUntil(() => dialog().open, 'the confirmation opens');
    expect($(element, '#dialog-title').textContent).to.equal('Veuillez confirmer');
    // The profile's question, word for word.
    expect($(element, '#dialog-message').textContent).to.equal(t.userProfile.confirm.deactivate('Dirk Janssens'));
    expect($(element, 'button[data-action="dialog-confirm"]').textContent!.trim()).to.equal('Désactiver');
    expect(status()).to.equal('active');
    await expectNoAxeViolations(element);
    // Cancel: nothing changes and the focus is back on the row's button.
    $<HTMLButtonElement>(element, 'button[data-action="dialog-cancel"]').click();
    await settle(element);
    expect(dialog().open).to.equal(false);
    expect(status()).to.equal('active');
    expect(deepActiveElement()).to.equal(action());
    // Confirm.
    action().click();
    await waitUntil(() => dialog().open, 'the confirmation opens again');
    $<HTMLButtonElement>(element, 'button[data-action="dialog-confirm"]').click();
    await waitUntil(() => status() === 'deactivated' && portier.getState().pending === 0, 'deactivated');
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.equal('Dirk Janssens a été désactivé(e).');
    // Reactivating asks nothing.
    expect(action().textContent!.trim()).to.equal('Réactiver');
    action().click();
    await waitUntil(() => status() === 'active' && portier.getState().pending === 0, 'reactivated');
    expect(dialog().open).to.equal(false);
  });

  it('explains, rather than hides, why one cannot deactivate oneself', async () => {
    const { element } = await render();
    const button = rowOf(element, 'u-001').querySelector<HTMLButtonElement>('[data-action]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).to.contain('You cannot change your own role, rights or status');
  });

  it('says why one cannot deactivate oneself before the button is pressed: the reason describes the button', async () => {
    const { element } = await render({ locale: 'fr' });
    const button = rowOf(element, 'u-001').querySelector<HTMLButtonElement>('[data-action]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    const reasonId = button.getAttribute('aria-describedby');
    expect(reasonId, 'aria-describedby').to.be.a('string');
    const reason = element.shadowRoot!.getElementById(reasonId!);
    expect(reason, `#${reasonId}`).to.not.equal(null);
    const fr = (await import('../localize/locales/fr.js')).default;
    expect(reason!.textContent).to.equal(fr.reasons['own-account']);
    // Read by screen readers only: the visible row stays as it was.
    expect(reason!.getBoundingClientRect().width).to.be.at.most(1);
    // An allowed action has nothing to explain.
    expect(rowOf(element, 'u-004').querySelector('[data-action]')!.hasAttribute('aria-describedby')).to.equal(false);
    await expectNoAxeViolations(element);
  });

  it('shows the refusal of the backend in the user language and keeps the row; a conflict speaks of no typed input', async () => {
    const { element, portier, backend } = await render({ locale: 'de' });
    // Another administrator changed u-004 meanwhile: the list's version is stale.
    const stale = portier.getState().data.users['u-004']!;
    await backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { firstName: 'Geändert' } });
    expect(stale.version).to.be.lessThan((await backend.load({ actorId: 'u-001' })).data.users['u-004']!.version);
    await only(element, stale.email);
    rowOf(element, 'u-004').querySelector<HTMLButtonElement>('[data-action]')!.click();
    await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open, 'the confirmation opens');
    $<HTMLButtonElement>(element, 'button[data-action="dialog-confirm"]').click();
    await waitUntil(() => $(element, '[role="alert"]').textContent!.trim() !== '');
    expect($(element, '[role="alert"]').textContent!.trim()).to.equal((await loadLocale('de')).userProfile.actionConflict);
    expect($(element, '[role="alert"]').textContent).to.contain('Jemand anderes hat diesen Benutzer inzwischen geändert').and.not.contain('Eingaben');
  });

  it('moves between rows with the arrow keys, keeping the column', async () => {
    const { element } = await render({ seed: bigSeed(500) });
    const first = rows(element)[0]!;
    first.querySelector<HTMLButtonElement>('button[aria-label*="Edit the access rights"]')!.focus();
    await press('ArrowDown');
    expect(deepActiveElement()?.closest('[role="row"]')?.getAttribute('aria-rowindex')).to.equal('3');
    expect(deepActiveElement()?.getAttribute('aria-label')).to.contain('Edit the access rights');
    await press('Control+End');
    await waitUntil(() => deepActiveElement()?.closest('[role="row"]')?.getAttribute('aria-rowindex') === '541', 'the last row has the focus');
    expect(deepActiveElement()?.getAttribute('aria-label')).to.contain('Edit the access rights');
    await press('ArrowUp');
    expect(deepActiveElement()?.closest('[role="row"]')?.getAttribute('aria-rowindex')).to.equal('540');
  });

  it('moves to the first and last rows with plain Home and End, the focus kept on a drawn row', async () => {
    const { element } = await render({ seed: bigSeed(500) });
    rows(element)[2]!.querySelector<HTMLButtonElement>('button[aria-label*="Edit the access rights"]')!.focus();
    await press('End');
    await waitUntil(() => deepActiveElement()?.closest('[role="row"]')?.getAttribute('aria-rowindex') === '541', 'the last row has the focus');
    expect(deepActiveElement()?.getAttribute('aria-label')).to.contain('Edit the access rights');
    await press('Home');
    await waitUntil(() => deepActiveElement()?.closest('[role="row"]')?.getAttribute('aria-rowindex') === '2', 'the first row has the focus');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deepActiveElement()?.closest('[role="row"]')?.isConnected, 'the focused row is still drawn').to.equal(true);
    expect(deepActiveElement()?.getAttribute('aria-label')).to.contain('Edit the access rights');
  });

  it('keeps the column across a row that has no button in it: the next arrow goes on in that column', async () => {
    const { element } = await render({ actorId: 'u-002' });
    await waitUntil(() => rows(element).length > 0, 'the rows are shown');
    const hasAction = (row: HTMLElement) => row.querySelector('[data-action]') !== null;
    // u-002 manages two of the clients: users who work for the others have no action it may take.
    const shown = rows(element);
    const k = shown.findIndex((row, i) => hasAction(row) && shown[i + 1] && !hasAction(shown[i + 1]!) && shown[i + 2] && hasAction(shown[i + 2]!));
    expect(k, 'a row with no action between two with one').to.be.at.least(0);
    const rowIndexOf = () => deepActiveElement()?.closest('[role="row"]')?.getAttribute('aria-rowindex');
    shown[k]!.querySelector<HTMLButtonElement>('[data-action]')!.focus();
    await press('ArrowDown');
    expect(rowIndexOf()).to.equal(String(k + 3));
    await press('ArrowDown');
    expect(rowIndexOf()).to.equal(String(k + 4));
    expect(deepActiveElement()?.hasAttribute('data-action'), 'back in the column of row actions').to.equal(true);
  });

  it('asks to open the profile, the rights or the clients of a user, and the create form', async () => {
    const { element, portier } = await render();
    await only(element, portier.getState().data.users['u-004']!.email);
    const row = rowOf(element, 'u-004');
    let navigation = oneEvent(element, 'portier-navigate') as Promise<PortierNavigateEvent>;
    row.querySelector<HTMLElement>('[role="cell"]')!.click();
    expect(await navigation).to.include({ view: 'profile', userId: 'u-004' });
    navigation = oneEvent(element, 'portier-navigate') as Promise<PortierNavigateEvent>;
    row.querySelector<HTMLButtonElement>('button[aria-label*="Edit the access rights"]')!.click();
    expect(await navigation).to.include({ view: 'access', userId: 'u-004' });
    navigation = oneEvent(element, 'portier-navigate') as Promise<PortierNavigateEvent>;
    row.querySelector<HTMLButtonElement>('button[aria-label*="Edit the managed clients"]')!.click();
    expect(await navigation).to.include({ view: 'clients', userId: 'u-004' });
    navigation = oneEvent(element, 'portier-navigate') as Promise<PortierNavigateEvent>;
    $<HTMLButtonElement>(element, '[part="create-button"]').click();
    expect(await navigation).to.include({ view: 'create' });
  });

  it('shows a loading state, then the users', async () => {
    const { element, portier } = await render({ latencyMs: 150, ready: false });
    expect(textOf(element)).to.contain('Loading the users');
    await portier.ready;
    await waitUntil(() => rows(element).length > 0, 'the rows are shown');
    expect(textOf(element)).to.not.contain('Loading the users');
  });

  it('shows an error state with a retry when loading fails', async () => {
    const { element, portier } = await render({ actorId: 'nobody', ready: false });
    await portier.ready.catch(() => undefined);
    await settle(element);
    expect(textOf(element)).to.contain('The data could not be loaded.');
    expect($$(element, 'button').some((button) => button.textContent!.includes('Try again'))).to.equal(true);
    await expectNoAxeViolations(element);
  });

  it('draws a focused row action’s ring inside its cell, which clips what overflows it', async () => {
    const { element } = await render();
    const action = $<HTMLButtonElement>(element, '[part~="action-button"][data-action]');
    action.focus({ focusVisible: true } as FocusOptions);
    await settle(element);
    const style = getComputedStyle(action);
    const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const ring = action.getBoundingClientRect();
    const cell = action.closest('.cell')!.getBoundingClientRect();
    expect(ring.left - reach, 'left').to.be.at.least(cell.left);
    expect(ring.right + reach, 'right').to.be.at.most(cell.right);
    expect(ring.top - reach, 'top').to.be.at.least(cell.top);
    expect(ring.bottom + reach, 'bottom').to.be.at.most(cell.bottom);
  });

  it('shows an empty state without users', async () => {
    const seed = demoSeed(START);
    for (const id of Object.keys(seed.data.users)) if (id !== 'u-001') delete seed.data.users[id];
    const { element } = await render({ seed });
    type($<HTMLInputElement>(element, '#email-filter'), 'zzz');
    await settle(element);
    expect(textOf(element)).to.contain('No user matches the filter.');
  });

  it('says a plain user may not see the list', async () => {
    const { element } = await render({ actorId: 'u-004' });
    expect(textOf(element)).to.contain('You are not allowed to see this page.');
    expect(element.shadowRoot!.querySelector('[part="create-button"]')).to.equal(null);
  });

  it('offers every client of an actor managing many, the selected one in the first frame and the others a frame later', async () => {
    const seed = demoSeed(START);
    const actor = seed.data.users['u-001']!;
    for (let i = 0; i < 60; i++) {
      const id = `c-many-${String(i).padStart(2, '0')}`;
      seed.data.clients[id] = { id, organizationId: actor.organizationId, name: `Many ${String(i).padStart(2, '0')}`, number: `9${i}`, vat: `BE${i}` };
      actor.managedClientIds.push(id);
    }
    const { element } = await render({ seed });
    const values = () => $$<HTMLOptionElement>(element, '#client-filter option').map((option) => option.value);
    await waitUntil(() => values().length === 65, 'every client is offered');
    expect(values().slice(0, 3)).to.deep.equal(['', 'c-brasserie', 'c-immo']);
    expect(values().at(-1)).to.equal('c-many-59');
    choose($<HTMLSelectElement>(element, '#client-filter'), 'c-many-07');
    await settle(element);
    expect($<HTMLSelectElement>(element, '#client-filter').value).to.equal('c-many-07');
    expect(element.clientId).to.equal('c-many-07');
    await expectNoAxeViolations(element);
  });

  it('renders only the visible rows of 10,000 users and keeps the table semantics', async () => {
    const { element } = await render({ seed: bigSeed(10_000) });
    expect($(element, '[role="table"]').getAttribute('aria-rowcount')).to.equal('10041');
    expect(textOf(element)).to.contain('10,040 users');
    const rendered = rows(element);
    expect(rendered.length).to.be.greaterThan(5);
    expect(rendered.length).to.be.lessThan(200);
    const scroller = $(element, '.scroller');
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => rows(element).some((row) => row.getAttribute('aria-rowindex') === '10041'), 'the last row is rendered after scrolling', { timeout: 5000 });
    const started = performance.now();
    type($<HTMLInputElement>(element, '#email-filter'), 'generated.00999');
    await settle(element);
    expect(rows(element).length).to.equal(10);
    expect(performance.now() - started).to.be.lessThan(2000);
  });

  describe('layout', () => {
    /** Renders the list `width` px wide (the provider is the container), in a sans-serif font like a portal's. */
    async function renderAt(width: number, options: Parameters<typeof render>[0] = {}) {
      const rendered = await render(options);
      rendered.provider.style.cssText = `display: block; width: ${width}px; font-family: sans-serif`;
      await settle(rendered.element);
      return rendered;
    }
    const box = (node: Element) => node.getBoundingClientRect();

    for (const locale of ['de', 'nl', 'fr', 'en'] as const) {
      it(`cuts no ${locale} header, sort arrow or status badge, even at the columns' minimum width`, async () => {
        const { element, portier } = await renderAt(375, { locale });
        expect(element.getAttribute('lang'), 'headers hyphenate in the language of their words').to.equal(locale);
        const headers = $$(element, '[role="columnheader"]');
        expect(getComputedStyle(headers[0]!).hyphens).to.equal('auto');
        for (const header of headers) {
          const label = header.textContent!.trim();
          expect(header.scrollWidth, label).to.be.at.most(header.clientWidth);
          expect(header.scrollHeight, label).to.be.at.most(header.clientHeight);
          const arrow = header.querySelector('.sort-indicator');
          if (arrow) expect(box(arrow).right, `${label}: sort arrow`).to.be.at.most(box(header).right);
        }
        // u-008's invitation expired: the longest status, in every language.
        await only(element, portier.getState().data.users['u-008']!.email);
        const badge = rowOf(element, 'u-008').querySelector('[part="status"]')!;
        const cell = badge.closest('[role="cell"]')!;
        expect(badge.scrollWidth).to.be.at.most(badge.clientWidth);
        expect(box(badge).right).to.be.at.most(box(cell).right);
        expect(box(badge).bottom).to.be.at.most(box(cell).bottom);
      });
    }

    for (const locale of ['nl', 'de', 'fr', 'en'] as const) {
      it(`cuts no ${locale} header at any width from 1,300 px down to a phone, in a wide font`, async () => {
        const { element, provider } = await renderAt(1300, { locale });
        // A portal's font may be wider than the usual sans-serif: DejaVu Sans is (Debian's default).
        provider.style.fontFamily = '"DejaVu Sans", Verdana, sans-serif';
        const cut: string[] = [];
        for (let width = 1300; width >= 360; width -= 40) {
          provider.style.width = `${width}px`;
          await settle(element);
          for (const header of $$(element, '[role="columnheader"]')) {
            if (header.scrollWidth > header.clientWidth) cut.push(`${width} px: ${header.textContent!.trim()} (${header.scrollWidth} > ${header.clientWidth})`);
          }
        }
        expect(cut).to.deep.equal([]);
      });
    }

    it('fits a 1,100 px container in German with nothing cut, and an 80em (1,280 px) page without scrolling sideways', async () => {
      const { element, provider } = await renderAt(1100, { locale: 'de' });
      for (const header of $$(element, '[role="columnheader"]')) expect(header.scrollWidth, header.textContent!.trim()).to.be.at.most(header.clientWidth);
      provider.style.width = '80em';
      await settle(element);
      const scroller = $(element, '.scroller');
      expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
      // The whole e-mail shows (over two lines at most), not only in a tooltip.
      const email = rows(element)[0]!.querySelector<HTMLElement>('.email')!;
      expect(email.scrollHeight).to.be.at.most(email.clientHeight);
      expect(email.textContent).to.equal('amelie.dubois@lambert.example');
      // A role is one line (rows keep one height): "Super User" does not wrap at the minimum width.
      const role = rows(element)[0]!.children[4]!.querySelector<HTMLElement>('.text')!;
      expect(role.textContent!.trim()).to.equal('Super User');
      expect(role.getClientRects().length === 1 && role.offsetHeight <= parseFloat(getComputedStyle(role).lineHeight) * 1.5).to.equal(true);
    });

    it('shows a whole German end date in a narrow column (over two lines), not "31.12.20…"', async () => {
      const { element, portier, provider } = await renderAt(1000, { locale: 'de' });
      // A host's narrower date column (a portal's smaller font does the same to the default one).
      provider.style.setProperty('--portier-user-list-columns', '12em 6em 6em 7.5em 7em 8em 8.5em 8.7em 6em 4.5em 8em');
      const user = Object.values(portier.getState().data.users).find((candidate) => candidate.activeUntil)!;
      await only(element, user.email);
      const date = rowOf(element, user.id).children[9]!.querySelector<HTMLElement>('.text')!;
      expect(date.textContent!.trim()).to.match(/^\d{2}\.\d{2}\.\d{4}$/);
      expect(date.scrollWidth, 'not cut sideways').to.be.at.most(date.clientWidth);
      expect(date.scrollHeight, 'not cut below').to.be.at.most(date.clientHeight);
    });

    it('on a phone, a sort button pressed with the mouse where it shows half is not scrolled away: the click sorts', async () => {
      const { element } = await renderAt(360);
      const scroller = $(element, '.scroller');
      const view = scroller.getBoundingClientRect();
      const right = view.left + scroller.clientLeft + scroller.clientWidth;
      // The fifth column's sort button, scrolled so that only its first 20 px show at the right edge.
      const half = $$(element, '[part~="sort-button"]')[4]!;
      scroller.scrollLeft += half.getBoundingClientRect().left - (right - 20);
      await settle(element);
      const scrolled = scroller.scrollLeft;
      const box = half.getBoundingClientRect();
      expect(box.right, 'cut by the right edge').to.be.greaterThan(right + 8);
      await runnerCommand('send-mouse', { type: 'move', position: [Math.round(box.left + 6), Math.round(box.top + box.height / 2)] });
      await runnerCommand('send-mouse', { type: 'down', button: 'left' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await runnerCommand('send-mouse', { type: 'up', button: 'left' });
      await resetMouse();
      await settle(element);
      expect(scroller.scrollLeft, 'not scrolled under the pointer').to.equal(scrolled);
      expect(half.closest('[role="columnheader"]')!.getAttribute('aria-sort'), 'the click sorted').to.not.equal('none');
    });

    it('is never taller than the screen (zoomed 200%), and a wheel at its end goes on to the page', async () => {
      await setViewport({ width: 640, height: 400 });
      try {
        const { element } = await renderAt(640);
        const scroller = $(element, '.scroller');
        expect(scroller.scrollHeight, 'the rows scroll inside the list').to.be.greaterThan(scroller.clientHeight);
        expect(scroller.getBoundingClientRect().height).to.be.at.most(400 * 0.85 + 1);
        expect(getComputedStyle(scroller).overscrollBehaviorY).to.equal('auto');
      } finally {
        await setViewport(DEFAULT_VIEWPORT);
      }
    });

    it('keeps the focused control in sight on a phone: not under the sticky header or the pinned column, not half outside', async () => {
      const { element } = await renderAt(360);
      const scroller = $(element, '.scroller');
      /** Where `control` is hidden: under the header row, under the pinned e-mail column, or outside the box. */
      const hidden = (control: Element): string[] => {
        const view = scroller.getBoundingClientRect();
        const box = control.getBoundingClientRect();
        const row = control.closest('[role="row"]')!;
        const inHeader = !!control.closest('.head');
        const inPinned = control.closest('[role="cell"], [role="columnheader"]') === row.firstElementChild;
        const top = inHeader ? view.top : $(element, '.head').getBoundingClientRect().bottom;
        const left = inPinned ? view.left : row.firstElementChild!.getBoundingClientRect().right;
        const faults: string[] = [];
        if (box.top < top - 1) faults.push(`top ${box.top} above ${top}`);
        if (box.bottom > view.bottom + 1) faults.push(`bottom ${box.bottom} below ${view.bottom}`);
        if (box.left < left - 1) faults.push(`left ${box.left} before ${left}`);
        if (box.right > view.right + 1) faults.push(`right ${box.right} after ${view.right}`);
        return faults;
      };
      const label = (control: Element) => control.getAttribute('aria-label') ?? control.textContent!.trim();
      // Along the header's sort buttons: each one shows whole.
      let active = await tabTo((candidate) => candidate.matches('[part~="sort-button"]'));
      const headerButtons = $$(element, '[part~="sort-button"]').length;
      for (let i = 0; i < headerButtons; i++) {
        expect(hidden(active), `sort button ${label(active)}`).to.deep.equal([]);
        await press('Tab');
        active = deepActiveElement()!;
      }
      // Down into the rows, then back up: the rows' controls never hide under the header row.
      for (let i = 0; i < 60; i++) await press('Tab');
      expect(scroller.scrollTop, 'the rows scrolled as the focus went down').to.be.greaterThan(0);
      for (let i = 0; i < 40; i++) {
        await press('Shift+Tab');
        await new Promise((resolve) => requestAnimationFrame(resolve));
        active = deepActiveElement()!;
        if (!scroller.contains(active) && !element.shadowRoot!.contains(active)) break;
        if (!active.closest('[role="row"]')) break;
        expect(hidden(active), `${label(active)} after Shift+Tab`).to.deep.equal([]);
      }
    });

    it('scrolls sideways on a phone with the e-mail column pinned, opaque, and still passes axe', async () => {
      const { element } = await renderAt(375);
      const scroller = $(element, '.scroller');
      expect(scroller.scrollWidth, 'the table scrolls sideways').to.be.greaterThan(scroller.clientWidth);
      const edge = box(scroller).left + scroller.clientLeft;
      scroller.scrollLeft = scroller.scrollWidth;
      await settle(element);
      expect(scroller.scrollLeft).to.be.greaterThan(0);
      for (const row of [$(element, '[part="header-row"]'), rows(element)[0]!, rows(element)[1]!]) {
        const first = row.firstElementChild!;
        expect(box(first).left).to.be.closeTo(edge, 1);
        // Nothing scrolled shows through: the pinned cell is what is on top, over an opaque background.
        const { left, top, height } = box(first);
        expect(first.contains(element.shadowRoot!.elementFromPoint(left + 4, top + height / 2))).to.equal(true);
        expect(getComputedStyle(first).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
      }
      // In the dark theme, the pinned cells take the dark surface (header) and background (rows).
      element.setAttribute('theme', 'dark');
      await settle(element);
      expect(getComputedStyle($(element, '[part="header-row"]').firstElementChild!).backgroundColor).to.equal('rgb(30, 36, 44)');
      expect(getComputedStyle(rows(element)[0]!.firstElementChild!).backgroundColor).to.equal('rgb(21, 25, 31)');
      // The row's own action is still reachable with its row named beside it.
      const action = rows(element)[0]!.querySelector('[data-action]')!;
      expect(box(action).left).to.be.greaterThan(box(rows(element)[0]!.firstElementChild!).right);
      await expectNoAxeViolations(element);
    });

    it('keeps a cell focused from the keyboard out from under the pinned column', async () => {
      const { element } = await renderAt(375);
      const scroller = $(element, '.scroller');
      const pinned = rows(element)[0]!.firstElementChild!;
      rows(element)[0]!.querySelector<HTMLButtonElement>('button[aria-label*="Edit the access rights"]')!.focus();
      await press('ArrowDown');
      const focused = deepActiveElement()!;
      expect(focused.getAttribute('aria-label')).to.contain('Edit the access rights');
      expect(scroller.scrollLeft).to.be.greaterThan(0);
      expect(box(focused).left).to.be.at.least(box(pinned).right - 1);
    });
  });

  it('over a paged backend, offers no row action on a user whose rights it does not hold, to an actor who does not manage every client', async () => {
    // A backend whose first load holds the actor only: the list's pages carry users without their grants.
    const make = async (actorId: string) => {
      const test = await createTestPortier({ actorId });
      const load = test.backend.load.bind(test.backend);
      test.backend.load = async (ctx) => {
        const snapshot = await load(ctx);
        return { ...snapshot, data: { ...snapshot.data, users: { [actorId]: snapshot.data.users[actorId]! }, grants: {} } };
      };
      await test.portier.refresh();
      const { element } = await renderWithPortier<PortierUserList>(html`<portier-user-list paged></portier-user-list>`, { portier: test });
      await waitUntil(() => rows(element).length > 1, 'the first page arrives');
      return element;
    };
    // u-002 manages Brasserie and Logistics only: Dirk Janssens (u-004) might also work for Retail.
    const scoped = await make('u-002');
    expect(scoped.shadowRoot!.querySelector('[data-action="deactivate"][aria-label*="Dirk Janssens"]')).to.equal(null);
    // (Out of the page: the next list's rows render only in view.)
    scoped.parentElement!.remove();
    // u-001 manages every client: nothing the page leaves out can put a user out of its reach.
    const everywhere = await make('u-001');
    expect(everywhere.shadowRoot!.querySelector('[data-action="deactivate"][aria-label*="Dirk Janssens"]')).to.not.equal(null);
  });

  it('over a paged backend too, keeps the focus on the user acted on when the page fetched again moves its row', async () => {
    const test = await createTestPortier();
    let calls = 0;
    const listUsers = test.backend.listUsers.bind(test.backend);
    test.backend.listUsers = (ctx, query) => {
      calls++;
      return listUsers(ctx, query);
    };
    const { element } = await renderWithPortier<PortierUserList>(html`<portier-user-list paged sort-key="status" sort-direction="desc"></portier-user-list>`, { portier: test });
    await waitUntil(() => rows(element).length > 0, 'the first page arrives');
    const action = (row: HTMLElement) => row.querySelector<HTMLButtonElement>('[data-action]');
    const target = rows(element).find((row) => ['Unblock', 'Reactivate'].includes(action(row)?.textContent?.trim() ?? ''))!.dataset.userId!;
    const button = action(rowOf(element, target))!;
    button.focus();
    button.click();
    await waitUntil(() => test.portier.getState().data.users[target]!.status === 'active' && test.portier.getState().pending === 0, 'made active');
    // Once the command has landed, the page is fetched again, sorted anew: the user's row moves.
    const indexBefore = button.closest('[role="row"]')!.getAttribute('aria-rowindex');
    const fetched = calls;
    await waitUntil(() => calls > fetched || rows(element).find((row) => row.dataset.userId === target)?.getAttribute('aria-rowindex') !== indexBefore, 'fetched again', { timeout: 5000 });
    await waitUntil(() => rows(element).find((row) => row.dataset.userId === target)?.getAttribute('aria-rowindex') !== indexBefore, 'the row moved', { timeout: 5000 });
    await waitUntil(() => deepActiveElement()?.closest<HTMLElement>('[role="row"]')?.dataset.userId === target, 'the focus follows the user', { timeout: 5000 });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Deactivate');
  });

  it('over a paged backend, a page asked for before a command landed and answered late does not overwrite the page fetched after', async () => {
    const test = await createTestPortier();
    let calls = 0;
    const listUsers = test.backend.listUsers.bind(test.backend);
    test.backend.listUsers = async (ctx, query) => {
      const call = ++calls;
      const page = await listUsers(ctx, query);
      // The page asked for while the command was in flight answers last.
      if (call === 2) await new Promise((resolve) => setTimeout(resolve, 400));
      return page;
    };
    const { element } = await renderWithPortier<PortierUserList>(html`<portier-user-list paged sort-key="status" sort-direction="desc"></portier-user-list>`, { portier: test });
    await waitUntil(() => rows(element).length > 0, 'the first page arrives');
    const target = rows(element).find((row) => row.querySelector('[data-action]')?.textContent?.trim() === 'Unblock')!.dataset.userId!;
    rowOf(element, target).querySelector<HTMLButtonElement>('[data-action]')!.click();
    await waitUntil(() => test.portier.getState().data.users[target]!.status === 'active' && test.portier.getState().pending === 0, 'unblocked');
    await new Promise((resolve) => setTimeout(resolve, 700));
    await settle(element);
    const now = await listUsers({ actorId: 'u-001' }, { sort: { key: 'status', direction: 'desc' }, offset: 0, limit: 100 });
    expect(rows(element).map((row) => row.dataset.userId)).to.deep.equal(now.items.slice(0, rows(element).length).map((user) => user.id));
  });

  it('works over a paged backend: loads pages as the user scrolls, and filters there', async () => {
    const test = await createTestPortier({ seed: bigSeed(2_000) });
    const calls: UserQuery[] = [];
    const listUsers = test.backend.listUsers.bind(test.backend);
    test.backend.listUsers = (ctx, query) => {
      calls.push(query);
      return listUsers(ctx, query);
    };
    const { element } = await renderWithPortier<PortierUserList>(html`<portier-user-list paged></portier-user-list>`, { portier: test });
    await waitUntil(() => rows(element).length > 0, 'the first page arrives');
    expect($(element, '[role="table"]').getAttribute('aria-rowcount')).to.equal('2041');
    expect(calls[0]).to.deep.include({ offset: 0, limit: 100 });
    expect(textOf(element)).to.contain('2,040 users');
    const scroller = $(element, '.scroller');
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => rows(element).some((row) => row.getAttribute('aria-rowindex') === '2041'), 'the last page is loaded after scrolling', { timeout: 5000 });
    expect(calls.some((query) => query.offset === 2000)).to.equal(true);
    expect(calls.length).to.be.lessThan(6);
    type($<HTMLInputElement>(element, '#email-filter'), 'generated.00199');
    await waitUntil(() => rows(element).length === 10, 'the filtered page arrives', { timeout: 5000 });
    expect(calls.at(-1)).to.deep.include({ email: 'generated.00199', offset: 0 });
    await expectNoAxeViolations(element);
  });
});
