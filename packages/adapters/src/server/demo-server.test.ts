import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DAY_MS, createPortier } from '@portier/core';
import { createRestBackend } from '../rest/rest-backend.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

const VITE_ORIGIN = 'http://127.0.0.1:5173';
const JSON_BODY = { 'content-type': 'application/json' };

/** A GET sent with the Host header a browser would send for `host` (fetch cannot set it). */
function getWithHost(url: string, host: string, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the demo server (pnpm start:rest)', () => {
  let server: DemoServer;
  let dir: string;
  let site: string;

  before(async () => {
    // The served root is <tmp>/site; <tmp>/secret.txt lies next to it and must stay out of reach.
    dir = mkdtempSync(join(tmpdir(), 'portier-demo-'));
    site = join(dir, 'site');
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Lumen</title>');
    writeFileSync(join(site, 'assets', 'main.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    server = await startDemoServer({ port: 0, staticDir: site });
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const origin = () => `http://127.0.0.1:${server.port}`;

  it('serves the contract: a store over createRestBackend loads the demo data', async () => {
    const portier = createPortier({ backend: createRestBackend({ baseUrl: server.url }), actorId: 'u-001' });
    await portier.ready;
    assert.equal(Object.keys(portier.getState().data.users).length, 40);
  });

  it('serves the static directory at / and nothing outside it', async () => {
    const page = await fetch(`${origin()}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    assert.match(await page.text(), /Lumen/);
    const script = await fetch(`${origin()}/assets/main.js`);
    assert.match(script.headers.get('content-type')!, /^text\/javascript/);
    assert.equal((await fetch(`${origin()}/missing.js`)).status, 404);
    assert.equal((await fetch(`${origin()}/..%2fsecret.txt`)).status, 404);
    assert.equal((await fetch(`${origin()}/assets/..%2f..%2fsecret.txt`)).status, 404);
    // The contract's own 404 stays a problem document.
    const unknown = await fetch(`${server.url}/nowhere`, { headers: { 'X-Portier-Actor': 'u-001' } });
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers.get('content-type')!, /problem\+json/);
  });

  it('lets a Vite page on 127.0.0.1:5173 call it (CORS preflight and answer), but no other origin', async () => {
    const preflight = await fetch(`${server.url}/users/u-004`, {
      method: 'OPTIONS',
      headers: { origin: VITE_ORIGIN, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'content-type, if-match, x-portier-actor' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), VITE_ORIGIN);
    assert.match(preflight.headers.get('access-control-allow-methods')!, /PATCH/);
    assert.match(preflight.headers.get('access-control-allow-headers')!.toLowerCase(), /if-match/);
    const answer = await fetch(`${server.url}/users?limit=1`, { headers: { origin: VITE_ORIGIN, 'X-Portier-Actor': 'u-001' } });
    assert.equal(answer.headers.get('access-control-allow-origin'), VITE_ORIGIN);
    const foreign = await fetch(`${server.url}/users?limit=1`, { headers: { origin: 'https://evil.example', 'X-Portier-Actor': 'u-001' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });

  it('offers the demo controls: outbox, state without credentials, clock, reset', async () => {
    const rest = createRestBackend({ baseUrl: server.url });
    await rest.execute({ actorId: 'u-001' }, { type: 'users.resetPassword', userId: 'u-004' });
    const outbox = (await (await fetch(`${server.demoUrl}/outbox`)).json()) as { to: string; kind: string; token?: string }[];
    assert.equal(outbox[0]!.kind, 'password-reset');
    const state = (await (await fetch(`${server.demoUrl}/state`)).json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(state).sort(), ['now', 'offsetMs', 'outbox', 'tokens', 'users']);
    assert.ok((state['tokens'] as Record<string, unknown>)[outbox[0]!.token!]);

    const before = Date.now();
    const moved = (await (await fetch(`${server.demoUrl}/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: 31 * DAY_MS }) })).json()) as {
      now: string;
      offsetMs: number;
    };
    assert.equal(moved.offsetMs, 31 * DAY_MS);
    assert.ok(Date.parse(moved.now) >= before + 31 * DAY_MS);
    assert.equal(server.clock.offset(), 31 * DAY_MS);
    for (const body of ['{"advanceMs": -1}', 'null', '[]', '{"advanceMs": 1e300}', '{"advanceMs": "1"}']) {
      assert.equal((await fetch(`${server.demoUrl}/clock`, { method: 'POST', headers: JSON_BODY, body })).status, 400, body);
    }
    assert.equal((await fetch(`${server.url}/users/u-004`, { headers: { 'x-portier-actor': 'u-001' } })).status, 200, 'the API still answers');
    assert.equal((await fetch(`${server.demoUrl}/nothing`)).status, 404);

    assert.equal((await fetch(`${server.demoUrl}/reset`, { method: 'POST', headers: JSON_BODY, body: '{}' })).status, 204);
    assert.equal(server.clock.offset(), 0);
    assert.deepEqual(await (await fetch(`${server.demoUrl}/outbox`)).json(), []);
  });

  it('takes demo controls only as JSON: another site’s form or beacon can neither move the clock nor reset the data', async () => {
    assert.equal((await fetch(`${server.demoUrl}/clock`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"advanceMs": 86400000}' })).status, 415);
    assert.equal((await fetch(`${server.demoUrl}/reset`, { method: 'POST' })).status, 415);
    assert.equal(server.clock.offset(), 0);
  });

  it('refuses a demo control body over 4 KiB unread, streamed or declared', async () => {
    const big = JSON.stringify({ advanceMs: 1, padding: 'x'.repeat(10_000) });
    const declared = await fetch(`${server.demoUrl}/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    assert.equal(declared.status, 413);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 1000) controller.enqueue(bytes.slice(at, at + 1000));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.demoUrl}/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.equal(server.clock.offset(), 0);
  });

  it('answers only under a loopback name (DNS rebinding): 421 for any other Host', async () => {
    assert.equal(await getWithHost(`${server.demoUrl}/state`, 'attacker.example'), 421);
    assert.equal(await getWithHost(`${server.url}/snapshot`, 'attacker.example:4010'), 421);
    assert.equal(await getWithHost(`${server.demoUrl}/state`, `127.0.0.1:${server.port}`), 200);
    assert.equal(await getWithHost(`${server.demoUrl}/state`, `localhost:${server.port}`), 200);
  });

  it('answers TRACE 405, not a bare 500 (Node itself closes a CONNECT)', async () => {
    const host = `127.0.0.1:${server.port}`;
    assert.equal(await getWithHost(`${server.url}/snapshot`, host, 'TRACE'), 405);
  });

  it('serves HEAD wherever it serves GET, the demo controls too', async () => {
    for (const url of [`${server.demoUrl}/state`, `${server.demoUrl}/clock`, `${server.url}/users/u-004`]) {
      const head = await fetch(url, { method: 'HEAD', headers: { 'x-portier-actor': 'u-001' } });
      assert.equal(head.status, 200, url);
      assert.equal(await head.text(), '');
    }
  });

  it('keeps the data in a file across restarts with --persist', async () => {
    const file = join(dir, 'persist.json');
    const first = await startDemoServer({ port: 0, persistFile: file });
    const rest = createRestBackend({ baseUrl: first.url });
    const user = (await rest.load({ actorId: 'u-001' })).data.users['u-004']!;
    await rest.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-004', changes: { firstName: 'Persisted' }, expectedVersion: user.version });
    await first.close();
    const second = await startDemoServer({ port: 0, persistFile: file });
    try {
      const again = (await createRestBackend({ baseUrl: second.url }).load({ actorId: 'u-001' })).data.users['u-004']!;
      assert.equal(again.firstName, 'Persisted');
    } finally {
      await second.close();
    }
  });

  it('starts from the command line with flags and stops on SIGTERM', async () => {
    const script = fileURLToPath(new URL('./start-demo-server.ts', import.meta.url));
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script, '--', '--port', '0', '--static', site], {
      cwd: fileURLToPath(new URL('../../../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (!/Static files of .* at (http:\/\/127\.0\.0\.1:\d+\/)/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) assert.fail(`the server did not start:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pageUrl = /Static files of .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1]!;
    assert.equal((await fetch(pageUrl)).status, 200);
    assert.match(out, /Demo controls at http:\/\/127\.0\.0\.1:\d+\/api\/demo/);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
