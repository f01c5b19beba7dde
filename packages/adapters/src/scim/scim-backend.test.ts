import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { DAY_MS, createPortier, isoDay, type AuditDraft, type Command, type Effect, type User } from '@portier/core';
import { createFaultyFetch, type Fault } from '../conformance/faulty-fetch.js';
import { ACTORS, rejectsWith } from '../conformance/conformance-subject.js';
import { DEMO_PASSWORD, demoSeed } from '../memory/demo-seed.js';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { createScimBackend } from './scim-backend.js';
import { createScimClient } from './scim-client.js';
import { and, co, eq, or, renderFilter, sw } from './scim-filter.js';
import { fromScim, patchOperations, toScim } from './scim-mapping.js';
import { ScimUserStore, startScimPeer, type ScimPeer } from './scim-peer.js';
import { PORTIER_EXTENSION, SCIM_ENTERPRISE } from './scim-urns.js';

const seed = demoSeed(Date.now());
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'no unhandled rejection');
});

function seededStore(change: (user: User) => User = (user) => user): ScimUserStore {
  const store = new ScimUserStore();
  for (const user of Object.values(seed.data.users)) store.seed(user.id, toScim(change(user), seed.data.grants[user.id] ?? []), user.createdAt);
  return store;
}

/** Active super users of org-lambert as the peer holds them (`lasting`: only those without an end date). */
async function superUsersOn(peer: ScimPeer, which: 'active' | 'lasting' = 'active'): Promise<string[]> {
  const records = await createScimClient({ baseUrl: peer.url, token: peer.token }).listUsers(eq(`${SCIM_ENTERPRISE}:organization`, 'org-lambert'));
  return records
    .filter(({ user }) => user.role === 'superuser' && user.status === 'active' && user.kind === 'login' && (which === 'active' || user.activeUntil === undefined))
    .map(({ user }) => user.id)
    .sort();
}

describe('SCIM mapping', () => {
  it('carries every demo user and its grants there and back unchanged', () => {
    for (const user of Object.values(seed.data.users)) {
      const back = fromScim({ ...toScim(user, seed.data.grants[user.id] ?? []), id: user.id, meta: { version: 'W/"0"' } });
      assert.deepEqual(back.user, user);
      assert.deepEqual(back.grants, seed.data.grants[user.id] ?? []);
    }
  });

  it('reads a user the identity provider set to active: false as deactivated, whatever status Portier wrote', () => {
    const user = seed.data.users[ACTORS.admin]!;
    const resource: Record<string, unknown> = { ...toScim(user, []), id: user.id, meta: { version: 'W/"1"' } };
    assert.equal(user.status, 'active');
    assert.equal(fromScim({ ...resource, active: false }).user.status, 'deactivated');
    const extension = resource[PORTIER_EXTENSION] as Record<string, unknown>;
    assert.equal(fromScim({ ...resource, active: false, [PORTIER_EXTENSION]: { ...extension, status: 'blocked', blockReason: 'admin' } }).user.status, 'blocked', 'a status that is not active already says it');
    assert.equal(fromScim({ ...resource, active: false, [PORTIER_EXTENSION]: { ...extension, status: undefined } }).user.status, 'deactivated');
    // Portier writes active: false for every account that is not active: they read back as they were.
    for (const status of ['invited', 'expired', 'deactivated'] as const) {
      assert.equal(fromScim({ ...toScim({ ...user, status }, []), id: user.id, meta: { version: 'W/"1"' } }).user.status, status);
    }
  });

  it('refuses a multi-valued attribute whose entries are not objects as a server error, not a crash', () => {
    const user = seed.data.users[ACTORS.admin]!;
    const resource: Record<string, unknown> = { ...toScim(user, []), id: user.id, meta: { version: 'W/"0"' } };
    assert.throws(() => fromScim({ ...resource, phoneNumbers: [null] }), { code: 'server', details: { reason: 'invalid-scim-resource', detail: 'phoneNumbers' } });
    const extension = resource[PORTIER_EXTENSION] as Record<string, unknown>;
    assert.throws(() => fromScim({ ...resource, [PORTIER_EXTENSION]: { ...extension, managedClients: ['c-1'] } }), { code: 'server', details: { reason: 'invalid-scim-resource', detail: 'managedClients' } });
    // Rights that are not a list are not read as none (a later write would store none over them).
    for (const grants of [{ clientId: 'c-1' }, 'full', 7, [null]]) {
      assert.throws(() => fromScim({ ...resource, [PORTIER_EXTENSION]: { ...extension, grants } }), { code: 'server', details: { reason: 'invalid-scim-resource', detail: 'grants' } }, JSON.stringify(grants));
    }
    assert.deepEqual(fromScim({ ...resource, [PORTIER_EXTENSION]: { ...extension, grants: undefined } }).grants, []);
  });

  it('refuses a name, an extension or meta present but not an object, rather than reading defaults that a later write would store', () => {
    const user = seed.data.users[ACTORS.second]!;
    const resource: Record<string, unknown> = { ...toScim(user, seed.data.grants[user.id] ?? []), id: user.id, meta: { version: 'W/"0"', created: user.createdAt } };
    for (const key of ['name', SCIM_ENTERPRISE, PORTIER_EXTENSION, 'meta']) {
      for (const value of ['Bart Peeters', [resource[key]], 7, true]) {
        assert.throws(() => fromScim({ ...resource, [key]: value }), { code: 'server', details: { reason: 'invalid-scim-resource', detail: key } }, `${key}: ${JSON.stringify(value)}`);
      }
    }
    // Null is unassigned (RFC 7643 §2.5), as if absent: the defaults.
    assert.deepEqual([fromScim({ ...resource, name: null }).user.firstName, fromScim({ ...resource, [PORTIER_EXTENSION]: null }).user.role], ['', 'user']);
  });

  it('refuses an ETag that is not an entity-tag ("", "*", unquoted, a character no header carries), from meta.version or the ETag header', () => {
    const user = seed.data.users[ACTORS.admin]!;
    const resource: Record<string, unknown> = { ...toScim(user, []), id: user.id };
    for (const etag of ['', '*', '1', 'W/1', '"a b"', '"1"x', 'W/"é"', 'W/"€"', 'W/"1"\r\nX-Evil: 1']) {
      const refused = { code: 'server', details: { reason: 'invalid-scim-resource', detail: 'ETag' } };
      assert.throws(() => fromScim({ ...resource, meta: { version: etag } }), refused, JSON.stringify(etag));
      assert.throws(() => fromScim(resource, etag), refused, `header ${JSON.stringify(etag)}`);
    }
    for (const etag of ['W/"0"', '"abc"', '""', 'W/""']) assert.equal(fromScim({ ...resource, meta: { version: etag } }).etag, etag);
  });

  it('replaces a changed multi-valued attribute with a path (RFC 7644 §3.5.2.3) and leaves an unchanged one out', () => {
    const user = seed.data.users[ACTORS.admin]!;
    const operations = patchOperations(toScim(user, []), toScim({ ...user, phone: '+32 2 555 99 99' }, []));
    const phones = operations.find((operation) => operation['path'] === 'phoneNumbers');
    assert.deepEqual(phones, { op: 'replace', path: 'phoneNumbers', value: [{ value: '+32 2 555 99 99', type: 'work' }, { value: user.mobile, type: 'mobile' }] });
    assert.ok(!operations.some((operation) => operation['path'] === 'emails'));
    const whole = operations.find((operation) => operation['path'] === undefined)!['value'] as Record<string, unknown>;
    assert.ok(!('phoneNumbers' in whole) && !('emails' in whole));
  });

  it('takes the ETag from meta.version over the header’s, and refuses a grant the core schema refuses rather than dropping it', () => {
    const user = seed.data.users[ACTORS.target]!;
    const grants = seed.data.grants[ACTORS.target] ?? [];
    const resource: Record<string, unknown> = { ...toScim(user, grants), id: user.id, meta: { version: 'W/"7"' } };
    assert.equal(fromScim(resource, 'W/"6"').etag, 'W/"7"');
    assert.equal(fromScim({ ...resource, meta: {} }, 'W/"6"').etag, 'W/"6"');
    const extension = resource[PORTIER_EXTENSION] as Record<string, unknown>;
    for (const bad of [{ clientId: 'c-brasserie', applicationId: 5, level: 'full' }, { clientId: 'c-brasserie', applicationId: 'invoice-viewer', level: 'emperor' }, {}]) {
      assert.throws(() => fromScim({ ...resource, [PORTIER_EXTENSION]: { ...extension, grants: [...grants, bad] } }), { code: 'server', details: { reason: 'invalid-scim-resource', detail: 'grant' } }, JSON.stringify(bad));
    }
  });

  it('writes active: true for an active account only, so the identity provider lets no blocked, invited or expired user in', () => {
    const user = seed.data.users[ACTORS.target]!;
    for (const status of ['active', 'invited', 'expired', 'deactivated', 'blocked'] as const) {
      const account = status === 'blocked' ? { ...user, status, blockReason: 'admin' as const } : { ...user, status };
      assert.equal(toScim(account, []).active, status === 'active', status);
    }
  });

  it('reads an optional attribute the peer sends as null as absent (RFC 7643 §2.5), not as a broken user', () => {
    const user = seed.data.users[ACTORS.target]!;
    const resource: Record<string, unknown> = { ...toScim(user, []), id: user.id, meta: { version: 'W/"0"' } };
    const extension = resource[PORTIER_EXTENSION] as Record<string, unknown>;
    const read = fromScim({ ...resource, [PORTIER_EXTENSION]: { ...extension, blockReason: null, activeUntil: null, signInLockedUntil: null, invitationExpiresAt: null } });
    assert.deepEqual(read.user, user);
  });

  it('renders filters with eq, sw, co, and, or in normal form', () => {
    assert.equal(renderFilter(and(eq('a', 'x"y'), or(sw('b', '1'), co('c', '2')))), 'a eq "x\\"y" and b sw "1" or a eq "x\\"y" and c co "2"');
  });
});

