/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import '../packages/elements/src/define.js';

/**
 * The browser tests run the styles as `pnpm build` ships them (web-test-runner.config.mjs minifies
 * the CSS in the css literals, as the build does): what passes here is what a host gets.
 */
describe('the styles under test', () => {
  it('are the minified ones: no comment and no indentation in any element’s stylesheets', () => {
    const tags = ['portier-user-list', 'portier-user-profile', 'portier-access-rights', 'portier-audit-log', 'portier-managed-clients', 'portier-admin'];
    for (const tag of tags) {
      // A LitElement class: its finalized styles, each a CSSResult.
      const element = customElements.get(tag) as unknown as { elementStyles: { cssText: string }[] };
      const sheets = element.elementStyles.map((style) => style.cssText);
      expect(sheets.length, tag).to.be.greaterThan(0);
      for (const text of sheets) expect(/\/\*|\n\s/.test(text), `${tag}: ${text.slice(0, 80)}`).to.equal(false);
    }
  });
});
