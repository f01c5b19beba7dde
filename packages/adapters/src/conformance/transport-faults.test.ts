import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createPortier } from '@portier/core';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { portierHandlers } from '../msw/portier-handlers.js';
import { createRestBackend } from '../rest/rest-backend.js';
import { startRestServer } from '../server/rest-server.js';
import { ACTORS, rejectsWith } from './conformance-subject.js';

const normalized = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('transport faults, injected by the transport itself', () => {
  const msw = setupServer();
  before(() => msw.listen({ onUnhandledRequest: 'bypass' }));
  after(() => msw.close());

  it('MSW HttpResponse.error() on a command: network, and the store equals the backend', async () => {
    const memory = createMemoryBackend();
    const baseUrl = 'http://transport.test/api/portier';
    msw.use(...portierHandlers(memory, { baseUrl }));
    const store = createPortier({ backend: createRestBackend({ baseUrl }), actorId: ACTORS.admin });
    await store.ready;
    msw.use(http.post(`${baseUrl}/users/:id/block`, () => HttpResponse.error(), { once: true }));
    await rejectsWith(store.users.block(ACTORS.target), 'network');
    assert.deepEqual(normalized(store.getState().data), normalized((await memory.load({ actorId: ACTORS.admin })).data));
    await store.users.block(ACTORS.target);
    assert.equal(store.getState().data.users[ACTORS.target]?.status, 'blocked');
  });

  it('MSW handlers pass a backend failure to the host’s onServerError, and the browser gets a plain server error', async () => {
    const memory = createMemoryBackend();
    const baseUrl = 'http://transport.test/api/failing';
    const heard: unknown[] = [];
    const failing = { ...memory, listUsers: () => Promise.reject(new Error('db password=hunter2 at db.internal')) };
    msw.use(...portierHandlers(failing, { baseUrl, onServerError: (error) => heard.push(error) }));
    const response = await fetch(`${baseUrl}/users`, { headers: { 'x-portier-actor': ACTORS.admin } });
    assert.equal(response.status, 500);
    assert.ok(!(await response.text()).includes('hunter2'), 'the failure stays on the server');
    assert.deepEqual(heard.map(String), ['Error: db password=hunter2 at db.internal']);
  });

  it('a server that closes the socket without answering: network', async () => {
    const rude = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    const address = rude.address() as { port: number };
    try {
      const backend = createRestBackend({ baseUrl: `http://127.0.0.1:${address.port}/api`, retry: { retries: 1, baseDelayMs: 1 } });
      await rejectsWith(backend.load({ actorId: ACTORS.admin }), 'network');
      await rejectsWith(backend.execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: ACTORS.target }), 'network');
    } finally {
      rude.closeAllConnections();
      await new Promise((resolve) => rude.close(resolve));
    }
  });

  it('a connection dropped in the middle of the body: network', async () => {
    const half = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"actorId":"u-001","da');
      setTimeout(() => response.socket?.destroy(), 5);
    });
    await new Promise<void>((resolve) => half.listen(0, '127.0.0.1', resolve));
    const { port } = half.address() as { port: number };
    try {
      await rejectsWith(createRestBackend({ baseUrl: `http://127.0.0.1:${port}/api`, retry: false }).load({ actorId: ACTORS.admin }), 'network');
    } finally {
      half.closeAllConnections();
      await new Promise((resolve) => half.close(resolve));
    }
  });

  it('a slow server over node:http: the client times out with network', async () => {
    const memory = createMemoryBackend({ latencyMs: 400 });
    const server = await startRestServer({ backend: memory, port: 0, host: '127.0.0.1' });
    try {
      const backend = createRestBackend({ baseUrl: server.url, timeoutMs: 50, retry: false });
      await assert.rejects(backend.load({ actorId: ACTORS.admin }), (error: { code?: string; details?: Record<string, unknown> }) => error.code === 'network' && error.details?.['reason'] === 'timeout');
    } finally {
      await server.close();
    }
  });

  it('a body over the server’s limit over node:http: 413, read as validation', async () => {
    const server = await startRestServer({ backend: createMemoryBackend(), port: 0, host: '127.0.0.1', maxBodyBytes: 256 });
    try {
      const grants = Array.from({ length: 20 }, () => ({ clientId: 'c-retail', applicationId: 'invoice-viewer', level: 'full' as const }));
      await assert.rejects(
        createRestBackend({ baseUrl: server.url }).execute({ actorId: ACTORS.admin }, { type: 'access.set', userId: ACTORS.target, grants }),
        (error: { code?: string; details?: Record<string, unknown> }) => error.code === 'validation' && error.details?.['reason'] === 'body-too-large',
      );
    } finally {
      await server.close();
    }
  });

  it('nothing listening on the port: network', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    await rejectsWith(createRestBackend({ baseUrl: `http://127.0.0.1:${port}/api`, retry: false }).load({ actorId: ACTORS.admin }), 'network');
  });
});