describe('SCIM backend against a scimmy peer on 127.0.0.1', () => {
  let peer: ScimPeer;
  let requests: string[];
  const counting: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return globalThis.fetch(input, init);
  };
  before(async () => {
    peer = await startScimPeer({ store: seededStore() });
  });
  after(() => peer.close());

  it('discovers PATCH, filters and ETags, and the Portier extension under its own URN', async () => {
    const config = (await (await fetch(`${peer.url}/ServiceProviderConfig`, { headers: { authorization: `Bearer ${peer.token}` } })).json()) as Record<string, { supported: boolean }>;
    assert.deepEqual([config['patch']?.supported, config['filter']?.supported, config['etag']?.supported], [true, true, true]);
    const schemas = (await (await fetch(`${peer.url}/Schemas`, { headers: { authorization: `Bearer ${peer.token}` } })).json()) as { Resources: { id: string }[] };
    const ids = schemas.Resources.map((schema) => schema.id);
    assert.ok(ids.includes(PORTIER_EXTENSION) && ids.includes(SCIM_ENTERPRISE), ids.join(', '));
    assert.ok(!PORTIER_EXTENSION.startsWith('urn:ietf:'));
    // A credential or a schema the host set up wrong is a server failure (reported to the host), not the user's lack of a right.
    await assert.rejects(createScimClient({ baseUrl: peer.url, token: 'wrong' }).discover(), { code: 'server', details: { status: 401, reason: 'scim-authentication' } });
    const noExtension: typeof fetch = (input, init) =>
      String(input).includes('/Schemas/') ? Promise.resolve(Response.json({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' }, { status: 404 })) : globalThis.fetch(input, init);
    await assert.rejects(createScimClient({ baseUrl: peer.url, token: peer.token, fetch: noExtension }).discover(), { code: 'server', details: { reason: 'scim-extension-missing' } });
  });

  it('filters on the peer with eq, sw, co, and, or', async () => {
    const client = createScimClient({ baseUrl: peer.url, token: peer.token });
    const ids = async (filter: Parameters<typeof client.listUsers>[0]) => (await client.listUsers(filter)).map((record) => record.user.id).sort();
    assert.deepEqual(await ids(eq(`${PORTIER_EXTENSION}:role`, 'superuser')), ['h-001', 'u-001', 'u-002', 'u-003']);
    assert.deepEqual(await ids(sw('userName', 'amelie.')), ['u-001']);
    assert.deepEqual(await ids(and(co('userName', 'dubois'), eq(`${SCIM_ENTERPRISE}:organization`, 'org-lambert'))), ['u-001']);
    assert.deepEqual(await ids(or(eq(`${PORTIER_EXTENSION}:kind`, 'contact'), eq(`${PORTIER_EXTENSION}:signature`, 'collective'))), ['u-003', 'u-013', 'u-014']);
    assert.deepEqual(await ids(eq(`${SCIM_ENTERPRISE}:organization`, 'org-horizon')), ['h-001']);
  });

  it('answers an e-mail search with a quote or a backslash as the memory backend does, whatever the peer parses', async () => {
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token });
    const memory = createMemoryBackend();
    for (const email of ['amelie"', 'x\\y', '"dubois', 'dubois']) {
      const [scim, reference] = await Promise.all([backend.listUsers({ actorId: ACTORS.admin }, { email }), memory.listUsers({ actorId: ACTORS.admin }, { email })]);
      assert.deepEqual(scim.items.map((user) => user.id), reference.items.map((user) => user.id), email);
    }
  });

  it('answers a client search with every user who manages the client or has rights on it, as the memory backend does, narrowed on the peer', async () => {
    requests = [];
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fetch: counting });
    const memory = createMemoryBackend();
    for (const query of [{ clientId: 'c-brasserie' }, { clientId: 'c-logistics' }, { clientId: 'c-retail', role: 'user' as const }, { role: 'superuser' as const }]) {
      const [scim, reference] = await Promise.all([backend.listUsers({ actorId: ACTORS.admin }, query), memory.listUsers({ actorId: ACTORS.admin }, query)]);
      assert.ok(reference.items.length > 0, JSON.stringify(query));
      assert.deepEqual(scim.items.map((user) => user.id), reference.items.map((user) => user.id), JSON.stringify(query));
    }
    const filters = requests.filter((line) => line.includes('/Users?')).map((line) => new URL(line.split(' ')[1]!).searchParams.get('filter') ?? '');
    assert.ok(filters.some((filter) => filter.includes(`${PORTIER_EXTENSION}:grants.clientId eq "c-brasserie"`)));
    assert.ok(filters.every((filter) => !filter.includes('c-retail') || filter.includes(`${PORTIER_EXTENSION}:role eq "user"`)), 'the role narrows on the peer, not only here');
    assert.ok(filters.some((filter) => filter.includes(`${PORTIER_EXTENSION}:role eq "superuser"`)));
  });

  it('refuses an actor the peer does not know as forbidden (unknown-actor) on every read, never as not-found', async () => {
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: createMemoryBackend() });
    for (const read of [() => backend.load({ actorId: 'u-nobody' }), () => backend.listUsers({ actorId: 'u-nobody' }, {}), () => backend.listUsers({}, {})]) {
      await assert.rejects(read(), { code: 'forbidden', details: { reason: 'unknown-actor' } });
    }
  });

  it('pages with startIndex and count', async () => {
    requests = [];
    const client = createScimClient({ baseUrl: peer.url, token: peer.token, pageSize: 7, fetch: counting });
    const all = await client.listUsers(undefined);
    assert.equal(all.length, Object.keys(seed.data.users).length);
    assert.equal(new Set(all.map((record) => record.user.id)).size, all.length);
    const pages = requests.filter((line) => line.includes('/Users?'));
    assert.equal(pages.length, Math.ceil(all.length / 7));
    assert.match(pages[1]!, /startIndex=8&count=7/);
  });

  it('reads the last page when it holds a single user', async () => {
    const total = (await createScimClient({ baseUrl: peer.url, token: peer.token }).listUsers(undefined)).length;
    const all = await createScimClient({ baseUrl: peer.url, token: peer.token, pageSize: total - 1 }).listUsers(undefined);
    assert.equal(all.length, total);
  });

  it('stops reading a peer whose pages do not move on (the first page again, a huge total), as a server error', async () => {
    let lists = 0;
    const stuck: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (!url.pathname.endsWith('/Users') || !url.search) return fetch(input, init);
      lists++;
      url.searchParams.set('startIndex', '1');
      const body = (await (await fetch(url, init)).json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...body, totalResults: 1e15 }), { status: 200, headers: { 'content-type': 'application/scim+json' } });
    };
    const client = createScimClient({ baseUrl: peer.url, token: peer.token, pageSize: 5, fetch: stuck });
    await assert.rejects(client.listUsers(undefined), (error: { code?: string; details?: { reason?: string } }) => error.code === 'server' && error.details?.reason === 'invalid-scim-list');
    assert.equal(lists, 2, 'the second page, the same as the first, ends the reading');
  });

  it('refuses a list whose Resources is missing or not a list while totalResults counts users (RFC 7644 §3.4.2), not as no users', async () => {
    const listing =
      (change: (body: Record<string, unknown>) => void): typeof fetch =>
      async (input, init) => {
        const response = await fetch(input, init);
        if (!new URL(String(input)).pathname.endsWith('/Users')) return response;
        const body = (await response.json()) as Record<string, unknown>;
        change(body);
        return Response.json(body, { status: response.status });
      };
    const options = { baseUrl: peer.url, token: peer.token };
    for (const resources of [undefined, null, {}, 'x']) {
      const client = createScimClient({ ...options, fetch: listing((body) => (body['Resources'] = resources)) });
      await assert.rejects(client.listUsers(undefined), { code: 'server', details: { reason: 'invalid-scim-list' } }, JSON.stringify(resources));
    }
    // The screens then say the peer failed, not that the administrator has no rights.
    await rejectsWith(createScimBackend({ ...options, fetch: listing((body) => delete body['Resources']) }).load({ actorId: ACTORS.admin }), 'server');
    const none = listing((body) => {
      delete body['Resources'];
      body['totalResults'] = 0;
    });
    assert.deepEqual(await createScimClient({ ...options, fetch: none }).listUsers(undefined), []);
  });

  it('keeps the provider’s own error text out of the errors it raises: the status and the scimType keyword only', async () => {
    const leaky: typeof fetch = async (input, init) => {
      if (!new URL(String(input)).pathname.endsWith('/Users')) return fetch(input, init);
      const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidFilter', detail: 'ORA-00942 at db-prod-7.corp.internal:1521' };
      return new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/scim+json' } });
    };
    const client = createScimClient({ baseUrl: peer.url, token: peer.token, fetch: leaky });
    await assert.rejects(client.listUsers(undefined), (error: { code?: string; details?: Record<string, unknown> }) => {
      assert.equal(error.code, 'validation');
      assert.equal(error.details?.['scimType'], 'invalidFilter');
      assert.doesNotMatch(JSON.stringify(error.details), /ORA|corp\.internal/);
      return true;
    });
  });

  it('reads an error status whose body is not JSON (a text 412, an HTML sign-in page) by its status, not as malformed JSON', async () => {
    const answering = (status: number, text: string, path = ''): typeof fetch =>
      async (input) =>
        String(input).includes(path) ? new Response(text, { status, headers: { 'content-type': 'text/html' } }) : Response.json({ patch: { supported: true }, filter: { supported: true }, etag: { supported: true } });
    const client = (status: number, text: string, path?: string) => createScimClient({ baseUrl: 'http://scim.invalid/v2', token: 't', fetch: answering(status, text, path) });
    await rejectsWith(client(412, 'Precondition Failed').patchUser('u-1', [], 'W/"1"'), 'conflict');
    await rejectsWith(client(409, 'Conflict').deleteUser('u-1', 'W/"1"'), 'conflict');
    await rejectsWith(client(404, '<h1>Not Found</h1>').deleteUser('u-1', 'W/"1"'), 'not-found');
    await assert.rejects(client(401, '<html>Sign in</html>').discover(), { code: 'server', details: { status: 401, reason: 'scim-authentication' } });
    await assert.rejects(client(404, '<h1>Not Found</h1>', '/Schemas/').discover(), { code: 'server', details: { reason: 'scim-extension-missing' } });
    // A success whose body cannot be read is still the server's fault.
    await assert.rejects(client(200, '<html/>').discover(), { code: 'server', details: { reason: 'malformed-json', status: 200 } });
  });

  it('keeps a user whose id is "__proto__" as a user, not as the prototype of the list', async () => {
    const renaming: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!new URL(String(input)).pathname.endsWith('/Users')) return response;
      const body = (await response.json()) as { Resources?: { id: string }[] };
      const target = body.Resources?.find((resource) => resource.id === ACTORS.target);
      if (target) target.id = '__proto__';
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const plain = await createScimBackend({ baseUrl: peer.url, token: peer.token }).load({ actorId: ACTORS.admin });
    const renamed = await createScimBackend({ baseUrl: peer.url, token: peer.token, fetch: renaming }).load({ actorId: ACTORS.admin });
    assert.equal(Object.keys(renamed.data.users).length, Object.keys(plain.data.users).length);
    assert.ok(Object.hasOwn(renamed.data.users, '__proto__'));
    assert.equal(Object.getPrototypeOf(renamed.data.users), Object.prototype);
  });

  it('refuses a peer that answers for the actor with another user: nobody acts as someone else', async () => {
    const impostor: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith(`/Users/${ACTORS.plain}`)) url.pathname = url.pathname.replace(ACTORS.plain, ACTORS.admin);
      return fetch(url, init);
    };
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fetch: impostor });
    await assert.rejects(backend.listUsers({ actorId: ACTORS.plain }, {}), (error: { code?: string; details?: Record<string, unknown> }) => error.code === 'server' && error.details?.['reason'] === 'scim-wrong-user');
  });

  it('refuses an answer about another user than the one read or patched, the read after a 204 too (scim-wrong-user)', async () => {
    const aboutSecond =
      (noContent = false): typeof fetch =>
      async (input, init) => {
        const response = await fetch(input, init);
        if (!/\/Users\/[^/]+$/.test(new URL(String(input)).pathname)) return response;
        const body = (await response.json()) as Record<string, unknown>;
        if (noContent && init?.method === 'PATCH') return new Response(null, { status: 204 });
        return Response.json({ ...body, id: ACTORS.second }, { status: response.status, headers: { etag: response.headers.get('etag') ?? '' } });
      };
    const options = { baseUrl: peer.url, token: peer.token };
    const wrongUser = { code: 'server', details: { reason: 'scim-wrong-user' } };
    await assert.rejects(createScimClient({ ...options, fetch: aboutSecond() }).getUser(ACTORS.target), wrongUser);
    for (const noContent of [false, true]) {
      const current = await createScimClient(options).getUser(ACTORS.target);
      const operations = patchOperations(toScim(current.user, current.grants), toScim({ ...current.user, version: current.user.version + 1 }, current.grants));
      await assert.rejects(createScimClient({ ...options, fetch: aboutSecond(noContent) }).patchUser(ACTORS.target, operations, current.etag), wrongUser, `204: ${noContent}`);
    }
    // A creation answered with another login than the one sent.
    const aboutAnother: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== 'POST') return response;
      const body = (await response.json()) as Record<string, unknown>;
      return Response.json({ ...body, userName: 'someone.else@lambert.example' }, { status: response.status, headers: { etag: response.headers.get('etag') ?? '' } });
    };
    const template = await createScimClient(options).getUser(ACTORS.target);
    const fresh = { ...template.user, id: 'u-fresh-1', email: 'fresh.one@lambert.example', version: 0 };
    await assert.rejects(createScimClient({ ...options, fetch: aboutAnother }).createUser(toScim(fresh, [])), wrongUser, 'POST');
  });

  it('stops reading an answer over its limit, and follows no redirect', async () => {
    const small = createScimClient({ baseUrl: peer.url, token: peer.token, maxResponseBytes: 2048 });
    await assert.rejects(small.listUsers(undefined), (error: { code?: string; details?: Record<string, unknown> }) => error.code === 'server' && error.details?.['reason'] === 'response-too-large');
    const reached: string[] = [];
    const elsewhere = createServer((request, response) => {
      reached.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
      response.writeHead(200, { 'content-type': 'application/scim+json' }).end('{}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const redirecting = createServer((request, response) =>
      response.writeHead(307, { location: `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}${request.url}` }).end(),
    );
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const client = createScimClient({ baseUrl: `http://127.0.0.1:${(redirecting.address() as { port: number }).port}/scim/v2`, token: peer.token });
      await assert.rejects(client.discover(), (error: { code?: string; details?: Record<string, unknown> }) => error.code === 'server' && error.details?.['reason'] === 'redirected');
      assert.deepEqual(reached, []);
    } finally {
      for (const server of [redirecting, elsewhere]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });

  it('refuses the ids "." and "..", which a URL would resolve to the collection, without asking the peer', async () => {
    requests = [];
    const client = createScimClient({ baseUrl: peer.url, token: peer.token, fetch: counting });
    await client.discover();
    requests = [];
    for (const id of ['.', '..']) await assert.rejects(client.getUser(id), (error: { code?: string }) => error.code === 'not-found');
    assert.deepEqual(requests, []);
  });

  it('a changed phone replaces the old one on the peer: no value is added twice', async () => {
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token });
    const phoneNumbers = () => peer.store.users.get(ACTORS.admin)!.attributes['phoneNumbers'];
    for (const phone of ['+32 2 555 99 98', '+32 2 555 99 99']) {
      const changes = await backend.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId: ACTORS.admin, changes: { phone } });
      assert.equal(changes.users[0]!.phone, phone);
    }
    const user = seed.data.users[ACTORS.admin]!;
    assert.deepEqual(phoneNumbers(), [{ value: '+32 2 555 99 99', type: 'work' }, { value: user.mobile, type: 'mobile' }]);
    assert.deepEqual(peer.store.users.get(ACTORS.admin)!.attributes['emails'], [{ value: user.email, type: 'work', primary: true }]);
  });

  it('reads the user back when the peer answers a PATCH with 204 No Content (RFC 7644 §3.5.2)', async () => {
    const noContent: typeof fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      return init?.method === 'PATCH' && response.ok ? new Response(null, { status: 204, headers: { etag: response.headers.get('etag') ?? '' } }) : response;
    };
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fetch: noContent });
    const changes = await backend.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId: ACTORS.plain, changes: { phone: '+32 2 555 01 99' } });
    const stored = (await createScimClient({ baseUrl: peer.url, token: peer.token }).getUser(ACTORS.plain)).user;
    assert.equal(stored.phone, '+32 2 555 01 99');
    assert.deepEqual(changes.users[0], stored);
  });

  it('a super user the identity provider disabled (PATCH active: false) no longer acts, and Portier’s next write keeps it disabled', async () => {
    const disabled = await fetch(`${peer.url}/Users/u-002`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${peer.token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] }),
    });
    assert.equal(disabled.status, 200);
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: createMemoryBackend() });
    await rejectsWith(backend.load({ actorId: 'u-002' }), 'forbidden');
    await rejectsWith(backend.execute({ actorId: 'u-002' }, { type: 'users.block', userId: 'u-004' }), 'forbidden');
    const seen = await backend.load({ actorId: ACTORS.admin });
    assert.equal(seen.data.users['u-002']!.status, 'deactivated');
    await backend.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId: 'u-002', changes: { mobile: '+32 470 12 34 56' } });
    const onPeer = (await (await fetch(`${peer.url}/Users/u-002`, { headers: { authorization: `Bearer ${peer.token}` } })).json()) as { active: boolean };
    assert.equal(onPeer.active, false, 'an edit does not turn the account back on');
  });

  it('refuses a user whose name or Portier extension the peer answers as a string or a list, and writes no defaults over its real values', async () => {
    const garbling: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== 'GET' || !new URL(String(input)).pathname.endsWith('/Users')) return response;
      const body = (await response.json()) as { Resources?: Record<string, unknown>[] };
      for (const resource of body.Resources ?? []) {
        if (resource['id'] === ACTORS.second) resource[PORTIER_EXTENSION] = [resource[PORTIER_EXTENSION]];
        if (resource['id'] === ACTORS.target) resource['name'] = 'Elodie Martin';
      }
      return Response.json(body, { status: response.status });
    };
    const held = () => JSON.stringify([peer.store.users.get(ACTORS.second), peer.store.users.get(ACTORS.target)]);
    const before = held();
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fetch: garbling });
    for (const userId of [ACTORS.second, ACTORS.target]) {
      await rejectsWith(backend.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId, changes: { phone: '+32 2 555 01 98' } }), 'server');
    }
    assert.equal(held(), before, 'the super user keeps its role and rights, the user its name');
  });

  it('writes with PATCH under If-Match; a stale ETag is a conflict', async () => {
    const client = createScimClient({ baseUrl: peer.url, token: peer.token });
    const current = await client.getUser('u-020');
    const user = { ...current.user, firstName: 'Patched', version: current.user.version + 1 };
    const patched = await client.patchUser('u-020', [{ op: 'replace', value: toScim(user, current.grants) }], current.etag);
    assert.equal(patched.user.firstName, 'Patched');
    assert.notEqual(patched.etag, current.etag);
    await rejectsWith(client.patchUser('u-020', [{ op: 'replace', value: { displayName: 'Late' } }], current.etag), 'conflict');
    await rejectsWith(client.deleteUser('u-020', current.etag), 'conflict');
  });

  it('sends If-Match with every write, and never one that is not an entity-tag (none, "*", a header broken by CR LF)', async () => {
    const sent: (string | null)[] = [];
    const recording: typeof fetch = async (_input, init) => {
      sent.push(new Headers(init?.headers).get('if-match'));
      return new Response(null, { status: 204 });
    };
    const client = createScimClient({ baseUrl: 'http://scim.invalid/v2', token: 't', fetch: recording });
    await client.deleteUser('u-1', '""');
    for (const ifMatch of ['', '*', 'W/"€"', 'W/"1"\r\nX-Evil: 1']) {
      const refused = { code: 'server', details: { reason: 'invalid-scim-resource', detail: 'ETag' } };
      await assert.rejects(client.deleteUser('u-1', ifMatch), refused, JSON.stringify(ifMatch));
      await assert.rejects(client.patchUser('u-1', [], ifMatch), refused, JSON.stringify(ifMatch));
    }
    assert.deepEqual(sent, ['""'], 'only the entity-tag was sent');
  });

  it('answers the rights a user is created with under the id the peer gave it', async () => {
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: createMemoryBackend() });
    const changes = await backend.execute({ actorId: ACTORS.admin }, { type: 'users.create', input: { email: 'scim.copied@lambert.example', firstName: 'S', lastName: 'C', language: 'fr', access: { mode: 'copy', sourceUserId: ACTORS.target } } });
    const id = changes.users[0]!.id;
    const held = await createScimClient({ baseUrl: peer.url, token: peer.token }).getUser(id);
    assert.ok(held.grants.length > 0);
    assert.deepEqual(Object.keys(changes.grants), [id]);
    assert.deepEqual(changes.grants[id], held.grants);
  });

  it('runs the commands given at once one after the other: the second reads what the first wrote, and neither is a conflict', async () => {
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: createMemoryBackend() });
    const results = await Promise.allSettled([
      backend.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId: 'u-021', changes: { firstName: 'First' } }),
      backend.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId: 'u-021', changes: { lastName: 'Second' } }),
    ]);
    assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'fulfilled'], JSON.stringify(results.map((result) => (result.status === 'rejected' ? String(result.reason) : ''))));
    const held = (await createScimClient({ baseUrl: peer.url, token: peer.token }).getUser('u-021')).user;
    assert.deepEqual([held.firstName, held.lastName], ['First', 'Second']);
  });

  it('removes phone numbers the user no longer has from the peer, rather than leaving the old ones', async () => {
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token });
    const userId = 'u-022';
    await backend.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId, changes: { phone: '+32 2 555 22 22', mobile: '+32 470 22 22 22' } });
    assert.equal((peer.store.users.get(userId)!.attributes['phoneNumbers'] as unknown[]).length, 2);
    const changes = await backend.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId, changes: { phone: '', mobile: '' } });
    assert.deepEqual([changes.users[0]!.phone, changes.users[0]!.mobile], [undefined, undefined]);
    assert.equal(peer.store.users.get(userId)!.attributes['phoneNumbers'], undefined);
    const held = (await createScimClient({ baseUrl: peer.url, token: peer.token }).getUser(userId)).user;
    assert.deepEqual([held.phone, held.mobile], [undefined, undefined]);
  });

  it('reads a 409 uniqueness from the peer as email-taken, and keeps only a scimType that is a keyword', async () => {
    const client = createScimClient({ baseUrl: peer.url, token: peer.token });
    const taken = await client.getUser(ACTORS.target);
    const copy = { ...taken.user, id: 'u-copy-1', email: taken.user.email.toUpperCase(), version: 0 };
    await assert.rejects(client.createUser(toScim(copy, [])), { code: 'email-taken', details: { status: 409, scimType: 'uniqueness' } });
    const wordy: typeof fetch = async (input, init) => {
      if (!new URL(String(input)).pathname.endsWith('/Users')) return fetch(input, init);
      return Response.json({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'bad filter near db-prod-7.corp.internal' }, { status: 400 });
    };
    await assert.rejects(createScimClient({ baseUrl: peer.url, token: peer.token, fetch: wordy }).listUsers(undefined), (error: { code?: string; details?: Record<string, unknown> }) => {
      assert.deepEqual([error.code, error.details?.['status'], 'scimType' in (error.details ?? {})], ['validation', 400, false]);
      return true;
    });
  });

  it('rejects with the caller’s AbortError when its signal aborts mid-request, not with a network error', async () => {
    const hangsOnUsers: typeof fetch = (input, init) => (new URL(String(input)).pathname.includes('/Users') ? new Promise(() => undefined) : fetch(input, init));
    const client = createScimClient({ baseUrl: peer.url, token: peer.token, fetch: hangsOnUsers, timeoutMs: 60_000 });
    await client.discover();
    const controller = new AbortController();
    const pending = client.getUser(ACTORS.target, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(pending, (error: unknown) => error instanceof DOMException && error.name === 'AbortError');
  });

  it('hands audit entries and effects to the host, and refuses what SCIM cannot carry without a fallback', async () => {
    const audit: AuditDraft[] = [];
    const effects: Effect[] = [];
    const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: createMemoryBackend(), onAudit: (entries) => audit.push(...entries), onEffects: (list) => effects.push(...list) });
    const changes = await backend.execute({ actorId: ACTORS.admin }, { type: 'users.create', input: { email: 'scim.hooks@lambert.example', firstName: 'S', lastName: 'H', language: 'fr' } });
    const id = changes.users[0]!.id;
    assert.match(id, /^scim-/);
    assert.deepEqual([audit[0]?.action, audit[0]?.targetId], ['users.create', id]);
    assert.deepEqual([effects[0]?.type, effects[0]?.userId], ['send-invitation', id]);
    const bare = createScimBackend({ baseUrl: peer.url, token: peer.token });
    for (const call of [bare.signIn({ email: 'a@b.example', password: 'x' }), bare.listAudit({ actorId: ACTORS.admin }, {}), bare.searchClients({ actorId: ACTORS.admin }, { text: '' })]) {
      await assert.rejects(call, (error: { code?: string; details?: Record<string, unknown> }) => error.code === 'server' && error.details?.['reason'] === 'not-carried-by-scim');
    }
  });
});

