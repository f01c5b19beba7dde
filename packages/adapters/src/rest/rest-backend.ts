import { PortierError, isPortierError, parseCommand, type BackendContext, type Command, type PortierBackend, type UserQuery } from '@portier/core';
import { AttemptTimedOut, startAttempt } from '../internal/attempt.js';
import { DEFAULT_MAX_RESPONSE_BYTES, PayloadTooLarge, readWithin } from '../internal/read-within.js';
import { refuseRedirect } from '../internal/redirect.js';
import { errorFromResponse } from './problem.js';
import { readResponse } from './response-validators.js';
import { COMMAND_ROUTES, OPERATION_ROUTES, bodyOfCommand, etagOf, fillPath, type Operation, type Route } from './routes.js';

/** Retries of idempotent reads. */
export interface RetryOptions {
  /** Extra attempts after the first. Default 2. */
  retries?: number;
  /** Delay before the first retry, doubled each time. Default 100 ms. */
  baseDelayMs?: number;
}

/** Options of {@link createRestBackend}. */
export interface RestBackendOptions {
  /** Where the contract is served, e.g. `https://portal.example/api/portier`. */
  baseUrl: string;
  /** Default: the global `fetch` (looked up at each call, so MSW can patch it). */
  fetch?: typeof fetch;
  /** Sent with every request (an Authorization header…). */
  headers?: Record<string, string>;
  /** Per attempt; a timeout rejects with `network`. Default 15 000 ms. */
  timeoutMs?: number;
  /** Retries of GET requests on network errors, 502, 503 and 504 only. `false` for none. */
  retry?: RetryOptions | false;
  /** A longer answer is cut off and refused as `server` (reason `response-too-large`). Default 128 MiB. */
  maxResponseBytes?: number;
}


/** The header that names the actor (`ctx.actorId`). */
export const ACTOR_HEADER = 'X-Portier-Actor';

interface Call {
  route: Route;
  params?: Record<string, string>;
  search?: Record<string, string | number | undefined>;
  body?: unknown;
  ifMatch?: string;
  ctx?: BackendContext;
}

/** A response read whole. */
interface Answer {
  status: number;
  ok: boolean;
  text: string;
}

const RETRY_STATUSES = new Set([502, 503, 504]);

/**
 * The port over HTTP: calls the REST contract (`openapi.json`) served by `createRestHandler`.
 * Every answer is validated with the core's schemas: a malformed or schema-violating one becomes a
 * `server` error with details, a failed or timed-out request a `network` error; `ctx.signal` aborts
 * with an AbortError. Only GETs are retried (network errors, 502, 503, 504) with exponential backoff.
 * `expectedVersion` travels as `If-Match: W/"<version>"`; a 412 rejects with `conflict`.
 * @example
 * const portier = createPortier({ backend: createRestBackend({ baseUrl: '/api/portier' }), actorId: 'u-001' });
 */
