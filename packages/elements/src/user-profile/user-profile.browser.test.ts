import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define/user-profile.js';
import type { PortierUserUpdatedEvent } from '../events/user-updated.js';
import { createPortier, type PortierError } from '@portier/core';
import { $, createTestPortier, deepActiveElement, expectNoAxeViolations, press, renderWithPortier, settle, textOf, type } from '../test-utils/index.js';
import type { PortierUserProfile } from './user-profile.js';

const render = (userId: string, options: Parameters<typeof renderWithPortier>[1] = {}) =>
  renderWithPortier<PortierUserProfile>(html`<portier-user-profile user-id=${userId}></portier-user-profile>`, options);

const button = (element: PortierUserProfile, action: string) => element.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
const input = (element: PortierUserProfile, id: string) => $<HTMLInputElement>(element, `#${id}`);
const alertText = (element: PortierUserProfile) => $(element, '[part~="error"]').textContent!.replace(/\s+/g, ' ').trim();
const liveText = (element: PortierUserProfile) => $(element, '[part~="live"]').textContent!.trim();

async function click(element: PortierUserProfile, action: string): Promise<void> {
  button(element, action)!.click();
  await settle(element);
}

async function confirmDialog(element: PortierUserProfile): Promise<void> {
  await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open, 'the confirmation dialog opens');
  await click(element, 'dialog-confirm');
  await settle(element);
}

