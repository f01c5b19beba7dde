import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PortierError, type PortierBackend } from '@portier/core';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { buildOpenApi } from './generate-openapi.js';
import { createRestHandler } from './rest-handler.js';
import { ROUTES, matchRoute } from './routes.js';

const BASE = 'http://portier.test/api';

function setup(maxBodyBytes?: number) {
  const backend = createMemoryBackend();
  const handler = createRestHandler(backend, {
    resolveActor: (request) => request.headers.get('x-portier-actor') ?? undefined,
    basePath: '/api',
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });
  const send = (method: string, path: string, init: { body?: string; headers?: Record<string, string>; actor?: string | null } = {}) =>
    handler(
      new Request(`${BASE}${path}`, {
        method,
        headers: { ...(init.actor === null ? {} : { 'x-portier-actor': init.actor ?? 'u-001' }), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body }),
      }),
    );
  return { backend, send, handler };
}

async function problem(response: Response) {
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  return (await response.json()) as { code: string; status: number; details?: Record<string, unknown> };
}

describe('createRestHandler', () => {
  it('answers an unknown route 404 and a wrong method 405, as problems', async () => {
    const { send } = setup();
    const missing = await send('GET', '/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal((await problem(missing)).code, 'not-found');
    const outside = await send('GET', '/../snapshot');
    assert.equal(outside.status, 404);
    const wrong = await send('PUT', '/snapshot');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET, HEAD');
  });

  it('serves HEAD wherever it serves GET: the same status and headers, no body', async () => {
    const { send } = setup();
    const head = await send('HEAD', '/users/u-005');
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), 'W/"0"');
    assert.equal(head.headers.get('content-type'), 'application/json');
    assert.equal(await head.text(), '');
    assert.equal((await send('HEAD', '/users/u-005', { headers: { 'if-none-match': 'W/"0"' } })).status, 304);
    assert.equal((await send('HEAD', '/users/nobody')).status, 404);
    assert.equal((await send('HEAD', '/users/u-005', { actor: null })).status, 401);
    const commandRoute = await send('HEAD', '/users/u-005/block');
    assert.equal(commandRoute.status, 405);
    assert.equal(commandRoute.headers.get('allow'), 'POST');
  });

  it('answers bad JSON 400 with a validation code', async () => {
    const { send } = setup();
    const response = await send('POST', '/users', { body: '{"email": ' });
    assert.equal(response.status, 400);
    assert.deepEqual((await problem(response)).details?.['issues'], [{ path: [], code: 'invalid_json', message: 'the body is not JSON' }]);
  });

  it('validates bodies and queries with the core schemas', async () => {
    const { send } = setup();
    const body = await problem(await send('POST', '/users/u-005/role', { body: '{"role":"emperor"}' }));
    assert.deepEqual([body.status, body.code], [400, 'validation']);
    const list = await send('GET', '/users?limit=5000');
    assert.equal(list.status, 400);
    // A limit out of range says on which side: as zod would, too small or too big.
    for (const [limit, issue] of [['0', 'too_small'], ['1001', 'too_big']]) {
      const clients = await problem(await send('GET', `/clients?text=&limit=${limit}`));
      assert.deepEqual([clients.status, (clients.details?.['issues'] as { code: string }[])[0]?.code], [400, issue], limit);
    }
    const sort = await send('GET', '/users?sort=password:asc');
    assert.equal(sort.status, 400);
    const array = await send('POST', '/users/u-005/block', { body: '[]' });
    assert.equal(array.status, 400);
  });

  it('answers 415 to a body not sent as JSON, before acting: a cross-site text/plain form cannot command', async () => {
    const { send, backend } = setup();
    // What <form enctype="text/plain"> with a field named {"role":"superuser","x":" and the value "} posts.
    const forged = '{"role":"superuser","x":"="}';
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, { 'content-type': 'multipart/form-data; boundary=x' }]) {
      const response = await send('POST', '/users/u-006/role', { body: forged, headers });
      assert.equal(response.status, 415, headers['content-type']);
      assert.deepEqual([(await problem(response)).code, response.headers.get('accept-post')], ['validation', 'application/json']);
    }
    assert.equal(backend.currentData().users['u-006']!.role, 'user');
    const bare = await setup().handler(new Request(`${BASE}/users/u-006/role`, { method: 'POST', body: new TextEncoder().encode(forged), headers: { 'x-portier-actor': 'u-001' } }));
    assert.equal(bare.status, 415, 'a body without a content type');
    // What a no-cors fetch or a beacon sends: a POST with no body and no content type.
    const empty = await setup().handler(new Request(`${BASE}/users/u-005/block`, { method: 'POST', headers: { 'x-portier-actor': 'u-001' } }));
    assert.equal(empty.status, 415, 'an empty POST without a content type');
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      assert.equal((await send('POST', '/users/u-005/block', { body: '{}', headers: { 'content-type': type } })).status, 200, type);
      assert.equal((await send('POST', '/users/u-005/unblock', { body: '{}', headers: { 'content-type': type } })).status, 200, type);
    }
  });

  it('answers a body over the limit 413, by length and by stream', async () => {
    const { send } = setup(64);
    const big = JSON.stringify({ grants: Array.from({ length: 20 }, () => ({ clientId: 'c-retail', applicationId: 'invoice-viewer', level: 'full' })) });
    const response = await send('POST', '/users/u-005/grants', { body: big });
    assert.equal(response.status, 413);
    assert.equal((await problem(response)).code, 'validation');
    // No Content-Length: the body is counted while it streams.
    const { handler } = setup(64);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 100, (i + 1) * 100)));
        controller.close();
      },
    });
    const streamed = await handler(
      new Request(`${BASE}/users/u-005/grants`, { method: 'POST', body: stream, duplex: 'half', headers: { 'x-portier-actor': 'u-001', 'content-type': 'application/json' } } as RequestInit),
    );
    assert.equal(streamed.status, 413);
  });

  it('answers a body its client stopped sending halfway 400, and does not report it as a server failure', async () => {
    const reported: unknown[] = [];
    const backend = createMemoryBackend();
    const handler = createRestHandler(backend, { resolveActor: () => 'u-001', basePath: '/api', onServerError: (error) => reported.push(error) });
    const before = (await backend.load({ actorId: 'u-001' })).data.users['u-005'];
    const dropped = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"role":'));
        controller.error(new Error('aborted'));
      },
    });
    const response = await handler(new Request(`${BASE}/users/u-005/role`, { method: 'POST', body: dropped, duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit));
    assert.equal(response.status, 400);
    const body = await problem(response);
    assert.deepEqual([body.code, body.details?.['reason']], ['validation', 'body-incomplete']);
    assert.deepEqual(reported, []);
    assert.deepEqual((await backend.load({ actorId: 'u-001' })).data.users['u-005'], before);
  });

  it('ids named like inherited members are unknown: 404 for a user, 401 for an actor, never 200 or 500', async () => {
    const { send } = setup();
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const user = await send('GET', `/users/${name}`);
      assert.deepEqual([user.status, user.headers.get('etag')], [404, null], name);
      assert.equal((await send('GET', '/snapshot', { actor: name })).status, 401, name);
      const grant = await send('POST', '/users/u-005/grants', { body: JSON.stringify({ grants: [{ clientId: 'c-brasserie', applicationId: name, level: 'full' }] }) });
      assert.equal(grant.status, 404, name);
    }
  });

  it('answers 401 without an actor or with an unknown one; session routes need none', async () => {
    const { send } = setup();
    assert.equal((await send('GET', '/snapshot', { actor: null })).status, 401);
    const unknown = await send('GET', '/snapshot', { actor: 'u-nobody' });
    assert.equal(unknown.status, 401);
    assert.equal((await problem(unknown)).code, 'forbidden');
    const signIn = await send('POST', '/session/sign-in', { actor: null, body: JSON.stringify({ email: 'amelie.dubois@lambert.example', password: 'Portier-Demo-2026!' }) });
    assert.equal(signIn.status, 200);
    assert.deepEqual(await signIn.json(), { userId: 'u-001', passwordChangeRequired: false });
  });

  it('answers 401 when the resolver finds nobody in any form (null, empty): never the memory backend’s default actor', async () => {
    const backend = createMemoryBackend();
    for (const nobody of [null, '', 0, false]) {
      const handler = createRestHandler(backend, { resolveActor: () => nobody as unknown as string | undefined, basePath: '/api' });
      const read = await handler(new Request(`${BASE}/snapshot`));
      assert.equal(read.status, 401, `resolver answered ${JSON.stringify(nobody)}`);
      const demote = await handler(new Request(`${BASE}/users/u-002/role`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role":"user"}' }));
      assert.equal(demote.status, 401, `resolver answered ${JSON.stringify(nobody)}`);
    }
    assert.equal((await backend.load({ actorId: 'u-001' })).data.users['u-002']!.role, 'superuser');
  });

  it('keeps a backend’s server and network failure details on the server: the caller gets a plain reason, onServerError the error', async () => {
    const memory = createMemoryBackend();
    const heard: unknown[] = [];
    const failures = [
      new PortierError('server', { reason: 'scim-status', status: 500, detail: 'ORA-00942 table missing at db-prod-7.corp.internal:1521' }),
      new PortierError('network', { reason: 'Connection refused by db-prod-7.corp.internal', cause: 'ECONNREFUSED 10.0.0.7:443' }),
      new Error('TypeError: secret is undefined'),
    ];
    for (const failure of failures) {
      const handler = createRestHandler({ ...memory, load: () => Promise.reject(failure) }, { resolveActor: () => 'u-001', onServerError: (error) => heard.push(error) });
      const response = await handler(new Request('http://portier.test/snapshot'));
      assert.equal(response.status, 500);
      const text = await response.text();
      assert.doesNotMatch(text, /ORA|corp\.internal|ECONNREFUSED|secret/, text);
      assert.equal((JSON.parse(text) as { code: string }).code, 'server');
    }
    assert.deepEqual(heard, failures);
  });

  it('the memory backend takes its default actor only when the context has none: a null actor is refused', async () => {
    const backend = createMemoryBackend();
    await assert.rejects(backend.load({ actorId: null as unknown as string }), (error: { code?: string }) => error.code === 'forbidden');
    assert.equal((await backend.load({})).actorId, 'u-001');
  });

  it('serves an ETag on users and refuses a stale If-Match with 412', async () => {
    const { send } = setup();
    const got = await send('GET', '/users/u-005');
    assert.equal(got.headers.get('etag'), 'W/"0"');
    assert.equal((await send('GET', '/users/u-005', { headers: { 'if-none-match': 'W/"0"' } })).status, 304);
    const first = await send('PATCH', '/users/u-005', { body: '{"firstName":"One"}', headers: { 'if-match': 'W/"0"' } });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('etag'), 'W/"1"');
    const stale = await send('PATCH', '/users/u-005', { body: '{"firstName":"Two"}', headers: { 'if-match': 'W/"0"' } });
    assert.equal(stale.status, 412);
    assert.equal((await problem(stale)).code, 'conflict');
    const unreadable = await send('POST', '/users/u-005/block', { body: '{}', headers: { 'if-match': 'yesterday' } });
    assert.equal(unreadable.status, 400);
  });

  it('takes lists in If-Match and If-None-Match (RFC 9110): any listed tag matches', async () => {
    const { send } = setup();
    assert.equal((await send('GET', '/users/u-005', { headers: { 'if-none-match': 'W/"7", "0"' } })).status, 304);
    assert.equal((await send('GET', '/users/u-005', { headers: { 'if-none-match': '*' } })).status, 304);
    assert.equal((await send('GET', '/users/u-005', { headers: { 'if-none-match': 'W/"7", W/"8"' } })).status, 200);
    const listed = await send('PATCH', '/users/u-005', { body: '{"firstName":"One"}', headers: { 'if-match': 'W/"9", W/"0"' } });
    assert.equal(listed.status, 200);
    assert.equal(listed.headers.get('etag'), 'W/"1"');
    const stale = await send('PATCH', '/users/u-005', { body: '{"firstName":"Two"}', headers: { 'if-match': 'W/"0", W/"9"' } });
    assert.equal(stale.status, 412);
  });

  it('creates with 201, Location and ETag; maps policy refusals to their status', async () => {
    const { send } = setup();
    const created = await send('POST', '/users', { body: JSON.stringify({ email: 'rest.new@lambert.example', firstName: 'R', lastName: 'N', language: 'en' }) });
    assert.equal(created.status, 201);
    assert.match(created.headers.get('location') ?? '', /^users\/u-/);
    assert.equal(created.headers.get('etag'), 'W/"0"');
    const forbidden = await send('POST', '/users/u-005/block', { body: '{}', actor: 'u-004' });
    assert.deepEqual([forbidden.status, (await problem(forbidden)).code], [403, 'forbidden']);
    const taken = await send('POST', '/users', { body: JSON.stringify({ email: 'REST.NEW@lambert.example', firstName: 'R', lastName: 'N', language: 'en' }) });
    assert.deepEqual([taken.status, (await problem(taken)).code], [409, 'email-taken']);
    // A key the contract does not define (openapi.json: additionalProperties false) is refused, not dropped.
    const typo = await send('POST', '/users/u-005/grants/copy', { body: JSON.stringify({ sourceUserId: 'u-001', exludeApplications: ['invoice-viewer'] }) });
    assert.deepEqual([typo.status, (await problem(typo)).details?.['issues']], [400, [{ path: ['exludeApplications'], code: 'unrecognized_keys' }]]);
    const extra = await send('PATCH', '/users/u-005', { body: JSON.stringify({ firstName: 'R', nickname: 'Rob' }) });
    assert.deepEqual([extra.status, (await problem(extra)).details?.['issues']], [400, [{ path: ['changes', 'nickname'], code: 'unrecognized_keys' }]]);
    // What the path and If-Match say is not said again in the body: neither obeyed nor dropped.
    for (const [path, body, key] of [
      ['/users/u-005/block', { expectedVersion: 7 }, 'expectedVersion'],
      ['/users/u-005/role', { role: 'superuser', userId: 'u-004' }, 'userId'],
      ['/users/u-005/unblock', { type: 'users.remove' }, 'type'],
    ] as const) {
      const restated = await send('POST', path, { body: JSON.stringify(body) });
      assert.deepEqual([restated.status, (await problem(restated)).details?.['issues']], [400, [{ path: [key], code: 'unrecognized_keys' }]], path);
    }
    // A malformed body is 400 before anything is read, also when several If-Match versions need the
    // user's current one: an actor that may not act (rule 9's expired password) learns nothing more.
    const malformed = await send('POST', '/users/u-005/block', { body: JSON.stringify({ x: 1 }), actor: 'u-016', headers: { 'if-match': 'W/"0", W/"1"' } });
    assert.deepEqual([malformed.status, (await problem(malformed)).details?.['issues']], [400, [{ path: ['x'], code: 'unrecognized_keys' }]]);
  });

  it('rule 2: answers a user or client of another organization exactly as an unknown id, on every route', async () => {
    const { send } = setup();
    type Case = [method: string, path: (id: string) => string, body: (id: string) => unknown, otherId: string];
    const cases: Case[] = [
      ['GET', (id) => `/users/${id}`, () => undefined, 'h-001'],
      ['PATCH', (id) => `/users/${id}`, () => ({ firstName: 'X' }), 'h-001'],
      ['DELETE', (id) => `/users/${id}`, () => undefined, 'h-001'],
      ['POST', (id) => `/users/${id}/block`, () => ({}), 'h-001'],
      ['POST', (id) => `/users/${id}/role`, () => ({ role: 'user' }), 'h-001'],
      ['HEAD', (id) => `/users/${id}`, () => undefined, 'h-001'],
      ['POST', (id) => `/users/${id}/signature`, () => ({ signature: 'collective' }), 'h-001'],
      ['POST', (id) => `/users/${id}/activate`, () => ({}), 'h-001'],
      ['POST', (id) => `/users/${id}/deactivate`, () => ({ until: '2030-01-01' }), 'h-001'],
      ['POST', (id) => `/users/${id}/unblock`, () => ({}), 'h-001'],
      ['POST', (id) => `/users/${id}/reset-password`, () => ({}), 'h-001'],
      ['POST', (id) => `/users/${id}/resend-invitation`, () => ({}), 'h-001'],
      ['POST', (id) => `/users/${id}/make-login`, () => ({}), 'h-001'],
      ['POST', (id) => `/users/${id}/grants`, () => ({ grants: [] }), 'h-001'],
      ['POST', (id) => `/users/${id}/grants/authorize-all`, () => ({ levels: { supply: 'full' } }), 'h-001'],
      ['PUT', (id) => `/users/${id}/managed-clients`, () => ({ clientIds: [] }), 'h-001'],
      ['POST', () => '/users/u-005/grants/copy', (id) => ({ sourceUserId: id }), 'h-001'],
      ['POST', () => '/users/u-005/grants', (id) => ({ grants: [{ clientId: id, applicationId: 'invoice-viewer', level: 'full' }] }), 'c-horizon'],
      ['PUT', () => '/users/u-005/managed-clients', (id) => ({ clientIds: [id] }), 'c-horizon'],
      ['POST', () => '/users/u-005/grants', (id) => ({ grants: [], removeClientIds: [id] }), 'c-horizon'],
      ['POST', () => '/users', (id) => ({ email: 'xorg@lambert.example', firstName: 'X', lastName: 'O', language: 'en', managedClientIds: [id] }), 'c-horizon'],
    ];
    for (const [method, path, body, otherId] of cases) {
      const answer = async (id: string) => {
        const payload = body(id);
        const response = await send(method, path(id), payload === undefined ? {} : { body: JSON.stringify(payload) });
        return { status: response.status, text: (await response.text()).replaceAll(id, '<id>') };
      };
      const unknown = await answer('nobody');
      assert.equal(unknown.status, 404, `${method} ${path('nobody')}`);
      assert.deepEqual(await answer(otherId), unknown, `${method} ${path(otherId)}`);
    }
  });

  /** A memory backend whose every call is written down, by operation. */
  function spied() {
    const memory = createMemoryBackend();
    const calls: string[] = [];
    const backend = Object.fromEntries(
      Object.entries(memory).map(([name, value]) => [name, typeof value === 'function' ? (...args: unknown[]) => (calls.push(name), (value as (...a: unknown[]) => unknown).apply(memory, args)) : value]),
    ) as unknown as PortierBackend;
    return { backend, calls };
  }

  it('refuses a query or a session field out of its bounds 400 before the backend hears of it; the bounds themselves pass', async () => {
    const { backend, calls } = spied();
    const handler = createRestHandler(backend, { resolveActor: () => 'u-001' });
    const get = (path: string) => handler(new Request(`http://portier.test${path}`));
    const post = (path: string, body: unknown) => handler(new Request(`http://portier.test${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const refused: [string, () => Promise<Response>][] = [
      ['limit=0', () => get('/clients?limit=0')],
      ['limit=1001', () => get('/clients?limit=1001')],
      ['audit limit=0', () => get('/audit?limit=0')],
      ['text of 201', () => get(`/clients?text=${'b'.repeat(201)}`)],
      ['userId of 201', () => get(`/audit?userId=${'u'.repeat(201)}`)],
      ['password of 4097', () => post('/session/sign-in', { email: 'amelie.dubois@lambert.example', password: 'x'.repeat(4097) })],
      ['token of 4097', () => post('/tokens/inspect', { token: 't'.repeat(4097) })],
    ];
    for (const [name, ask] of refused) {
      const response = await ask();
      assert.deepEqual([response.status, (await problem(response)).code], [400, 'validation'], name);
    }
    assert.deepEqual(calls, [], 'the backend heard none of them');
    for (const path of ['/clients?limit=1', '/clients?limit=1000', `/clients?text=${'b'.repeat(200)}`]) assert.equal((await get(path)).status, 200, path);
    assert.equal((await post('/tokens/inspect', { token: 't'.repeat(4096) })).status, 200);
    assert.deepEqual(calls, ['searchClients', 'searchClients', 'searchClients', 'inspectToken']);
  });

  it('answers 401 for a resolver that finds nobody without asking the backend at all: no backend can take it for its default actor', async () => {
    for (const nobody of [null, '', 0, false, {}]) {
      const { backend, calls } = spied();
      const handler = createRestHandler(backend, { resolveActor: () => nobody as unknown as string | undefined });
      const response = await handler(new Request('http://portier.test/users/u-005/block', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
      assert.equal(response.status, 401, JSON.stringify(nobody));
      assert.deepEqual(calls, [], JSON.stringify(nobody));
    }
  });

  it('refuses an unreadable If-Match 400 on every command, a create too, and creates nobody', async () => {
    const { send, backend } = setup();
    const before = Object.keys(backend.currentData().users).length;
    const created = await send('POST', '/users', { body: JSON.stringify({ email: 'if.match@lambert.example', firstName: 'I', lastName: 'M', language: 'en' }), headers: { 'if-match': 'yesterday' } });
    assert.deepEqual([created.status, (await problem(created)).details?.['issues']], [400, [{ path: ['If-Match'], code: 'invalid_format', message: 'expected W/"<version>"' }]]);
    const listed = await send('PATCH', '/users/u-005', { body: '{"firstName":"One"}', headers: { 'if-match': 'W/"0", tomorrow' } });
    assert.deepEqual([listed.status, (await problem(listed)).details?.['issues']], [400, [{ path: ['If-Match'], code: 'invalid_format', message: 'expected W/"<version>"' }]]);
    assert.equal(Object.keys(backend.currentData().users).length, before);
    assert.equal(backend.currentData().users['u-005']!.firstName === 'One', false);
  });

  it('serves a refusal’s own message as the problem’s detail, and leaves it out when it only repeats the code', async () => {
    const memory = createMemoryBackend();
    for (const [error, detail] of [
      [new PortierError('not-editable', { from: 'blocked' }, 'blocked users cannot be edited'), 'blocked users cannot be edited'],
      [new PortierError('not-editable', { from: 'blocked' }), undefined],
    ] as const) {
      const handler = createRestHandler({ ...memory, execute: () => Promise.reject(error) }, { resolveActor: () => 'u-001' });
      const response = await handler(new Request('http://portier.test/users/u-005/block', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
      const body = (await problem(response)) as { detail?: string; status: number };
      assert.deepEqual([body.status, body.detail], [409, detail]);
    }
  });

  it('sorts ascending when the sort names no direction, and reads only plain digits as a number', async () => {
    const { send } = setup();
    const names = async (query: string) => ((await (await send('GET', `/users?${query}`)).json()) as { items: { lastName: string }[] }).items.map((user) => user.lastName);
    const ascending = await names('sort=lastName:asc&limit=1000');
    assert.notDeepEqual(ascending, await names('sort=lastName:desc&limit=1000'));
    assert.deepEqual(await names('sort=lastName&limit=1000'), ascending);
    for (const query of ['limit=+5', 'limit=-1', 'offset=+0', 'limit=5.0', 'limit=0x10']) {
      const refused = await problem(await send('GET', `/users?${query}`));
      assert.deepEqual([refused.status, refused.details?.['issues']], [400, [{ path: [query.split('=')[0]], code: 'invalid_type', message: 'expected integer' }]], query);
    }
  });

  it('lists the audit of the one user a userId names', async () => {
    const { send } = setup();
    assert.equal((await send('POST', '/users/u-005/block', { body: '{}' })).status, 200);
    assert.equal((await send('PATCH', '/users/u-006', { body: '{"firstName":"Other"}' })).status, 200);
    const targets = async (query: string) => [...new Set(((await (await send('GET', `/audit${query}`)).json()) as { targetId: string }[]).map((entry) => entry.targetId))].sort();
    assert.deepEqual(await targets(''), ['u-005', 'u-006']);
    assert.deepEqual(await targets('?userId=u-005'), ['u-005']);
  });

  it('takes a command with an empty JSON body as one with no fields, and refuses a type that only starts like JSON 415', async () => {
    const { send, handler } = setup();
    const empty = await handler(new Request(`${BASE}/users/u-005/block`, { method: 'POST', headers: { 'x-portier-actor': 'u-001', 'content-type': 'application/json' } }));
    assert.equal(empty.status, 200);
    for (const type of ['application/jsonp', 'application/json5', 'application/json-seq']) {
      assert.equal((await send('POST', '/users/u-005/unblock', { body: '{}', headers: { 'content-type': type } })).status, 415, type);
    }
  });

  it('answers a body that declares itself over the limit 413 at once, without waiting for it to arrive', async () => {
    const { handler } = setup(64);
    const never = new ReadableStream<Uint8Array>({ start: () => undefined });
    const answer = handler(
      new Request(`${BASE}/users/u-005/grants`, { method: 'POST', body: never, duplex: 'half', headers: { 'x-portier-actor': 'u-001', 'content-type': 'application/json', 'content-length': '10000000' } } as RequestInit),
    );
    const status = await Promise.race([answer.then((response) => response.status), new Promise((resolve) => setTimeout(() => resolve('still reading'), 2_000))]);
    assert.equal(status, 413);
  });

  it('answers a path whose escapes do not decode 404, not as a server failure', async () => {
    const heard: unknown[] = [];
    const handler = createRestHandler(createMemoryBackend(), { resolveActor: () => 'u-001', basePath: '/api', onServerError: (error) => heard.push(error) });
    for (const path of ['/users/%E0%A4%A', '/users/%/block']) {
      const response = await handler(new Request(`${BASE}${path}`, { method: path.endsWith('block') ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, ...(path.endsWith('block') ? { body: '{}' } : {}) }));
      assert.deepEqual([response.status, (await problem(response)).code], [404, 'not-found'], path);
    }
    assert.deepEqual(heard, []);
  });

  it('takes a body of exactly the limit, and answers one byte more 413', async () => {
    for (const [size, status] of [[64, 200], [65, 413]] as const) {
      const { handler } = setup(64);
      const body = '{}'.padEnd(size, ' ');
      // Streamed without a length, so that the reader itself counts.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      });
      const response = await handler(new Request(`${BASE}/users/u-005/block`, { method: 'POST', body: stream, duplex: 'half', headers: { 'x-portier-actor': 'u-001', 'content-type': 'application/json' } } as RequestInit));
      assert.equal(response.status, status, `${size} bytes`);
    }
  });
});

describe('openapi.json', () => {
  const file = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as { openapi: string; paths: Record<string, Record<string, unknown>> };

  it('is OpenAPI 3.1 and is what the route table generates', () => {
    assert.equal(file.openapi, '3.1.0');
    assert.deepEqual(file, JSON.parse(JSON.stringify(buildOpenApi())));
  });

  it('documents every route the handler serves, and the handler serves every documented one', async () => {
    const documented = Object.entries(file.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    assert.deepEqual([...documented].sort(), ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    const { send } = setup();
    for (const entry of documented) {
      const [method, path] = entry.split(' ') as [string, string];
      const concrete = path.replace('{id}', 'u-005');
      const match = matchRoute(method, concrete);
      assert.ok(match && 'route' in match && match.route.path === path, entry);
      const response = await send(method, concrete, method === 'GET' || method === 'DELETE' ? {} : { body: '{}' });
      if (response.status === 404) assert.notEqual((await problem(response)).details?.['reason'], 'route', `${entry} is not routed`);
      assert.notEqual(response.status, 405, `${entry} answered 405`);
    }
  });
});