describe('SCIM backend: a password set through the fallback changes the account on the peer too', () => {
  let peer: ScimPeer;
  before(async () => {
    peer = await startScimPeer({ store: seededStore() });
  });
  after(() => peer.close());
  const setup = () => {
    const fallback = createMemoryBackend();
    return { fallback, backend: createScimBackend({ baseUrl: peer.url, token: peer.token, fallback }) };
  };
  const peerUser = async (id: string) => (await createScimClient({ baseUrl: peer.url, token: peer.token }).getUser(id)).user;

  it('rule 9: once its expired initial password is changed, the user acts again', async () => {
    const { backend } = setup();
    const email = seed.data.users['u-016']!.email;
    await rejectsWith(backend.load({ actorId: 'u-016' }), 'forbidden');
    await backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword: 'brand new phrase 2026' });
    assert.equal((await peerUser('u-016')).passwordExpired, undefined);
    assert.equal((await backend.load({ actorId: 'u-016' })).actorId, 'u-016');
  });

  it('rule 7: an invitation accepted makes the account active on the peer, and the user acts', async () => {
    const { fallback, backend } = setup();
    await fallback.execute({ actorId: ACTORS.admin }, { type: 'users.resendInvitation', userId: 'u-006' });
    const token = (await fallback.outbox()).find((mail) => mail.userId === 'u-006' && mail.kind === 'invitation')!.token!;
    await rejectsWith(backend.load({ actorId: 'u-006' }), 'forbidden');
    await backend.acceptInvitation({ token, password: 'a long and fine passphrase' });
    const user = await peerUser('u-006');
    assert.deepEqual([user.status, user.passwordSet, user.invitationExpiresAt], ['active', true, undefined]);
    assert.equal((await backend.load({ actorId: 'u-006' })).actorId, 'u-006');
  });

  it('a reset completed lets the user act again; an account blocked on the peer meanwhile stays blocked', async () => {
    const { fallback, backend } = setup();
    await fallback.requestPasswordReset({ email: seed.data.users['u-016']!.email });
    const reset = (await fallback.outbox()).find((mail) => mail.userId === 'u-016' && mail.kind === 'password-reset')!.token!;
    await backend.completePasswordReset({ token: reset, password: 'another fine passphrase' });
    assert.equal((await backend.load({ actorId: 'u-016' })).actorId, 'u-016');

    // Blocked on the peer by an administrator while the fallback still holds the account active.
    const admin = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback });
    await admin.execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: 'u-016' });
    await backend.changePassword({ email: seed.data.users['u-016']!.email, currentPassword: 'another fine passphrase', newPassword: 'a third fine passphrase' });
    assert.equal((await peerUser('u-016')).status, 'blocked');
  });
});

