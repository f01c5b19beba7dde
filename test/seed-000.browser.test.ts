/// <reference types="mocha" />
/**
 * End to end, seed 000 (the user-management manual of an energy supplier's B2B portal), from the
 * administrator's side of `<portier-admin>`: create a user, give rights on two clients with
 * different levels, promote to super user, try to demote the last super user and read the
 * refusal, filter the list by client.
 */
import { demoSeed, type MemorySeed } from '@portier/adapters';
import { expect, html, waitUntil } from '@open-wc/testing';
import '@portier/elements/define';
import type { PortierAdmin } from '../packages/elements/src/admin/admin.js';
import { $, $$, choose, expectNoAxeViolations, press, renderWithPortier, settle, textOf, type } from '../packages/elements/src/test-utils/index.js';

const START = Date.UTC(2026, 0, 5, 9);

/** The demo seed with u-001 (Amélie Dubois) as the only super user of Groupe Lambert. */
function oneSuperUserSeed(): MemorySeed {
  const seed = demoSeed(START);
  const home = seed.data.users['u-001']!.organizationId;
  for (const user of Object.values(seed.data.users)) {
    if (user.id !== 'u-001' && user.organizationId === home && user.role === 'superuser') seed.data.users[user.id] = { ...user, role: 'user' };
  }
  return seed;
}

/** The screen `tag` inside the admin, once rendered. */
async function screen<E extends HTMLElement>(admin: PortierAdmin, tag: string): Promise<E> {
  await settle(admin);
  await waitUntil(() => admin.shadowRoot!.querySelector(tag), `<${tag}> is shown`);
  const found = admin.shadowRoot!.querySelector<E>(tag)!;
  await settle(found);
  return found;
}

const button = (root: Element, text: string) => {
  const found = $$<HTMLButtonElement>(root, 'button').find((candidate) => candidate.textContent!.replace(/\s+/g, ' ').trim() === text);
  if (!found) throw new Error(`No button "${text}" in <${root.localName}>`);
  return found;
};

async function openList(admin: PortierAdmin): Promise<HTMLElement> {
  $<HTMLButtonElement>(admin, '[part~="nav-item"][data-view="list"]').click();
  return screen(admin, 'portier-user-list');
}

/** Filters the list on `email` and clicks the row's "Edit the profile of …" button. */
async function openProfile(admin: PortierAdmin, email: string, name: string, label = `Edit the profile of ${name}`): Promise<HTMLElement> {
  const list = await openList(admin);
  type($<HTMLInputElement>(list, '#email-filter'), email);
  await settle(list);
  await waitUntil(() => list.shadowRoot!.querySelector(`button[aria-label="${label}"]`), `the row of ${name}`);
  $<HTMLButtonElement>(list, `button[aria-label="${label}"]`).click();
  return screen(admin, 'portier-user-profile');
}

const live = (element: Element) => $(element, '[part~="live"]').textContent!.replace(/\s+/g, ' ').trim();
const shownEmails = (list: Element) => $$(list, '[role="row"][data-user-id]').map((row) => row.querySelector('[role="cell"]')!.textContent!.trim());

