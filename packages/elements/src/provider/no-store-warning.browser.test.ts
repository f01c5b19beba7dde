import { expect, fixture, html } from '@open-wc/testing';
import { createTestPortier } from '../test-utils/index.js';
import { NO_STORE_GRACE_MS, type PortierProvider } from './provider.js';
import '../define/provider.js';

// Its own file: the warning is said once per page.
describe('portier-provider without a store', () => {
  it('warns the developer once when its store is never set; not when the host sets it within the grace', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const later = await fixture<PortierProvider>(html`<portier-provider></portier-provider>`);
      setTimeout(async () => (later.portier = (await createTestPortier()).portier), NO_STORE_GRACE_MS / 3);
      await new Promise((resolve) => setTimeout(resolve, NO_STORE_GRACE_MS + 200));
      expect(warnings, 'no warning for a store set late, within the grace').to.deep.equal([]);

      await fixture(html`<div><portier-provider></portier-provider><portier-provider></portier-provider></div>`);
      await new Promise((resolve) => setTimeout(resolve, NO_STORE_GRACE_MS + 200));
      expect(warnings).to.have.length(1);
      const text = String(warnings[0]![0]);
      expect(text).to.contain('<portier-provider> has had no store');
      expect(text).to.contain('`portier` property');
    } finally {
      console.warn = original;
    }
  });
});