describe('SCIM backend: the password mirror, whatever the e-mail\'s case or the peer\'s state', () => {
  type PeerDown = false | 'writes' | 'all';
  interface Subject {
    backend: ReturnType<typeof createScimBackend>;
    fallback: ReturnType<typeof createMemoryBackend>;
    peerUser: (id: string) => Promise<User>;
    /** Every PATCH (`writes`) or every request (`all`) to the peer fails with 503 from now on. */
    setPeerDown: (down: PeerDown) => void;
    peer: ScimPeer;
  }
  /** A fresh peer seeded with the demo users (`change` applied), and a backend whose requests fail on demand. */
  async function withPeer(run: (subject: Subject) => Promise<void>, options: { change?: (user: User) => User; fallback?: (fallback: ReturnType<typeof createMemoryBackend>) => ReturnType<typeof createMemoryBackend> } = {}): Promise<void> {
    const peer = await startScimPeer({ store: seededStore(options.change) });
    let peerDown: PeerDown = false;
    const flaky: typeof fetch = async (input, init) =>
      peerDown === 'all' || (peerDown === 'writes' && init?.method === 'PATCH') ? new Response('unavailable', { status: 503 }) : fetch(input, init);
    try {
      const fallback = createMemoryBackend();
      const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: options.fallback?.(fallback) ?? fallback, fetch: flaky });
      const peerUser = async (id: string) => (await createScimClient({ baseUrl: peer.url, token: peer.token }).getUser(id)).user;
      await run({ backend, fallback, peerUser, setPeerDown: (down) => (peerDown = down), peer });
    } finally {
      await peer.close();
    }
  }
  const email = seed.data.users['u-016']!.email;
  const newPassword = 'brand new phrase 2026';

  it('rule 9: a password changed with the e-mail typed in capitals clears the expiry on the peer, with a new version', async () => {
    await withPeer(async ({ backend, peerUser }) => {
      const before = await peerUser('u-016');
      await backend.changePassword({ email: ` ${email.toUpperCase()} `, currentPassword: DEMO_PASSWORD, newPassword });
      const after = await peerUser('u-016');
      assert.deepEqual([after.passwordExpired, after.version], [undefined, before.version + 1]);
      assert.equal((await backend.load({ actorId: 'u-016' })).actorId, 'u-016');
    });
  });

  it('a peer that cannot be written when the password is set does not fail the change; the next sign-in writes it', async () => {
    await withPeer(async ({ backend, fallback, peerUser, setPeerDown }) => {
      setPeerDown('writes');
      // Resolves: the password is set. A rejection would send the user back with the old one (a failed sign-in, rule 8).
      await backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword });
      assert.equal((await peerUser('u-016')).passwordExpired, true);
      // Still down at sign-in: the sign-in fails as a server error, and counts no failed attempt.
      await rejectsWith(backend.signIn({ email, password: newPassword }), 'server');
      assert.equal(fallback.currentData().users['u-016']!.failedSignIns, 0);
      setPeerDown(false);
      assert.deepEqual(await backend.signIn({ email, password: newPassword }), { userId: 'u-016', passwordChangeRequired: false });
      assert.equal((await peerUser('u-016')).passwordExpired, undefined);
      assert.equal((await backend.load({ actorId: 'u-016' })).actorId, 'u-016');
    });
  });

  it('a sign-in writes nothing the backend did not leave unwritten: a change required on the peer stays, and a peer that is down does not stop it', async () => {
    // The identity provider requires a new password of u-001; the fallback, which holds passwords, does not know it.
    await withPeer(
      async ({ backend, peerUser, setPeerDown }) => {
        const admin = seed.data.users[ACTORS.admin]!;
        assert.deepEqual(await backend.signIn({ email: admin.email, password: DEMO_PASSWORD }), { userId: ACTORS.admin, passwordChangeRequired: false });
        assert.equal((await peerUser(ACTORS.admin)).passwordExpired, true, 'not cleared by signing in');
        await rejectsWith(backend.load({ actorId: ACTORS.admin }), 'forbidden');
        // Nothing left to write: the sign-in does not ask the peer at all.
        setPeerDown('all');
        assert.equal((await backend.signIn({ email: seed.data.users['u-004']!.email, password: DEMO_PASSWORD })).userId, 'u-004');
      },
      { change: (user) => (user.id === ACTORS.admin ? { ...user, passwordExpired: true } : user) },
    );
  });

  it('the write left for the next sign-in goes to the account signed in only, and never over a block set on the peer meanwhile', async () => {
    // A fallback that signs this e-mail in as another account (the peer's account was deleted and made again).
    const otherAccount = (fallback: ReturnType<typeof createMemoryBackend>) => ({ ...fallback, signIn: async (input: { email: string; password: string }) => ({ ...(await fallback.signIn(input)), userId: 'someone-else' }) });
    await withPeer(
      async ({ backend, peerUser, setPeerDown }) => {
        setPeerDown('writes');
        await backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword });
        setPeerDown(false);
        await backend.signIn({ email, password: newPassword });
        assert.equal((await peerUser('u-016')).passwordExpired, true, 'another account: not written');
      },
      { fallback: otherAccount },
    );
    await withPeer(async ({ backend, fallback, peerUser, setPeerDown, peer }) => {
      setPeerDown('writes');
      await backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword });
      setPeerDown(false);
      // An administrator blocks the account on the peer before the user signs in again.
      await createScimBackend({ baseUrl: peer.url, token: peer.token, fallback }).execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: 'u-016' });
      const blocked = await peerUser('u-016');
      await backend.signIn({ email, password: newPassword });
      assert.deepEqual(await peerUser('u-016'), blocked, 'the block stays, untouched');
    });
  });

  it('a password change that meets a concurrent write on the peer (412) is written again at once, not left for the next sign-in', async () => {
    const peer = await startScimPeer({ store: seededStore() });
    try {
      let patches = 0;
      const raced: typeof fetch = async (input, init) => (init?.method === 'PATCH' && ++patches === 1 ? new Response('Precondition Failed', { status: 412 }) : fetch(input, init));
      const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: createMemoryBackend(), fetch: raced });
      await backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword });
      assert.equal(patches, 2, 'written again after the conflict');
      assert.equal((await createScimClient({ baseUrl: peer.url, token: peer.token }).getUser('u-016')).user.passwordExpired, undefined);
    } finally {
      await peer.close();
    }
  });

  it('a sign-in the fallback answers with a change still required writes nothing on the peer', async () => {
    const changeRequired = (fallback: ReturnType<typeof createMemoryBackend>) => ({ ...fallback, signIn: async (input: { email: string; password: string }) => ({ ...(await fallback.signIn(input)), passwordChangeRequired: true }) });
    await withPeer(
      async ({ backend, peerUser, setPeerDown }) => {
        setPeerDown('writes');
        await backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword });
        setPeerDown(false);
        const before = await peerUser('u-016');
        assert.deepEqual(await backend.signIn({ email, password: newPassword }), { userId: 'u-016', passwordChangeRequired: true });
        assert.deepEqual(await peerUser('u-016'), before, 'still expired on the peer');
      },
      { fallback: changeRequired },
    );
  });
});

