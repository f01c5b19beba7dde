import { createMemoryBackend } from '@portier/adapters';
import { PortierError, createPortier } from '@portier/core';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import '../define/access-rights.js';
import '../define/audit-log.js';
import '../define/managed-clients.js';
import '../define/own-profile.js';
import '../define/provider.js';
import '../define/user-create.js';
import '../define/user-list.js';
import '../define/user-profile.js';
import { loadLocale } from '../localize/load-locale.js';
import { $, expectNoAxeViolations, settle, textOf } from '../test-utils/index.js';

/** Every screen that shows the store's data; each says why a load failed and offers Retry. */
const SCREENS = [
  'portier-user-list',
  'portier-user-create',
  'portier-user-profile',
  'portier-access-rights',
  'portier-managed-clients',
  'portier-own-profile',
  'portier-audit-log',
];

describe('a failed load on every screen', () => {
  for (const tag of SCREENS) {
    it(`${tag} says why nothing could be loaded and loads again on Retry`, async () => {
      const memory = createMemoryBackend();
      let refuse = true;
      const backend = {
        ...memory,
        load: (ctx: Parameters<typeof memory.load>[0]) => (refuse ? Promise.reject(new PortierError('network')) : memory.load(ctx)),
      };
      const portier = createPortier({ backend });
      await portier.ready.catch(() => undefined);
      await loadLocale('en');
      const name = unsafeStatic(tag);
      const provider = await fixture<HTMLElement>(
        html`<portier-provider .portier=${portier} locale="en"><${name} user-id="u-002"></${name}></portier-provider>`,
      );
      const element = provider.firstElementChild as HTMLElement;
      await settle(element);
      expect(textOf(element)).to.contain('The data could not be loaded. The server could not be reached.');
      await expectNoAxeViolations(element);
      refuse = false;
      $<HTMLButtonElement>(element, '[part~="retry"]').click();
      await waitUntil(() => portier.getState().status === 'ready', 'the store loads again');
      await settle(element);
      expect(element.shadowRoot!.querySelector('[part~="retry"]'), 'no Retry once loaded').to.equal(null);
    });
  }
});
