/// <reference types="mocha" />
import { DEMO_PASSWORD } from '@portier/adapters';
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../define/password-change.js';
import type { PortierPasswordSetEvent } from '../events/password-set.js';
import { $, $$, createTestPortier, deepActiveElement, expectNoAxeViolations, press, renderWithPortier, roomTaken, settle, textOf, type, type TestPortier } from '../test-utils/index.js';
import { PortierPasswordChange as PortierPasswordChangeClass, type PortierPasswordChange } from './password-change.js';

const wait = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
/** u-016 has an expired initial password (seed 001). */
const EXPIRED = 'pieter.jacobs@lambert.example';

async function render(test: TestPortier, email: string, locale: 'en' | 'fr' | 'nl' | 'de' = 'en') {
  const rendered = await renderWithPortier<PortierPasswordChange>(html`<portier-password-change email=${email}></portier-password-change>`, {
    portier: test,
    locale,
  });
  await settle(rendered.element);
  return rendered;
}

async function fill(element: PortierPasswordChange, current: string, next: string, confirmation = next): Promise<void> {
  type($<HTMLInputElement>(element, '#current'), current);
  type($<HTMLInputElement>(element, '#new-password'), next);
  type($<HTMLInputElement>(element, '#confirmation'), confirmation);
  await settle(element);
}

async function submit(element: PortierPasswordChange): Promise<void> {
  $<HTMLFormElement>(element, 'form').requestSubmit();
  for (let i = 0; i < 60 && !element.shadowRoot!.querySelector('[role="alert"]:not(:empty), [part~="message"]'); i++) await wait(25);
  await settle(element);
}