describe('SCIM backend: rule 4 when the last super users change at the same moment', () => {
  for (const [label, second] of [
    ['one backend', (first: ReturnType<typeof createScimBackend>) => first],
    ['two backends (two administrators’ pages)', (_: ReturnType<typeof createScimBackend>, peer: ScimPeer) => createScimBackend({ baseUrl: peer.url, token: peer.token })],
  ] as const) {
    for (const [verb, commandOn] of [
      ['demote', (userId: string) => ({ type: 'users.setRole', userId, role: 'user' }) as const],
      ['block', (userId: string) => ({ type: 'users.block', userId }) as const],
      ['delete', (userId: string) => ({ type: 'users.remove', userId }) as const],
      // Both stay active for ten days, then the organization would have no super user left.
      ['give an end date to', (userId: string) => ({ type: 'users.deactivate', userId, until: isoDay(Date.now() + 10 * DAY_MS) }) as const],
    ] as const) {
      it(`the last two super users ${verb} each other at once, through ${label}: never both, one always stays`, async () => {
        for (let round = 0; round < 3; round++) {
          // Both manage every client, so that each may delete the other (rule 2).
          const allClients = seed.data.users[ACTORS.admin]!.managedClientIds;
          const peer = await startScimPeer({ store: seededStore((user) => (user.id === ACTORS.second ? { ...user, managedClientIds: allClients } : user)) });
          try {
            const a = createScimBackend({ baseUrl: peer.url, token: peer.token });
            const b = second(a, peer);
            await a.execute({ actorId: ACTORS.admin }, { type: 'users.setRole', userId: ACTORS.collective, role: 'user' });
            assert.deepEqual(await superUsersOn(peer), [ACTORS.admin, ACTORS.second].sort());
            await b.load({ actorId: ACTORS.second }); // b has discovered the peer too: both start level
            const results = await Promise.allSettled([a.execute({ actorId: ACTORS.admin }, commandOn(ACTORS.second)), b.execute({ actorId: ACTORS.second }, commandOn(ACTORS.admin))]);
            assert.ok(results.filter((result) => result.status === 'fulfilled').length <= 1, `round ${round}: both were accepted`);
            for (const result of results) {
              if (result.status === 'rejected') assert.ok(['forbidden', 'last-super-user'].includes(result.reason.code), String(result.reason));
            }
            assert.ok((await superUsersOn(peer)).length >= 1, `round ${round}: org-lambert lost every super user`);
            assert.ok((await superUsersOn(peer, 'lasting')).length >= 1, `round ${round}: every super user of org-lambert has an end date`);
          } finally {
            await peer.close();
          }
        }
      });
    }
  }
});

