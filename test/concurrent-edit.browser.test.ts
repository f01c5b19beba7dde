/// <reference types="mocha" />
/**
 * Two clients edit the same user (issue 4, concurrency): two `<portier-user-profile>` screens, each
 * with its own store (two administrators, two browsers), over one backend: the memory backend
 * itself, and the same behind REST through MSW's service worker. Both type; the first saves; the
 * second save is refused with `conflict`, says so, and keeps what its user typed.
 */
import { createMemoryBackend, createRestBackend, type MemoryBackend } from '@portier/adapters';
import { portierHandlers } from '@portier/adapters/msw';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createManualClock, createPortier, type PortierBackend } from '@portier/core';
import '@portier/elements/define';
import { useMockWorker } from './support/mock-worker.js';
import { loadLocale } from '../packages/elements/src/localize/load-locale.js';
import type { PortierUserProfile } from '../packages/elements/src/user-profile/user-profile.js';
import { $, renderWithPortier, settle, type, type TestPortier } from '../packages/elements/src/test-utils/index.js';

const BASE_URL = '/api/portier';
const FIELDS = ['firstName', 'lastName', 'phone', 'mobile', 'language'] as const;

const worker = useMockWorker(BASE_URL);

interface Setup {
  memory: MemoryBackend;
  /** The port each store uses: the memory backend itself, or a REST client of it. */
  port: () => PortierBackend;
}

const PATHS: Record<string, () => Setup> = {
  memory: () => {
    const memory = createMemoryBackend({ seed: 'demo', clock: createManualClock(Date.UTC(2026, 0, 5, 9)) });
    return { memory, port: () => memory };
  },
  'REST through the MSW worker': () => {
    const memory = createMemoryBackend({ seed: 'demo', clock: createManualClock(Date.UTC(2026, 0, 5, 9)) });
    worker().resetHandlers(...portierHandlers(memory, { baseUrl: BASE_URL }));
    return { memory, port: () => createRestBackend({ baseUrl: BASE_URL, timeoutMs: 5_000 }) };
  },
};

async function client(setup: Setup, actorId: string, userId = 'u-004'): Promise<TestPortier & { element: PortierUserProfile }> {
  const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
  const portier = createPortier({ backend: setup.port(), clock, actorId });
  await portier.ready;
  const test = { portier, backend: setup.memory, clock };
  const { element } = await renderWithPortier<PortierUserProfile>(html`<portier-user-profile user-id=${userId}></portier-user-profile>`, { portier: test });
  return { ...test, element };
}

const input = (element: PortierUserProfile, id: string) => $<HTMLInputElement>(element, `#${id}`);
const formOf = (element: PortierUserProfile) => Object.fromEntries(FIELDS.map((field) => [field, input(element, field).value]));
const alertText = (element: PortierUserProfile) => $(element, '[part~="error"]').textContent!.replace(/\s+/g, ' ').trim();
const liveText = (element: PortierUserProfile) => $(element, '[part~="live"]').textContent!.trim();
/** The "saved" status next to the profile's save button. */
const savedText = (element: PortierUserProfile) => $(element, '[part~="saved"]').textContent!.trim();

async function save(element: PortierUserProfile): Promise<void> {
  $<HTMLButtonElement>(element, '[part="save-button"]').click();
  await settle(element);
  await waitUntil(() => $(element, '[part="save-button"]').getAttribute('aria-disabled') === 'false', 'the save settles');
  await settle(element);
}

