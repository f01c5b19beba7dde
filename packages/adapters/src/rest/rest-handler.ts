import { PortierError, grantsOf, isPortierError, parseCommand, type BackendContext, type PortierBackend } from '@portier/core';
import { headAsGet } from './head-as-get.js';
import { problemResponse } from './problem.js';
import { limitOf, text, userQueryOf, validation } from './query-params.js';
import { BodyUnreadable, PayloadTooLarge, UnsupportedMediaType, readJson } from './read-json-body.js';
import { commandOfRequest, etagOf, matchRoute, noneMatchHolds, versionOfIfMatch, versionsOfEtags, type Route } from './routes.js';

/** Options of {@link createRestHandler}. */
export interface RestHandlerOptions {
  /**
   * Who sends the request (a session cookie, a bearer token…). `undefined` answers 401. The demo
   * reads the `X-Portier-Actor` header; a real server never trusts a header like that.
   */
  resolveActor: (request: Request) => string | undefined | Promise<string | undefined>;
  /** Largest request body accepted; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Path prefix the contract is mounted under, e.g. `/api`. Default: none. */
  basePath?: string;
  /**
   * Hears every failure answered as a server error (500), with what the answer leaves out: an
   * identity provider's or a database's own text, a stack. Default: `console.error`.
   */
  onServerError?: (error: unknown, request: Request) => void;
}

/** A REST handler: the contract as a `(Request) => Promise<Response>` function (Node servers, MSW, workers). */
export type RestHandler = (request: Request) => Promise<Response>;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/**
 * Serves the REST contract (`openapi.json`) from any {@link PortierBackend}. Every input is
 * validated with the core's zod schemas; authorization is the backend's (which asks `can`).
 * HEAD is served wherever GET is. Unknown routes answer 404, bad JSON 400, bodies over `maxBodyBytes` 413, bodies not sent as JSON 415, no or an unknown actor 401,
 * a stale If-Match 412; every error is `application/problem+json` with the PortierError code.
 * @example
 * const handler = createRestHandler(createMemoryBackend(), { resolveActor: (r) => r.headers.get('x-portier-actor') ?? undefined });
 */
export function createRestHandler(backend: PortierBackend, options: RestHandlerOptions): RestHandler {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');

  return headAsGet(handle);

  async function handle(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url);
      if (basePath && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) throw new PortierError('not-found', { reason: 'route' });
      const match = matchRoute(request.method.toUpperCase(), url.pathname.slice(basePath.length) || '/');
      if (!match) throw new PortierError('not-found', { reason: 'route' });
      if ('allowed' in match) {
        const allowed = match.allowed.includes('GET') ? [...match.allowed, 'HEAD'] : match.allowed;
        return problemResponse(new PortierError('not-found', { reason: 'method' }), 405, { allow: allowed.join(', ') });
      }
      const { route, params } = match;
      let ctx: BackendContext = { signal: request.signal };
      if (route.auth) {
        // Anything but a non-empty string is nobody (a plain-JS resolver may answer null).
        const actorId: unknown = await options.resolveActor(request);
        if (typeof actorId !== 'string' || actorId === '') return problemResponse(new PortierError('forbidden', { reason: 'unauthenticated' }), 401);
        ctx = { ...ctx, actorId };
      }
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : await readJson(request, maxBodyBytes);
      return await serve(backend, route, params, url.searchParams, body, request, ctx);
    } catch (error) {
      if (error instanceof PayloadTooLarge) return problemResponse(new PortierError('validation', { reason: 'body-too-large', limit: maxBodyBytes }), 413);
      // The client closed the connection halfway through its body: its mistake or its network's, not this server's.
      if (error instanceof BodyUnreadable) return problemResponse(new PortierError('validation', { reason: 'body-incomplete' }), 400);
      if (error instanceof UnsupportedMediaType) return problemResponse(new PortierError('validation', { reason: 'body-not-json', accept: 'application/json' }), 415, { 'accept-post': 'application/json' });
      // Only PortierErrors travel as they are: anything else is a bug whose message stays on the server.
      const portierError = isPortierError(error) ? error : new PortierError('server', { reason: 'internal' });
      if (portierError.code === 'forbidden' && portierError.details?.['reason'] === 'unknown-actor') return problemResponse(portierError, 401);
      if (portierError.code !== 'server' && portierError.code !== 'network') return problemResponse(portierError);
      // A backend's network trouble is this server's failure as seen by its caller. Its details
      // (a provider's message, a host name, a cause) stay on the server: only a plain reason goes.
      (options.onServerError ?? logServerError)(error, request);
      return problemResponse(new PortierError('server', plainReason(portierError.details?.['reason'])));
    }
  }
}

const logServerError = (error: unknown, request: Request) => console.error(`portier: ${request.method} ${new URL(request.url).pathname} failed`, error);

