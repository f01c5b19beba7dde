/// <reference types="mocha" />
/**
 * The screens over a REST hop in the browser (issue 4): MSW's service worker serves
 * `portierHandlers(createMemoryBackend())`, and the store talks to it through
 * `createRestBackend({ baseUrl: '/api/portier' })`, that is through the page's real `fetch`, a
 * service worker, headers, status codes and ETags.
 *
 * The worker script is the committed `/mockServiceWorker.js` at the repo root, which the test
 * runner serves. It must match the installed msw; after an msw upgrade regenerate it with
 *   pnpm --filter @portier/adapters exec msw init "$PWD" --no-save
 * (from the repo root).
 */
import { createMemoryBackend, createRestBackend } from '@portier/adapters';
import { portierHandlers } from '@portier/adapters/msw';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createManualClock, createPortier, type Portier } from '@portier/core';
import '@portier/elements/define';
import type { PortierUserList } from '../packages/elements/src/user-list/user-list.js';
import type { PortierUserUpdatedEvent } from '../packages/elements/src/events/user-updated.js';
import { $, $$, renderWithPortier, settle, textOf, type, type TestPortier } from '../packages/elements/src/test-utils/index.js';
import { useMockWorker } from './support/mock-worker.js';

const BASE_URL = '/api/portier';

const worker = useMockWorker(BASE_URL);
/** Requests the service worker answered, as `METHOD /path?query`. */
let seen: string[] = [];

before(() => {
  // One worker for the file; each test swaps in a fresh backend with `resetHandlers`.
  worker().events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith(BASE_URL)) seen.push(`${request.method} ${url.pathname}${url.search}`);
  });
});

/** A fresh demo backend behind the worker and a store that reaches it over REST only. */
async function restPortier(): Promise<TestPortier> {
  const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
  const memory = createMemoryBackend({ seed: 'demo', clock });
  worker().resetHandlers(...portierHandlers(memory, { baseUrl: BASE_URL }));
  seen = [];
  const portier: Portier = createPortier({ backend: createRestBackend({ baseUrl: BASE_URL, timeoutMs: 5_000 }), clock, actorId: 'u-001' });
  await portier.ready;
  return { portier, backend: memory, clock };
}

const rows = (element: PortierUserList) => $$(element, '[role="row"][data-user-id]');
const rowOf = (element: PortierUserList, userId: string) => $(element, `[role="row"][data-user-id="${userId}"]`);

async function renderList(test: TestPortier, attributes = ''): Promise<PortierUserList> {
  const template = attributes === 'paged' ? html`<portier-user-list paged></portier-user-list>` : html`<portier-user-list></portier-user-list>`;
  const { element } = await renderWithPortier<PortierUserList>(template, { portier: test });
  await waitUntil(() => rows(element).length > 0, 'the rows are shown');
  return element;
}

describe('MSW worker: <portier-user-list> over createRestBackend → service worker → portierHandlers(memory)', () => {
  it('the page is controlled by the worker and the store loaded through it', async () => {
    const test = await restPortier();
    expect(navigator.serviceWorker.controller?.scriptURL).to.match(/\/mockServiceWorker\.js$/);
    expect(seen).to.deep.equal(['GET /api/portier/snapshot']);
    // The store holds exactly what the memory backend behind the hop holds for u-001.
    const direct = await test.backend.load({ actorId: 'u-001' });
    expect(Object.keys(test.portier.getState().data.users).sort()).to.deep.equal(Object.keys(direct.data.users).sort());
    expect(test.portier.getState().data.users['u-004']!.version).to.equal(direct.data.users['u-004']!.version);
  });

  it('shows the users', async () => {
    const test = await restPortier();
    const element = await renderList(test);
    expect($(element, '[role="table"]').getAttribute('aria-rowcount')).to.equal('41');
    const first = rows(element)[0]!;
    expect(textOf(first)).to.contain('amelie.dubois@lambert.example');
    type($<HTMLInputElement>(element, '#email-filter'), 'dirk.janssens');
    await settle(element);
    expect(rows(element).map((row) => row.dataset.userId)).to.deep.equal(['u-004']);
  });

  it('a command goes through: unblocking a user is saved behind the hop and shown', async () => {
    const test = await restPortier();
    const element = await renderList(test);
    type($<HTMLInputElement>(element, '#email-filter'), test.portier.getState().data.users['u-010']!.email);
    await settle(element);
    const updated = oneEvent(element, 'portier-user-updated') as Promise<PortierUserUpdatedEvent>;
    rowOf(element, 'u-010').querySelector<HTMLButtonElement>('[data-action]')!.click();
    expect((await updated).userId).to.equal('u-010');
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.contain('was unblocked');
    expect(textOf(rowOf(element, 'u-010'))).to.contain('Active');
    expect(seen.filter((request) => !request.startsWith('GET'))).to.have.length(1);
    expect(seen.find((request) => !request.startsWith('GET'))).to.match(/^POST \/api\/portier\/users\/u-010\//);
    expect(test.backend.currentData().users['u-010']!.status).to.equal('active');
  });

  it('a refusal comes back through the hop in the user language (a stale version: 412 → conflict)', async () => {
    const test = await restPortier();
    const { element } = await renderWithPortier<PortierUserList>(html`<portier-user-list></portier-user-list>`, { portier: test, locale: 'de' });
    await waitUntil(() => rows(element).length > 0, 'the rows are shown');
    // Another administrator changes u-004 behind the store's back.
    await test.backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { firstName: 'Geändert' } });
    type($<HTMLInputElement>(element, '#email-filter'), 'dirk.janssens');
    await settle(element);
    rowOf(element, 'u-004').querySelector<HTMLButtonElement>('[data-action]')!.click();
    // Deactivating asks first.
    await waitUntil(() => $<HTMLDialogElement>(element, 'dialog').open, 'the confirmation opens');
    $<HTMLButtonElement>(element, 'button[data-action="dialog-confirm"]').click();
    await waitUntil(() => $(element, '[role="alert"]').textContent!.trim() !== '', 'the refusal is shown');
    expect($(element, '[role="alert"]').textContent).to.contain('Jemand anderes hat diesen Benutzer inzwischen geändert');
    expect(test.backend.currentData().users['u-004']!.status).to.equal('active');
    // The store read the newer version again: it equals the backend.
    await waitUntil(() => test.portier.getState().data.users['u-004']!.firstName === 'Geändert', 'the store caught up');
  });

  it('pages, filters and sorts on the server in paged mode', async () => {
    const test = await restPortier();
    const element = await renderList(test, 'paged');
    expect(seen.some((request) => /^GET \/api\/portier\/users\?.*limit=/.test(request))).to.equal(true);
    type($<HTMLInputElement>(element, '#email-filter'), 'dirk.janssens');
    await waitUntil(() => seen.some((request) => request.includes('email=dirk.janssens')), 'the filter is sent to the server');
    await waitUntil(() => rows(element).length === 1, 'one row is left');
    expect(rows(element)[0]!.dataset.userId).to.equal('u-004');
  });
});
