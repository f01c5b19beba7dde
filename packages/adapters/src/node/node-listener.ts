import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** A fetch-style handler, such as `createRestHandler`'s. */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Serves a fetch-style handler from `node:http` (or Express, Fastify's raw mode…): converts each
 * IncomingMessage to a `Request` (its body streamed, aborted when the client goes away) and the
 * `Response` back. The request's URL is built on `origin` (default `http://localhost`): the
 * handler reads only its path and query.
 * @example createServer(toNodeListener(createRestHandler(backend, { resolveActor, basePath: '/api/portier' }))).listen(8080);
 */
export function toNodeListener(handler: FetchHandler, options: { origin?: string } = {}): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  const origin = (options.origin ?? 'http://localhost').replace(/\/+$/, '');
  return (incoming, outgoing) => void respond(handler, incoming, outgoing, origin);
}

async function respond(handler: FetchHandler, incoming: IncomingMessage, outgoing: ServerResponse, origin: string): Promise<void> {
  const controller = new AbortController();
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    const method = incoming.method ?? 'GET';
    // Methods a fetch Request cannot carry (TRACE echoes headers back: never served).
    if (/^(CONNECT|TRACE|TRACK)$/i.test(method)) {
      outgoing.statusCode = 405;
      outgoing.end();
      return;
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const request = new Request(`${origin}${incoming.url ?? '/'}`, {
      method,
      headers,
      signal: controller.signal,
      ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    const response = await handler(request);
    outgoing.statusCode = response.status;
    // Headers joins repeated headers with commas, which Set-Cookie cannot take: each cookie goes on its own.
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') outgoing.setHeader(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies);
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch {
    if (!outgoing.headersSent) outgoing.statusCode = 500;
    outgoing.end();
  }
}
