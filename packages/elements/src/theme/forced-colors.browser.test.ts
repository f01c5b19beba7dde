import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../define/admin.js';
import '../define/user-profile.js';
import type { PortierAdmin } from '../admin/admin.js';
import { $, forcedColors, renderWithPortier, settle, type } from '../test-utils/index.js';

/**
 * Forced colors (Windows High Contrast) replace every colour and drop shadows, so a state shown
 * only by a colour or a shadow disappears. Each one keeps a mark of its own there.
 */
describe('forced colors', () => {
  before(() => forcedColors(true));
  after(() => forcedColors(false));

  it('are emulated on the test page', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('the current tab of the admin is underlined, the others are not', async () => {
    const { element } = await renderWithPortier<PortierAdmin>(html`<portier-admin></portier-admin>`);
    await settle(element);
    const current = $(element, '.nav-item[aria-current="page"]');
    const other = $(element, '.nav-item:not([aria-current])');
    expect(getComputedStyle(current).textDecorationLine).to.equal('underline');
    expect(getComputedStyle(other).textDecorationLine).to.equal('none');
  });

  it('a field in error keeps a dashed border where its red ring is gone', async () => {
    const { element } = await renderWithPortier<HTMLElement>(html`<portier-user-profile user-id="u-004"></portier-user-profile>`);
    await settle(element);
    const field = $<HTMLInputElement>(element, '#firstName');
    type(field, '');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(getComputedStyle(field).borderTopStyle).to.equal('dashed');
    expect(getComputedStyle($(element, '#lastName')).borderTopStyle).to.equal('solid');
  });
});