export function createRestBackend(options: RestBackendOptions): PortierBackend {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const retries = options.retry === false ? 0 : (options.retry?.retries ?? 2);
  const baseDelayMs = options.retry === false ? 0 : (options.retry?.baseDelayMs ?? 100);
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call(operation: Operation | 'execute', spec: Call): Promise<unknown> {
    const { route } = spec;
    let url = `${baseUrl}${fillPath(route.path, spec.params ?? {})}`;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.search ?? {})) if (value !== undefined) search.set(key, String(value));
    if (search.size > 0) url += `?${search}`;
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (spec.ifMatch) headers['if-match'] = spec.ifMatch;
    if (spec.ctx?.actorId !== undefined) headers[ACTOR_HEADER] = spec.ctx.actorId;
    const attempts = route.method === 'GET' ? retries + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await send(url, { method: route.method, headers, body: spec.body === undefined ? undefined : JSON.stringify(spec.body) }, spec.ctx?.signal);
        if (!RETRY_STATUSES.has(response.status) || attempt + 1 >= attempts) return read(operation, route, response);
      } catch (error) {
        if (!(isPortierError(error) && error.code === 'network') || attempt + 1 >= attempts) throw error;
      }
      await sleep(baseDelayMs * 2 ** attempt * (0.75 + Math.random() / 2), spec.ctx?.signal);
    }
  }

  /** One attempt with the caller's signal and the timeout, which covers the body too. */
  async function send(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Answer> {
    signal?.throwIfAborted();
    const attempt = startAttempt(timeoutMs, signal);
    try {
      const response = await attempt.within(doFetch(url, { ...init, redirect: 'manual', signal: attempt.signal }));
      refuseRedirect(response);
      const bytes = await attempt.within(readWithin(response.body, maxResponseBytes, attempt.signal));
      return { status: response.status, ok: response.ok, text: new TextDecoder().decode(bytes) };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isPortierError(error)) throw error;
      if (error instanceof PayloadTooLarge) throw new PortierError('server', { reason: 'response-too-large', limit: maxResponseBytes });
      if (error instanceof AttemptTimedOut || attempt.signal.aborted) throw new PortierError('network', { reason: 'timeout', timeoutMs });
      throw new PortierError('network', { reason: 'fetch-failed', cause: error instanceof Error ? error.message : String(error) });
    } finally {
      attempt.end();
    }
  }

  function read(operation: Operation | 'execute', route: Route, response: Answer): unknown {
    const { text } = response;
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        if (!response.ok) throw errorFromResponse(response.status, undefined);
        throw new PortierError('server', { reason: 'malformed-json', status: response.status });
      }
    }
    if (!response.ok) throw errorFromResponse(response.status, body);
    if (route.status === 204) return undefined;
    const validate = (readResponse as Record<string, (value: unknown) => unknown>)[operation];
    return validate ? validate(body) : body;
  }

  const op = (operation: Operation, spec: Omit<Call, 'route'>) => call(operation, { route: OPERATION_ROUTES[operation], ...spec });

  return {
    load: (ctx) => op('load', { ctx }) as ReturnType<PortierBackend['load']>,
    listUsers: (ctx, query: UserQuery) =>
      (op('listUsers', {
        ctx,
        search: {
          email: query.email,
          clientId: query.clientId,
          role: query.role,
          status: query.status,
          kind: query.kind,
          sort: query.sort ? `${query.sort.key}:${query.sort.direction}` : undefined,
          offset: query.offset,
          limit: query.limit,
        },
      }) as ReturnType<PortierBackend['listUsers']>).then((page) => {
        // Another page than the one asked for would be shown at the wrong rows.
        if (page.offset !== (query.offset ?? 0)) throw new PortierError('server', { reason: 'invalid-response', issues: [{ path: ['offset'], code: 'invalid_value' }] });
        return page;
      }),
    searchClients: (ctx, query) => op('searchClients', { ctx, search: { text: query.text, limit: query.limit } }) as ReturnType<PortierBackend['searchClients']>,
    listAudit: (ctx, query) => op('listAudit', { ctx, search: { userId: query.userId, limit: query.limit } }) as ReturnType<PortierBackend['listAudit']>,
    execute: (ctx, command: Command) => {
      // Checked here as the memory backend checks it: an id or a version that is not one would
      // otherwise change the route, or drop the If-Match and with it the conflict check.
      try {
        parseCommand(command);
      } catch (error) {
        return Promise.reject(error);
      }
      const route = COMMAND_ROUTES[command.type];
      const userId = 'userId' in command ? command.userId : undefined;
      const version = 'expectedVersion' in command ? command.expectedVersion : undefined;
      const body = bodyOfCommand(command) ?? {};
      return call('execute', {
        route,
        ctx,
        params: userId === undefined ? {} : { id: String(userId) },
        body,
        ...(typeof version === 'number' ? { ifMatch: etagOf(version) } : {}),
      }) as ReturnType<PortierBackend['execute']>;
    },
    signIn: (input) => op('signIn', { body: input }) as ReturnType<PortierBackend['signIn']>,
    inspectToken: (input) => op('inspectToken', { body: input }) as ReturnType<PortierBackend['inspectToken']>,
    acceptInvitation: (input) => op('acceptInvitation', { body: input }) as Promise<void>,
    requestNewInvitation: (input) => op('requestNewInvitation', { body: input }) as Promise<void>,
    requestPasswordReset: (input) => op('requestPasswordReset', { body: input }) as Promise<void>,
    completePasswordReset: (input) => op('completePasswordReset', { body: input }) as Promise<void>,
    changePassword: (input) => op('changePassword', { body: input }) as Promise<void>,
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

