/// <reference types="mocha" />
/**
 * End to end, seed 003 (the user kinds of My DSO Manager): invite a login user from
 * `<portier-admin>`, let the invitation period pass, see the account expired in the list, re-send
 * the invitation and accept it in `<portier-activate-account>`; a contact cannot sign in.
 */
import { DEMO_PASSWORD } from '@portier/adapters';
import { expect, html, waitUntil } from '@open-wc/testing';
import { DAY_MS, PortierError } from '@portier/core';
import '@portier/elements/define';
import type { PortierAdmin } from '../packages/elements/src/admin/admin.js';
import {
  $,
  $$,
  createTestPortier,
  expectNoAxeViolations,
  renderWithPortier,
  settle,
  textOf,
  type,
  type TestPortier,
} from '../packages/elements/src/test-utils/index.js';

/** The screen `tag` inside the admin, once rendered. */
async function screen<E extends HTMLElement>(admin: PortierAdmin, tag: string): Promise<E> {
  await settle(admin);
  await waitUntil(() => admin.shadowRoot!.querySelector(tag), `<${tag}> is shown`);
  const found = admin.shadowRoot!.querySelector<E>(tag)!;
  await settle(found);
  return found;
}

async function openList(admin: PortierAdmin): Promise<HTMLElement> {
  $<HTMLButtonElement>(admin, '[part~="nav-item"][data-view="list"]').click();
  return screen(admin, 'portier-user-list');
}

/** Creates a user through the create form and returns its id (the admin opens its access rights). */
async function create(admin: PortierAdmin, kind: 'login' | 'contact', values: Record<string, string>): Promise<string> {
  $<HTMLButtonElement>(admin, '[part~="nav-item"][data-view="create"]').click();
  const form = await screen(admin, 'portier-user-create');
  $<HTMLInputElement>(form, `#kind-${kind}`).click();
  await settle(form);
  for (const [id, value] of Object.entries(values)) type($<HTMLInputElement>(form, `#${id}`), value);
  await settle(form);
  $<HTMLButtonElement>(form, '[part="submit-button"]').click();
  await waitUntil(() => admin.view === 'access' && admin.userId !== '', 'the new user is created', { timeout: 5000 });
  await settle(admin);
  return admin.userId;
}