/**
 * With the second administrator already demoted, the collective super user runs `command` on the
 * first administrator. During the guard's own write, the first administrator demotes the collective
 * one (so the guard finds rule 4 broken and must undo), then `meanwhile` runs. Rule 4 refuses the
 * command; the test then reads what the peer holds.
 */
async function guardUndoesAfter(options: { baseUrl: string; token: string }, command: Command, meanwhile: () => Promise<unknown>): Promise<void> {
  const admin = createScimBackend(options);
  await admin.execute({ actorId: ACTORS.admin }, { type: 'users.setRole', userId: ACTORS.second, role: 'user' });
  let patches = 0;
  const interleaving: typeof fetch = async (input, init) => {
    if (init?.method === 'PATCH' && String(input).endsWith(`/Users/${ACTORS.admin}`) && ++patches === 1) {
      await admin.execute({ actorId: ACTORS.admin }, { type: 'users.setRole', userId: ACTORS.collective, role: 'user' });
      const response = await fetch(input, init);
      await meanwhile();
      return response;
    }
    return fetch(input, init);
  };
  await rejectsWith(createScimBackend({ ...options, fetch: interleaving }).execute({ actorId: ACTORS.collective }, command), 'last-super-user');
}

describe('SCIM backend: rule 4 when the guard has to undo a demotion', () => {
  it('the undo applies over a change made in between (the user’s own phone): the role comes back, the phone stays', async () => {
    const peer = await startScimPeer({ store: seededStore() });
    try {
      const options = { baseUrl: peer.url, token: peer.token };
      const ownPage = createScimBackend(options);
      // While the collective super user's demotion of the first is written and checked, the first
      // demotes the collective one, then edits its own phone: the guard's undo meets a new ETag.
      await guardUndoesAfter(options, { type: 'users.setRole', userId: ACTORS.admin, role: 'user' }, () =>
        ownPage.execute({ actorId: ACTORS.admin }, { type: 'users.updateProfile', userId: ACTORS.admin, changes: { phone: '+32 2 555 99 99' } }),
      );
      const held = (await createScimClient(options).getUser(ACTORS.admin)).user;
      assert.equal(held.role, 'superuser');
      assert.equal(held.phone, '+32 2 555 99 99');
      assert.deepEqual(await superUsersOn(peer), [ACTORS.admin]);
    } finally {
      await peer.close();
    }
  });
  it('the undo takes back only what the guard wrote: an end date another system set in between stays', async () => {
    const peer = await startScimPeer({ store: seededStore() });
    try {
      const options = { baseUrl: peer.url, token: peer.token };
      const provisioning = createScimClient(options);
      const endDate = isoDay(Date.now() + 90 * DAY_MS);
      await guardUndoesAfter(options, { type: 'users.setRole', userId: ACTORS.admin, role: 'user' }, async () => {
        // An HR system provisioning the same directory gives the first administrator an end date.
        const held = await provisioning.getUser(ACTORS.admin);
        await provisioning.patchUser(ACTORS.admin, patchOperations(toScim(held.user, held.grants), toScim({ ...held.user, activeUntil: endDate }, held.grants)), held.etag);
      });
      const held = (await provisioning.getUser(ACTORS.admin)).user;
      assert.equal(held.role, 'superuser', 'the demotion is taken back');
      assert.equal(held.activeUntil, endDate, 'the other system’s end date stays');
    } finally {
      await peer.close();
    }
  });

  it('the undo keeps a demotion another system made in between: only the status the guard wrote goes back', async () => {
    const peer = await startScimPeer({ store: seededStore() });
    try {
      const options = { baseUrl: peer.url, token: peer.token };
      const provisioning = createScimClient(options);
      await guardUndoesAfter(options, { type: 'users.block', userId: ACTORS.admin }, async () => {
        // An HR system provisioning the same directory takes the first administrator's role away.
        const held = await provisioning.getUser(ACTORS.admin);
        await provisioning.patchUser(ACTORS.admin, patchOperations(toScim(held.user, held.grants), toScim({ ...held.user, role: 'user' }, held.grants)), held.etag);
      });
      const held = (await provisioning.getUser(ACTORS.admin)).user;
      assert.equal(held.status, 'active', 'the block is taken back');
      assert.equal(held.role, 'user', 'the other system’s demotion stays');
    } finally {
      await peer.close();
    }
  });

  it('the undo is read and written again when another write meets it on the peer (a stale ETag), and still takes the demotion back', async () => {
    const peer = await startScimPeer({ store: seededStore() });
    try {
      const options = { baseUrl: peer.url, token: peer.token };
      const admin = createScimBackend(options);
      const provisioning = createScimClient(options);
      await admin.execute({ actorId: ACTORS.admin }, { type: 'users.setRole', userId: ACTORS.second, role: 'user' });
      let patches = 0;
      const interleaving: typeof fetch = async (input, init) => {
        if (init?.method === 'PATCH' && String(input).endsWith(`/Users/${ACTORS.admin}`)) {
          patches++;
          if (patches === 1) await admin.execute({ actorId: ACTORS.admin }, { type: 'users.setRole', userId: ACTORS.collective, role: 'user' });
          if (patches === 2) {
            // The undo has read the user; the user's own page writes its phone before the undo's PATCH arrives.
            const held = await provisioning.getUser(ACTORS.admin);
            await provisioning.patchUser(ACTORS.admin, patchOperations(toScim(held.user, held.grants), toScim({ ...held.user, phone: '+32 2 555 77 77' }, held.grants)), held.etag);
          }
        }
        return fetch(input, init);
      };
      const second = createScimBackend({ ...options, fetch: interleaving });
      await rejectsWith(second.execute({ actorId: ACTORS.collective }, { type: 'users.setRole', userId: ACTORS.admin, role: 'user' }), 'last-super-user');
      assert.equal(patches, 3, 'the guard’s write, the undo’s stale write, the undo again');
      const held = (await provisioning.getUser(ACTORS.admin)).user;
      assert.deepEqual([held.role, held.phone], ['superuser', '+32 2 555 77 77']);
    } finally {
      await peer.close();
    }
  });

  it('a check that fails after the guard has written (the peer down for the read) undoes the write', async () => {
    const peer = await startScimPeer({ store: seededStore() });
    try {
      const options = { baseUrl: peer.url, token: peer.token };
      let written = false;
      let refused = false;
      const failing: typeof fetch = async (input, init) => {
        if (init?.method === 'PATCH' && String(input).endsWith(`/Users/${ACTORS.admin}`)) written = true;
        else if (written && !refused && (init?.method ?? 'GET') === 'GET' && new URL(String(input)).pathname.endsWith('/Users')) {
          refused = true;
          return new Response('unavailable', { status: 503 });
        }
        return fetch(input, init);
      };
      const collective = createScimBackend({ ...options, fetch: failing });
      await rejectsWith(collective.execute({ actorId: ACTORS.collective }, { type: 'users.setRole', userId: ACTORS.admin, role: 'user' }), 'server');
      assert.ok(refused);
      assert.equal((await createScimClient(options).getUser(ACTORS.admin)).user.role, 'superuser', 'the demotion is taken back');
    } finally {
      await peer.close();
    }
  });
});

