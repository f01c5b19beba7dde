/// <reference types="mocha" />
/**
 * Faults on the forms, in the browser (issue 4): "on the user-create form and the rights matrix, a
 * failed save keeps everything the user typed and shows the reason". The store talks REST through
 * `createFaultyFetch` in front of the page's `fetch`, which MSW's service worker answers with
 * `portierHandlers(memory)` (the committed `/mockServiceWorker.js`; see msw-worker.browser.test.ts
 * for how to regenerate it). Each fault hits the save (never a read), once; the retry then saves.
 *
 * Two groups:
 * - the save never reached the server (500, 503, a timeout, a dropped connection, a proxy's
 *   non-JSON page, 412): everything typed is kept, the reason is shown, the retry saves;
 * - the server saved but the answer was lost (the connection drops after it, its answer is not
 *   JSON or breaks the core's schemas): the store reads the backend again, so it equals the backend, and the form still
 *   holds what was typed with the reason; the retry then meets what was saved.
 */
import { createFaultyFetch, createMemoryBackend, createRestBackend, type Fault, type FaultyFetch, type MemoryBackend } from '@portier/adapters';
import { portierHandlers } from '@portier/adapters/msw';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createManualClock, createPortier, type PortierErrorCode } from '@portier/core';
import '@portier/elements/define';
import { useMockWorker } from './support/mock-worker.js';
import type { PortierAccessRights } from '../packages/elements/src/access-rights/access-rights.js';
import type { PortierUserCreatedEvent } from '../packages/elements/src/events/user-created.js';
import { loadLocale } from '../packages/elements/src/localize/load-locale.js';
import type { Messages } from '../packages/elements/src/localize/messages.js';
import type { PortierUserCreate } from '../packages/elements/src/user-create/user-create.js';
import { $, $$, choose, renderWithPortier, settle, type, type TestPortier } from '../packages/elements/src/test-utils/index.js';

const BASE_URL = '/api/portier';
/** Short, so that a hung save fails fast; reads through the worker take a few milliseconds. */
const TIMEOUT_MS = 2_000;

/** A fault of `createFaultyFetch`, or a proxy in front of the server that answers a non-JSON page (the server never sees the save). */
type FormFault = Fault | 'proxy-non-json';

interface Case {
  fault: FormFault;
  /** What the command's promise rejects with. */
  code: PortierErrorCode;
  label: string;
}

/** Faults before the server: nothing was saved, the retry saves. */
const NOT_SAVED: readonly Case[] = [
  { fault: 'status-500', code: 'server', label: '500' },
  { fault: 'status-503', code: 'server', label: '503' },
  { fault: 'hang', code: 'network', label: `a timeout (${TIMEOUT_MS} ms)` },
  { fault: 'drop-before', code: 'network', label: 'a dropped connection' },
  { fault: 'proxy-non-json', code: 'server', label: 'malformed JSON (a proxy page, 200)' },
  { fault: 'status-412', code: 'conflict', label: '412' },
];

/** Faults after the server saved: the answer is lost. */
const SAVED_ANSWER_LOST: readonly Case[] = [
  { fault: 'drop-after', code: 'network', label: 'the connection drops after the save' },
  { fault: 'malformed-json', code: 'server', label: 'malformed JSON after the save' },
  { fault: 'schema-violation', code: 'server', label: 'a schema-violating answer after the save' },
];

const worker = useMockWorker(BASE_URL);

interface Harness extends TestPortier {
  backend: MemoryBackend;
  faulty: FaultyFetch;
  inject(fault: FormFault): void;
}

const isWrite = (request: Request) => request.method !== 'GET';

