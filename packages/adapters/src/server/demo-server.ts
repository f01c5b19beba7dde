import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Clock } from '@portier/core';
import { createMemoryBackend, type MemoryBackend } from '../memory/memory-backend.js';
import { headAsGet } from '../rest/head-as-get.js';
import { PayloadTooLarge, readJson } from '../rest/read-json-body.js';
import { startRestServer, type RestServer } from './rest-server.js';

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Serve this directory at `/` too (e.g. the built demo, `demo/dist`): page and API on one origin. */
  staticDir?: string;
  /** Answer CORS for loopback origins (a Vite page on http://127.0.0.1:5173). Default true. */
  cors?: boolean;
  /** Delay every backend answer (loading states). Default 0. */
  latencyMs?: number;
  /** Keep the data in this JSON file across restarts. Default: memory only. */
  persistFile?: string;
  /** Default `demo`. */
  seed?: 'demo' | 'empty';
}

/** The demo's clock on the server: real time plus a shift that `POST /api/demo/clock` moves. */
export interface ShiftedClock extends Clock {
  offset(): number;
  advance(ms: number): void;
  reset(): void;
}

/** A running demo server. */
export interface DemoServer extends RestServer {
  backend: MemoryBackend;
  clock: ShiftedClock;
  /** The demo controls, e.g. `http://127.0.0.1:4010/api/demo`. */
  demoUrl: string;
  /** Where the static directory is served, when there is one: `http://127.0.0.1:4010/`. */
  pageUrl: string | undefined;
}

/** Where the demo's controls are mounted (outside the contract: not part of the REST API). */
export const DEMO_CONTROLS_PATH = '/api/demo';

function shiftedClock(initialOffset = 0): ShiftedClock {
  let offset = initialOffset;
  return {
    now: () => Date.now() + offset,
    offset: () => offset,
    advance(ms) {
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}

/** A Web-Storage-shaped JSON file, so that the memory backend's `persist` works in Node. */
function fileStorage(file: string): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const read = (): Record<string, string> => {
    try {
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    getItem: (key) => read()[key] ?? null,
    setItem(key, value) {
      writeFileSync(file, JSON.stringify({ ...read(), [key]: value }));
    },
    removeItem(key) {
      const { [key]: _, ...rest } = read();
      if (Object.keys(rest).length === 0) rmSync(file, { force: true });
      else writeFileSync(file, JSON.stringify(rest));
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves files under `root` (GET and HEAD only, never outside it); a directory serves its index.html. */
function staticFiles(root: string): (request: Request) => Promise<Response | undefined> {
  const base = resolve(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return new Response('Not found', { status: 404 });
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = { 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

/**
 * The demo's controls over HTTP, for a demo page whose backend is REST: what the page reads from
 * the memory backend directly today (`outbox()`, `inspect()` tokens and users, `reset()`, the
 * clock). Only on the demo server, on 127.0.0.1; never part of the contract.
 *
 * - `GET  /api/demo/outbox` → the e-mails the backend would have sent, newest first.
 * - `GET  /api/demo/state` → `{ now, offsetMs, users, tokens, outbox }` (no credentials).
 * - `GET  /api/demo/clock` → `{ now, offsetMs }`; `POST` with `{ "advanceMs": n }` or `{ "reset": true }`.
 * - `POST /api/demo/reset` → back to the seed and real time (204).
 *
 * Every POST must be sent as `application/json` (415 otherwise), so no other site can post them.
 */
const MAX_CLOCK_OFFSET_MS = 1000 * 366 * 86_400_000;
/** A demo control's body is a few bytes of JSON: more is refused unread. */
const DEMO_CONTROL_BODY_BYTES = 4096;

function demoControls(backend: MemoryBackend, clock: ShiftedClock): (request: Request) => Promise<Response | undefined> {
  const clockBody = () => ({ now: new Date(clock.now()).toISOString(), offsetMs: clock.offset() });
  const controls = async (request: Request): Promise<Response | undefined> => {
    const path = new URL(request.url).pathname;
    if (path !== DEMO_CONTROLS_PATH && !path.startsWith(`${DEMO_CONTROLS_PATH}/`)) return undefined;
    const route = `${request.method} ${path.slice(DEMO_CONTROLS_PATH.length)}`;
    // As for the contract: a POST must come as JSON, which no other site's form or beacon can send.
    if (request.method === 'POST' && !/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
      return json({ title: 'Send the demo controls a JSON body (content-type: application/json).' }, 415);
    }
    switch (route) {
      case 'GET /outbox':
        return json(await backend.outbox());
      case 'GET /state': {
        const { data, tokens, outbox } = backend.inspect();
        return json({ ...clockBody(), users: data.users, tokens, outbox });
      }
      case 'GET /clock':
        return json(clockBody());
      case 'POST /clock': {
        let body: { advanceMs?: unknown; reset?: unknown } | null;
        try {
          body = (await readJson(request, DEMO_CONTROL_BODY_BYTES)) as typeof body;
        } catch (error) {
          if (error instanceof PayloadTooLarge) return json({ title: `The body is over ${DEMO_CONTROL_BODY_BYTES} bytes.` }, 413);
          return json({ title: 'The body is not JSON.' }, 400);
        }
        // A thousand years at most: further, dates leave what Date can hold and every call would fail.
        const advanceMs = body?.advanceMs;
        if (body?.reset === true) clock.reset();
        else if (typeof advanceMs === 'number' && advanceMs >= 0 && clock.offset() + advanceMs <= MAX_CLOCK_OFFSET_MS) clock.advance(advanceMs);
        else return json({ title: 'Send { "advanceMs": <milliseconds ≥ 0, a thousand years in all at most> } or { "reset": true }.' }, 400);
        return json(clockBody());
      }
      case 'POST /reset':
        clock.reset();
        await backend.reset();
        return new Response(null, { status: 204 });
      default:
        return json({ title: 'No such demo control.' }, 404);
    }
  };
  return headAsGet(controls);
}

/**
 * The reference server as the demo uses it (`pnpm start:rest`): the REST contract over the demo
 * memory backend on 127.0.0.1, CORS for loopback pages (a Vite page on 127.0.0.1:5173), the demo
 * controls under `/api/demo`, and optionally a static directory at `/`.
 * @example const server = await startDemoServer({ port: 0, staticDir: 'demo/dist' });
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const clock = shiftedClock();
  const backend = createMemoryBackend({
    seed: options.seed ?? 'demo',
    clock,
    latencyMs: options.latencyMs ?? 0,
    ...(options.persistFile ? { persist: { key: 'portier-demo-server', storage: fileStorage(options.persistFile) } } : {}),
  });
  const controls = demoControls(backend, clock);
  const files = options.staticDir ? staticFiles(options.staticDir) : undefined;
  const server = await startRestServer({
    backend,
    port: options.port ?? 4010,
    host: '127.0.0.1',
    cors: options.cors ?? true,
    fallback: async (request) => (await controls(request)) ?? (files ? await files(request) : undefined),
  });
  const origin = `http://127.0.0.1:${server.port}`;
  return { ...server, backend, clock, demoUrl: `${origin}${DEMO_CONTROLS_PATH}`, pageUrl: files ? `${origin}/` : undefined };
}
