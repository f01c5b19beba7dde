import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { COMMAND_SCHEMAS, PORTIER_ERROR_CODES, createUserInputSchema, profileChangesSchema, type PortierBackend } from '@portier/core';
import { demoSeed } from '../memory/demo-seed.js';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { createScimBackend } from '../scim/scim-backend.js';
import { toScim } from '../scim/scim-mapping.js';
import { ScimUserStore, startScimPeer } from '../scim/scim-peer.js';
import { createRestHandler } from './rest-handler.js';
import { ROUTES, fillPath, type Route } from './routes.js';

const BASE = 'http://portier.test/api';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const QUERY_KEYS = ['email', 'clientId', 'role', 'kind', 'status', 'sort', 'asc', 'limit', 'offset', 'text', 'userId'] as const;

/** Ids that exist (two organizations, an expired password), and anything else a client may put in a path or a header. */
const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('u-001', 'u-005', 'u-006', 'u-016', 'h-001', 'c-brasserie', 'c-immo') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('__proto__', 'constructor', '.', '..', '%', ''), fc.string({ maxLength: 12 })) },
);
const mostly = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: usual }, { weight: 1, arbitrary: odd });
const level = mostly(fc.constantFrom('none', 'read', 'read-only', 'full', 'alert'), fc.string({ maxLength: 6 }));
const grant = fc.record({ clientId: idArb, applicationId: mostly(fc.constantFrom('invoice-viewer', 'portfolio-manager', 'energy-guard'), fc.string()), level, profile: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }, { requiredKeys: ['clientId', 'applicationId', 'level'] });
/** Bodies shaped like the commands' and the session routes' (any of their keys, plausible or odd values), and plain garbage. */
const fields = fc.record(
  {
    role: mostly(fc.constantFrom('user', 'superuser'), fc.anything()),
    signature: mostly(fc.constantFrom('individual', 'collective'), fc.anything()),
    until: mostly(fc.constantFrom('2030-01-01', '2020-01-01', '2026-02-30'), fc.anything()),
    grants: mostly(fc.array(grant, { maxLength: 3 }), fc.anything()),
    removeClientIds: fc.array(idArb, { maxLength: 2 }),
    sourceUserId: idArb,
    excludeApplications: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    levels: mostly(fc.dictionary(fc.constantFrom('supply', 'services', 'maintenance'), level), fc.anything()),
    clientIds: mostly(fc.array(idArb, { maxLength: 3 }), fc.anything()),
    email: mostly(fc.constantFrom('amelie.dubois@lambert.example', 'new.one@lambert.example', 'PIETER.JACOBS@lambert.example'), fc.string()),
    firstName: mostly(fc.constantFrom('Léa', 'O’Brien'), fc.string({ maxLength: 8 })),
    lastName: mostly(fc.constantFrom('Fontaine', '李'), fc.string({ maxLength: 8 })),
    language: mostly(fc.constantFrom('fr', 'en', 'nl', 'de'), fc.string({ maxLength: 3 })),
    kind: fc.constantFrom('login', 'contact', 'robot'),
    password: mostly(fc.constantFrom('Portier-Demo-2026!', 'wrong'), fc.string()),
    currentPassword: fc.constantFrom('Portier-Demo-2026!', 'wrong'),
    newPassword: mostly(fc.constant('a long and fine passphrase'), fc.string()),
    token: fc.string({ maxLength: 16 }),
    managedClientIds: fc.array(idArb, { maxLength: 2 }),
    // What the path and If-Match say: a body may not say it again.
    type: fc.constantFrom('users.remove', 'users.block'),
    userId: idArb,
    expectedVersion: fc.nat(3),
    phone: mostly(fc.constantFrom('+32 2 555 01 01', ''), fc.string({ maxLength: 12 })),
    access: mostly(
      fc.oneof(
        fc.record({ mode: fc.constant('copy'), sourceUserId: idArb }),
        fc.record({ mode: fc.constant('authorize-all'), levels: fc.dictionary(fc.constantFrom('supply', 'services'), level) }),
        fc.record({ mode: fc.constant('individual'), grants: fc.array(grant, { maxLength: 2 }) }),
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);
const SESSION_KEYS = ['email', 'password', 'token', 'currentPassword', 'newPassword'];

/** The keys a route's body may carry: mostly only those (else nearly every body is an unknown key's 400), sometimes any. */
function keysOf(route: Route): string[] {
  if (!route.command) return SESSION_KEYS;
  const schema = route.bodyKey === 'input' ? createUserInputSchema : route.bodyKey === 'changes' ? profileChangesSchema : COMMAND_SCHEMAS[route.command];
  return Object.keys(schema.shape).filter((key) => key !== 'userId' && key !== 'expectedVersion');
}

const bodyOf = (route: Route) =>
  fc.oneof(
    { weight: 6, arbitrary: fields.map((value) => JSON.stringify(Object.fromEntries(Object.entries(value).filter(([key]) => keysOf(route).includes(key))))) },
    { weight: 1, arbitrary: fields.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );

const requestArb = fc.constantFrom(...ROUTES).chain((route) =>
  fc.record({
    route: fc.constant(route),
    method: mostly(fc.constant(undefined), fc.constantFrom(...METHODS)),
    id: idArb,
    query: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('-1', '0', '1e999', 'NaN', 'email', 'superuser', 'active', 'c-brasserie', 'h-001'))), { maxLength: 4 }),
    body: fc.option(bodyOf(route), { nil: undefined, freq: 6 }),
    contentType: mostly(fc.constant('application/json'), fc.constantFrom('text/plain', 'application/json; charset=utf-8', undefined)),
    ifMatch: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.constantFrom('*', 'W/"0"', 'W/"1", W/"0"', '"0"', 'W/"1"') },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom('W/"-1"', 'W/"1e999"', 'W/"0" , ,'), fc.string({ maxLength: 10 })) },
    ),
    actor: mostly(fc.constantFrom('u-001', 'u-001', 'u-002', 'u-005', 'u-016', 'h-001'), fc.oneof(idArb, fc.constant(undefined))),
  }),
);

