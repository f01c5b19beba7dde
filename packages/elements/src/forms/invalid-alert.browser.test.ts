import { expect, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../define/own-profile.js';
import '../define/password-change.js';
import '../define/password-reset.js';
import '../define/user-profile.js';
import { $, deepActiveElement, press, renderWithPortier, settle, type } from '../test-utils/index.js';

/** The visually hidden alert that says how many fields need attention. */
function hiddenAlert(element: HTMLElement): HTMLElement | undefined {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('.visually-hidden[role="alert"]')].find((alert) => alert.textContent!.trim() !== '');
}

/** Types `value` into the field, keeps the focus there and presses Enter, as a keyboard user does. */
async function enterIn(element: HTMLElement, selector: string, value: string): Promise<HTMLInputElement> {
  const field = $<HTMLInputElement>(element, selector);
  type(field, value);
  await settle(element);
  field.focus();
  await press('Enter');
  await waitUntil(() => hiddenAlert(element), 'the alert speaks');
  return field;
}

const CASES: [string, TemplateResult, string, string][] = [
  ['the user profile', html`<portier-user-profile user-id="u-004"></portier-user-profile>`, '#firstName', ''],
  ['the own profile', html`<portier-own-profile></portier-own-profile>`, '#lastName', ''],
  ['the password-reset request', html`<portier-password-reset></portier-password-reset>`, '#email', 'not-an-address'],
  ['the password change', html`<portier-password-change email="amelie.dubois@lambert.example"></portier-password-change>`, '#current', ''],
];

describe('a submit by Enter in the field in error', () => {
  for (const [name, template, selector, value] of CASES) {
    it(`${name}: the focus cannot move to the field, so an alert says a field needs attention`, async () => {
      const { element } = await renderWithPortier<HTMLElement>(template);
      await settle(element);
      const field = await enterIn(element, selector, value);
      expect(deepActiveElement()).to.equal(field);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const alert = hiddenAlert(element)!;
      expect(alert.textContent!.trim()).to.equal('One field needs your attention.');
      // Heard, not seen: the field's own error is the visible one.
      expect(alert.getBoundingClientRect().width).to.be.at.most(1);
      // Fixed, the alert falls silent.
      type(field, selector === '#email' ? 'someone@lambert.example' : 'Filled');
      await settle(element);
      expect(hiddenAlert(element)).to.equal(undefined);
    });
  }

  it('speaks once per submit: a second Enter says it again, typing in another field does not', async () => {
    const { element } = await renderWithPortier<HTMLElement>(html`<portier-user-profile user-id="u-004"></portier-user-profile>`);
    await settle(element);
    const field = await enterIn(element, '#firstName', '');
    const first = hiddenAlert(element)!;
    // Typing after the submit: another field emptied, the alert neither changes nor speaks.
    type($<HTMLInputElement>(element, '#lastName'), '');
    await settle(element);
    expect(hiddenAlert(element)).to.equal(first);
    expect(first.textContent!.trim()).to.equal('One field needs your attention.');
    // Enter again: a new alert, so that a screen reader says it again.
    field.focus();
    await press('Enter');
    await waitUntil(() => hiddenAlert(element) !== first, 'a new alert');
    expect(hiddenAlert(element)!.textContent!.trim()).to.equal('2 fields need your attention.');
  });

  it('the password change: a confirmation that differs is said too, until it matches', async () => {
    const { element } = await renderWithPortier<HTMLElement>(html`<portier-password-change email="amelie.dubois@lambert.example"></portier-password-change>`);
    await settle(element);
    type($<HTMLInputElement>(element, '#current'), 'Whatever-it-was-1');
    type($<HTMLInputElement>(element, '#new-password'), 'Velvet-Otter-Harbour-7');
    const confirmation = await enterIn(element, '#confirmation', 'Velvet-Otter-Harbour-8');
    expect(hiddenAlert(element)!.textContent!.trim()).to.equal('One field needs your attention.');
    type(confirmation, 'Velvet-Otter-Harbour-7');
    await settle(element);
    expect(hiddenAlert(element)).to.equal(undefined);
    // Matched once, typing on in the password does not sound it again.
    type($<HTMLInputElement>(element, '#new-password'), 'Velvet-Otter-Harbour-77');
    await settle(element);
    expect(hiddenAlert(element)).to.equal(undefined);
  });
});