/** A reason worth telling the caller: a short code of our own (`internal`, `unreachable`), not a sentence from elsewhere. */
const plainReason = (reason: unknown): { reason?: string } => (typeof reason === 'string' && /^[a-z0-9-]{1,40}$/.test(reason) ? { reason } : {});

async function serve(
  backend: PortierBackend,
  route: Route,
  params: Record<string, string>,
  search: URLSearchParams,
  body: unknown,
  request: Request,
  ctx: BackendContext,
): Promise<Response> {
  switch (route.operation) {
    case 'load':
      return json(await backend.load(ctx));
    case 'listUsers':
      return json(await backend.listUsers(ctx, userQueryOf(search)));
    case 'getUser': {
      const { data } = await backend.load(ctx);
      const id = params['id']!;
      const user = Object.hasOwn(data.users, id) ? data.users[id] : undefined;
      if (!user) throw new PortierError('not-found', { entity: 'user', id: params['id'] });
      const etag = etagOf(user.version);
      if (noneMatchHolds(request.headers.get('if-none-match'), user.version)) return new Response(null, { status: 304, headers: { etag } });
      return json({ user, grants: grantsOf(data, user.id) }, 200, { etag });
    }
    case 'searchClients':
      return json(await backend.searchClients(ctx, { text: text(search, 'text', 200) ?? '', ...limitOf(search) }));
    case 'listAudit': {
      const userId = text(search, 'userId', 200);
      return json(await backend.listAudit(ctx, { ...(userId === undefined ? {} : { userId }), ...limitOf(search) }));
    }
    case 'execute': {
      const ifMatch = request.headers.get('if-match');
      const listed = versionsOfEtags(ifMatch);
      if (listed === undefined) throw validation(['If-Match'], 'invalid_format', 'expected W/"<version>"');
      if (route.bodyKey === undefined && body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
        throw validation([], 'invalid_type', 'expected object');
      }
      const fields = (route.bodyKey === undefined && body ? body : {}) as Record<string, unknown>;
      // The path names the command and its user, If-Match the version: a body that says them again
      // is refused like any key the contract does not define, not silently overruled.
      const restated = ['type', 'userId', 'expectedVersion'].filter((key) => Object.hasOwn(fields, key));
      if (restated.length > 0) throw new PortierError('validation', { issues: restated.map((key) => ({ path: [key], code: 'unrecognized_keys' })) });
      const input = route.bodyKey ? body : fields;
      // A malformed request is answered 400 before anything is read (the README's promise), also
      // when several If-Match versions need the user's current one.
      parseCommand(commandOfRequest(route, params, input, undefined));
      // Of several listed versions, the one the user is at now passes; the backend checks it again atomically.
      const id = params['id'];
      const current = Array.isArray(listed) && listed.length > 1 && id !== undefined ? await versionOfUser(backend, ctx, id) : undefined;
      const command = parseCommand(commandOfRequest(route, params, input, versionOfIfMatch(ifMatch, current)));
      const changes = await backend.execute(ctx, command);
      const targetId = 'userId' in command ? command.userId : changes.users[0]?.id;
      const target = changes.users.find((user) => user.id === targetId);
      const headers: Record<string, string> = target ? { etag: etagOf(target.version) } : {};
      if (route.status === 201 && target) headers['location'] = `users/${encodeURIComponent(target.id)}`;
      return json(changes, route.status, headers);
    }
    default:
      return session(backend, route, body);
  }
}

async function versionOfUser(backend: PortierBackend, ctx: BackendContext, id: string): Promise<number | undefined> {
  const { data } = await backend.load(ctx);
  return Object.hasOwn(data.users, id) ? data.users[id]!.version : undefined;
}

async function session(backend: PortierBackend, route: Route, body: unknown): Promise<Response> {
  const field = (name: string) => {
    const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    const value = record?.[name];
    if (typeof value !== 'string' || value.length > 4096) throw validation([name], 'invalid_type', 'expected string');
    return value;
  };
  switch (route.operation) {
    case 'signIn':
      return json(await backend.signIn({ email: field('email'), password: field('password') }));
    case 'inspectToken':
      return json(await backend.inspectToken({ token: field('token') }));
    case 'acceptInvitation':
      await backend.acceptInvitation({ token: field('token'), password: field('password') });
      break;
    case 'requestNewInvitation':
      await backend.requestNewInvitation({ token: field('token') });
      break;
    case 'requestPasswordReset':
      await backend.requestPasswordReset({ email: field('email') });
      break;
    case 'completePasswordReset':
      await backend.completePasswordReset({ token: field('token'), password: field('password') });
      break;
    case 'changePassword':
      await backend.changePassword({ email: field('email'), currentPassword: field('currentPassword'), newPassword: field('newPassword') });
      break;
    default:
      throw new PortierError('not-found', { reason: 'route' });
  }
  return new Response(null, { status: 204 });
}
