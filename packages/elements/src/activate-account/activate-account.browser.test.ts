/// <reference types="mocha" />
import { DAY_MS, PortierError, type Portier } from '@portier/core';
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../define/activate-account.js';
import type { PortierPasswordSetEvent } from '../events/password-set.js';
import { $, $$, createTestPortier, expectNoAxeViolations, renderWithPortier, settle, textOf, type, type TestPortier } from '../test-utils/index.js';
import type { PortierActivateAccount } from './activate-account.js';

const wait = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/** Re-sends u-006's invitation (Frank Maes) and returns the token of the e-mail. */
async function invitation(test: TestPortier): Promise<string> {
  await test.portier.users.resendInvitation('u-006');
  const mail = (await test.backend.outbox()).find((email) => email.kind === 'invitation' && email.userId === 'u-006');
  return mail!.token!;
}

async function render(token: string, test: TestPortier, locale: 'en' | 'fr' | 'nl' | 'de' = 'en') {
  const rendered = await renderWithPortier<PortierActivateAccount>(html`<portier-activate-account token=${token}></portier-activate-account>`, {
    portier: test,
    locale,
  });
  await wait();
  await settle(rendered.element);
  return rendered;
}

const rules = (element: PortierActivateAccount) =>
  $$(element, '[part~="rule"]').map((item) => `${item.getAttribute('part')!.split(' ')[1]} ${item.textContent!.replace(/\s+/g, ' ').trim()}`);

/** Waits until the lazily loaded common-password list has answered. */
async function commonListLoaded(element: PortierActivateAccount): Promise<void> {
  for (let i = 0; i < 200 && $$(element, '[part~="rule-checking"]').length > 0; i++) await wait(25);
  await settle(element);
}