describe('seed 000, end to end in <portier-admin>', () => {
  afterEach(() => history.replaceState(null, '', window.location.pathname + window.location.search));

  it('creates a user, gives rights on two clients, promotes, is refused demoting the last super user, and filters by client', async () => {
    const { element: admin, portier } = await renderWithPortier<PortierAdmin>(html`<portier-admin></portier-admin>`, { seed: oneSuperUserSeed() });

    // 1. Create a new user (seed 000 §4): e-mail = login, names, language; no password.
    $<HTMLButtonElement>(admin, '[part~="nav-item"][data-view="create"]').click();
    const form = await screen(admin, 'portier-user-create');
    expect(form.shadowRoot!.querySelector('input[type="password"]')).to.equal(null);
    type($<HTMLInputElement>(form, '#email'), 'sophie.lenoir@lambert.example');
    type($<HTMLInputElement>(form, '#firstName'), 'Sophie');
    type($<HTMLInputElement>(form, '#lastName'), 'Lenoir');
    choose($<HTMLSelectElement>(form, '#language'), 'fr');
    await settle(form);
    $<HTMLButtonElement>(form, '[part="submit-button"]').click();

    // The admin goes on to the new user's access rights and says an invitation was sent.
    await waitUntil(() => admin.view === 'access', 'the access rights of the new user open', { timeout: 5000 });
    const rights = await screen(admin, 'portier-access-rights');
    expect(live(admin)).to.contain('An invitation was sent to sophie.lenoir@lambert.example.');
    expect($(admin, '[part~="detail-name"]').textContent).to.equal('Sophie Lenoir');

    // 2. Rights on two clients with different levels (seed 000 §6): add each client by name or number.
    for (const [search, name] of [['Brasserie', 'Brasserie Lambert SA'], ['100 245 902', 'Lambert Logistics NV']]) {
      type($<HTMLInputElement>(rights, '#search'), search!);
      $<HTMLFormElement>(rights, 'form[part~="search"]').requestSubmit();
      await settle(rights);
      $<HTMLButtonElement>(rights, `button[aria-label="Add ${name}"]`).click();
      await settle(rights);
    }
    const cell = (client: string, application: string) => $<HTMLSelectElement>(rights, `select[part~="level"][data-client="${client}"][data-application="${application}"]`);
    const levels = (select: HTMLSelectElement) => [...select.options].map((option) => option.textContent!.trim());
    expect(levels(cell('c-brasserie', 'portfolio-manager'))).to.deep.equal(['Full', 'Read only', 'No access']);
    expect(levels(cell('c-logistics', 'energy-guard'))).to.deep.equal(['Full', 'Alert', 'No access']);
    choose(cell('c-brasserie', 'portfolio-manager'), 'read');
    choose(cell('c-logistics', 'energy-guard'), 'alert');
    await settle(rights);
    button(rights, 'Save').click();
    await settle(rights);
    const summary = textOf($<HTMLDialogElement>(rights, 'dialog'));
    expect(summary).to.contain('Brasserie Lambert SA · Portfolio Manager: No access → Read only');
    expect(summary).to.contain('Lambert Logistics NV · Energy Guard: No access → Alert');
    $<HTMLButtonElement>(rights, '[data-apply]').click();
    await waitUntil(() => $(rights, '[role="status"]').textContent!.includes('The access rights were saved.'), 'the save is announced', { timeout: 5000 });
    expect(cell('c-brasserie', 'portfolio-manager').value).to.equal('read');
    expect(cell('c-logistics', 'energy-guard').value).to.equal('alert');
    expect(cell('c-brasserie', 'energy-guard').value).to.equal('none');

    // 3. Promote to super user, from the profile tab.
    $<HTMLButtonElement>(admin, '.tabs [data-view="profile"]').click();
    let profile = await screen(admin, 'portier-user-profile');
    expect(textOf(profile)).to.contain('Current role: User');
    $<HTMLButtonElement>(profile, 'button[data-action="promote"]').click();
    await waitUntil(() => live(profile) === 'Sophie Lenoir is now a Super User.', 'the promotion is announced', { timeout: 5000 });
    expect(textOf(profile)).to.contain('Current role: Super User');

    // 4. Try to demote the last super user. Sophie Lenoir is a super user but still invited: only an
    // active super user keeps the organization administrable (SPEC rule 4), so Amélie Dubois is the last one.
    profile = await openProfile(admin, 'amelie.dubois', 'Amélie Dubois');
    const demote = $<HTMLButtonElement>(profile, 'button[data-action="demote"]');
    expect(demote.getAttribute('aria-disabled')).to.equal('true');
    const hint = $(profile, '[data-explains="user.set-role"]').textContent!.replace(/\s+/g, ' ').trim();
    expect(hint).to.contain('This is the last super user of the organization, so it cannot be demoted, deactivated, blocked or deleted.');
    expect(hint).to.contain('Create a new super user or promote an existing user to super user first');
    demote.click();
    await settle(profile);
    const refusal = $(profile, '[part~="error"]').textContent!.replace(/\s+/g, ' ').trim();
    expect(refusal).to.match(/last super user/i);
    expect(textOf(profile)).to.contain('Current role: Super User');
    expect(portier.getState().data.users['u-001']!.role).to.equal('superuser');
    await expectNoAxeViolations(profile);

    // Demoting the new super user (not the last one) is allowed, after a confirmation.
    profile = await openProfile(admin, 'sophie.lenoir', 'Sophie Lenoir');
    $<HTMLButtonElement>(profile, 'button[data-action="demote"]').click();
    await waitUntil(() => $<HTMLDialogElement>(profile, 'dialog').open, 'the confirmation opens');
    $<HTMLButtonElement>(profile, 'button[data-action="dialog-confirm"]').click();
    await waitUntil(() => live(profile) === 'Sophie Lenoir is now a User.', 'the demotion is announced', { timeout: 5000 });

    // 5. Filter the list by client: the new user shows under both clients of her rights, not under the others.
    const list = await openList(admin);
    $<HTMLButtonElement>(list, '[part="clear-button"]').click();
    await settle(list);
    type($<HTMLInputElement>(list, '#email-filter'), 'lambert.example');
    await settle(list);
    for (const [client, shown] of [['c-brasserie', true], ['c-logistics', true], ['c-immo', false], ['c-retail', false]] as const) {
      choose($<HTMLSelectElement>(list, '#client-filter'), client);
      await settle(list);
      type($<HTMLInputElement>(list, '#email-filter'), 'sophie.lenoir');
      await settle(list);
      expect(shownEmails(list).includes('sophie.lenoir@lambert.example'), client).to.equal(shown);
    }
    type($<HTMLInputElement>(list, '#email-filter'), '');
    choose($<HTMLSelectElement>(list, '#client-filter'), 'c-immo');
    await settle(list);
    expect(shownEmails(list).length).to.be.greaterThan(0);
    expect(textOf(list)).to.match(/\d+ of \d+ users/);
    $<HTMLButtonElement>(list, '[part="clear-button"]').click();
    await settle(list);
    expect($<HTMLSelectElement>(list, '#client-filter').value).to.equal('');
    expect(Object.values(portier.getState().data.users).filter((user) => user.role === 'superuser' && user.organizationId === portier.getState().data.users['u-001']!.organizationId)).to.have.length(1);
    await expectNoAxeViolations(admin);
  });

  it('explains the refusal in French as §5.1 of the manual does, reached with the keyboard', async () => {
    const { element: admin, portier } = await renderWithPortier<PortierAdmin>(html`<portier-admin></portier-admin>`, { seed: oneSuperUserSeed(), locale: 'fr' });
    const profile = await openProfile(admin, 'amelie.dubois', 'Amélie Dubois', 'Modifier le profil d’Amélie Dubois');
    const hint = $(profile, '[data-explains="user.set-role"]').textContent!.replace(/\s+/g, ' ').trim();
    expect(hint).to.contain('C’est le dernier Super User de l’organisation');
    expect(hint).to.contain('Créez d’abord un nouveau Super User ou promouvez un utilisateur existant au statut de Super User');
    const demote = $<HTMLButtonElement>(profile, 'button[data-action="demote"]');
    expect(demote.textContent!.trim()).to.equal('Rétrograder');
    demote.focus();
    await press('Enter');
    await settle(profile);
    expect($(profile, '[part~="error"]').textContent!.replace(/\s+/g, ' ')).to.contain('Il n’est pas possible de rétrograder, désactiver, bloquer ou supprimer le dernier Super User');
    expect(portier.getState().data.users['u-001']!.role).to.equal('superuser');
    await expectNoAxeViolations(admin);
  });
});
