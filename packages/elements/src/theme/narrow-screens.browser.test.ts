import { expect, html } from '@open-wc/testing';
import '../define/access-rights.js';
import '../define/managed-clients.js';
import '../define/own-profile.js';
import '../define/user-create.js';
import type { PortierAccessRights } from '../access-rights/access-rights.js';
import type { PortierOwnProfile } from '../own-profile/own-profile.js';
import type { PortierUserCreate } from '../user-create/user-create.js';
import { $, brokenWords, expectNoAxeViolations, renderWithPortier, settle, type } from '../test-utils/index.js';

/** The widths the screens get inside the demo portal on a 390 px phone (card: the own profile inside the portal's card). */
const PHONE = { screen: '306px', form: '345px', card: '300px' };

/** Words broken across lines, except at the soft hyphens the locales put in long compounds. */
const brokenMidWord = (root: Element) => brokenWords(root).filter((word) => !word.includes('\u00ad'));

function expectNoSidewaysOverflow(element: HTMLElement): void {
  expect(element.scrollWidth, `<${element.localName}> is wider than its box`).to.be.at.most(element.clientWidth + 1);
  for (const box of element.shadowRoot!.children) {
    expect(box.scrollWidth, `<${box.localName}> of the screen is wider than its box`).to.be.at.most(box.clientWidth + 1);
  }
}

describe('screens at a phone’s width, in German (the longest words)', () => {
  it('access rights: the user to copy from, chosen from a list of long names and e-mails, does not widen the screen', async () => {
    const { element } = await renderWithPortier<PortierAccessRights>(html`<portier-access-rights user-id="u-005" style=${`width: ${PHONE.screen}`}></portier-access-rights>`, { locale: 'de' });
    $<HTMLDetailsElement>(element, 'details[data-method="copy"]').open = true;
    await settle(element);
    const select = $<HTMLSelectElement>(element, '#setup-sourceUserId');
    expect([...select.options].some((option) => option.text.length > 50), 'a long option').to.equal(true);
    expect(select.getBoundingClientRect().right).to.be.at.most(element.getBoundingClientRect().right + 1);
    expectNoSidewaysOverflow(element);
  });

  it('access rights: the client search’s headers break only at their soft hyphens ("Kunden-nummer")', async () => {
    const { element } = await renderWithPortier<PortierAccessRights>(html`<portier-access-rights user-id="u-004" style=${`width: ${PHONE.screen}`}></portier-access-rights>`, { locale: 'de' });
    type($<HTMLInputElement>(element, '[part~="search-input"]'), 'Lambert');
    $<HTMLFormElement>(element, 'form[part~="search"]').requestSubmit();
    await settle(element);
    const results = $<HTMLTableElement>(element, '[part~="results"]');
    expect(brokenMidWord(results.tHead!)).to.deep.equal([]);
    expectNoSidewaysOverflow(element);
  });

  for (const screen of ['access-rights', 'managed-clients'] as const) {
    it(`${screen}: the client search's results scroll in a box that leaves room for the focus ring of an "add" button`, async () => {
      const { element } = await renderWithPortier<HTMLElement>(
        screen === 'access-rights'
          ? html`<portier-access-rights user-id="u-004" style=${`width: ${PHONE.screen}`}></portier-access-rights>`
          : html`<portier-managed-clients user-id="u-004" style=${`width: ${PHONE.screen}`}></portier-managed-clients>`,
        { locale: 'de' },
      );
      type($<HTMLInputElement>(element, '[part~="search-input"]'), 'Lambert');
      $<HTMLFormElement>(element, 'form[part~="search"]').requestSubmit();
      await settle(element);
      // The box scrolls, so it clips: a focus ring (3px + 2px offset) must fit inside it.
      const results = $<HTMLTableElement>(element, '[part~="results"]');
      const box = results.closest('.table-scroll')!.getBoundingClientRect();
      const buttons = [...results.querySelectorAll('button')];
      expect(buttons.length).to.be.greaterThan(0);
      for (const button of buttons) {
        const rect = button.getBoundingClientRect();
        expect(box.right - rect.right, 'room at the end').to.be.at.least(5);
        expect(box.bottom - rect.bottom, 'room below').to.be.at.least(5);
      }
    });
  }

  it('create form: the "authorize all" preview keeps every word whole', async () => {
    const { element } = await renderWithPortier<PortierUserCreate>(html`<portier-user-create style=${`width: ${PHONE.form}`}></portier-user-create>`, { locale: 'de' });
    $<HTMLInputElement>(element, '#mode-authorize-all').click();
    await settle(element);
    const preview = $<HTMLTableElement>(element, '[part~="preview"]');
    expect(preview.textContent).to.contain('Vollständig');
    expect(brokenMidWord(preview)).to.deep.equal([]);
    expectNoSidewaysOverflow(element);
  });

  it('create form: a preview too wide for its box (German at 320 px) scrolls in a box that a keyboard reaches', async () => {
    const { element } = await renderWithPortier<PortierUserCreate>(html`<portier-user-create style="width: 250px"></portier-user-create>`, { locale: 'de' });
    $<HTMLInputElement>(element, '#mode-authorize-all').click();
    await settle(element);
    const box = $(element, '[part~="preview"]').closest<HTMLElement>('.table-scroll')!;
    expect(box.scrollWidth, 'the preview does not fit').to.be.greaterThan(box.clientWidth);
    expect([box.tabIndex, box.getAttribute('role'), box.getAttribute('aria-label')]).to.deep.equal([0, 'region', 'Zugriffsrechte']);
    expectNoSidewaysOverflow(element);
    await expectNoAxeViolations(element);
  });

  it('own profile: "saved" takes its own line beside the buttons, not one letter a line', async () => {
    const { element } = await renderWithPortier<PortierOwnProfile>(html`<portier-own-profile style=${`width: ${PHONE.card}`}></portier-own-profile>`, { locale: 'de' });
    type($<HTMLInputElement>(element, '#phone'), '+49 30 1234567');
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await settle(element);
    const saved = $(element, '[part~="live"]');
    expect(saved.textContent).to.equal('Ihr Profil wurde gespeichert.');
    expect(brokenWords(saved)).to.deep.equal([]);
  });
});
