/// <reference types="mocha" />
import { DAY_MS } from '@portier/core';
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../define/password-reset.js';
import type { PortierPasswordSetEvent } from '../events/password-set.js';
import { $, createTestPortier, expectNoAxeViolations, renderWithPortier, settle, textOf, type, type TestPortier } from '../test-utils/index.js';
import type { PortierPasswordReset } from './password-reset.js';

const wait = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

async function render(test: TestPortier, token = '', locale: 'en' | 'fr' | 'nl' | 'de' = 'en') {
  const rendered = await renderWithPortier<PortierPasswordReset>(html`<portier-password-reset token=${token}></portier-password-reset>`, {
    portier: test,
    locale,
  });
  await wait();
  await settle(rendered.element);
  return rendered;
}

async function ask(element: PortierPasswordReset, email: string): Promise<void> {
  type($<HTMLInputElement>(element, '#email'), email);
  $<HTMLFormElement>(element, 'form').requestSubmit();
  await wait(60);
  await settle(element);
}

async function resetToken(test: TestPortier): Promise<string> {
  await test.portier.session.requestPasswordReset('amelie.dubois@lambert.example');
  return (await test.backend.outbox()).find((email) => email.kind === 'password-reset')!.token!;
}

describe('<portier-password-reset>', () => {
  it('answers the same whether or not the account exists', async () => {
    const test = await createTestPortier();
    const { element } = await render(test);
    await expectNoAxeViolations(element);
    await ask(element, 'amelie.dubois@lambert.example');
    const known = $(element, '[role="status"]').textContent!.trim();
    expect(known).to.equal(
      'If an account exists for this address, we have sent it an e-mail with a link to choose a new password. Check your inbox.',
    );
    expect((await test.backend.outbox()).filter((email) => email.kind === 'password-reset')).to.have.length(1);

    const other = await render(test);
    await ask(other.element, 'nobody@nowhere.example');
    expect($(other.element, '[role="status"]').textContent!.trim()).to.equal(known);
    expect((await test.backend.outbox()).filter((email) => email.kind === 'password-reset')).to.have.length(1);
  });

  it('asks for a valid e-mail address first', async () => {
    const test = await createTestPortier();
    const { element } = await render(test, '', 'de');
    await ask(element, 'not an address');
    expect(textOf(element)).to.contain('Passwort vergessen?');
    expect($<HTMLInputElement>(element, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect($(element, '#email-error').textContent!.length).to.be.greaterThan(5);
    expect(element.shadowRoot!.activeElement?.id).to.equal('email');
    await expectNoAxeViolations(element);
  });

  it('sets the new password from the link, with live feedback', async () => {
    const test = await createTestPortier();
    const { element } = await render(test, await resetToken(test));
    let set: PortierPasswordSetEvent | undefined;
    element.addEventListener('portier-password-set', (event) => (set = event));
    expect(textOf(element)).to.contain('Reset your password').and.contain('Choose a new password for amelie.dubois@lambert.example.');
    type($<HTMLInputElement>(element, '#new-password'), 'short');
    await settle(element);
    expect($(element, '[part~="rule-unmet"]').textContent).to.contain('have at least 8 characters');
    await expectNoAxeViolations(element);
    type($<HTMLInputElement>(element, '#new-password'), 'Nouveau-Depart-2026');
    type($<HTMLInputElement>(element, '#confirmation'), 'Nouveau-Depart-2026');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    for (let i = 0; i < 100 && !set; i++) await wait(20);
    await settle(element);
    expect($(element, '[role="status"]').textContent).to.contain('Your password has been reset.');
    expect(set?.reason).to.equal('reset');
    expect((await test.backend.signIn({ email: 'amelie.dubois@lambert.example', password: 'Nouveau-Depart-2026' })).userId).to.equal('u-001');
    await expectNoAxeViolations(element);
  });

  it('says when a link is used or expired, and leads back to asking for a new one', async () => {
    const test = await createTestPortier();
    const token = await resetToken(test);
    await test.portier.session.completePasswordReset(token, 'Nouveau-Depart-2026');
    const used = await render(test, token, 'fr');
    expect($(used.element, '[part~="message"][role="alert"]').textContent).to.contain('Ce lien a déjà été utilisé.');
    $<HTMLButtonElement>(used.element, '[part~="request-new"]').click();
    await wait();
    await settle(used.element);
    expect(used.element.shadowRoot!.activeElement?.id).to.equal('email');
    expect(textOf(used.element)).to.contain('Oublié votre mot de passe ?');

    const fresh = await resetToken(test);
    test.clock.advance(2 * DAY_MS);
    const expired = await render(test, fresh);
    expect($(expired.element, '[part~="message"][role="alert"]').textContent).to.contain('This link has expired or was replaced by a newer one.');
    await expectNoAxeViolations(expired.element);
  });
  it('when the link cannot be checked (network), says so and checks again on request', async () => {
    const test = await createTestPortier();
    const token = await resetToken(test);
    const inspect = test.backend.inspectToken.bind(test.backend);
    test.backend.inspectToken = () => Promise.reject(new TypeError('Failed to fetch'));
    const { element } = await render(test, token, 'fr');
    expect($(element, '[part~="error"]').textContent).to.contain('Le serveur est injoignable');
    expect(element.shadowRoot!.querySelector('[part~="request-new"]')).to.equal(null);
    test.backend.inspectToken = inspect;
    $<HTMLButtonElement>(element, '[part~="check-again"]').click();
    await wait();
    await settle(element);
    // The failure's alert stays in the page, empty.
    expect($(element, '[part~="error"]').textContent).to.equal('');
    expect(element.shadowRoot!.querySelector('#new-password')).not.to.equal(null);
  });
});
