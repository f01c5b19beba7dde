import { PortierError, USER_SORT_KEYS, parseOrThrow, userQuerySchema, type UserQuery } from '@portier/core';

/** A `validation` error on one field. */
export const validation = (path: (string | number)[], code: string, message?: string) =>
  new PortierError('validation', { issues: [message ? { path, code, message } : { path, code }] });

/** A text parameter of at most `max` characters. */
export function text(search: URLSearchParams, name: string, max: number): string | undefined {
  const value = search.get(name);
  if (value === null) return undefined;
  if (value.length > max) throw validation([name], 'too_big');
  return value;
}

function integer(search: URLSearchParams, name: string): number | undefined {
  const value = search.get(name);
  if (value === null) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw validation([name], 'invalid_type', 'expected integer');
  return Number(value);
}

/** `limit`, 1 to 1000. */
export function limitOf(search: URLSearchParams): { limit?: number } {
  const limit = integer(search, 'limit');
  if (limit !== undefined && (limit < 1 || limit > 1000)) throw validation(['limit'], limit < 1 ? 'too_small' : 'too_big');
  return limit === undefined ? {} : { limit };
}

/** `?email=&clientId=&role=&status=&kind=&sort=lastName:desc&offset=&limit=` → a validated UserQuery. */
export function userQueryOf(search: URLSearchParams): UserQuery {
  const query: Record<string, unknown> = {};
  for (const name of ['email', 'clientId', 'role', 'status', 'kind'] as const) {
    const value = search.get(name);
    if (value !== null) query[name] = value;
  }
  const sort = search.get('sort');
  if (sort !== null) {
    const [key, direction = 'asc'] = sort.split(':');
    query['sort'] = { key, direction };
    if (!(USER_SORT_KEYS as readonly string[]).includes(key ?? '')) throw validation(['sort'], 'invalid_value');
  }
  for (const name of ['offset', 'limit'] as const) {
    const value = integer(search, name);
    if (value !== undefined) query[name] = value;
  }
  return parseOrThrow(userQuerySchema, query);
}
