import type { Command, CommandType } from '@portier/core';

/** HTTP methods of the contract. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Port operations other than `execute`, each with one route. */
export type Operation =
  | 'load'
  | 'listUsers'
  | 'getUser'
  | 'searchClients'
  | 'listAudit'
  | 'signIn'
  | 'inspectToken'
  | 'acceptInvitation'
  | 'requestNewInvitation'
  | 'requestPasswordReset'
  | 'completePasswordReset'
  | 'changePassword';

/** One route of the REST contract. `path` uses OpenAPI templates (`/users/{id}`). */
export interface Route {
  method: Method;
  path: string;
  /** The port operation served, or `execute` with `command`. */
  operation: Operation | 'execute';
  command?: CommandType;
  /** For commands: the command key the body carries (`input`, `changes`); otherwise the body is the command's other fields. */
  bodyKey?: 'input' | 'changes';
  /** Needs an actor (resolved by the handler's `resolveActor`). */
  auth: boolean;
  /** Status of a success. */
  status: 200 | 201 | 204;
}

const command = (method: Method, path: string, type: CommandType, bodyKey?: 'input' | 'changes'): Route =>
  bodyKey ? { method, path, operation: 'execute', command: type, bodyKey, auth: true, status: type === 'users.create' ? 201 : 200 } : { method, path, operation: 'execute', command: type, auth: true, status: 200 };
const query = (path: string, operation: Operation): Route => ({ method: 'GET', path, operation, auth: true, status: 200 });
const session = (path: string, operation: Operation, status: 200 | 204): Route => ({ method: 'POST', path, operation, auth: false, status });

/**
 * The REST contract, shared by `createRestHandler` (which serves it) and `createRestBackend`
 * (which calls it), and checked against `openapi.json` by a test.
 */
export const ROUTES: readonly Route[] = [
  query('/snapshot', 'load'),
  query('/users', 'listUsers'),
  query('/users/{id}', 'getUser'),
  query('/clients', 'searchClients'),
  query('/audit', 'listAudit'),
  command('POST', '/users', 'users.create', 'input'),
  command('PATCH', '/users/{id}', 'users.updateProfile', 'changes'),
  command('DELETE', '/users/{id}', 'users.remove'),
  command('POST', '/users/{id}/role', 'users.setRole'),
  command('POST', '/users/{id}/signature', 'users.setSignature'),
  command('POST', '/users/{id}/activate', 'users.activate'),
  command('POST', '/users/{id}/deactivate', 'users.deactivate'),
  command('POST', '/users/{id}/block', 'users.block'),
  command('POST', '/users/{id}/unblock', 'users.unblock'),
  command('POST', '/users/{id}/reset-password', 'users.resetPassword'),
  command('POST', '/users/{id}/resend-invitation', 'users.resendInvitation'),
  command('POST', '/users/{id}/make-login', 'users.makeLogin'),
  command('POST', '/users/{id}/grants', 'access.set'),
  command('POST', '/users/{id}/grants/copy', 'access.copyFrom'),
  command('POST', '/users/{id}/grants/authorize-all', 'access.authorizeAll'),
  command('PUT', '/users/{id}/managed-clients', 'clients.setManaged'),
  session('/session/sign-in', 'signIn', 200),
  session('/tokens/inspect', 'inspectToken', 200),
  session('/invitations/accept', 'acceptInvitation', 204),
  session('/invitations/request', 'requestNewInvitation', 204),
  session('/password-resets', 'requestPasswordReset', 204),
  session('/password-resets/complete', 'completePasswordReset', 204),
  session('/passwords/change', 'changePassword', 204),
];

/** The route of each command type. */
export const COMMAND_ROUTES = Object.fromEntries(ROUTES.filter((route) => route.command).map((route) => [route.command, route])) as Record<CommandType, Route>;

/** The route of each other operation. */
export const OPERATION_ROUTES = Object.fromEntries(ROUTES.filter((route) => route.operation !== 'execute').map((route) => [route.operation, route])) as Record<Operation, Route>;

/** Fills `{id}` in a route path (URL-encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Matches `pathname` (already without the base path) against the routes. */
export function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | { allowed: Method[] } | undefined {
  const allowed: Method[] = [];
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

function matchPath(template: string, pathname: string): Record<string, string> | undefined {
  const want = template.split('/');
  const have = pathname.replace(/\/+$/, '').split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    const value = have[i]!;
    if (segment.startsWith('{')) {
      if (value === '') return undefined;
      try {
        params[segment.slice(1, -1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    } else if (segment !== value) return undefined;
  }
  return params;
}

/** The JSON body a command travels with, and the command a body (plus route params and If-Match) stands for. */
export function bodyOfCommand(command: Command): unknown {
  const route = COMMAND_ROUTES[command.type];
  const record = command as Record<string, unknown>;
  if (route.bodyKey) return record[route.bodyKey];
  const { type: _type, userId: _userId, expectedVersion: _version, ...rest } = record;
  return rest;
}

/** Rebuilds the command from a route, its params, the JSON body and the If-Match version. */
export function commandOfRequest(route: Route, params: Record<string, string>, body: unknown, expectedVersion: number | undefined): unknown {
  const type = route.command!;
  if (route.bodyKey === 'input') return { type, input: body };
  const version = expectedVersion === undefined ? {} : { expectedVersion };
  if (route.bodyKey === 'changes') return { type, userId: params['id'], changes: body, ...version };
  const rest = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  return { ...rest, type, userId: params['id'], ...version };
}

/** `W/"<version>"`: the ETag of a user at this version. */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/**
 * The versions an If-Match or If-None-Match header lists (RFC 9110 §8.8.3: `"3"`, `W/"3"`, comma-separated):
 * `'any'` for none or `*`, `undefined` when a tag is unreadable.
 */
export function versionsOfEtags(header: string | null): number[] | 'any' | undefined {
  if (header === null || header.trim() === '' || header.trim() === '*') return 'any';
  const versions: number[] = [];
  for (const tag of header.split(',')) {
    // Empty list elements are ignored (RFC 9110 §5.6.1.2): `W/"0", ` is `W/"0"`.
    if (tag.trim() === '') continue;
    const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(tag);
    if (!match) return undefined;
    versions.push(Number(match[1]));
  }
  return versions.length > 0 ? versions : undefined;
}

/**
 * The version a command must find, from If-Match and the user's current version: `undefined` for none
 * or `*`, `NaN` when unreadable. Of a list, the current version when listed (the backend still checks
 * it atomically), else the first one, which then fails as a conflict.
 */
export function versionOfIfMatch(header: string | null, current?: number): number | undefined {
  const versions = versionsOfEtags(header);
  if (versions === 'any') return undefined;
  if (versions === undefined) return Number.NaN;
  return current !== undefined && versions.includes(current) ? current : versions[0];
}

/** True when If-None-Match names this version, or is `*` (weak comparison, as GET and HEAD use). */
export function noneMatchHolds(header: string | null, version: number): boolean {
  if (header === null || header.trim() === '') return false;
  const versions = versionsOfEtags(header);
  return versions === 'any' || (versions !== undefined && versions.includes(version));
}