describe('SCIM backend: rule 4 when the command is cancelled after the guard has written', () => {
  it('an abort between the demotion and its check neither skips the check nor leaves the organization without a super user', async () => {
    const peer = await startScimPeer({ store: seededStore() });
    try {
      const options = { baseUrl: peer.url, token: peer.token };
      const admin = createScimBackend(options);
      await admin.execute({ actorId: ACTORS.admin }, { type: 'users.setRole', userId: ACTORS.second, role: 'user' });
      const controller = new AbortController();
      let patched = false;
      const interleaving: typeof fetch = async (input, init) => {
        if (init?.method === 'PATCH' && String(input).endsWith(`/Users/${ACTORS.admin}`) && !patched) {
          patched = true;
          await admin.execute({ actorId: ACTORS.admin }, { type: 'users.setRole', userId: ACTORS.collective, role: 'user' });
          const response = await fetch(input, init);
          // The caller goes away (the REST handler passes the request's signal) once the write is done.
          controller.abort();
          return response;
        }
        return fetch(input, init);
      };
      const second = createScimBackend({ ...options, fetch: interleaving });
      await assert.rejects(second.execute({ actorId: ACTORS.collective, signal: controller.signal }, { type: 'users.setRole', userId: ACTORS.admin, role: 'user' }));
      assert.deepEqual(await superUsersOn(peer), [ACTORS.admin]);
    } finally {
      await peer.close();
    }
  });
});

