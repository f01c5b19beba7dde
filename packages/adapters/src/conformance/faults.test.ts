import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createPortier, isPortierError, type PortierBackend, type PortierErrorCode } from '@portier/core';
import { createMemoryBackend, type MemoryBackend } from '../memory/memory-backend.js';
import { portierHandlers } from '../msw/portier-handlers.js';
import { createRestBackend } from '../rest/rest-backend.js';
import { startRestServer, type RestServer } from '../server/rest-server.js';
import { ACTORS, rejectsWith } from './conformance-subject.js';
import { createFaultyFetch, type Fault, type FaultyFetch } from './faulty-fetch.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const msw = setupServer();
before(() => {
  process.on('unhandledRejection', onUnhandled);
  msw.listen({ onUnhandledRequest: 'bypass' });
});
after(() => {
  msw.close();
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'no unhandled rejection');
});

interface Path {
  memory: MemoryBackend;
  faulty: FaultyFetch;
  /** A generous timeout: a loaded machine must not turn a slow answer into a fault. */
  backend: PortierBackend;
  /** The same path with a short timeout, for the `hang` fault. */
  quick: PortierBackend;
  close(): Promise<void>;
}

const clients = (baseUrl: string, faulty: FaultyFetch) => ({
  backend: createRestBackend({ baseUrl, fetch: faulty.fetch, timeoutMs: 5_000, retry: { retries: 2, baseDelayMs: 5 } }),
  quick: createRestBackend({ baseUrl, fetch: faulty.fetch, timeoutMs: 300, retry: { retries: 2, baseDelayMs: 5 } }),
});

let instance = 0;

/** The two REST transports of the conformance run, each behind an injecting fetch. */
const TRANSPORTS: Record<string, () => Promise<Path>> = {
  'REST over MSW': async () => {
    const memory = createMemoryBackend();
    const baseUrl = `http://faults-${++instance}.test/api/portier`;
    msw.use(...portierHandlers(memory, { baseUrl }));
    const faulty = createFaultyFetch((input, init) => globalThis.fetch(input, init));
    return { memory, faulty, ...clients(baseUrl, faulty), close: async () => undefined };
  },
  'REST over node:http': async () => {
    const memory = createMemoryBackend();
    const server: RestServer = await startRestServer({ backend: memory, port: 0, host: '127.0.0.1' });
    const faulty = createFaultyFetch((input, init) => globalThis.fetch(input, init));
    return { memory, faulty, ...clients(server.url, faulty), close: () => server.close() };
  },
};

/** What a command (a POST, never retried) rejects with, per fault. */
const COMMAND_OUTCOME: Record<Fault, PortierErrorCode> = {
  'status-500': 'server',
  'status-503': 'server',
  'status-412': 'conflict',
  hang: 'network',
  'drop-before': 'network',
  'drop-after': 'network',
  'malformed-json': 'server',
  'schema-violation': 'server',
};

const isWrite = (request: Request) => request.method !== 'GET';
const isRead = (request: Request) => request.method === 'GET';
const normalized = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