describe('<portier-password-change>', () => {
  it('explains why, and replaces the expired initial password', async () => {
    const test = await createTestPortier();
    const { element } = await render(test, EXPIRED);
    let set: PortierPasswordSetEvent | undefined;
    element.addEventListener('portier-password-set', (event) => (set = event));
    expect(textOf(element)).to.contain('Your password has expired').and.contain('only for your first sign-in');
    expect($<HTMLInputElement>(element, '#email').value).to.equal(EXPIRED);
    await expectNoAxeViolations(element);

    await fill(element, DEMO_PASSWORD, DEMO_PASSWORD);
    expect($$(element, '[part~="rule-unmet"]').map((item) => item.textContent!.replace(/\s+/g, ' ').trim())).to.include(
      '✗ differ from your current password: not met yet',
    );
    await submit(element);
    expect($(element, '[role="alert"]').textContent!.replace(/\s+/g, ' ')).to.contain('differ from your current password');

    await fill(element, DEMO_PASSWORD, 'Eksae-Nouveau-2026');
    await submit(element);
    expect($(element, '[role="status"]').textContent).to.contain('Your password has been changed.');
    expect(set?.reason).to.equal('change');
    const session = await test.backend.signIn({ email: EXPIRED, password: 'Eksae-Nouveau-2026' });
    expect(session.passwordChangeRequired).to.equal(false);
    await expectNoAxeViolations(element);
  });

  it('changes a password on request (reason="change"): no "expired" notice, the same checks', async () => {
    const test = await createTestPortier();
    const email = 'bart.peeters@lambert.example';
    const { element } = await renderWithPortier<PortierPasswordChange>(html`<portier-password-change email=${email} reason="change"></portier-password-change>`, {
      portier: test,
      locale: 'fr',
    });
    await settle(element);
    expect(textOf(element)).to.contain('Choisissez un nouveau mot de passe');
    expect(textOf(element)).to.not.contain('expiré');
    expect(element.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
    await fill(element, DEMO_PASSWORD, 'Velvet-Otter-Harbour-7');
    await submit(element);
    expect((await test.backend.signIn({ email, password: 'Velvet-Otter-Harbour-7' })).userId).to.equal('u-002');
    await expectNoAxeViolations(element);
  });

  it('changes the password even when the common-password list cannot be loaded: the backend checks it too', async () => {
    class WithoutList extends PortierPasswordChangeClass {
      protected override loadCommonPasswords(): Promise<ReadonlySet<string>> {
        return Promise.reject(new Error('the chunk could not be loaded'));
      }
    }
    if (!customElements.get('test-password-change-without-list')) customElements.define('test-password-change-without-list', WithoutList);
    const test = await createTestPortier();
    const email = 'bart.peeters@lambert.example';
    const { element } = await renderWithPortier<PortierPasswordChange>(html`<test-password-change-without-list email=${email} reason="change"></test-password-change-without-list>`, { portier: test });
    await settle(element);
    await fill(element, DEMO_PASSWORD, 'Velvet-Otter-Harbour-7');
    expect(textOf(element), 'the rule waits, it is not met').to.contain('being checked');
    await submit(element);
    expect((await test.backend.signIn({ email, password: 'Velvet-Otter-Harbour-7' })).userId).to.equal('u-002');
  });

  it('keeps the focus on the submit button while the change is sent, and a second press sends nothing', async () => {
    const test = await createTestPortier();
    let release!: () => void;
    let calls = 0;
    const send = test.portier.session.changePassword;
    test.portier.session.changePassword = async (...args) => {
      calls++;
      await new Promise<void>((resolve) => (release = resolve));
      return send(...args);
    };
    const { element } = await render(test, 'bart.peeters@lambert.example');
    await fill(element, DEMO_PASSWORD, 'Velvet-Otter-Harbour-7');
    const button = $<HTMLButtonElement>(element, '[part~="submit"]');
    button.focus();
    await press('Enter');
    await waitUntil(() => calls === 1, 'the change is sent');
    await settle(element);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(deepActiveElement()).to.equal(button);
    await press('Enter');
    expect(calls).to.equal(1);
    release();
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="message"]'), 'the change is done');
    expect((await test.backend.signIn({ email: 'bart.peeters@lambert.example', password: 'Velvet-Otter-Harbour-7' })).userId).to.equal('u-002');
  });

  it('does not tell a wrong e-mail from a wrong password', async () => {
    const test = await createTestPortier();
    const wrongPassword = await render(test, EXPIRED);
    await fill(wrongPassword.element, 'not-the-password', 'Eksae-Nouveau-2026');
    await submit(wrongPassword.element);
    const message = $(wrongPassword.element, '[role="alert"]').textContent!.trim();
    expect(message).to.equal('The e-mail address or the current password is not correct.');
    // Nothing typed is lost.
    expect($<HTMLInputElement>(wrongPassword.element, '#new-password').value).to.equal('Eksae-Nouveau-2026');

    const unknown = await render(test, 'nobody@nowhere.example');
    await fill(unknown.element, 'whatever-it-is', 'Eksae-Nouveau-2026');
    await submit(unknown.element);
    expect($(unknown.element, '[role="alert"]').textContent!.trim()).to.equal(message);
    await expectNoAxeViolations(unknown.element);
  });

  it('keeps an empty alert in the page, taking no room, and puts the failure in that same alert', async () => {
    const test = await createTestPortier();
    const { element } = await render(test, EXPIRED);
    const alert = $(element, '[role="alert"]');
    expect(alert.textContent).to.equal('');
    expect(alert.getAttribute('part')).to.equal('error');
    expect(roomTaken(alert), 'the empty alert takes no room').to.equal(0);

    await fill(element, 'not-the-password', 'Eksae-Nouveau-2026');
    await submit(element);
    expect($(element, '[role="alert"]') === alert, 'the same alert').to.equal(true);
    expect(alert.textContent!.trim()).to.equal('The e-mail address or the current password is not correct.');
  });

  it('says when the account is blocked, in the user’s language', async () => {
    const test = await createTestPortier();
    // u-009 is blocked by an administrator.
    const { element } = await render(test, 'ines.dupont@lambert.example', 'nl');
    await fill(element, DEMO_PASSWORD, 'Eksae-Nouveau-2026');
    await submit(element);
    expect($(element, '[role="alert"]').textContent!.trim()).to.equal(
      'Dit account is geblokkeerd na te veel mislukte pogingen. Vraag uw Super User om het te deblokkeren.',
    );
  });

  it('lists the rules the server refuses when its policy is stricter than the one shown', async () => {
    const test = await createTestPortier();
    const { element } = await render(test, EXPIRED, 'de');
    element.passwordPolicy = { minLength: 1 };
    await settle(element);
    await fill(element, DEMO_PASSWORD, 'password1');
    await submit(element);
    const alert = $(element, '[role="alert"]').textContent!.replace(/\s+/g, ' ');
    expect(alert).to.contain('Dieses Passwort erfüllt diese Regeln noch nicht:');
    expect(alert).to.contain('kein häufig verwendetes Passwort sein');
  });

  it('asks for the e-mail and the current password', async () => {
    const test = await createTestPortier();
    const { element } = await render(test, '', 'fr');
    expect(textOf(element)).to.contain('Sécuriser mon mot de passe').and.contain('Votre mot de passe est expiré');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await wait();
    await settle(element);
    expect($<HTMLInputElement>(element, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(element, '#current').getAttribute('aria-invalid')).to.equal('true');
    expect(element.shadowRoot!.activeElement?.id).to.equal('email');
    await expectNoAxeViolations(element);
  });
});
