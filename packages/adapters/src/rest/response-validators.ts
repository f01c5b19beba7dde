import {
  PortierError,
  auditEntrySchema,
  clientSchema,
  grantSchema,
  passwordPolicySchema,
  portierDataSchema,
  userSchema,
  type AuditEntry,
  type Changes,
  type Client,
  type FieldIssue,
  type SignInResult,
  type Snapshot,
  type TokenInfo,
  type UserPage,
} from '@portier/core';
import { defineOwn } from '../internal/define-own.js';
import { nestedWithin } from './problem.js';

type Path = (string | number)[];

/** A server answer that does not match the contract: a `server` error listing where. */
function invalid(path: Path, code: string, message?: string): never {
  const issue: FieldIssue = message ? { path, code, message } : { path, code };
  throw new PortierError('server', { reason: 'invalid-response', issues: [issue] });
}

interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; code: string; message?: string }[] } };
}

function withSchema<T>(schema: SafeParser<T>, value: unknown, path: Path): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: [...path, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    code: issue.code,
  }));
  throw new PortierError('server', { reason: 'invalid-response', issues });
}

function object(value: unknown, path: Path): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(path, 'invalid_type', 'expected object');
  return value as Record<string, unknown>;
}

function array<T>(value: unknown, path: Path, item: (value: unknown, path: Path) => T): T[] {
  if (!Array.isArray(value)) invalid(path, 'invalid_type', 'expected array');
  return value.map((entry, index) => item(entry, [...path, index]));
}

function string(value: unknown, path: Path): string {
  if (typeof value !== 'string') invalid(path, 'invalid_type', 'expected string');
  return value;
}

function count(value: unknown, path: Path): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) invalid(path, 'invalid_type', 'expected a non-negative integer');
  return value;
}

const user = (value: unknown, path: Path) => withSchema(userSchema, value, path);

/**
 * More users than any portal holds: a total above it is a broken answer, and a list sized by it
 * could not even be allocated.
 */
const MAX_LIST_TOTAL = 10_000_000;

/** How deep an audited value may nest: the screens print it, and a deeper one would cost a stack. */
const MAX_AUDIT_DEPTH = 8;

/** Validators of every success body of the contract, by operation. Each throws `server` on a mismatch. */
export const readResponse = {
  load(value: unknown): Snapshot {
    const body = object(value, []);
    const actorId = string(body['actorId'], ['actorId']);
    if (actorId === '') invalid(['actorId'], 'too_small');
    return { actorId, data: withSchema(portierDataSchema, body['data'], ['data']) };
  },
  listUsers(value: unknown): UserPage {
    const body = object(value, []);
    const page = { items: array(body['items'], ['items'], user), total: count(body['total'], ['total']), offset: count(body['offset'], ['offset']) };
    if (page.total > MAX_LIST_TOTAL) invalid(['total'], 'too_big', `expected at most ${MAX_LIST_TOTAL}`);
    if (page.items.length > 0 && page.offset + page.items.length > page.total) invalid(['total'], 'too_small', 'expected at least offset + items');
    return page;
  },
  searchClients(value: unknown): Client[] {
    return array(value, [], (entry, path) => withSchema(clientSchema, entry, path));
  },
  listAudit(value: unknown): AuditEntry[] {
    return array(value, [], (entry, path) => {
      const audited = withSchema(auditEntrySchema, entry, path);
      for (const side of ['before', 'after'] as const) if (!nestedWithin(audited[side], MAX_AUDIT_DEPTH)) invalid([...path, side], 'too_big', 'nested too deep');
      return audited;
    });
  },
  execute(value: unknown): Changes {
    const body = object(value, []);
    const grantsBody = object(body['grants'], ['grants']);
    const grants: Changes['grants'] = {};
    for (const [userId, list] of Object.entries(grantsBody)) {
      const value = array(list, ['grants', userId], (entry, path) => withSchema(grantSchema, entry, path));
      defineOwn(grants, userId, value);
    }
    return { users: array(body['users'], ['users'], user), grants, removedUserIds: array(body['removedUserIds'], ['removedUserIds'], string) };
  },
  signIn(value: unknown): SignInResult {
    const body = object(value, []);
    if (typeof body['passwordChangeRequired'] !== 'boolean') invalid(['passwordChangeRequired'], 'invalid_type', 'expected boolean');
    return { userId: string(body['userId'], ['userId']), passwordChangeRequired: body['passwordChangeRequired'] };
  },
  inspectToken(value: unknown): TokenInfo {
    const body = object(value, []);
    const kind = body['kind'];
    const state = body['state'];
    if (kind !== 'invitation' && kind !== 'password-reset' && kind !== 'unknown') invalid(['kind'], 'invalid_value');
    if (state !== 'valid' && state !== 'expired' && state !== 'used' && state !== 'unknown') invalid(['state'], 'invalid_value');
    const info: TokenInfo = { kind, state };
    for (const key of ['email', 'firstName', 'lastName'] as const) if (body[key] !== undefined) info[key] = string(body[key], [key]);
    if (body['passwordPolicy'] !== undefined) info.passwordPolicy = withSchema(passwordPolicySchema, body['passwordPolicy'], ['passwordPolicy']);
    return info;
  },
};
