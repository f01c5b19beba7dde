import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import { createTestPortier } from '../test-utils/index.js';
import { NO_PROVIDER_GRACE_MS, PortierController } from './portier-controller.js';
import '../define/provider.js';

class LonelyProbe extends LitElement {
  readonly portier = new PortierController(this);
  protected override render() {
    return this.portier.state ? html`<p>ready</p>` : nothing;
  }
}
customElements.define('lonely-probe', LonelyProbe);

// Its own file: the warning is said once per page.
describe('PortierController without a provider', () => {
  it('warns the developer once, naming the screen, when no provider answers; not when one does, even before its store is set', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // A provider whose store the host sets later, and a probe given a store by `use()` right after connecting.
      const provider = await fixture(html`<portier-provider><lonely-probe></lonely-probe></portier-provider>`);
      const used = await fixture<LonelyProbe>(html`<lonely-probe></lonely-probe>`);
      used.portier.use((await createTestPortier()).portier);
      await new Promise((resolve) => setTimeout(resolve, NO_PROVIDER_GRACE_MS + 100));
      expect(warnings, 'no warning where a provider answered or a store was given').to.deep.equal([]);
      expect(provider.isConnected).to.equal(true);
      // The provider's own warning (a store never set) is another test's.
      provider.remove();

      await fixture(html`<div><lonely-probe></lonely-probe><lonely-probe></lonely-probe></div>`);
      await new Promise((resolve) => setTimeout(resolve, NO_PROVIDER_GRACE_MS + 100));
      expect(warnings).to.have.length(1);
      const text = String(warnings[0]![0]);
      expect(text).to.contain('<lonely-probe> found no <portier-provider>');
      expect(text).to.contain("import '@portier/elements/define/provider'");
    } finally {
      console.warn = original;
    }
  });
});