describe('faults: SCIM', () => {
  const OUTCOME: Partial<Record<Fault, string>> = {
    'status-500': 'server',
    'status-503': 'server',
    'status-412': 'conflict',
    'drop-before': 'network',
    'drop-after': 'network',
    'malformed-json': 'server',
    'schema-violation': 'server',
    hang: 'network',
  };
  for (const [fault, code] of Object.entries(OUTCOME) as [Fault, string][]) {
    it(`a command under ${fault} rejects with ${code}, and the store equals the peer`, async () => {
      const peer = await startScimPeer({ store: seededStore() });
      try {
        const faulty = createFaultyFetch((input, init) => globalThis.fetch(input, init));
        const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fetch: faulty.fetch, timeoutMs: fault === 'hang' ? 1_000 : 10_000, fallback: createMemoryBackend() });
        const store = createPortier({ backend, actorId: ACTORS.admin });
        await store.ready;
        faulty.inject(fault, (request) => request.method === 'PATCH');
        await rejectsWith(store.users.updateProfile(ACTORS.target, { firstName: 'Faulty' }), code as never);
        const truth = await createScimBackend({ baseUrl: peer.url, token: peer.token, fallback: createMemoryBackend() }).load({ actorId: ACTORS.admin });
        assert.deepEqual(JSON.parse(JSON.stringify(store.getState().data)), JSON.parse(JSON.stringify(truth.data)));
      } finally {
        await peer.close();
      }
    });
  }

  it('holds its timeout when the fetch ignores its signal, or the body never ends', async () => {
    const neverAnswers: typeof fetch = () => new Promise(() => undefined);
    const neverEnds: typeof fetch = async () => new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"schemas":')) }), { status: 200 });
    for (const fetch of [neverAnswers, neverEnds]) {
      const backend = createScimBackend({ baseUrl: 'http://scim.test', token: 't', fetch, timeoutMs: 50, fallback: createMemoryBackend() });
      const started = Date.now();
      await rejectsWith(backend.load({ actorId: ACTORS.admin }), 'network');
      assert.ok(Date.now() - started < 1000, 'within its timeout, not never');
    }
  });

  it('a caller that stops waiting for the peer’s discovery does not stop it for the others', async () => {
    const slow: typeof fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      init?.signal?.throwIfAborted();
      if (String(input).endsWith('/ServiceProviderConfig')) return Response.json({ patch: { supported: true }, filter: { supported: true }, etag: { supported: true } });
      if (String(input).includes('/Schemas/')) return Response.json({ id: PORTIER_EXTENSION });
      return new Response('{}', { status: 404 });
    };
    const client = createScimClient({ baseUrl: 'http://scim.test', token: 't', fetch: slow });
    const leaving = new AbortController();
    const first = client.getUser('u-1', leaving.signal).catch((error: Error) => error.name);
    const second = client.getUser('u-2').catch((error: { code?: string; name?: string }) => error.code ?? error.name);
    setTimeout(() => leaving.abort(), 10);
    assert.equal(await first, 'AbortError');
    // The discovery went on: the second caller reaches the user's read (404 there, so not-found).
    assert.equal(await second, 'not-found');
  });

  it('a caller whose signal has already aborted is refused at once, not after the peer’s discovery', async () => {
    const slow: typeof fetch = async (input) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      if (String(input).endsWith('/ServiceProviderConfig')) return Response.json({ patch: { supported: true }, filter: { supported: true }, etag: { supported: true } });
      return Response.json({ id: PORTIER_EXTENSION });
    };
    const client = createScimClient({ baseUrl: 'http://scim.test', token: 't', fetch: slow });
    const started = Date.now();
    await assert.rejects(client.getUser('u-1', AbortSignal.abort()), { name: 'AbortError' });
    assert.ok(Date.now() - started < 1_000, 'refused before the discovery ends');
  });

  it('requires ETag support of the peer, reads only a SCIM list as a list, and asks again after a failed discovery', async () => {
    const config = { patch: { supported: true }, filter: { supported: true }, etag: { supported: true } };
    const peerAnswering =
      (answers: { config?: () => Response; list?: () => Response }): typeof fetch =>
      async (input) => {
        const path = new URL(String(input)).pathname;
        if (path.endsWith('/ServiceProviderConfig')) return answers.config?.() ?? Response.json(config);
        if (path.includes('/Schemas/')) return Response.json({ id: PORTIER_EXTENSION });
        return answers.list?.() ?? Response.json({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] });
      };
    const options = { baseUrl: 'http://scim.test/v2', token: 't' };
    const noEtag = createScimClient({ ...options, fetch: peerAnswering({ config: () => Response.json({ ...config, etag: { supported: false } }) }) });
    await assert.rejects(noEtag.discover(), { code: 'server', details: { reason: 'scim-unsupported', missing: ['etag'] } });
    const notAList = createScimClient({ ...options, fetch: peerAnswering({ list: () => Response.json({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], totalResults: 0, Resources: [] }) }) });
    await assert.rejects(notAList.listUsers(undefined), { code: 'server', details: { reason: 'invalid-scim-list' } });
    let configs = 0;
    const downOnce = createScimClient({ ...options, fetch: peerAnswering({ config: () => (++configs === 1 ? new Response('', { status: 503 }) : Response.json(config)) }) });
    await assert.rejects(downOnce.discover(), { code: 'server', details: { status: 503 } });
    await downOnce.discover();
    assert.deepEqual(await downOnce.listUsers(undefined), []);
    assert.equal(configs, 2);
  });
});