for (const [name, open] of Object.entries(TRANSPORTS)) {
  describe(`faults: ${name}`, () => {
    let path: Path;
    before(async () => {
      path = await open();
    });
    afterEach(() => path.memory.reset());
    after(() => path.close());

    for (const fault of Object.keys(COMMAND_OUTCOME) as Fault[]) {
      it(`a command under ${fault} rejects with ${COMMAND_OUTCOME[fault]}, and the store still equals the backend`, async () => {
        const store = createPortier({ backend: fault === 'hang' ? path.quick : path.backend, actorId: ACTORS.admin });
        await store.ready;
        path.faulty.inject(fault, isWrite);
        const before = path.faulty.seen.length;
        await rejectsWith(store.users.updateProfile(ACTORS.target, { firstName: `Under ${fault}` }), COMMAND_OUTCOME[fault]);
        assert.equal(path.faulty.seen.slice(before).filter((line) => line.startsWith('PATCH')).length, 1, 'a write is never retried');
        const truth = await path.memory.load({ actorId: ACTORS.admin });
        assert.equal(store.getState().pending, 0);
        assert.deepEqual(normalized(store.getState().data), normalized(truth.data));
        const committed = truth.data.users[ACTORS.target]!.firstName === `Under ${fault}`;
        assert.equal(committed, fault === 'drop-after' || fault === 'malformed-json' || fault === 'schema-violation', 'the server saw the write only for faults after it');
      });
    }

    for (const fault of ['status-503', 'drop-before', 'drop-after'] as const) {
      it(`a read retries a transient ${fault} and succeeds`, async () => {
        path.faulty.inject(fault, isRead);
        path.faulty.inject(fault, isRead);
        const snapshot = await path.backend.load({ actorId: ACTORS.admin });
        assert.equal(snapshot.actorId, ACTORS.admin);
      });
    }

    it('a read gives up after its retries with server (503) or network (dropped)', async () => {
      for (let i = 0; i < 3; i++) path.faulty.inject('status-503', isRead);
      await rejectsWith(path.backend.listUsers({ actorId: ACTORS.admin }, {}), 'server');
      for (let i = 0; i < 3; i++) path.faulty.inject('drop-before', isRead);
      await rejectsWith(path.backend.listUsers({ actorId: ACTORS.admin }, {}), 'network');
    });

    it('a read is not retried on 500, malformed JSON or a schema violation; a timeout is', async () => {
      for (const [fault, code] of [['status-500', 'server'], ['malformed-json', 'server'], ['schema-violation', 'server'], ['hang', 'network']] as const) {
        // A timeout is a network error: retried like a dropped connection.
        for (let i = 0; i < (fault === 'hang' ? 3 : 1); i++) path.faulty.inject(fault, isRead);
        const before = path.faulty.seen.length;
        await rejectsWith((fault === 'hang' ? path.quick : path.backend).listUsers({ actorId: ACTORS.admin }, {}), code);
        assert.equal(path.faulty.seen.length - before, fault === 'hang' ? 3 : 1, fault);
      }
    });

    it('a schema violation reports where, as details of a server error', async () => {
      path.faulty.inject('schema-violation', isRead);
      await assert.rejects(path.backend.load({ actorId: ACTORS.admin }), (error: unknown) => {
        assert.ok(isPortierError(error) && error.code === 'server');
        assert.equal(error.details?.['reason'], 'invalid-response');
        assert.deepEqual((error.details?.['issues'] as { path: unknown[] }[])[0]?.path.slice(0, 2), ['data', 'users']);
        return true;
      });
    });

    it('the caller’s AbortSignal cancels with an AbortError, not a PortierError', async () => {
      path.faulty.inject('hang', isRead);
      const controller = new AbortController();
      const pending = path.backend.load({ actorId: ACTORS.admin, signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      await assert.rejects(pending, (error: unknown) => (error as Error).name === 'AbortError');
    });

    it('two stores edit the same user: the second save gets conflict and then shows the first', async () => {
      const first = createPortier({ backend: path.backend, actorId: ACTORS.admin });
      // Another administrator who manages every client of the target (rule 2).
      const second = createPortier({ backend: path.backend, actorId: ACTORS.collective });
      await Promise.all([first.ready, second.ready]);
      const version = first.getState().data.users[ACTORS.target]!.version;
      const results = await Promise.allSettled([
        first.users.updateProfile(ACTORS.target, { lastName: 'First' }, { expectedVersion: version }),
        second.users.updateProfile(ACTORS.target, { lastName: 'Second' }, { expectedVersion: version }),
      ]);
      assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
      const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      assert.equal(rejected.reason.code, 'conflict');
      const truth = await path.memory.load({ actorId: ACTORS.admin });
      assert.equal(first.getState().data.users[ACTORS.target]!.lastName, truth.data.users[ACTORS.target]!.lastName);
      assert.equal(second.getState().data.users[ACTORS.target]!.lastName, truth.data.users[ACTORS.target]!.lastName);
    });
  });
}

describe('concurrency, memory and REST', () => {
  const subjects: Record<string, () => Promise<{ backend: PortierBackend; memory: MemoryBackend; close(): Promise<void> }>> = {
    memory: async () => {
      const memory = createMemoryBackend();
      return { backend: memory, memory, close: async () => undefined };
    },
    'REST over node:http': async () => {
      const memory = createMemoryBackend();
      const server = await startRestServer({ backend: memory, port: 0, host: '127.0.0.1' });
      return { backend: createRestBackend({ baseUrl: server.url }), memory, close: () => server.close() };
    },
  };
  for (const [name, open] of Object.entries(subjects)) {
    it(`two stores save the same user with its version: one succeeds, the other gets conflict and then equals the backend (${name})`, async () => {
      const { backend, memory, close } = await open();
      try {
        const a = createPortier({ backend, actorId: ACTORS.admin });
        const b = createPortier({ backend, actorId: ACTORS.collective });
        await Promise.all([a.ready, b.ready]);
        const version = a.getState().data.users[ACTORS.target]!.version;
        const results = await Promise.allSettled([
          a.users.setRole(ACTORS.target, 'superuser', { expectedVersion: version }),
          b.users.updateProfile(ACTORS.target, { firstName: 'Other' }, { expectedVersion: version }),
        ]);
        assert.deepEqual(results.map((result) => (result.status === 'fulfilled' ? 'ok' : result.reason.code)).sort(), ['conflict', 'ok']);
        assert.deepEqual(normalized(a.getState().data), normalized((await memory.load({ actorId: ACTORS.admin })).data));
        assert.deepEqual(normalized(b.getState().data), normalized((await memory.load({ actorId: ACTORS.collective })).data));
      } finally {
        await close();
      }
    });

    it(`the last two super users demote each other at the same moment: exactly one succeeds (${name})`, async () => {
      const { backend, memory, close } = await open();
      try {
        // Leave the two super users who manage every client (rule 2 lets each demote the other).
        await backend.execute({ actorId: ACTORS.admin }, { type: 'users.setRole', userId: ACTORS.second, role: 'user' });
        const a = createPortier({ backend, actorId: ACTORS.admin });
        const b = createPortier({ backend, actorId: ACTORS.collective });
        await Promise.all([a.ready, b.ready]);
        const results = await Promise.allSettled([a.users.setRole(ACTORS.collective, 'user'), b.users.setRole(ACTORS.admin, 'user')]);
        assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
        const refusal = (results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason;
        assert.ok(isPortierError(refusal) && (refusal.code === 'forbidden' || refusal.code === 'last-super-user'), String(refusal));
        const supers = await memory.listUsers({ actorId: ACTORS.admin }, { role: 'superuser' }).catch(() => memory.listUsers({ actorId: ACTORS.collective }, { role: 'superuser' }));
        assert.equal(supers.total, 1);
      } finally {
        await close();
      }
    });
  }
});