/** A demo backend behind the worker; a store over REST whose fetch injects faults into the next save. */
async function harness(): Promise<Harness> {
  const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
  const memory = createMemoryBackend({ seed: 'demo', clock });
  worker().resetHandlers(...portierHandlers(memory, { baseUrl: BASE_URL }));
  const faulty = createFaultyFetch((input, init) => globalThis.fetch(input, init));
  let proxyPage = false;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (proxyPage && isWrite(request)) {
      proxyPage = false;
      return new Response('<!doctype html><title>Gateway</title><p>Upstream is being deployed.</p>', { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return faulty.fetch(request);
  };
  const rest = createRestBackend({ baseUrl: BASE_URL, fetch, timeoutMs: TIMEOUT_MS, retry: { retries: 2, baseDelayMs: 10 } });
  const portier = createPortier({ backend: rest, clock, actorId: 'u-001' });
  await portier.ready;
  return {
    portier,
    backend: memory,
    clock,
    faulty,
    inject(fault) {
      if (fault === 'proxy-non-json') proxyPage = true;
      else faulty.inject(fault, isWrite);
    },
  };
}

/** The store equals what the backend holds for the actor. */
async function expectStoreEqualsBackend(test: Harness): Promise<void> {
  const backend = (await test.backend.load({ actorId: 'u-001' })).data;
  const store = test.portier.getState().data;
  expect(test.portier.getState().pending, 'commands in flight').to.equal(0);
  expect(store.users, 'users').to.deep.equal(backend.users);
  expect(store.grants, 'grants').to.deep.equal(backend.grants);
}

/** The alerts' text, with layout whitespace collapsed (a message's own no-break spaces are kept). */
const alertText = (element: Element) =>
  $$(element, '[role="alert"]')
    .map((node) => node.textContent!.replace(/[ \t\n\r]+/g, ' ').trim())
    .join(' ')
    .trim();

// ---------------------------------------------------------------------------------------------
// <portier-user-create> (in French)

const NEW_EMAIL = 'nina.verstraete@lambert.example';

/** Everything the form shows as typed or chosen: text fields, selects, radios and checkboxes. */
function typedIn(element: PortierUserCreate): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const control of $$<HTMLInputElement | HTMLSelectElement>(element, 'form input, form select')) {
    const key = control.id || `${control.dataset.client}/${control.dataset.application}${control.dataset.profile === undefined ? '' : '/profile'}`;
    values[key] = control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox') ? control.checked : control.value;
  }
  return values;
}

async function fillCreate(element: PortierUserCreate): Promise<void> {
  const text = (id: string, value: string) => {
    const input = $<HTMLInputElement>(element, `#${id}`);
    type(input, value);
    input.dispatchEvent(new Event('blur'));
  };
  text('email', NEW_EMAIL);
  text('firstName', 'Nina');
  text('lastName', 'Verstraete');
  text('phone', '+32 2 555 12 34');
  text('mobile', '+32 470 11 22 33');
  choose($<HTMLSelectElement>(element, '#language'), 'nl');
  $<HTMLInputElement>(element, '#mode-individual').click();
  await settle(element);
  const level = (client: string, application: string) => $<HTMLSelectElement>(element, `select:not([data-profile])[data-client="${client}"][data-application="${application}"]`);
  choose(level('c-brasserie', 'portfolio-manager'), 'read');
  choose(level('c-logistics', 'invoice-viewer'), 'full');
  await settle(element);
}

async function renderCreate(test: Harness): Promise<{ element: PortierUserCreate; t: Messages }> {
  const { element } = await renderWithPortier<PortierUserCreate>(html`<portier-user-create></portier-user-create>`, { portier: test, locale: 'fr' });
  return { element, t: await loadLocale('fr') };
}

/** Submits and waits until the form is no longer saving. */
async function submitCreate(element: PortierUserCreate, t: Messages): Promise<void> {
  const button = $<HTMLButtonElement>(element, '[part="submit-button"]');
  button.click();
  await settle(element);
  await waitUntil(() => button.textContent!.trim() === t.userCreate.submit, 'the save settles', { timeout: TIMEOUT_MS * 3 });
  await settle(element);
}

const usersNamed = (test: Harness, email: string) => Object.values(test.backend.currentData().users).filter((user) => user.email.toLowerCase() === email);

