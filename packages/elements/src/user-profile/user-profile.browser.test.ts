import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define/user-profile.js';
import type { PortierUserRemovedEvent } from '../events/user-removed.js';
import type { PortierUserUpdatedEvent } from '../events/user-updated.js';
import { PortierError, createPortier } from '@portier/core';
import { demoSeed } from '@portier/adapters';
import { loadLocale } from '../localize/load-locale.js';
import { $, $$, choose, createTestPortier, deepActiveElement, expectNoAxeViolations, mouseClick, press, renderWithPortier, resetMouse, settle, tabTo, textOf, type, withSafariPresses } from '../test-utils/index.js';
import type { PortierUserProfile } from './user-profile.js';

const render = (userId: string, options: Parameters<typeof renderWithPortier>[1] = {}) =>
  renderWithPortier<PortierUserProfile>(html`<portier-user-profile user-id=${userId}></portier-user-profile>`, options);

const button = (element: PortierUserProfile, action: string) => element.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
const input = (element: PortierUserProfile, id: string) => $<HTMLInputElement>(element, `#${id}`);
const alertText = (element: PortierUserProfile) => $(element, '[part~="error"]').textContent!.replace(/\s+/g, ' ').trim();
const liveText = (element: PortierUserProfile) => $(element, '[part~="live"]').textContent!.trim();
/** The "saved" status next to the profile's save button. */
const savedText = (element: PortierUserProfile) => $(element, '[part~="saved"]').textContent!.trim();

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
    // Said next to the button that saved (the top of a long form may be out of sight), as a status.
    expect(savedText(element)).to.equal('The profile was saved.');
    expect($(element, '[part~="saved"]').getAttribute('role')).to.equal('status');
    expect($(element, '[part~="saved"]').parentElement!.contains($(element, '[part="save-button"]'))).to.equal(true);
    expect(liveText(element)).to.equal('');
    expect(portier.getState().data.users['u-004']).to.include({ firstName: 'Dirk-Jan', mobile: '+32 470 00 11 22' });
  });

  it('saves a phone of a user whose stored name today’s rules would refuse: only what changed is checked', async () => {
    const seed = demoSeed(Date.now());
    // A single name, kept with "." as its last name by the directory it came from.
    seed.data.users['u-004'] = { ...seed.data.users['u-004']!, lastName: '.' };
    const { element, portier } = await render('u-004', { seed });
    type(input(element, 'mobile'), '+32 470 00 11 23');
    const updated = oneEvent(element, 'portier-user-updated') as Promise<PortierUserUpdatedEvent>;
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await updated;
    await settle(element);
    expect(element.shadowRoot!.querySelector('#lastName-error')).to.equal(null);
    expect(portier.getState().data.users['u-004']).to.include({ lastName: '.', mobile: '+32 470 00 11 23' });
    // Typed by the user, the same name is checked.
    type(input(element, 'firstName'), '---');
    input(element, 'firstName').dispatchEvent(new Event('blur'));
    await settle(element);
    expect($(element, '#firstName-error').textContent).to.equal('A name must contain at least one letter, and no invisible control characters.');
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

  it('after a confirmed Block, the focus is on Unblock, never on another action drawn in its place', async () => {
    const { element, portier } = await render('u-004');
    button(element, 'block')!.focus();
    await press('Enter');
    await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open);
    await press('Tab');
    await press('Enter');
    await waitUntil(() => portier.getState().data.users['u-004']!.status === 'blocked' && portier.getState().pending === 0);
    await settle(element);
    expect(deepActiveElement()?.getAttribute('data-action')).to.equal('unblock');
    // Enter again unblocks (the action the focus shows), and sends no reset e-mail.
    await press('Enter');
    await waitUntil(() => portier.getState().data.users['u-004']!.status === 'active' && portier.getState().pending === 0);
    await settle(element);
    expect(deepActiveElement()?.getAttribute('data-action')).to.equal('block');
  });

  it('after a button’s action meets another administrator’s change, says so without speaking of kept input', async () => {
    const { element, backend, portier } = await render('u-004');
    await backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { lastName: 'Elsewhere' } });
    await click(element, 'promote');
    await waitUntil(() => portier.getState().pending === 0);
    await settle(element);
    expect(alertText(element)).to.contain('Someone else changed this user in the meantime. The user is shown as it is now');
    expect(alertText(element)).to.not.contain('input');
    expect(portier.getState().data.users['u-004']!.lastName).to.equal('Elsewhere');
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
    expect(alertText(element)).to.contain('Il n’est pas possible de rétrograder, désactiver, bloquer ou supprimer le dernier Super User');
    expect(portier.getState().data.users['u-001']!.role).to.equal('superuser');
    await expectNoAxeViolations(element);
  });

  it('rule 4: keeps a super user without an end date, and says why in the user’s language', async () => {
    const first = await createTestPortier({ actorId: 'u-001' });
    await first.portier.users.deactivate('u-002', { until: '2026-06-30' });
    await first.portier.users.deactivate('u-003', { until: '2026-06-30' });
    // u-003 (who manages every client, as u-001 does) looks at u-001: the only super user left without an end date.
    const second = createPortier({ backend: first.backend, clock: first.clock, actorId: 'u-003' });
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

  it('points the own account’s disabled signature and end date to why they cannot be changed', async () => {
    const { element } = await render('u-001');
    const described = (control: HTMLElement) => (control.getAttribute('aria-describedby') ?? '').split(' ').map((id) => textOf($(element, `#${id}`)));
    const own = 'You cannot change your own role, rights or status';
    const signature = $<HTMLSelectElement>(element, '#signature');
    expect(signature.disabled).to.equal(true);
    expect(described(signature)[0]).to.contain(own);
    expect(described(signature)).to.include(textOf($(element, '#signature-hint')));
    const until = input(element, 'active-until');
    expect(until.disabled).to.equal(true);
    expect(described(until)[0]).to.contain(own);
    expect(described(until)).to.include(textOf($(element, '#active-until-hint')));
    await expectNoAxeViolations(element);

    // Where the change is allowed, only the hints describe the controls.
    const other = await render('u-002');
    expect($(other.element, '#signature').getAttribute('aria-describedby')).to.equal('signature-hint');
    expect($(other.element, '#active-until').getAttribute('aria-describedby')).to.equal('active-until-hint');
  });

  it('submits on a mouse click on Save after a required field was emptied: the field’s error does not push Save from under the pointer', async () => {
    const { element, portier } = await render('u-004');
    type(input(element, 'firstName'), '');
    await settle(element);
    await mouseClick($(element, '[part="save-button"]'));
    await settle(element);
    await resetMouse();
    // The save ran: it shows the error and takes the focus to the field to fix.
    expect(deepActiveElement()?.id, 'the focus').to.equal('firstName');
    expect($(element, '#firstName-error').textContent).to.equal('Fill in this field.');
    expect(portier.getState().data.users['u-004']!.firstName).to.equal('Dirk');
  });

  it('the same where a pressed button takes no focus (Safari, Firefox on macOS): the blur without a relatedTarget does not lose the click', async () => {
    const { element } = await render('u-004');
    await withSafariPresses(async () => {
      type(input(element, 'firstName'), '');
      await settle(element);
      await mouseClick($(element, '[part="save-button"]'));
      await settle(element);
    });
    expect(deepActiveElement()?.id, 'the focus').to.equal('firstName');
    expect($(element, '#firstName-error').textContent).to.equal('Fill in this field.');
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

  it('says there is nothing to save when the profile was not changed, and sends nothing', async () => {
    const { element, portier } = await render('u-004');
    const version = portier.getState().data.users['u-004']!.version;
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await settle(element);
    expect($(element, '[part~="saved"]').textContent!.trim()).to.equal('Nothing to save: the profile is as it was saved. Change a field first.');
    expect(portier.getState().data.users['u-004']!.version).to.equal(version);
  });

  it('keeps what was typed, read-only, when another administrator deletes the user meanwhile', async () => {
    const { element, portier, backend } = await render('u-004');
    type(input(element, 'phone'), '+32 2 111 22 33');
    type(input(element, 'firstName'), 'Dirk-Jan');
    await backend.execute({ actorId: 'u-002' }, { type: 'users.remove', userId: 'u-004' });
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => !portier.getState().data.users['u-004'] && portier.getState().pending === 0, 'the store learns of the deletion');
    await settle(element);
    expect(alertText(element)).to.contain('This user no longer exists or is no longer visible to you');
    expect(alertText(element)).to.contain('Your changes were not saved');
    expect(input(element, 'phone').value).to.equal('+32 2 111 22 33');
    expect(input(element, 'firstName').value).to.equal('Dirk-Jan');
    expect(input(element, 'phone').readOnly).to.equal(true);
    expect(element.shadowRoot!.querySelector('[part="save-button"], button[data-action]')).to.equal(null);
    // Every description a field points to is on the page (none points to the identity-lock hint, not shown here).
    const described = $$(element, '[aria-describedby]').flatMap((field) => field.getAttribute('aria-describedby')!.split(/\s+/));
    expect(described.filter((id) => !element.shadowRoot!.getElementById(id))).to.deep.equal([]);
    await expectNoAxeViolations(element);
  });

  it('says only "not found" when the user is deleted elsewhere while nothing was typed', async () => {
    const { element, portier, backend } = await render('u-004');
    await backend.execute({ actorId: 'u-002' }, { type: 'users.remove', userId: 'u-004' });
    await portier.refresh();
    await settle(element);
    expect(textOf(element)).to.contain('This user does not exist or is no longer visible to you.');
    expect(element.shadowRoot!.querySelector('#phone')).to.equal(null);
  });

  it('blocks after confirmation, unblocks, and sends a password-reset e-mail', async () => {
    const { element, portier, backend } = await render('u-004');
    await click(element, 'block');
    await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open, 'the confirmation dialog opens');
    // Blocking takes something away: its confirm button is drawn as dangerous, not as the usual primary.
    expect(button(element, 'dialog-confirm')!.classList.contains('danger')).to.equal(true);
    await confirmDialog(element);
    await waitUntil(() => portier.getState().data.users['u-004']!.status === 'blocked' && portier.getState().pending === 0);
    await settle(element);
    expect(liveText(element)).to.equal('The account was blocked.');
    expect($(element, '[part="status"]').textContent).to.equal('Blocked');
    expect($(element, '[part="status"]').parentElement!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Status: Blocked');
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

  it('deletes a user after a confirmation that names them and says it cannot be undone', async () => {
    const { element, portier, backend } = await render('u-004');
    const remove = button(element, 'remove')!;
    expect(remove.textContent!.trim()).to.equal('Delete user');
    expect(remove.closest('section')!.getAttribute('aria-labelledby'), 'with the other account actions').to.equal('account-heading');
    // Cancel first: nothing happens and the focus is back on Delete.
    remove.focus();
    remove.click();
    await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open, 'the confirmation opens');
    expect($(element, '#dialog-message').textContent).to.equal('Delete Dirk Janssens? Their account and access rights are removed for good. This cannot be undone.');
    expect(button(element, 'dialog-confirm')!.textContent!.trim()).to.equal('Delete user');
    await expectNoAxeViolations(element);
    await click(element, 'dialog-cancel');
    expect(portier.getState().data.users['u-004']).to.not.equal(undefined);
    expect(deepActiveElement()?.getAttribute('data-action')).to.equal('remove');
    // Then confirm.
    const removed = oneEvent(element, 'portier-user-removed') as Promise<PortierUserRemovedEvent>;
    await click(element, 'remove');
    await confirmDialog(element);
    const event = await removed;
    expect([event.userId, event.user.email, event.bubbles, event.composed]).to.deep.equal(['u-004', 'dirk.janssens@lambert.example', true, true]);
    await settle(element);
    expect(portier.getState().data.users['u-004']).to.equal(undefined);
    expect((await backend.load({ actorId: 'u-001' })).data.users['u-004']).to.equal(undefined);
    expect(liveText(element)).to.equal('Dirk Janssens was deleted.');
    expect(textOf(element)).to.not.contain('does not exist');
  });

  it('rule 2: leaves the account of a user who also works for clients the actor does not manage read-only, and says which clients', async () => {
    const [nl, fr] = await Promise.all([loadLocale('nl'), loadLocale('fr')]);
    // u-005 works for Brasserie, Logistics and Retail; u-002 manages only the first two.
    const scoped = await render('u-005', { actorId: 'u-002', locale: 'nl' });
    const notice = () => $(scoped.element, '[part~="notice"]').textContent!.trim();
    expect(notice()).to.equal(nl.userProfile.outsideScope('Lambert Retail BV'));
    // Nothing of the account can be changed: no action, no end date, the profile's fields disabled.
    expect($$<HTMLButtonElement>(scoped.element, 'section button[data-action]').map((button) => button.dataset['action'])).to.deep.equal([]);
    expect(scoped.element.shadowRoot!.querySelector('#active-until')).to.equal(null);
    expect(input(scoped.element, 'firstName').disabled).to.equal(true);
    expect(scoped.element.shadowRoot!.querySelector('[part="save-button"]')).to.equal(null);
    await expectNoAxeViolations(scoped.element);
    // The notice follows the language.
    scoped.provider.locale = 'fr';
    await settle(scoped.provider);
    await settle(scoped.element);
    expect(notice()).to.equal(fr.userProfile.outsideScope('Lambert Retail BV'));
    // A colleague of Brasserie only is within reach: its actions stay, and no notice.
    const within = await render('u-004', { actorId: 'u-002' });
    expect(within.element.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
    expect(button(within.element, 'block')!.getAttribute('aria-disabled')).to.equal('false');
    // A super user managing every client may change u-005.
    const everywhere = await render('u-005', { actorId: 'u-001' });
    expect(everywhere.element.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
    expect(button(everywhere.element, 'promote')!.getAttribute('aria-disabled')).to.equal('false');
    expect(button(everywhere.element, 'remove')!.getAttribute('aria-disabled')).to.equal('false');
  });

  /**
   * Runs `check` after a password reset sent from the bottom of a profile in a tall page (the
   * account section is far below the banners' place), with the result announced.
   */
  async function afterResetFarBelow(check: (element: PortierUserProfile) => Promise<void>): Promise<void> {
    const { element, portier } = await render('u-004');
    const spacer = Object.assign(document.createElement('div'), { style: 'height: 1500px' });
    element.after(spacer);
    try {
      button(element, 'reset-password')!.scrollIntoView({ block: 'end' });
      expect($(element, '[part~="title"]').getBoundingClientRect().bottom, 'the top of the profile is out of sight').to.be.below(0);
      await click(element, 'reset-password');
      await waitUntil(() => liveText(element) !== '' && portier.getState().pending === 0, 'the result is announced');
      await check(element);
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  }

  it('keeps the result of an action in view: the banners stick to the top while the profile scrolls', async () => {
    await afterResetFarBelow(async (element) => {
      const shown = $(element, '[part~="live"]').getBoundingClientRect();
      expect(shown.top).to.be.at.least(0);
      expect(shown.bottom).to.be.at.most(window.innerHeight);
    });
  });

  it('never leaves a field focused from the keyboard under the stuck banners (WCAG 2.4.11)', async () => {
    await afterResetFarBelow(async (element) => {
      const banners = () => $(element, '[part~="results"]').getBoundingClientRect();
      expect(banners().height, 'the banner shows').to.be.above(20);
      // Back up through the form from the keyboard: each field the focus reaches shows below the banners.
      button(element, 'reset-password')!.focus();
      let checked = 0;
      for (let i = 0; i < 25 && deepActiveElement() !== input(element, 'email'); i++) {
        await press('Shift+Tab');
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const focused = deepActiveElement()!;
        if (!element.shadowRoot!.querySelector('.layout')!.contains(focused)) continue;
        // A field shows with its label.
        const box = (focused.closest('.field') ?? focused).getBoundingClientRect();
        expect(box.top, `${focused.id || focused.getAttribute('data-action') || focused.localName} shows below the banners`).to.be.at.least(banners().bottom - 0.5);
        checked++;
      }
      expect(deepActiveElement()).to.equal(input(element, 'email'));
      expect(checked).to.be.above(5);
    });
  });

  it('shows why a deletion failed, in the user’s language, and keeps the user', async () => {
    const { element, portier, backend } = await render('u-004', { locale: 'nl' });
    let removed = false;
    element.addEventListener('portier-user-removed', () => (removed = true));
    // Another administrator changes the user meanwhile: the deletion carries a stale version.
    await backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { lastName: 'Anders' } });
    await click(element, 'remove');
    expect($(element, '#dialog-message').textContent).to.contain('Dirk Janssens verwijderen?');
    await confirmDialog(element);
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="error"]')?.textContent?.trim(), 'the refusal is shown');
    await settle(element);
    expect(alertText(element)).to.contain('Iemand anders heeft deze gebruiker intussen gewijzigd');
    expect(portier.getState().data.users['u-004']).to.not.equal(undefined);
    expect(textOf(element)).to.contain('Gebruiker: dirk.janssens@lambert.example');
    expect(button(element, 'remove')).to.not.equal(null);
    expect(liveText(element)).to.equal('');
    expect(removed).to.equal(false);
  });

  it('refuses to delete the last super user and explains why, as for demote and block', async () => {
    const { element, portier } = await render('u-001', { locale: 'fr' });
    await portier.users.deactivate('u-002');
    await portier.users.deactivate('u-003');
    await settle(element);
    const remove = button(element, 'remove')!;
    expect(remove.getAttribute('aria-disabled')).to.equal('true');
    expect(remove.getAttribute('aria-describedby')).to.equal('explain-account');
    expect($(element, '#explain-account').textContent).to.contain('de le bloquer ou de le supprimer');
    remove.click();
    await settle(element);
    expect($<HTMLDialogElement>(element, 'dialog').open).to.equal(false);
    expect(alertText(element)).to.contain('Il n’est pas possible de rétrograder, désactiver, bloquer ou supprimer le dernier Super User');
    expect(portier.getState().data.users['u-001']).to.not.equal(undefined);
  });

  it('rule 4: refuses to delete the only super user without an end date, with the reason', async () => {
    const first = await createTestPortier({ actorId: 'u-001' });
    await first.portier.users.deactivate('u-002', { until: '2026-06-30' });
    await first.portier.users.deactivate('u-003', { until: '2026-06-30' });
    // u-003 manages every client u-001 has (rule 2 lets it delete u-001 but for rule 4).
    const second = createPortier({ backend: first.backend, clock: first.clock, actorId: 'u-003' });
    await second.ready;
    const { element } = await render('u-001', { portier: { portier: second, backend: first.backend, clock: first.clock } });
    button(element, 'remove')!.click();
    await settle(element);
    expect(alertText(element)).to.contain('Every other super user has an end date');
    expect(second.getState().data.users['u-001']).to.not.equal(undefined);
  });

  it('clears the previous "saved" banner when a new save is tried or the form is edited', async () => {
    const { element } = await render('u-004');
    const save = async () => {
      $<HTMLButtonElement>(element, '[part="save-button"]').click();
      await settle(element);
    };
    type(input(element, 'firstName'), 'Dirk-Jan');
    await save();
    await waitUntil(() => savedText(element) === 'The profile was saved.', 'the first save is announced');
    // The QA case: clear the last name, "abc" as phone, save again. The input events do not bubble
    // here, so only the save attempt itself can clear the banner.
    for (const [id, value] of [['lastName', ''], ['phone', 'abc']]) {
      input(element, id!).value = value!;
      input(element, id!).dispatchEvent(new Event('input'));
    }
    await settle(element);
    expect(savedText(element)).to.equal('The profile was saved.');
    await save();
    expect($(element, '#lastName-error').textContent).to.equal('Fill in this field.');
    expect(element.shadowRoot!.querySelector('#phone-error')).to.not.equal(null);
    expect(savedText(element), 'after a failed attempt').to.equal('');
    // Any edit after a successful save clears it too.
    type(input(element, 'lastName'), 'Janssens');
    type(input(element, 'phone'), '');
    await save();
    await waitUntil(() => savedText(element) === 'The profile was saved.', 'the second save is announced');
    type(input(element, 'mobile'), '+32 470');
    await settle(element);
    expect(savedText(element), 'after an edit').to.equal('');
  });

  it('refuses an active-until day before today (the store’s today), keeping what was typed', async () => {
    const { element, portier, clock } = await render('u-005', { locale: 'de' });
    // The store's clock, not the browser's, says what today is.
    clock.set(Date.UTC(2030, 5, 1, 9));
    await portier.refresh();
    await settle(element);
    const field = input(element, 'active-until');
    expect(field.min).to.equal('2030-06-01');
    type(field, '2030-05-31');
    await settle(element);
    await click(element, 'active-until');
    expect($(element, '#active-until-error').textContent).to.equal(
      'Wählen Sie heute oder einen späteren Tag. Um das Konto sofort zu deaktivieren, nutzen Sie „Deaktivieren“.',
    );
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('active-until-error');
    expect(field.value).to.equal('2030-05-31');
    expect(deepActiveElement()).to.equal(field);
    expect(portier.getState().pending).to.equal(0);
    expect(portier.getState().data.users['u-005']).to.include({ status: 'active' }).and.not.have.property('activeUntil');
    await expectNoAxeViolations(element);
    // Today is allowed, and typing clears the message.
    type(field, '2030-06-01');
    await settle(element);
    expect(element.shadowRoot!.querySelector('#active-until-error')).to.equal(null);
    await click(element, 'active-until');
    await waitUntil(() => portier.getState().data.users['u-005']!.activeUntil === '2030-06-01' && portier.getState().pending === 0);
  });

  it('calls reactivating a deactivated user by the same word as the list, in every language', async () => {
    for (const locale of ['en', 'fr', 'nl', 'de'] as const) {
      const t = await loadLocale(locale);
      const { element } = await render('u-011', { locale });
      expect(button(element, 'activate')!.textContent!.trim(), locale).to.equal(t.userList.reactivate);
    }
  });

  it('writes "Statut :" the French way, with a narrow space before the colon', async () => {
    const { element } = await render('u-004', { locale: 'fr' });
    // Not \s: it would match the narrow space itself.
    expect($(element, '[part="status"]').parentElement!.textContent!.replace(/[ \n]+/g, ' ').trim()).to.equal('Statut\u202f: Actif');
  });

  it('says its results and errors in the new language after the language is switched', async () => {
    const [nl, fr, de, en] = await Promise.all([loadLocale('nl'), loadLocale('fr'), loadLocale('de'), loadLocale('en')]);
    const { element, provider, portier } = await render('u-005', { locale: 'nl' });
    const switchTo = async (locale: 'fr' | 'de' | 'nl' | 'en') => {
      provider.locale = locale;
      await settle(provider);
      await settle(element);
    };
    // The end-date error (the QA case: typed in Dutch, read in French).
    type(input(element, 'active-until'), '2020-01-01');
    await settle(element);
    await click(element, 'active-until');
    expect($(element, '#active-until-error').textContent).to.equal(nl.userProfile.activeUntilPast);
    await switchTo('fr');
    expect($(element, '#active-until-error').textContent).to.equal(fr.userProfile.activeUntilPast);
    await switchTo('de');
    // The result of an action.
    await click(element, 'reset-password');
    await waitUntil(() => liveText(element) !== '' && portier.getState().pending === 0, 'the reset is announced');
    expect(liveText(element)).to.equal(de.userProfile.done.resetSent('elodie.martin@lambert.example'));
    await switchTo('en');
    expect(liveText(element)).to.equal(en.userProfile.done.resetSent('elodie.martin@lambert.example'));
    // "Saved" next to the profile's save button.
    type(input(element, 'firstName'), 'Elodie-Anne');
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => savedText(element) !== '', 'the save is announced');
    expect(savedText(element)).to.equal(en.userProfile.done.saved);
    await switchTo('nl');
    expect(savedText(element)).to.equal(nl.userProfile.done.saved);
  });

  it('says a backend’s field refusal next to its field in the new language after the language is switched', async () => {
    const test = await createTestPortier();
    const refusing = {
      ...test.portier,
      users: {
        ...test.portier.users,
        updateProfile: () => Promise.reject(new PortierError('validation', { issues: [{ path: ['phone'], code: 'invalid_format', message: 'bad' }] })),
      },
    };
    const [fr, nl] = await Promise.all([loadLocale('fr'), loadLocale('nl')]);
    const { element, provider } = await render('u-004', { portier: { ...test, portier: refusing }, locale: 'fr' });
    type(input(element, 'phone'), '+32 2 555 12 34');
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => element.shadowRoot!.querySelector('#phone-error'), 'the refusal is shown next to the field');
    expect($(element, '#phone-error').textContent).to.equal(fr.validation.phone);
    provider.locale = 'nl';
    await settle(provider);
    await settle(element);
    expect($(element, '#phone-error').textContent).to.equal(nl.validation.phone);
  });

  it('keeps the focus on "Save the date" after saving it with the keyboard, and says nothing changed if it is pressed again', async () => {
    const { element, portier } = await render('u-005');
    type(input(element, 'active-until'), '2026-06-30');
    await settle(element);
    const save = await tabTo((active) => active.getAttribute('data-action') === 'active-until');
    await press('Enter');
    await waitUntil(() => portier.getState().data.users['u-005']!.activeUntil === '2026-06-30' && portier.getState().pending === 0, 'the date is saved');
    await settle(element);
    expect(liveText(element)).to.equal('The end date was saved.');
    // Nothing to save any more: the button says so (aria-disabled), and keeps the focus.
    expect(deepActiveElement() === save, `the focus is on ${deepActiveElement()?.localName}`).to.equal(true);
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    expect((save as HTMLButtonElement).disabled).to.equal(false);
    const version = portier.getState().data.users['u-005']!.version;
    let updated = false;
    element.addEventListener('portier-user-updated', () => (updated = true));
    await press('Enter');
    await settle(element);
    expect(deepActiveElement() === save, `the focus stays, not on ${deepActiveElement()?.localName}`).to.equal(true);
    expect(liveText(element), 'why nothing happened').to.not.equal('');
    expect(liveText(element)).to.not.equal('The end date was saved.');
    expect($(element, '[part~="live"]').classList.contains('success'), 'not drawn as a success').to.equal(false);
    expect(portier.getState().data.users['u-005']!.version).to.equal(version);
    expect(updated).to.equal(false);
    await expectNoAxeViolations(element);
    // A new date makes it a save again, and the note goes.
    type(input(element, 'active-until'), '2026-07-31');
    await settle(element);
    expect(liveText(element)).to.equal('');
    expect(save.getAttribute('aria-disabled')).to.equal('false');
  });

  it('offers to save the signature only once another one is chosen, like the end date', async () => {
    const { element, portier } = await render('u-002');
    const save = button(element, 'signature')!;
    expect($<HTMLSelectElement>(element, '#signature').value).to.equal('individual');
    expect(save.getAttribute('aria-disabled'), 'nothing chosen yet').to.equal('true');
    const version = portier.getState().data.users['u-002']!.version;
    save.focus();
    await press('Enter');
    await settle(element);
    expect(portier.getState().data.users['u-002']!.version, 'nothing is sent').to.equal(version);
    expect(liveText(element), 'why nothing happened').to.not.equal('');
    expect(deepActiveElement() === save, `the focus stays, not on ${deepActiveElement()?.localName}`).to.equal(true);
    choose($<HTMLSelectElement>(element, '#signature'), 'collective');
    await settle(element);
    expect(liveText(element)).to.equal('');
    expect(save.getAttribute('aria-disabled')).to.equal('false');
    save.focus();
    await press('Enter');
    await waitUntil(() => portier.getState().data.users['u-002']!.signature === 'collective' && portier.getState().pending === 0, 'the signature is saved');
    await settle(element);
    expect(liveText(element)).to.equal('The signature type was saved.');
    expect(button(element, 'signature')!.getAttribute('aria-disabled'), 'saved: nothing to save again').to.equal('true');
    expect(deepActiveElement()?.getAttribute('data-action'), 'the focus').to.equal('signature');
  });

  it('says why an account is blocked, and until when a last super user’s sign-in is locked', async () => {
    for (const [userId, reason] of [['u-009', 'Blocked after too many failed sign-in attempts.'], ['u-010', 'Blocked by an administrator.']] as const) {
      const { element } = await render(userId);
      expect($(element, '[part="status-reason"]').textContent, userId).to.equal(reason);
    }
    const now = Date.UTC(2026, 0, 5, 9);
    const seed = demoSeed(now);
    seed.data.users['u-002'] = { ...seed.data.users['u-002']!, signInLockedUntil: new Date(now + 15 * 60_000).toISOString() };
    const { element } = await render('u-002', { seed });
    const time = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(now + 15 * 60_000));
    expect($(element, '[part="status-reason"]').textContent).to.equal(`Sign-in is locked until ${time} after failed attempts. The account of the last active super user is not blocked.`);
    const active = await render('u-004');
    expect(active.element.shadowRoot!.querySelector('[part="status-reason"]')).to.equal(null);
  });

  it('offers no password-reset e-mail on one’s own account, where the own-account rule would explain it wrongly', async () => {
    const own = await render('u-001');
    expect(button(own.element, 'reset-password')).to.equal(null);
    expect(button(own.element, 'block'), 'the rule about one’s own status is still shown on its buttons').to.not.equal(null);
    const other = await render('u-004');
    expect(button(other.element, 'reset-password')).to.not.equal(null);
  });

  it('puts the reset hint under its own button, apart from the row of actions that take access away', async () => {
    const { element } = await render('u-004');
    const reset = button(element, 'reset-password')!;
    const block = button(element, 'block')!;
    const hint = [...element.shadowRoot!.querySelectorAll('[part="hint"]')].find((node) => node.textContent!.includes('new password'))!;
    expect(reset.parentElement, 'two rows').to.not.equal(block.parentElement);
    expect(reset.compareDocumentPosition(hint) & Node.DOCUMENT_POSITION_FOLLOWING, 'hint after reset').to.not.equal(0);
    expect(hint.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING, 'block after the hint').to.not.equal(0);
  });

  it('says so when the user does not exist', async () => {
    const { element } = await render('u-999');
    expect(textOf(element)).to.contain('This user does not exist or is no longer visible to you.');
    await expectNoAxeViolations(element);
  });

  it('keeps the result of an action to its user: switched to another user meanwhile, the new one shows none of it', async () => {
    const { element, portier } = await render('u-004', { latencyMs: 150 });
    button(element, 'reset-password')!.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    element.userId = 'u-005';
    await new Promise((resolve) => setTimeout(resolve, 400));
    await waitUntil(() => portier.getState().pending === 0, 'the command settles');
    await settle(element);
    expect(liveText(element)).to.equal('');
    expect($(element, '[part="subtitle"]').textContent).to.contain(portier.getState().data.users['u-005']!.email);
  });

  it('an action that fails after a switch to another user is shown all the same, naming whose change was not saved', async () => {
    const { element, portier, backend } = await render('u-004', { latencyMs: 150 });
    const name = `${portier.getState().data.users['u-004']!.firstName} ${portier.getState().data.users['u-004']!.lastName}`;
    // Someone else changes the user meanwhile: the command fails with a conflict.
    await backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { lastName: 'Theirs' } });
    button(element, 'reset-password')!.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    element.userId = 'u-005';
    await waitUntil(() => portier.getState().pending === 0, 'the command settles');
    await settle(element);
    expect(alertText(element)).to.equal(
      `The change to ${name} was not saved. Someone else changed this user in the meantime: open the user again to see it as it is now.`,
    );
    expect(liveText(element)).to.equal('');
    element.locale = 'fr';
    await settle(element);
    expect(alertText(element)).to.contain(`La modification apportée à ${name} n’a pas été sauvée.`);
  });

  it('back on a user whose action still runs, after a visit to another, its buttons wait again', async () => {
    const { element, portier } = await render('u-004', { latencyMs: 300 });
    button(element, 'reset-password')!.click();
    await settle(element);
    element.userId = 'u-005';
    await settle(element);
    element.userId = 'u-004';
    await settle(element);
    expect(portier.getState().pending, 'still running').to.equal(1);
    expect(button(element, 'reset-password')!.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => portier.getState().pending === 0, 'it settles');
    await settle(element);
    expect(button(element, 'reset-password')!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('an action still running on one user does not hold the next user’s buttons: they work at once after a switch', async () => {
    const { element, portier } = await render('u-004', { latencyMs: 300 });
    button(element, 'reset-password')!.click();
    await settle(element);
    expect(button(element, 'reset-password')!.getAttribute('aria-disabled'), 'the running one waits').to.equal('true');
    element.userId = 'u-005';
    await settle(element);
    expect(portier.getState().pending, 'the first still runs').to.equal(1);
    const block = button(element, 'block')!;
    expect(block.getAttribute('aria-disabled'), 'the next user’s').to.equal('false');
    await click(element, 'block');
    await confirmDialog(element);
    await waitUntil(() => portier.getState().pending === 0, 'both settle');
    await settle(element);
    expect(portier.getState().data.users['u-005']!.status).to.equal('blocked');
    expect(liveText(element)).to.equal('The account was blocked.');
    element.userId = 'u-004';
    await settle(element);
    expect(button(element, 'reset-password')!.getAttribute('aria-disabled'), 'free again').to.equal('false');
  });

  it('"Save the date" on an emptied field says to choose a day or to remove the end date, not that nothing changed', async () => {
    const en = await loadLocale('en');
    const { element, portier } = await render('u-015');
    const saved = portier.getState().data.users['u-015']!.activeUntil;
    expect(saved).to.be.a('string');
    type(input(element, 'active-until'), '');
    await settle(element);
    expect(button(element, 'active-until')!.getAttribute('aria-disabled')).to.equal('false');
    await click(element, 'active-until');
    expect($(element, '#active-until-error').textContent).to.equal(en.userProfile.activeUntilMissing);
    expect(liveText(element)).to.equal('');
    expect(portier.getState().data.users['u-015']!.activeUntil).to.equal(saved);
  });

  it('a press on Save that a context menu swallows (Ctrl-click on macOS) does not keep the field’s errors hidden', async () => {
    const { element } = await render('u-004');
    type(input(element, 'firstName'), '');
    await settle(element);
    const save = $<HTMLButtonElement>(element, '[part="save-button"]');
    save.dispatchEvent(new PointerEvent('pointerdown', { button: 0, bubbles: true, composed: true }));
    // The menu takes the release: no pointerup ever comes.
    save.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve));
    input(element, 'firstName').focus();
    input(element, 'firstName').blur();
    await settle(element);
    expect($(element, '#firstName-error').textContent).to.equal('Fill in this field.');
  });
});