describe('two clients edit the same user', () => {
  for (const [name, open] of Object.entries(PATHS)) {
    it(`the second save gets conflict and keeps its input (${name})`, async () => {
      const t = await loadLocale('en');
      const setup = open();
      const a = await client(setup, 'u-001');
      const b = await client(setup, 'u-002');
      expect(formOf(a.element)).to.deep.equal(formOf(b.element));

      // Both type.
      type(input(a.element, 'firstName'), 'Dirk-Anna');
      type(input(a.element, 'phone'), '+32 2 111 11 11');
      type(input(b.element, 'firstName'), 'Dirk-Bram');
      type(input(b.element, 'mobile'), '+32 470 22 22 22');
      await settle(a.element);
      await settle(b.element);
      const typedByB = formOf(b.element);

      // The first saves.
      const updated = oneEvent(a.element, 'portier-user-updated');
      await save(a.element);
      await updated;
      expect(savedText(a.element)).to.equal(t.userProfile.done.saved);
      expect(setup.memory.currentData().users['u-004']).to.include({ firstName: 'Dirk-Anna', phone: '+32 2 111 11 11' });

      // The second saves: conflict, its input kept.
      await save(b.element);
      expect(alertText(b.element)).to.contain(t.errors.conflict);
      // B's own edits are kept; the field only A changed now shows A's value.
      expect(formOf(b.element)).to.deep.equal({ ...typedByB, phone: '+32 2 111 11 11' });
      expect(setup.memory.currentData().users['u-004']).to.include({ firstName: 'Dirk-Anna', phone: '+32 2 111 11 11' });
      expect(setup.memory.currentData().users['u-004']!.mobile).to.not.equal('+32 470 22 22 22');
      // B's store read the newer version; the screen keeps B's input over it.
      await waitUntil(() => b.portier.getState().data.users['u-004']!.firstName === 'Dirk-Anna', "B's store caught up");
      expect(b.portier.getState().data.users['u-004']).to.deep.equal(setup.memory.currentData().users['u-004']);
      expect(formOf(b.element)).to.deep.equal({ ...typedByB, phone: '+32 2 111 11 11' });

      // B asks for the latest version (the error banner's button), sees A's save, types again and saves.
      b.element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="error"] button')!.click();
      await waitUntil(() => input(b.element, 'firstName').value === 'Dirk-Anna', "A's save is shown to B");
      expect(alertText(b.element)).to.equal('');
      type(input(b.element, 'mobile'), '+32 470 22 22 22');
      await save(b.element);
      expect(alertText(b.element)).to.equal('');
      expect(savedText(b.element)).to.equal(t.userProfile.done.saved);
      expect(setup.memory.currentData().users['u-004']).to.include({ firstName: 'Dirk-Anna', phone: '+32 2 111 11 11', mobile: '+32 470 22 22 22' });
      expect(b.portier.getState().data.users['u-004']).to.deep.equal(setup.memory.currentData().users['u-004']);
    });
  }

  for (const [name, open] of Object.entries(PATHS)) {
    it(`after a conflict, saving again applies the kept input over the newer version (${name})`, async () => {
      const t = await loadLocale('en');
      const setup = open();
      const a = await client(setup, 'u-001');
      const b = await client(setup, 'u-002');
      type(input(a.element, 'phone'), '+32 2 333 33 33');
      type(input(b.element, 'mobile'), '+32 470 44 44 44');
      await settle(a.element);
      await settle(b.element);
      await save(a.element);
      await save(b.element);
      expect(alertText(b.element)).to.contain(t.errors.conflict);
      await save(b.element);
      expect(alertText(b.element)).to.equal('');
      expect(savedText(b.element)).to.equal(t.userProfile.done.saved);
      expect(setup.memory.currentData().users['u-004']).to.include({ phone: '+32 2 333 33 33', mobile: '+32 470 44 44 44' });
    });
  }

  for (const [name, open] of Object.entries(PATHS)) {
    it(`the last two super users demote each other at the same moment: exactly one succeeds (${name})`, async () => {
      const t = await loadLocale('en');
      const setup = open();
      // Leave u-001 and u-003 as the organization's only super users: both manage every client,
      // so rule 2 lets each demote the other.
      await setup.memory.execute({ actorId: 'u-001' }, { type: 'users.setRole', userId: 'u-002', role: 'user' });
      const a = await client(setup, 'u-001', 'u-003');
      const b = await client(setup, 'u-003', 'u-001');
      for (const { element } of [a, b]) {
        element.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="demote"]')!.click();
        await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open, 'the confirmation opens');
      }
      // Both confirm in the same task.
      a.element.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="dialog-confirm"]')!.click();
      b.element.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="dialog-confirm"]')!.click();
      await waitUntil(() => [a, b].every(({ element }) => alertText(element) !== '' || liveText(element) !== ''), 'both screens tell the outcome');
      const supers = Object.values(setup.memory.currentData().users).filter((user) => user.organizationId === 'org-lambert' && user.role === 'superuser' && user.status === 'active');
      expect(supers.map((user) => user.id)).to.have.length(1);
      const refused = [a, b].filter(({ element }) => alertText(element) !== '');
      expect(refused, 'exactly one is refused').to.have.length(1);
      // The loser is refused either as the last super user or, when the winner's demotion ran first, as no longer a super user.
      // Its store then reads the backend again, where it can no longer see the other user: the
      // reason comes first, followed by the "no longer visible" notice.
      const reason = alertText(refused[0]!.element).replace(/\s*Show the latest version$/, '');
      const reasons = [t.errors['last-super-user'], t.reasons['last-super-user'], t.reasons['not-super-user'], t.errors.forbidden];
      expect(reasons.some((text) => reason.startsWith(text)), `refusal shown: ${reason}`).to.equal(true);
      const winner = refused[0] === a ? b : a;
      const loser = refused[0]!;
      expect(liveText(winner.element)).to.not.equal('');
      const view = async (test: TestPortier) => (await setup.memory.load({ actorId: test.portier.getState().actorId! })).data.users;
      await waitUntil(() => winner.portier.getState().pending === 0 && loser.portier.getState().pending === 0, 'both stores settled');
      expect(winner.portier.getState().data.users).to.deep.equal(await view(winner));
      // The loser's store read the backend again after the refusal: it equals the backend without a refresh.
      const expected = await view(loser);
      await waitUntil(() => {
        try {
          expect(loser.portier.getState().data.users).to.deep.equal(expected);
          return true;
        } catch {
          return false;
        }
      }, "the loser's store caught up");
    });
  }
});