/** The list filtered on `email`, and the texts of that user's row. */
async function rowOf(admin: PortierAdmin, email: string): Promise<{ list: HTMLElement; row: HTMLElement; cells: string[] }> {
  const list = await openList(admin);
  type($<HTMLInputElement>(list, '#email-filter'), email);
  await settle(list);
  await waitUntil(() => $$(list, '[role="row"][data-user-id]').length === 1, `only the row of ${email}`);
  const row = $$(list, '[role="row"][data-user-id]')[0]!;
  const cells = [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
  return { list, row, cells };
}

const STATUS = 5;
const ACTION = 10;

async function signInRefusal(test: TestPortier, email: string, password: string): Promise<PortierError> {
  try {
    await test.backend.signIn({ email, password });
  } catch (error) {
    return error as PortierError;
  }
  throw new Error(`${email} could sign in`);
}

describe('seed 003, end to end: invitations and contacts', () => {
  afterEach(() => history.replaceState(null, '', window.location.pathname + window.location.search));

  it('invites, lets the invitation expire, re-sends it, and the user accepts it', async () => {
    const test = await createTestPortier();
    const { element: admin } = await renderWithPortier<PortierAdmin>(html`<portier-admin></portier-admin>`, { portier: test });

    const id = await create(admin, 'login', { email: 'lucas.peeters@lambert.example', firstName: 'Lucas', lastName: 'Peeters' });
    expect($(admin, '[part~="live"]').textContent).to.contain('An invitation was sent to lucas.peeters@lambert.example');
    let { cells } = await rowOf(admin, 'lucas.peeters');
    expect(cells[STATUS]).to.equal('Invited');
    expect(cells[ACTION]).to.equal('Re-send invitation');
    const first = (await test.backend.outbox()).filter((mail) => mail.userId === id && mail.kind === 'invitation');
    expect(first).to.have.length(1);

    // 31 days later the invitation period (30 days) is over: the account reads expired.
    test.clock.advance(31 * DAY_MS);
    await test.portier.refresh();
    const expired = await rowOf(admin, 'lucas.peeters');
    expect(expired.cells[STATUS]).to.equal('Invitation expired');

    // Re-send from the row: a new e-mail, the account is invited again, and it is announced.
    const resend = expired.row.querySelector<HTMLButtonElement>('button[data-action="resendInvitation"]')!;
    expect(resend.textContent!.trim()).to.equal('Re-send invitation');
    resend.click();
    await waitUntil(() => $(expired.list, '[part~="live"]').textContent!.includes('A new invitation was sent to Lucas Peeters.'), 'the re-send is announced', {
      timeout: 5000,
    });
    ({ cells } = await rowOf(admin, 'lucas.peeters'));
    expect(cells[STATUS]).to.equal('Invited');
    await expectNoAxeViolations(admin);

    const mails = (await test.backend.outbox()).filter((mail) => mail.userId === id && mail.kind === 'invitation');
    expect(mails).to.have.length(2);
    const oldToken = first[0]!.token!;
    const newToken = mails.find((mail) => mail.token !== oldToken)!.token!;

    // The old link no longer works: the screen says so.
    const old = await renderWithPortier<HTMLElement>(html`<portier-activate-account token=${oldToken}></portier-activate-account>`, { portier: test });
    await waitUntil(() => old.element.shadowRoot!.querySelector('[part~="message"][role="alert"]'), 'the old link is refused');
    expect($(old.element, '[part~="message"][role="alert"]').textContent).to.contain('This link has expired or was replaced by a newer one.');

    // The new link: set a password and the account is active.
    const { element: activate } = await renderWithPortier<HTMLElement>(html`<portier-activate-account token=${newToken}></portier-activate-account>`, { portier: test });
    await waitUntil(() => activate.shadowRoot!.querySelector('#new-password'), 'the activation form is shown');
    expect(textOf(activate)).to.contain('Welcome, Lucas Peeters');
    type($<HTMLInputElement>(activate, '#new-password'), 'Peeters-Lambert-2026');
    type($<HTMLInputElement>(activate, '#confirmation'), 'Peeters-Lambert-2026');
    await settle(activate);
    $<HTMLButtonElement>(activate, 'button[type="submit"]').click();
    await waitUntil(() => activate.shadowRoot!.querySelector('[role="status"]')?.textContent?.includes('Your password is set and your account is active.'), 'the account is activated', {
      timeout: 5000,
    });
    await expectNoAxeViolations(activate);

    const session = await test.backend.signIn({ email: 'lucas.peeters@lambert.example', password: 'Peeters-Lambert-2026' });
    expect(session.userId).to.equal(id);
    await test.portier.refresh();
    ({ cells } = await rowOf(admin, 'lucas.peeters'));
    expect(cells[STATUS]).to.equal('Active');
    expect(cells[ACTION]).to.equal('Deactivate');
  });

  it('shows a contact as such in the list, and a contact cannot sign in', async () => {
    const test = await createTestPortier();
    const { element: admin } = await renderWithPortier<PortierAdmin>(html`<portier-admin></portier-admin>`, { portier: test });

    await create(admin, 'contact', { email: 'carla.contact@lambert.example', firstName: 'Carla', lastName: 'Contact' });
    expect($(admin, '[part~="live"]').textContent).to.contain('Contact Carla Contact created.');
    expect((await test.backend.outbox()).some((mail) => mail.to.toLowerCase() === 'carla.contact@lambert.example')).to.equal(false);
    const { cells } = await rowOf(admin, 'carla.contact');
    expect(cells[STATUS]).to.equal('Contact');
    expect(cells[4]).to.equal('User');

    // The demo seed's contact u-013 too.
    const seeded = test.portier.getState().data.users['u-013']!;
    const row = await rowOf(admin, seeded.email);
    expect(row.cells[STATUS]).to.equal('Contact');
    await expectNoAxeViolations(admin);

    for (const email of ['carla.contact@lambert.example', seeded.email]) {
      const refusal = await signInRefusal(test, email, DEMO_PASSWORD);
      expect(refusal).to.be.instanceOf(PortierError);
      expect(refusal.code, email).to.equal('forbidden');
    }
  });
});
