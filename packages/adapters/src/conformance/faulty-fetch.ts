/** A fault a {@link createFaultyFetch} injects into the next request. */
export type Fault =
  /** Answer 500 / 503 / 412 without reaching the server. */
  | 'status-500'
  | 'status-503'
  | 'status-412'
  /** Never answer (until the client aborts): a timeout. */
  | 'hang'
  /** The connection drops before the request reaches the server. */
  | 'drop-before'
  /** The server handles the request, then the connection drops: the answer is lost. */
  | 'drop-after'
  /** The server handles the request; the client gets 200 with a body that is not JSON. */
  | 'malformed-json'
  /** The server handles the request; the client gets 200 with JSON that breaks the core schemas. */
  | 'schema-violation';

/** Every fault, for matrices. */
export const FAULTS: readonly Fault[] = ['status-500', 'status-503', 'status-412', 'hang', 'drop-before', 'drop-after', 'malformed-json', 'schema-violation'];

/** A fetch that injects queued faults in front of a real one. */
export interface FaultyFetch {
  fetch: typeof fetch;
  /** Queues faults for the next requests (one each); `match` limits them to some requests. */
  inject(fault: Fault, match?: (request: Request) => boolean): void;
  /** Requests seen, in order (method and URL path). */
  readonly seen: string[];
}

/** Breaks the first user of a body so that `userSchema` refuses it (a REST version becomes a string, a SCIM language unknown). */
function violate(text: string): string {
  const body = JSON.parse(text) as Record<string, unknown>;
  // A SCIM resource: a language no Portier user can have.
  if (typeof body['userName'] === 'string') return JSON.stringify({ ...body, preferredLanguage: 'tlh' });
  const users = (body['users'] ?? body['items'] ?? (body['data'] as Record<string, unknown> | undefined)?.['users']) as unknown;
  const first = Array.isArray(users) ? users[0] : users && typeof users === 'object' ? Object.values(users)[0] : undefined;
  if (first && typeof first === 'object') (first as Record<string, unknown>)['version'] = 'seven';
  else body['unexpected'] = true;
  return JSON.stringify(Array.isArray(body) ? [{ id: 42 }] : body);
}

/**
 * Wraps `inner` (the network, an MSW-patched fetch, or a handler) to inject faults: the fault
 * matrix of the REST path. Test-only, but plain fetch so it also runs in a browser.
 */
export function createFaultyFetch(inner: typeof fetch): FaultyFetch {
  const queue: { fault: Fault; match: (request: Request) => boolean }[] = [];
  const seen: string[] = [];
  const faulty = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
    const index = queue.findIndex((entry) => entry.match(request));
    const fault = index === -1 ? undefined : queue.splice(index, 1)[0]!.fault;
    switch (fault) {
      case undefined:
        return inner(request);
      case 'status-500':
        return new Response('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain' } });
      case 'status-503':
        return new Response('', { status: 503 });
      case 'status-412':
        return new Response('', { status: 412 });
      case 'hang': {
        // Listen on the caller's own signal: the copy a `new Request` makes follows it through an
        // AbortController that undici holds only weakly, so once garbage-collected (a busy test
        // run) the copy never aborts and the "hung" request hangs the test for good.
        const signal = init?.signal ?? (input instanceof Request ? input.signal : request.signal);
        return new Promise<Response>((_, reject) => {
          const abort = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
          if (signal.aborted) abort();
          signal.addEventListener('abort', abort, { once: true });
        });
      }
      case 'drop-before':
        throw new TypeError('fetch failed: connection reset (injected)');
      case 'drop-after':
        await (await inner(request)).arrayBuffer();
        throw new TypeError('fetch failed: connection reset after the request (injected)');
      case 'malformed-json': {
        const response = await inner(request);
        await response.arrayBuffer();
        return new Response('{"users": [', { status: 200, headers: { 'content-type': 'application/json' } });
      }
      case 'schema-violation': {
        const response = await inner(request);
        return new Response(violate(await response.text()), { status: 200, headers: { 'content-type': 'application/json' } });
      }
    }
  };
  return {
    fetch: faulty as typeof fetch,
    inject(fault, match = () => true) {
      queue.push({ fault, match });
    },
    seen,
  };
}
