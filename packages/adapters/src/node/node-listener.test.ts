import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { describe, it } from 'node:test';
import { createPortier } from '@portier/core';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { createRestBackend } from '../rest/rest-backend.js';
import { createRestHandler } from '../rest/rest-handler.js';
import { toNodeListener } from './node-listener.js';

describe('toNodeListener', () => {
  it('serves the REST contract from node:http: a store over it loads, and its commands change the backend', async () => {
    const memory = createMemoryBackend();
    // The host's session: here a cookie naming the user.
    const resolveActor = (request: Request) => /(?:^|; )session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
    const server = createServer(toNodeListener(createRestHandler(memory, { resolveActor, basePath: '/api/portier' })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/portier`;
    try {
      assert.equal((await fetch(`${base}/snapshot`)).status, 401, 'no session, no data');
      const withSession: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: 'session=u-001' } });
      const portier = createPortier({ backend: createRestBackend({ baseUrl: base, fetch: withSession }) });
      await portier.ready;
      assert.equal(portier.getState().actorId, 'u-001');
      await portier.users.updateProfile('u-005', { firstName: 'Served' });
      assert.equal(memory.currentData().users['u-005']!.firstName, 'Served');
      assert.equal((await fetch(`${base}/snapshot`, { method: 'TRACE' }).catch(() => ({ status: 405 }))).status, 405);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('sends every cookie a handler sets, each in its own Set-Cookie header', async () => {
    const handler = async () => {
      const headers = new Headers({ 'content-type': 'text/plain' });
      headers.append('set-cookie', 'session=abc; Path=/; HttpOnly');
      headers.append('set-cookie', 'csrf=xyz; Path=/');
      return new Response('ok', { headers });
    };
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
      assert.deepEqual(response.headers.getSetCookie(), ['session=abc; Path=/; HttpOnly', 'csrf=xyz; Path=/']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('aborts the request’s signal when its client goes away before the answer, so the handler can stop', async () => {
    let heard: (value: string) => void = () => undefined;
    const outcome = new Promise<string>((resolve) => (heard = resolve));
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const handler = (request: Request) =>
      new Promise<Response>((resolve) => {
        started();
        request.signal.addEventListener('abort', () => {
          heard('aborted');
          resolve(new Response(null, { status: 499 }));
        });
        setTimeout(() => {
          heard('never aborted');
          resolve(new Response('late'));
        }, 3_000);
      });
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = httpRequest({ host: '127.0.0.1', port: (server.address() as { port: number }).port, path: '/slow' });
      client.on('error', () => undefined);
      client.end();
      await running;
      client.destroy();
      assert.equal(await outcome, 'aborted');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('builds each request’s URL on its origin, written with or without a trailing slash, and answers a handler that throws 500', async () => {
    const seen: string[] = [];
    const echo = async (request: Request) => {
      seen.push(request.url);
      if (new URL(request.url).pathname === '/boom') throw new Error('handler bug');
      return new Response('ok');
    };
    const server = createServer(toNodeListener(echo, { origin: 'https://portal.example/' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      assert.equal((await fetch(`${base}/api/portier/snapshot?limit=5`)).status, 200);
      assert.deepEqual(seen, ['https://portal.example/api/portier/snapshot?limit=5']);
      const failed = await fetch(`${base}/boom`);
      assert.deepEqual([failed.status, await failed.text()], [500, '']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