/** A backend under test, what its data is now (to compare after a refusal), and how to let it go. */
interface Subject {
  backend: PortierBackend;
  snapshot: () => unknown;
  close: () => Promise<void>;
}

const SUBJECTS: [name: string, numRuns: number, open: () => Promise<Subject>][] = [
  [
    'the memory backend',
    3000,
    async () => {
      const backend = createMemoryBackend();
      return { backend, snapshot: () => structuredClone(backend.currentData()), close: async () => {} };
    },
  ],
  [
    'the SCIM backend on a scimmy peer',
    400,
    async () => {
      const seed = demoSeed(Date.now());
      const store = new ScimUserStore();
      for (const user of Object.values(seed.data.users)) store.seed(user.id, toScim(user, seed.data.grants[user.id] ?? []), user.createdAt);
      const peer = await startScimPeer({ store });
      const fallback = createMemoryBackend();
      const backend = createScimBackend({ baseUrl: peer.url, token: peer.token, fallback });
      return { backend, snapshot: () => structuredClone([[...store.users], fallback.currentData()]), close: () => peer.close() };
    },
  ],
];

describe('createRestHandler — any request', () => {
  for (const [name, numRuns, open] of SUBJECTS) {
    it(`over ${name}, is answered without a server error: a success, or a problem with a Portier code, and a refused command changes nothing`, async () => {
      const { backend, snapshot, close } = await open();
      const serverErrors: unknown[] = [];
      const handler = createRestHandler(backend, {
        resolveActor: (request) => request.headers.get('x-portier-actor') ?? undefined,
        basePath: '/api',
        onServerError: (error) => serverErrors.push(error),
      });
      try {
        await fc.assert(
          fc.asyncProperty(requestArb, async ({ route, method, id, query, body, contentType, ifMatch, actor }) => {
            const search = new URLSearchParams(query).toString();
            const verb = method ?? route.method;
            const headers: Record<string, string> = {};
            if (actor !== undefined) headers['x-portier-actor'] = actor;
            if (contentType !== undefined) headers['content-type'] = contentType;
            if (ifMatch !== undefined) headers['if-match'] = ifMatch;
            const hasBody = body !== undefined && verb !== 'GET' && verb !== 'HEAD';
            const before = snapshot();
            const response = await handler(new Request(`${BASE}${fillPath(route.path, { id })}${search ? `?${search}` : ''}`, { method: verb, headers, ...(hasBody ? { body } : {}) }));
            const label = `${verb} ${route.path} → ${response.status}`;
            assert.ok(response.status < 500, label);
            if (response.status >= 400) {
              assert.equal(response.headers.get('content-type'), 'application/problem+json', label);
              if (verb !== 'HEAD') assert.ok((PORTIER_ERROR_CODES as readonly string[]).includes(((await response.json()) as { code: string }).code), label);
              // A failed sign-in counts (rule 8); any other refusal leaves the data as it was.
              if (route.operation !== 'signIn' && route.operation !== 'changePassword') assert.deepEqual(snapshot(), before, label);
            }
          }),
          { numRuns },
        );
      } finally {
        await close();
      }
      assert.deepEqual(serverErrors, []);
    });
  }
});
