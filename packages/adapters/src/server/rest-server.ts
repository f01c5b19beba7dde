import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { PortierBackend } from '@portier/core';
import { ACTOR_HEADER } from '../rest/rest-backend.js';
import { createRestHandler, type RestHandlerOptions } from '../rest/rest-handler.js';
import { toNodeListener } from '../node/node-listener.js';

/** Options of {@link startRestServer}. */
export interface RestServerOptions extends Partial<RestHandlerOptions> {
  backend: PortierBackend;
  /** Default 0: a free port. */
  port?: number;
  /** Only the loopback interface is served. */
  host?: '127.0.0.1';
  /** Where the contract is mounted. Default `/api/portier`. */
  basePath?: string;
  /** Answer CORS for pages served from a loopback origin (the demo's dev server). Default false. */
  cors?: boolean;
  /**
   * Answers requests outside `basePath` (static files, the demo's controls); `undefined` leaves
   * them to the contract's 404.
   */
  fallback?: (request: Request) => Promise<Response | undefined> | Response | undefined;
}

/** A running reference server. */
export interface RestServer {
  /** The contract's base URL, e.g. `http://127.0.0.1:4010/api/portier`. */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * The reference server: `createRestHandler` over node:http on 127.0.0.1, converting
 * IncomingMessage ↔ Request/Response. By default the actor is the `X-Portier-Actor` header, as in
 * the demo; a real host resolves it from its own session.
 * @example const { url, close } = await startRestServer({ backend: createMemoryBackend() });
 */
export async function startRestServer(options: RestServerOptions): Promise<RestServer> {
  const basePath = options.basePath ?? '/api/portier';
  const handler = createRestHandler(options.backend, {
    resolveActor: options.resolveActor ?? ((request) => request.headers.get(ACTOR_HEADER) ?? undefined),
    basePath,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.onServerError === undefined ? {} : { onServerError: options.onServerError }),
  });
  const host = '127.0.0.1';
  const fallback = options.fallback;
  const serve = fallback
    ? async (request: Request): Promise<Response> => {
        const path = new URL(request.url).pathname;
        const inContract = path === basePath || path.startsWith(`${basePath}/`);
        return (inContract ? undefined : await fallback(request)) ?? handler(request);
      }
    : handler;
  const listener = toNodeListener(serve, { origin: `http://${host}` });
  const server = createServer((incoming, outgoing) => {
    // Bound to 127.0.0.1, it answers only under a loopback name: a page whose own name was
    // rebound to 127.0.0.1 (DNS rebinding) would otherwise be same-origin with this server.
    if (!LOOPBACK_HOST.test(incoming.headers.host ?? '')) {
      outgoing.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('This server answers only on 127.0.0.1 or localhost.');
      return;
    }
    if (options.cors && cors(incoming, outgoing)) return;
    listener(incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}${basePath}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost)(:\d+)?$/i;

/** Adds CORS headers for a loopback origin; answers a preflight itself (returns true then). */
function cors(incoming: IncomingMessage, outgoing: ServerResponse): boolean {
  const origin = incoming.headers.origin;
  if (!origin || !LOOPBACK_ORIGIN.test(origin)) return false;
  outgoing.setHeader('access-control-allow-origin', origin);
  outgoing.setHeader('access-control-expose-headers', 'ETag, Location');
  outgoing.setHeader('vary', 'Origin');
  if (incoming.method !== 'OPTIONS') return false;
  outgoing.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
  outgoing.setHeader('access-control-allow-headers', 'Content-Type, If-Match, X-Portier-Actor, Authorization');
  outgoing.setHeader('access-control-max-age', '600');
  outgoing.statusCode = 204;
  outgoing.end();
  return true;
}
