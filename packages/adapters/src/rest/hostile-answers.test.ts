import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import { describe, it } from 'node:test';
import { PortierError, createPortier, isPortierError } from '@portier/core';
import { ACTORS } from '../conformance/conformance-subject.js';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { problemResponse } from './problem.js';
import { createRestBackend } from './rest-backend.js';
import { createRestHandler } from './rest-handler.js';

/** A fetch that answers every request with `answer` (a fresh Response each time). */
const answering = (answer: () => Response): typeof fetch => async () => answer();

const problemOf = (details: unknown) => () =>
  new Response(JSON.stringify({ type: 'urn:portier:problem:validation', title: 'validation', status: 400, code: 'validation', details }), {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
  });

async function refusal(promise: Promise<unknown>): Promise<PortierError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isPortierError(error), `a PortierError, not ${String(error)}`);
    return error;
  }
  throw new Error('expected a refusal');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe('REST client facing a hostile or broken server', () => {
  it('passes on only the field issues that have a path and a code, so a screen can mark its fields without failing', async () => {
    const command = { type: 'users.create', input: { email: 'new@lambert.example', firstName: 'N', lastName: 'W', language: 'fr' } } as const;
    const cases: [unknown, unknown][] = [
      [{ issues: 5 }, undefined],
      [{ issues: 'email' }, undefined],
      [{ issues: [null, 42, 'email', [], { code: 'x' }, { path: 'email', code: 'x' }, { path: [{}], code: 'x' }, { path: ['email'] }]}, []],
      [{ issues: [{ path: ['email', 0], code: 'invalid_format', message: 'bad', extra: true }, { path: ['lastName'], code: 'too_small', message: 7 }] }, [{ path: ['email', 0], code: 'invalid_format', message: 'bad' }, { path: ['lastName'], code: 'too_small' }]],
      // A limit is kept only when it is a count a form can say.
      [
        { issues: [{ path: ['lastName'], code: 'too_big', maximum: 40 }, { path: ['firstName'], code: 'too_big', maximum: 0 }, { path: ['phone'], code: 'too_big', maximum: '9' }, { path: ['mobile'], code: 'too_big', maximum: 1.5 }] },
        [{ path: ['lastName'], code: 'too_big', maximum: 40 }, { path: ['firstName'], code: 'too_big' }, { path: ['phone'], code: 'too_big' }, { path: ['mobile'], code: 'too_big' }],
      ],
    ];
    for (const [details, issues] of cases) {
      const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(problemOf(details)), retry: false });
      const error = await refusal(backend.execute({ actorId: ACTORS.admin }, command));
      assert.equal(error.code, 'validation');
      assert.deepEqual(error.details?.issues, issues, JSON.stringify(details));
    }
  });

  it('stops reading an answer that goes on past its limit, as a server error, long before its timeout', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const endless = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const url = await listen(endless);
    try {
      const backend = createRestBackend({ baseUrl: `${url}/api`, retry: false, timeoutMs: 60_000, maxResponseBytes: 1024 * 1024 });
      const started = Date.now();
      const error = await refusal(backend.load({ actorId: ACTORS.admin }));
      assert.deepEqual([error.code, error.details?.['reason'], error.details?.['limit']], ['server', 'response-too-large', 1024 * 1024]);
      assert.ok(Date.now() - started < 30_000, 'refused at the limit, not at the timeout');
    } finally {
      await close(endless);
    }
  });

  it('follows no redirect, and retries none: a command is not sent again, with its headers, where the answer points', async () => {
    const reached: string[] = [];
    const elsewhere = createServer((request, response) => {
      reached.push(`${request.method} ${request.url} ${request.headers['x-portier-actor'] ?? ''}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"users":[],"grants":{},"removedUserIds":[]}');
    });
    const elsewhereUrl = await listen(elsewhere);
    let asked = 0;
    const redirecting = createServer((request, response) => {
      asked++;
      response.writeHead(307, { location: `${elsewhereUrl}${request.url}` }).end();
    });
    const url = await listen(redirecting);
    try {
      // Retries on, as by default: a redirect (a sign-in page after the session ended) is no network fault.
      const backend = createRestBackend({ baseUrl: `${url}/api`, retry: { retries: 2, baseDelayMs: 1 } });
      const error = await refusal(backend.execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: ACTORS.target }));
      assert.deepEqual([error.code, error.details?.['reason']], ['server', 'redirected']);
      const read = await refusal(backend.load({ actorId: ACTORS.admin }));
      assert.deepEqual([read.code, read.details?.['reason']], ['server', 'redirected']);
      assert.equal(asked, 2, 'one request each, no retry');
      assert.deepEqual(reached, []);
    } finally {
      await close(redirecting);
      await close(elsewhere);
    }
  });

  it('refuses a total that is no safe integer', async () => {
    const page = () => new Response(JSON.stringify({ items: [], total: 1e300, offset: 0 }), { status: 200, headers: { 'content-type': 'application/json' } });
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(page), retry: false });
    const error = await refusal(backend.listUsers({ actorId: ACTORS.admin }, {}));
    assert.deepEqual([error.code, error.details?.['reason']], ['server', 'invalid-response']);
  });

  it('lets go of an answer that arrives after its timeout, from a fetch that ignored the signal', async () => {
    let cancelled = false;
    const late: typeof fetch = () =>
      new Promise((resolve) => setTimeout(() => resolve(new Response(new ReadableStream({ cancel: () => void (cancelled = true) }), { status: 200 })), 60));
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: late, timeoutMs: 20, retry: false });
    const error = await refusal(backend.listUsers({ actorId: ACTORS.admin }, {}));
    assert.deepEqual([error.code, error.details?.['reason']], ['network', 'timeout']);
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(cancelled, true, 'its body is cancelled, and its connection with it');
  });

  it('holds its timeout when the fetch ignores its signal, or the body never ends', async () => {
    const neverAnswers: typeof fetch = () => new Promise(() => undefined);
    const neverEnds: typeof fetch = async () => new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"items":')) }), { status: 200 });
    for (const fetch of [neverAnswers, neverEnds]) {
      const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch, timeoutMs: 50, retry: false });
      const started = Date.now();
      const error = await refusal(backend.listUsers({ actorId: ACTORS.admin }, {}));
      assert.deepEqual([error.code, error.details?.['reason']], ['network', 'timeout']);
      assert.ok(Date.now() - started < 1000, 'within its timeout, not never');
    }
  });

  it('a command’s success that leaves out what it did: the store reads again and shows what the backend did', async () => {
    const memory = createMemoryBackend();
    const handler = createRestHandler(memory, { resolveActor: () => ACTORS.admin });
    // A server that applies each command and then loses its user from the answer.
    const forgetful: typeof fetch = async (input, init) => {
      const response = await handler(new Request(input as string, init));
      if (!(init?.method === 'POST' || init?.method === 'PATCH' || init?.method === 'PUT' || init?.method === 'DELETE') || !response.ok) return response;
      return new Response(JSON.stringify({ users: [], grants: {}, removedUserIds: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const portier = createPortier({ backend: createRestBackend({ baseUrl: 'http://portier.test', fetch: forgetful, retry: false }) });
    await portier.ready;
    const created = await refusal(portier.users.create({ email: 'lost.answer@lambert.example', firstName: 'Lost', lastName: 'Answer', language: 'fr' }));
    assert.deepEqual([created.code, created.details?.['reason']], ['server', 'invalid-response']);
    await portier.users.block('u-005');
    const backendUsers = (await memory.load({ actorId: ACTORS.admin })).data.users;
    const shown = portier.getState().data.users;
    assert.equal(shown['u-005']!.status, 'blocked');
    assert.deepEqual(shown['u-005'], backendUsers['u-005']);
    assert.ok(Object.values(shown).some((user) => user.email === 'lost.answer@lambert.example'), 'the created user is shown');
  });

  it('refuses a page other than the one asked for, and a total no list can hold', async () => {
    const pages = [
      { items: [], total: 40, offset: 100 },
      { items: [], total: 2 ** 32, offset: 0 },
      { items: [{}], total: 0, offset: 0 },
    ];
    for (const body of pages) {
      const answer = () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(answer), retry: false });
      const error = await refusal(backend.listUsers({ actorId: ACTORS.admin }, {}));
      assert.deepEqual([error.code, error.details?.['reason']], ['server', 'invalid-response'], JSON.stringify(body));
    }
  });

  it('takes no `network` from a server: an answer that came is the server’s error, and is not sent again', async () => {
    let requests = 0;
    const answer = () => {
      requests++;
      return new Response(JSON.stringify({ code: 'network' }), { status: 400, headers: { 'content-type': 'application/problem+json' } });
    };
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(answer), retry: { retries: 2, baseDelayMs: 1 } });
    const error = await refusal(backend.listUsers({ actorId: ACTORS.admin }, {}));
    assert.deepEqual([error.code, error.details?.['status'], requests], ['validation', 400, 1]);
  });

  it('keeps only the details a screen could read: nesting too deep is dropped, not a crash later', async () => {
    const problem = () => new Response('{"code":"not-editable","details":{"from":"active","deep":{"a":{"b":0}}}}', { status: 409 });
    const deepProblem = () => new Response(`{"code":"not-editable","details":{"from":"active","deep":${'{"a":'.repeat(20_000)}0${'}'.repeat(20_000)}}}`, { status: 409 });
    for (const answer of [problem, deepProblem]) {
      const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(answer), retry: false });
      const error = await refusal(backend.execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: 'u-005' }));
      assert.equal(error.code, 'not-editable');
      assert.equal(error.details?.['from'], 'active');
      assert.doesNotThrow(() => JSON.stringify(error.details));
    }
    const audit = () => new Response(`[{"id":"a","at":"2026-01-01T00:00:00Z","organizationId":"o","actorId":"u","action":"users.block","targetId":"u-5","before":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}},"after":{}}]`, { status: 200 });
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(audit), retry: false });
    const error = await refusal(backend.listAudit({ actorId: ACTORS.admin }, {}));
    assert.deepEqual([error.code, error.details?.['reason']], ['server', 'invalid-response']);
    // A server serving such details itself still answers, with the code.
    let nested: Record<string, unknown> = {};
    const details = { reason: 'internal', nested };
    for (let level = 0; level < 20_000; level++) nested = nested['a'] = {};
    const served = problemResponse(new PortierError('server', details));
    assert.deepEqual([served.status, (await served.json()).code], [500, 'server']);
  });

  it('rejects with the caller’s AbortError when its signal aborts mid-request, not with a network timeout', async () => {
    const neverAnswers: typeof fetch = () => new Promise(() => undefined);
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: neverAnswers, timeoutMs: 60_000, retry: false });
    for (const call of [
      (signal: AbortSignal) => backend.listUsers({ actorId: ACTORS.admin, signal }, {}),
      (signal: AbortSignal) => backend.execute({ actorId: ACTORS.admin, signal }, { type: 'users.block', userId: ACTORS.target }),
    ]) {
      const controller = new AbortController();
      const pending = call(controller.signal);
      setTimeout(() => controller.abort(), 10);
      await assert.rejects(pending, (error: unknown) => !isPortierError(error) && (error as Error).name === 'AbortError');
    }
  });

  it('stops waiting between retries as soon as the caller aborts, not after the backoff delay', async () => {
    let requests = 0;
    const unavailable = () => {
      requests++;
      return new Response('', { status: 503 });
    };
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(unavailable), retry: { retries: 2, baseDelayMs: 30_000 } });
    const controller = new AbortController();
    const pending = backend.load({ actorId: ACTORS.admin, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    await assert.rejects(pending, (error: unknown) => (error as Error).name === 'AbortError');
    assert.ok(Date.now() - started < 5_000, 'aborted during the backoff, not after it');
    assert.equal(requests, 1);
  });

  it('reads an error answer whose body is not JSON (a proxy’s text or HTML page) by its status, not as malformed JSON', async () => {
    const cases: [number, string][] = [
      [412, 'conflict'],
      [404, 'not-found'],
      [401, 'forbidden'],
      [400, 'validation'],
      [423, 'account-blocked'],
      [410, 'invitation-expired'],
    ];
    for (const [status, code] of cases) {
      const page = () => new Response('<html><body>Nope</body></html>', { status, headers: { 'content-type': 'text/html' } });
      const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(page), retry: false });
      const error = await refusal(backend.execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: ACTORS.target, expectedVersion: 0 }));
      assert.deepEqual([error.code, error.details?.['status']], [code, status], String(status));
    }
  });

  it('calls the contract under a base URL written with a trailing slash, without a doubled slash', async () => {
    const handler = createRestHandler(createMemoryBackend(), { resolveActor: (request) => request.headers.get('x-portier-actor') ?? undefined, basePath: '/api' });
    const urls: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      urls.push(String(input));
      return handler(new Request(input as string, init));
    };
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api//', fetch: recording, retry: false });
    const snapshot = await backend.load({ actorId: ACTORS.admin });
    assert.equal(snapshot.actorId, ACTORS.admin);
    assert.deepEqual(urls, ['http://portier.test/api/snapshot']);
  });

  it('asks the audit log of one user only when a userId is given, and sends the host’s own headers with every request', async () => {
    const memory = createMemoryBackend();
    const handler = createRestHandler(memory, { resolveActor: (request) => (request.headers.get('authorization') === 'Bearer host-token' ? (request.headers.get('x-portier-actor') ?? undefined) : undefined) });
    const seen: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const request = new Request(input as string, init);
      seen.push(`${request.method} ${request.headers.get('authorization')}`);
      return handler(request);
    };
    const backend = createRestBackend({ baseUrl: 'http://portier.test', fetch: recording, retry: false, headers: { authorization: 'Bearer host-token' } });
    const ctx = { actorId: ACTORS.admin };
    await backend.execute(ctx, { type: 'users.block', userId: ACTORS.target });
    await backend.execute(ctx, { type: 'users.updateProfile', userId: 'u-006', changes: { firstName: 'Other' } });
    const all = await backend.listAudit(ctx, {});
    assert.ok(all.some((entry) => entry.targetId === 'u-006'));
    const one = await backend.listAudit(ctx, { userId: ACTORS.target });
    assert.ok(one.length > 0);
    assert.deepEqual([...new Set(one.map((entry) => entry.targetId))], [ACTORS.target]);
    assert.deepEqual([...new Set(seen)].sort(), ['GET Bearer host-token', 'POST Bearer host-token', 'PATCH Bearer host-token'].sort());
  });

  it('reads 412 as conflict whatever code its body names, and keeps the status of a 5xx that names its code', async () => {
    const answer = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
    const backend = (status: number, body: unknown) => createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(answer(status, body)), retry: false });
    const stale = await refusal(backend(412, { code: 'not-found', details: { entity: 'user' } }).execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: ACTORS.target, expectedVersion: 3 }));
    assert.equal(stale.code, 'conflict');
    const failed = await refusal(backend(503, { code: 'server', details: { reason: 'maintenance' } }).execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: ACTORS.target }));
    assert.deepEqual([failed.code, failed.details?.['reason'], failed.details?.['status']], ['server', 'maintenance', 503]);
    const refused = await refusal(backend(409, { code: 'not-editable', details: { from: 'blocked' } }).execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: ACTORS.target }));
    assert.deepEqual([refused.code, refused.details?.['status']], ['not-editable', undefined], 'a named 4xx says no more than its code');
  });

  it('keeps details nested up to four levels, and drops only the deeper ones', async () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'x' : { a: nest(levels - 1) });
    const answer = () => new Response(JSON.stringify({ code: 'not-editable', details: { kept: nest(4), dropped: nest(5), from: 'blocked' } }), { status: 409 });
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(answer), retry: false });
    const error = await refusal(backend.execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: ACTORS.target }));
    assert.deepEqual(error.details, { kept: nest(4), from: 'blocked' });
  });

  it('carries a refusal’s message from the handler to the caller, as the problem’s detail', async () => {
    const memory = createMemoryBackend();
    const refusing = { ...memory, execute: () => Promise.reject(new PortierError('not-editable', { from: 'blocked' }, 'blocked users cannot be edited')) };
    const handler = createRestHandler(refusing, { resolveActor: () => ACTORS.admin });
    const backend = createRestBackend({ baseUrl: 'http://portier.test', fetch: async (input, init) => handler(new Request(input as string, init)), retry: false });
    const error = await refusal(backend.execute({ actorId: ACTORS.admin }, { type: 'users.block', userId: ACTORS.target }));
    assert.deepEqual([error.code, error.message, error.details?.['from']], ['not-editable', 'blocked users cannot be edited', 'blocked']);
  });

  it('aborts the request it gave up on, at its timeout or the caller’s abort, so the connection is let go', async () => {
    const signals: AbortSignal[] = [];
    const neverAnswers: typeof fetch = (_input, init) => {
      signals.push(init!.signal!);
      return new Promise(() => undefined);
    };
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: neverAnswers, timeoutMs: 30, retry: false });
    const timedOut = await refusal(backend.load({ actorId: ACTORS.admin }));
    assert.deepEqual([timedOut.code, signals[0]?.aborted], ['network', true]);
    const patient = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: neverAnswers, timeoutMs: 60_000, retry: false });
    const controller = new AbortController();
    const pending = patient.load({ actorId: ACTORS.admin, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(signals[1]?.aborted, true, 'the fetch hears the caller’s abort');
  });

  it('leaves no listener on a caller’s long-lived signal once its requests are over', async () => {
    const page = () => new Response(JSON.stringify({ items: [], total: 0, offset: 0 }), { status: 200, headers: { 'content-type': 'application/json' } });
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: answering(page), retry: false });
    const session = new AbortController();
    for (let i = 0; i < 20; i++) await backend.listUsers({ actorId: ACTORS.admin, signal: session.signal }, {});
    assert.equal(getEventListeners(session.signal, 'abort').length, 0);
  });

  it('cancels an answer’s body that stops arriving once its timeout is up', async () => {
    let cancelled = false;
    const stalls: typeof fetch = async () =>
      new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"items":')), cancel: () => void (cancelled = true) }), { status: 200 });
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: stalls, timeoutMs: 30, retry: false });
    const error = await refusal(backend.listUsers({ actorId: ACTORS.admin }, {}));
    assert.deepEqual([error.code, error.details?.['reason']], ['network', 'timeout']);
    for (let waited = 0; !cancelled && waited < 1_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(cancelled, true, 'its body is cancelled, and its connection with it');
  });

  it('cancels an answer’s body as soon as it passes its limit, rather than leaving it streaming', async () => {
    let cancelled = false;
    const endless: typeof fetch = async () =>
      new Response(new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(1024).fill(0x20)), cancel: () => void (cancelled = true) }), { status: 200 });
    const backend = createRestBackend({ baseUrl: 'http://portier.test/api', fetch: endless, maxResponseBytes: 4096, retry: false });
    const error = await refusal(backend.load({ actorId: ACTORS.admin }));
    assert.deepEqual([error.code, error.details?.['reason']], ['server', 'response-too-large']);
    assert.equal(cancelled, true);
  });
});