describe('<portier-user-profile>', () => {
  it("shows the user's profile with the e-mail read-only and no password, and passes axe", async () => {
    const { element } = await render('u-004');
    expect(textOf(element)).to.contain('User: dirk.janssens@lambert.example');
    expect(input(element, 'email').readOnly).to.equal(true);
    expect(input(element, 'firstName').value).to.equal('Dirk');
    expect(element.shadowRoot!.querySelector('input[type="password"]')).to.equal(null);
    expect(textOf(element)).to.contain('Current role: User');
    expect(button(element, 'promote')).to.not.equal(null);
    await expectNoAxeViolations(element);
  });

  it('saves changed names, phones and language and announces it', async () => {
    const { element, portier } = await render('u-004');
    type(input(element, 'firstName'), 'Dirk-Jan');
    type(input(element, 'mobile'), '+32 470 00 11 22');
    const updated = oneEvent(element, 'portier-user-updated') as Promise<PortierUserUpdatedEvent>;
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    expect(await updated).to.include({ userId: 'u-004', change: 'profile' });
    await settle(element);
    expect(liveText(element)).to.equal('The profile was saved.');
    expect(portier.getState().data.users['u-004']).to.include({ firstName: 'Dirk-Jan', mobile: '+32 470 00 11 22' });
  });

  it('checks the fields live and keeps the form when they are wrong', async () => {
    const { element, portier } = await render('u-004', { locale: 'de' });
    type(input(element, 'firstName'), '   ');
    input(element, 'firstName').dispatchEvent(new Event('blur'));
    await settle(element);
    expect($(element, '#firstName-error').textContent).to.equal('Füllen Sie dieses Feld aus.');
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await settle(element);
    expect(deepActiveElement()?.id).to.equal('firstName');
    expect(portier.getState().data.users['u-004']!.firstName).to.equal('Dirk');
  });

  it('promotes, then demotes after a confirmation, and returns the focus after the dialog', async () => {
    const { element, portier } = await render('u-004');
    await click(element, 'promote');
    await waitUntil(() => portier.getState().data.users['u-004']!.role === 'superuser' && portier.getState().pending === 0);
    await settle(element);
    expect(liveText(element)).to.equal('Dirk Janssens is now a Super User.');
    expect(textOf(element)).to.contain('Current role: Super User');
    // Cancel with Escape: nothing changes and the focus is back on Demote.
    button(element, 'demote')!.focus();
    await press('Enter');
    await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open);
    await press('Escape');
    await settle(element);
    expect(portier.getState().data.users['u-004']!.role).to.equal('superuser');
    expect(deepActiveElement()?.getAttribute('data-action')).to.equal('demote');
    // With the keyboard alone: Enter opens, Tab reaches the confirm button, Enter demotes.
    await press('Enter');
    await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open);
    await expectNoAxeViolations(element);
    expect(deepActiveElement()?.getAttribute('data-action')).to.equal('dialog-cancel');
    await press('Tab');
    await press('Enter');
    await waitUntil(() => portier.getState().data.users['u-004']!.role === 'user' && portier.getState().pending === 0);
    await settle(element);
    expect(liveText(element)).to.equal('Dirk Janssens is now a User.');
    expect(deepActiveElement()?.getAttribute('data-action')).to.equal('promote');
  });

  it('explains, as the manual does, why the last super user cannot be demoted', async () => {
    const { element, portier } = await render('u-001', { locale: 'fr' });
    await portier.users.deactivate('u-002');
    await portier.users.deactivate('u-003');
    await settle(element);
    const demote = button(element, 'demote')!;
    expect(demote.getAttribute('aria-disabled')).to.equal('true');
    const hint = $(element, '[data-explains="user.set-role"]').textContent!;
    expect(hint).to.contain('C’est le dernier Super User');
    expect(hint).to.contain('Créez d’abord un nouveau Super User ou promouvez un utilisateur existant au statut de Super User');
    demote.click();
    await settle(element);
    expect(alertText(element)).to.contain('Il n’est pas possible de rétrograder, désactiver ou bloquer le dernier Super User');
    expect(portier.getState().data.users['u-001']!.role).to.equal('superuser');
    await expectNoAxeViolations(element);
  });

  it('rule 4: keeps a super user without an end date, and says why in the user’s language', async () => {
    const first = await createTestPortier({ actorId: 'u-001' });
    await first.portier.users.deactivate('u-002', { until: '2026-06-30' });
    await first.portier.users.deactivate('u-003', { until: '2026-06-30' });
    // u-002 looks at u-001: the only super user left without an end date.
    const second = createPortier({ backend: first.backend, clock: first.clock, actorId: 'u-002' });
    await second.ready;
    const { element } = await render('u-001', { portier: { portier: second, backend: first.backend, clock: first.clock }, locale: 'fr' });
    expect(button(element, 'demote')!.getAttribute('aria-disabled')).to.equal('true');
    expect($(element, '[data-explains="user.set-role"]').textContent).to.contain('Tous les autres Super Users ont une date de fin');
    await expectNoAxeViolations(element);
    // The store and the backend refuse it too, with the same reason.
    await second.users.setRole('u-001', 'user').then(
      () => expect.fail('demoted'),
      (error: PortierError) => expect([error.code, error.details?.reason]).to.deep.equal(['last-super-user', 'last-super-user-without-end-date']),
    );
  });

  it('says why one cannot change one’s own role while other super users exist', async () => {
    const { element } = await render('u-001');
    expect($(element, '[data-explains="user.set-role"]').textContent).to.contain('You cannot change your own role, rights or status');
  });

  it('refuses a stale save with conflict, keeps what was typed, and can show the latest version', async () => {
    const { element, portier, backend } = await render('u-004');
    type(input(element, 'firstName'), 'Mine');
    type(input(element, 'phone'), '+32 2 111 22 33');
    await backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { lastName: 'Theirs' } });
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => alertText(element) !== '', 'the refusal is shown');
    expect(alertText(element)).to.contain('Someone else changed this user in the meantime. Your input is kept');
    expect(input(element, 'firstName').value).to.equal('Mine');
    expect(input(element, 'phone').value).to.equal('+32 2 111 22 33');
    // The field only the other admin changed shows its value; the next save builds on that version.
    await waitUntil(() => input(element, 'lastName').value === 'Theirs', 'the newer version is merged under the input');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="error"] button')!.click();
    await waitUntil(() => input(element, 'firstName').value === 'Dirk', 'the latest version replaces the input');
    expect(input(element, 'lastName').value).to.equal('Theirs');
    expect(input(element, 'phone').value).to.not.equal('+32 2 111 22 33');
    expect(portier.getState().data.users['u-004']!.lastName).to.equal('Theirs');
  });

  it('blocks after confirmation, unblocks, and sends a password-reset e-mail', async () => {
    const { element, portier, backend } = await render('u-004');
    await click(element, 'block');
    await confirmDialog(element);
    await waitUntil(() => portier.getState().data.users['u-004']!.status === 'blocked' && portier.getState().pending === 0);
    await settle(element);
    expect(liveText(element)).to.equal('The account was blocked.');
    expect($(element, '[part="status"]').textContent).to.equal('Blocked');
    await click(element, 'unblock');
    await waitUntil(() => portier.getState().data.users['u-004']!.status === 'active' && portier.getState().pending === 0);
    const updated = oneEvent(element, 'portier-user-updated') as Promise<PortierUserUpdatedEvent>;
    await click(element, 'reset-password');
    expect((await updated).change).to.equal('password-reset');
    await settle(element);
    expect(liveText(element)).to.equal('A password-reset e-mail was sent to dirk.janssens@lambert.example.');
    expect((await backend.outbox()).some((mail) => mail.userId === 'u-004' && mail.kind === 'password-reset')).to.equal(true);
  });

  it('deactivates and reactivates, and sets an active-until date', async () => {
    const { element, portier } = await render('u-005');
    input(element, 'active-until').value = '2026-06-30';
    input(element, 'active-until').dispatchEvent(new Event('input'));
    await settle(element);
    await click(element, 'active-until');
    await waitUntil(() => portier.getState().data.users['u-005']!.activeUntil === '2026-06-30' && portier.getState().pending === 0);
    await settle(element);
    expect(liveText(element)).to.equal('The end date was saved.');
    await click(element, 'deactivate');
    await confirmDialog(element);
    await waitUntil(() => portier.getState().data.users['u-005']!.status === 'deactivated' && portier.getState().pending === 0);
    await settle(element);
    await click(element, 'activate');
    await waitUntil(() => portier.getState().data.users['u-005']!.status === 'active' && portier.getState().pending === 0);
  });

  it('re-sends the invitation of an invited user', async () => {
    const { element, backend } = await render('u-006');
    expect(button(element, 'reset-password')).to.equal(null);
    await click(element, 'resend-invitation');
    await waitUntil(() => liveText(element) !== '');
    expect(liveText(element)).to.contain('A new invitation was sent to');
    expect((await backend.outbox()).some((mail) => mail.userId === 'u-006' && mail.kind === 'invitation')).to.equal(true);
  });

  it('says so when the user does not exist', async () => {
    const { element } = await render('u-999');
    expect(textOf(element)).to.contain('This user does not exist or is no longer visible to you.');
    await expectNoAxeViolations(element);
  });
});