describe('faults on <portier-user-create> over REST (French)', () => {
  for (const { fault, code, label } of NOT_SAVED) {
    it(`${label}: keeps everything typed, says why (${code}), and the retry creates the user`, async () => {
      const test = await harness();
      const { element, t } = await renderCreate(test);
      await fillCreate(element);
      const typed = typedIn(element);
      expect(typed).to.include({ email: NEW_EMAIL, firstName: 'Nina', lastName: 'Verstraete', phone: '+32 2 555 12 34', mobile: '+32 470 11 22 33', language: 'nl', 'mode-individual': true });
      expect(typed).to.include({ 'c-brasserie/portfolio-manager': 'read', 'c-logistics/invoice-viewer': 'full' });

      test.inject(fault);
      await submitCreate(element, t);
      expect(typedIn(element), 'everything typed is kept').to.deep.equal(typed);
      expect(alertText(element)).to.equal(t.errors[code]);
      expect(usersNamed(test, NEW_EMAIL), 'nothing was created').to.have.length(0);
      await expectStoreEqualsBackend(test);

      // The fault is gone: the same form, sent again, creates the user.
      const created = oneEvent(element, 'portier-user-created') as Promise<PortierUserCreatedEvent>;
      await submitCreate(element, t);
      const { user } = await created;
      expect(user).to.include({ email: NEW_EMAIL, firstName: 'Nina', lastName: 'Verstraete', language: 'nl', mobile: '+32 470 11 22 33' });
      expect(usersNamed(test, NEW_EMAIL)).to.have.length(1);
      const grants = (test.backend.currentData().grants[user.id] ?? []).map((grant) => `${grant.clientId}/${grant.applicationId}/${grant.level}`).sort();
      expect(grants).to.deep.equal(['c-brasserie/portfolio-manager/read', 'c-logistics/invoice-viewer/full']);
      expect(alertText(element)).to.equal('');
      expect($(element, '[part~="live"]').textContent).to.contain(NEW_EMAIL);
      await expectStoreEqualsBackend(test);
    });
  }

  for (const { fault, code, label } of SAVED_ANSWER_LOST) {
    it(`${label}: keeps everything typed, says why (${code}), the store shows the saved user, and the retry creates no duplicate`, async () => {
      const test = await harness();
      const { element, t } = await renderCreate(test);
      await fillCreate(element);
      const typed = typedIn(element);

      test.inject(fault);
      await submitCreate(element, t);
      expect(typedIn(element), 'everything typed is kept').to.deep.equal(typed);
      expect(alertText(element)).to.equal(t.errors[code]);
      // The server did create the user; the store read it again.
      expect(usersNamed(test, NEW_EMAIL)).to.have.length(1);
      await expectStoreEqualsBackend(test);

      // The retry is refused: the e-mail is now taken, by the user the lost answer created.
      await submitCreate(element, t);
      expect(alertText(element)).to.contain(t.errors['email-taken']);
      expect($(element, '#email-error').textContent!.trim()).to.equal(t.errors['email-taken']);
      expect(typedIn(element), 'still kept').to.deep.equal(typed);
      expect(usersNamed(test, NEW_EMAIL)).to.have.length(1);
      await expectStoreEqualsBackend(test);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// <portier-access-rights> (in Dutch)

/** Every cell's level, by `client/application`, and the rows in order. */
function matrixOf(element: PortierAccessRights): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const select of $$<HTMLSelectElement>(element, 'select[part~="level"][data-client]')) cells[`${select.dataset.client}/${select.dataset.application}`] = select.value;
  return cells;
}

async function renderRights(test: Harness): Promise<{ element: PortierAccessRights; t: Messages }> {
  const { element } = await renderWithPortier<PortierAccessRights>(html`<portier-access-rights user-id="u-004"></portier-access-rights>`, { portier: test, locale: 'nl' });
  return { element, t: await loadLocale('nl') };
}

const cell = (element: PortierAccessRights, client: string, application: string) => $<HTMLSelectElement>(element, `select[part~="level"][data-client="${client}"][data-application="${application}"]`);

/** Changes two cells, adds a client found by its number and sets one of its cells: 4 changes. */
async function editRights(element: PortierAccessRights, t: Messages): Promise<void> {
  choose(cell(element, 'c-brasserie', 'energy-guard'), 'full');
  choose(cell(element, 'c-brasserie', 'portfolio-manager'), 'none');
  await settle(element);
  type($<HTMLInputElement>(element, '#search'), '100 245 902');
  $<HTMLFormElement>(element, 'form[part~="search"]').requestSubmit();
  await waitUntil(() => element.shadowRoot!.querySelector(`button[aria-label="${t.accessRights.addNamed('Lambert Logistics NV')}"]`), 'the client is found');
  $<HTMLButtonElement>(element, `button[aria-label="${t.accessRights.addNamed('Lambert Logistics NV')}"]`).click();
  await settle(element);
  choose(cell(element, 'c-logistics', 'billing-export'), 'full');
  await settle(element);
}

/** Save, confirm the summary, and wait until the save settled. */
async function saveRights(element: PortierAccessRights, t: Messages): Promise<void> {
  $<HTMLButtonElement>(element, '[data-save]').click();
  await settle(element);
  const dialog = $<HTMLDialogElement>(element, 'dialog');
  expect(dialog.open, 'the summary is shown').to.equal(true);
  $<HTMLButtonElement>(element, '[data-apply]').click();
  await settle(element);
  await waitUntil(() => $(element, '[data-save]').textContent!.trim() === t.common.save, 'the save settles', { timeout: TIMEOUT_MS * 3 });
  await settle(element);
}

const unsaved = (element: PortierAccessRights) => element.shadowRoot!.querySelector('[part~="dirty"]')?.textContent?.trim();
const level = (test: Harness, client: string, application: string) =>
  test.backend.currentData().grants['u-004']?.find((grant) => grant.clientId === client && grant.applicationId === application)?.level ?? 'none';

describe('faults on <portier-access-rights> over REST (Dutch)', () => {
  for (const { fault, code, label } of NOT_SAVED) {
    it(`${label}: keeps every edit, says why (${code}), and the retry saves`, async () => {
      const test = await harness();
      const { element, t } = await renderRights(test);
      await editRights(element, t);
      const edited = matrixOf(element);
      expect(edited).to.include({ 'c-brasserie/energy-guard': 'full', 'c-brasserie/portfolio-manager': 'none', 'c-logistics/billing-export': 'full' });
      expect(unsaved(element)).to.equal(t.accessRights.unsaved(4));
      const before = structuredClone(test.backend.currentData().grants['u-004']);

      test.inject(fault);
      await saveRights(element, t);
      expect(matrixOf(element), 'every edit is kept').to.deep.equal(edited);
      expect(unsaved(element)).to.equal(t.accessRights.unsaved(4));
      expect(alertText(element)).to.equal(t.errors[code]);
      expect(test.backend.currentData().grants['u-004'], 'nothing was saved').to.deep.equal(before);
      await expectStoreEqualsBackend(test);

      await saveRights(element, t);
      expect(alertText(element)).to.equal('');
      expect($(element, '[part~="status"][role="status"]').textContent!.trim()).to.equal(t.accessRights.saved);
      expect(unsaved(element)).to.equal(undefined);
      expect([level(test, 'c-brasserie', 'energy-guard'), level(test, 'c-brasserie', 'portfolio-manager'), level(test, 'c-logistics', 'billing-export')]).to.deep.equal([
        'full',
        'none',
        'full',
      ]);
      expect(matrixOf(element)).to.deep.equal(edited);
      await expectStoreEqualsBackend(test);
    });
  }

  for (const { fault, code, label } of SAVED_ANSWER_LOST) {
    it(`${label}: keeps every edit, says why (${code}); the store shows what the server saved; the retries end in a save`, async () => {
      const test = await harness();
      const { element, t } = await renderRights(test);
      await editRights(element, t);
      const edited = matrixOf(element);

      test.inject(fault);
      await saveRights(element, t);
      expect(matrixOf(element), 'every edit is kept').to.deep.equal(edited);
      expect(alertText(element)).to.equal(t.errors[code]);
      // The server saved the rights; the store read them again.
      expect([level(test, 'c-brasserie', 'energy-guard'), level(test, 'c-logistics', 'billing-export')]).to.deep.equal(['full', 'full']);
      await expectStoreEqualsBackend(test);
      // What the screen still counts as unsaved: adding the client, which the lost save already did.
      expect(unsaved(element)).to.equal(t.accessRights.unsaved(1));

      // The first retry carries the version from before the lost save: the server, whose version
      // moved on, refuses it as a conflict, and the screen takes the newer version as its base.
      await saveRights(element, t);
      expect(alertText(element)).to.equal(t.errors.conflict);
      expect(matrixOf(element), 'still kept').to.deep.equal(edited);
      await saveRights(element, t);
      expect(alertText(element)).to.equal('');
      expect($(element, '[part~="status"][role="status"]').textContent!.trim()).to.equal(t.accessRights.saved);
      expect(unsaved(element)).to.equal(undefined);
      expect(matrixOf(element)).to.deep.equal(edited);
      await expectStoreEqualsBackend(test);
    });
  }
});