describe('<portier-activate-account>', () => {
  it('a double submit sends the password once, and the screen ends on success', async () => {
    const test = await createTestPortier();
    let calls = 0;
    const accept = test.portier.session.acceptInvitation;
    test.portier.session.acceptInvitation = (...args) => {
      calls++;
      return accept(...args);
    };
    const { element } = await render(await invitation(test), test);
    type($<HTMLInputElement>(element, '#new-password'), 'Brasserie-Lambert-42');
    type($<HTMLInputElement>(element, '#confirmation'), 'Brasserie-Lambert-42');
    await settle(element);
    // Two presses before the first check is done (the common-password list may still be loading).
    const form = $<HTMLFormElement>(element, 'form');
    form.requestSubmit();
    form.requestSubmit();
    for (let i = 0; i < 100 && !element.shadowRoot!.querySelector('[part~="message"]:not([role="alert"])'); i++) await wait(25);
    await wait(100);
    await settle(element);
    expect(calls).to.equal(1);
    expect(textOf(element)).to.not.contain('already been used');
    expect(test.backend.currentData().users['u-006']!.status).to.equal('active');
  });

  it('greets the user and shows each password rule as met or not while typing', async () => {
    const test = await createTestPortier();
    const { element } = await render(await invitation(test), test);
    expect(textOf(element)).to.contain('Welcome, Frank Maes');
    expect($<HTMLInputElement>(element, '#email').value).to.equal('frank.maes@lambert.example');
    await commonListLoaded(element);
    // Nothing typed meets no rule yet.
    expect(rules(element).every((rule) => rule.startsWith('rule-unmet ✗')), rules(element).join('; ')).to.equal(true);

    type($<HTMLInputElement>(element, '#new-password'), 'abc');
    await settle(element);
    expect(rules(element)).to.deep.equal([
      'rule-unmet ✗ have at least 8 characters: not met yet',
      'rule-met ✓ not be your e-mail address: met',
      'rule-met ✓ not be a commonly used password: met',
    ]);
    type($<HTMLInputElement>(element, '#new-password'), 'password1');
    await settle(element);
    expect(rules(element)[2]).to.equal('rule-unmet ✗ not be a commonly used password: not met yet');
    type($<HTMLInputElement>(element, '#new-password'), 'frank.maes');
    await settle(element);
    expect(rules(element)[1]).to.equal('rule-unmet ✗ not be your e-mail address: not met yet');
    await expectNoAxeViolations(element);
  });

  it('refuses a weak password or a different confirmation before sending, saying why', async () => {
    const test = await createTestPortier();
    const { element } = await render(await invitation(test), test);
    type($<HTMLInputElement>(element, '#new-password'), 'short');
    type($<HTMLInputElement>(element, '#confirmation'), 'short');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await wait();
    await settle(element);
    expect($(element, '[role="alert"]').textContent!.replace(/\s+/g, ' ')).to.contain('This password does not meet these rules yet: have at least 8 characters');
    expect(element.shadowRoot!.activeElement?.id).to.equal('new-password');

    type($<HTMLInputElement>(element, '#new-password'), 'Brasserie-Lambert-42');
    type($<HTMLInputElement>(element, '#confirmation'), 'Brasserie-Lambert-43');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await wait();
    await settle(element);
    expect(textOf(element)).to.contain('The two passwords are not the same.');
    expect(element.shadowRoot!.activeElement?.id).to.equal('confirmation');
    expect(test.portier.getState().data.users['u-006']!.status).to.equal('invited');
    await expectNoAxeViolations(element);
  });

  it('activates the account and offers to sign in', async () => {
    const test = await createTestPortier();
    const { element } = await render(await invitation(test), test);
    let set: PortierPasswordSetEvent | undefined;
    let signIn: string | undefined;
    element.addEventListener('portier-password-set', (event) => (set = event));
    element.addEventListener('portier-sign-in-requested', (event) => (signIn = event.email));
    type($<HTMLInputElement>(element, '#new-password'), 'Brasserie-Lambert-42');
    type($<HTMLInputElement>(element, '#confirmation'), 'Brasserie-Lambert-42');
    $<HTMLButtonElement>(element, 'button[type="submit"]').click();
    for (let i = 0; i < 100 && !set; i++) await wait(20);
    await settle(element);
    expect($(element, '[role="status"]').textContent).to.contain('Your password is set and your account is active.');
    expect(set?.reason).to.equal('activation');
    expect(set?.email).to.equal('frank.maes@lambert.example');
    expect(element.shadowRoot!.querySelector('form')).to.equal(null);
    await expectNoAxeViolations(element);
    $<HTMLButtonElement>(element, '[part~="sign-in"]').click();
    expect(signIn).to.equal('frank.maes@lambert.example');
    const session = await test.backend.signIn({ email: 'frank.maes@lambert.example', password: 'Brasserie-Lambert-42' });
    expect(session.userId).to.equal('u-006');
  });

  it('says when the link has expired and, on request, tells the administrators (rule 7: they re-send it)', async () => {
    const test = await createTestPortier();
    const token = await invitation(test);
    test.clock.advance(31 * DAY_MS);
    const { element } = await render(token, test);
    expect($(element, '[part~="message"][role="alert"]').textContent).to.contain('This link has expired or was replaced by a newer one.');
    const before = (await test.backend.outbox()).length;
    $<HTMLButtonElement>(element, '[part~="request-new"]').click();
    await wait(60);
    await settle(element);
    expect($(element, '[role="status"]').textContent).to.contain('If this invitation is still waiting for activation, your administrators have been told.');
    const outbox = await test.backend.outbox();
    const sent = outbox.slice(0, outbox.length - before); // newest first
    expect(sent.length).to.be.greaterThan(0);
    expect(sent.every((mail) => mail.kind === 'invitation-request' && mail.aboutUserId === 'u-006')).to.equal(true);
    await expectNoAxeViolations(element);
  });

  it('says when the link was already used, or is not a link at all', async () => {
    const test = await createTestPortier();
    const token = await invitation(test);
    await test.portier.session.acceptInvitation(token, 'Brasserie-Lambert-42');
    const used = await render(token, test, 'fr');
    expect($(used.element, '[part~="message"][role="alert"]').textContent).to.contain('Ce lien a déjà été utilisé.');
    expect(textOf(used.element)).to.contain('S’identifier');

    const unknown = await render('not-a-token', test, 'nl');
    expect($(unknown.element, '[part~="message"][role="alert"]').textContent).to.contain('Deze link is niet geldig.');
  });

  it('speaks French as the manual does, and lists the rules a server refuses', async () => {
    const test = await createTestPortier();
    const token = await invitation(test);
    const refusing: Portier = {
      ...test.portier,
      session: {
        ...test.portier.session,
        acceptInvitation: () => Promise.reject(new PortierError('weak-password', { rules: [{ rule: 'min-length', min: 12 }, { rule: 'upper' }] })),
      },
    };
    const { element } = await render(token, { ...test, portier: refusing }, 'fr');
    expect(textOf(element)).to.contain('Activer votre compte').and.contain('Confirmation mot de passe').and.contain('compter au minimum 8 caractères');
    type($<HTMLInputElement>(element, '#new-password'), 'brasserie-lambert');
    type($<HTMLInputElement>(element, '#confirmation'), 'brasserie-lambert');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await wait(60);
    await settle(element);
    const alert = $(element, '[role="alert"]').textContent!.replace(/\s+/g, ' ');
    expect(alert).to.contain('Ce mot de passe ne respecte pas encore ces règles :');
    expect(alert).to.contain('compter au minimum 12 caractères');
    expect(alert).to.contain('contenir au moins 1 majuscule');
    // Nothing typed is lost.
    expect($<HTMLInputElement>(element, '#new-password').value).to.equal('brasserie-lambert');
  });

  it('lists only the rules it can say from a server’s refusal: no "undefined", no unknown or inherited name', async () => {
    const test = await createTestPortier();
    const token = await invitation(test);
    const rules = [{ rule: 'min-length' }, { rule: 'max-length', max: 'many' }, { rule: 'toString' }, { rule: 'no-such-rule' }, null, 'upper', { rule: 'upper' }];
    const refusing: Portier = {
      ...test.portier,
      session: { ...test.portier.session, acceptInvitation: () => Promise.reject(new PortierError('weak-password', { rules })) },
    };
    const { element } = await render(token, { ...test, portier: refusing });
    type($<HTMLInputElement>(element, '#new-password'), 'brasserie-lambert');
    type($<HTMLInputElement>(element, '#confirmation'), 'brasserie-lambert');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await waitUntil(() => $(element, '[role="alert"]').textContent!.trim() !== '', 'the refusal is shown');
    const items = $$(element, '[role="alert"] li').map((item) => item.textContent!.trim());
    expect(items).to.deep.equal(['contain an upper-case letter']);
    expect($(element, '[role="alert"]').textContent).not.to.match(/undefined|function|NaN/);
  });
  it('when the link cannot be checked (network), says so and checks again on request, never calling the link invalid', async () => {
    const test = await createTestPortier();
    const token = await invitation(test);
    const inspect = test.backend.inspectToken.bind(test.backend);
    test.backend.inspectToken = () => Promise.reject(new TypeError('Failed to fetch'));
    const { element } = await render(token, test);
    expect($(element, '[part~="error"]').textContent).to.contain('The server could not be reached');
    expect(textOf(element)).not.to.contain('not valid');
    expect($$(element, '[part~="request-new"]')).to.have.length(0);
    await expectNoAxeViolations(element);

    test.backend.inspectToken = inspect;
    $<HTMLButtonElement>(element, '[part~="check-again"]').click();
    await wait();
    await settle(element);
    // The failure's alert stays in the page, empty.
    expect($(element, '[part~="error"]').textContent).to.equal('');
    expect(textOf(element)).to.contain('Welcome, Frank Maes');
  });
});
