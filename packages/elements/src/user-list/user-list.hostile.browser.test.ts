import { demoSeed } from '@portier/adapters';
import { expect, html } from '@open-wc/testing';
import '../define/user-list.js';
import '../define/user-profile.js';
import { $, $$, HOSTILE_STRINGS, expectNoAxeViolations, nothingRan, renderWithPortier, settle } from '../test-utils/index.js';
import type { PortierUserList } from './user-list.js';
import type { PortierUserProfile } from '../user-profile/user-profile.js';

function hostileSeed() {
  const seed = demoSeed(Date.UTC(2026, 0, 5, 9));
  HOSTILE_STRINGS.forEach((text, index) => {
    const id = `u-${String(index + 5).padStart(3, '0')}`;
    const user = seed.data.users[id]!;
    seed.data.users[id] = { ...user, firstName: text, lastName: text, email: `${text.slice(0, 40)}${index}@x.example` };
  });
  return seed;
}

describe('hostile input in the user screens', () => {
  it('shows hostile names and e-mails in the list as text, runs nothing, keeps the layout', async () => {
    const { element } = await renderWithPortier<PortierUserList>(html`<portier-user-list></portier-user-list>`, { seed: hostileSeed() });
    await settle(element);
    expect(nothingRan()).to.equal(true);
    expect(element.shadowRoot!.querySelector('script, img, svg[onload]')).to.equal(null);
    const text = element.shadowRoot!.textContent!;
    expect(text).to.contain('<script>window.__pwned = 1</script>');
    // Every row keeps the height of a row and the table its width.
    const heights = $$(element, '[role="row"][data-user-id]').map((row) => row.getBoundingClientRect().height);
    expect(Math.max(...heights)).to.be.lessThan(80);
    expect($(element, '.scroller').getBoundingClientRect().width).to.be.at.most(element.getBoundingClientRect().width + 1);
    await expectNoAxeViolations(element);
  });

  it('shows hostile values in the profile form as values, runs nothing', async () => {
    const { element } = await renderWithPortier<PortierUserProfile>(html`<portier-user-profile user-id="u-006"></portier-user-profile>`, { seed: hostileSeed() });
    await settle(element);
    expect(nothingRan()).to.equal(true);
    expect($<HTMLInputElement>(element, '#firstName').value).to.equal(HOSTILE_STRINGS[1]);
    expect(element.shadowRoot!.querySelector('img, svg')).to.equal(null);
    expect(element.getBoundingClientRect().width).to.be.at.most(document.body.getBoundingClientRect().width + 1);
  });
});
