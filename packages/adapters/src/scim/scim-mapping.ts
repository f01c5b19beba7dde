import { PortierError, grantSchema, userSchema, type FieldIssue, type Grant, type User } from '@portier/core';
import { PORTIER_EXTENSION, SCIM_ENTERPRISE, SCIM_USER } from './scim-urns.js';

/** A user read from SCIM: the Portier user, its grants, and the server's ETag for If-Match. */
export interface ScimRecord {
  user: User;
  grants: Grant[];
  etag: string;
}

type Json = Record<string, unknown>;

const OPTIONAL_TEXT = ['blockReason', 'activeUntil', 'signInLockedUntil', 'invitationExpiresAt'] as const;

/** The SCIM representation of a Portier user and its grants (core User + enterprise + Portier extension). */
export function toScim(user: User, grants: readonly Grant[]): Json {
  const phones = [
    ...(user.phone ? [{ value: user.phone, type: 'work' }] : []),
    ...(user.mobile ? [{ value: user.mobile, type: 'mobile' }] : []),
  ];
  const extension: Json = {
    role: user.role,
    kind: user.kind,
    signature: user.signature,
    status: user.status,
    managedClients: user.managedClientIds.map((value) => ({ value })),
    grants: grants.map((grant) => ({ ...grant })),
    failedSignIns: user.failedSignIns,
    passwordSet: user.passwordSet,
    createdAt: user.createdAt,
    version: user.version,
  };
  for (const key of OPTIONAL_TEXT) if (user[key] !== undefined) extension[key] = user[key];
  if (user.passwordExpired !== undefined) extension['passwordExpired'] = user.passwordExpired;
  return {
    schemas: [SCIM_USER, SCIM_ENTERPRISE, PORTIER_EXTENSION],
    userName: user.email,
    name: { givenName: user.firstName, familyName: user.lastName },
    displayName: `${user.firstName} ${user.lastName}`.trim() || user.email,
    emails: [{ value: user.email, type: 'work', primary: true }],
    ...(phones.length > 0 ? { phoneNumbers: phones } : {}),
    preferredLanguage: user.language,
    active: user.status === 'active',
    [SCIM_ENTERPRISE]: { organization: user.organizationId },
    [PORTIER_EXTENSION]: extension,
  };
}

const invalid = (detail: string, issues?: FieldIssue[]) => new PortierError('server', { reason: 'invalid-scim-resource', detail, ...(issues ? { issues } : {}) });

/** The entries of a multi-valued attribute (none when absent); an entry that is not an object is a `server` error. */
function objectsIn(value: unknown, name: string): Json[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((entry) => entry === null || typeof entry !== 'object')) throw invalid(name);
  return value as Json[];
}

/**
 * A single-valued complex attribute (`name`, an extension, `meta`): none when absent or null; any
 * other value than an object is a `server` error. Read as none, its defaults (no names, role
 * `user`, no rights) would be written back over the real values by Portier's next PATCH.
 */
function objectOf(value: unknown, name: string): Json {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(name);
  return value as Json;
}

/**
 * An entity-tag (RFC 9110 §8.8.3) without obs-text: a character above 0x7E read from JSON is not
 * the byte a header would send back (and above 0xFF cannot be sent at all).
 */
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7E]*"$/;

/**
 * `value` when it is an entity-tag, else a `server` error. An empty ETag would send a write without
 * If-Match and `*` would match any version: either way a concurrent change would be overwritten.
 */
export function entityTag(value: string): string {
  if (!ENTITY_TAG.test(value)) throw invalid('ETag');
  return value;
}

/**
 * The account status: Portier's own, except that `active: false` wins over an `active` one. An
 * identity provider deprovisions with `active: false` alone (RFC 7643 §4.1.1); a user it disabled
 * must not go on acting, nor be written back as active by Portier's next change.
 */
function statusOf(status: unknown, active: unknown): unknown {
  if (active === false && (status === undefined || status === 'active')) return 'deactivated';
  return status ?? 'active';
}

/** Reads a SCIM User back; anything the core schemas refuse is a `server` error. */
export function fromScim(resource: unknown, fallbackEtag?: string): ScimRecord {
  if (!resource || typeof resource !== 'object') throw invalid('not an object');
  const body = resource as Json;
  const extension = objectOf(body[PORTIER_EXTENSION], PORTIER_EXTENSION);
  const enterprise = objectOf(body[SCIM_ENTERPRISE], SCIM_ENTERPRISE);
  const name = objectOf(body['name'], 'name');
  const phones = objectsIn(body['phoneNumbers'], 'phoneNumbers');
  const meta = objectOf(body['meta'], 'meta');
  const candidate: Json = {
    id: body['id'],
    organizationId: enterprise['organization'],
    email: body['userName'],
    firstName: name['givenName'] ?? '',
    lastName: name['familyName'] ?? '',
    language: body['preferredLanguage'],
    kind: extension['kind'] ?? 'login',
    role: extension['role'] ?? 'user',
    signature: extension['signature'] ?? 'individual',
    status: statusOf(extension['status'], body['active']),
    managedClientIds: objectsIn(extension['managedClients'], 'managedClients').map((entry) => entry['value']),
    failedSignIns: extension['failedSignIns'] ?? 0,
    passwordSet: extension['passwordSet'] ?? false,
    createdAt: extension['createdAt'] ?? meta['created'],
    version: extension['version'] ?? 0,
  };
  const phone = phones.find((entry) => entry['type'] === 'work')?.['value'];
  const mobile = phones.find((entry) => entry['type'] === 'mobile')?.['value'];
  if (phone !== undefined) candidate['phone'] = phone;
  if (mobile !== undefined) candidate['mobile'] = mobile;
  for (const key of OPTIONAL_TEXT) if (extension[key] !== undefined && extension[key] !== null) candidate[key] = extension[key];
  if (typeof extension['passwordExpired'] === 'boolean') candidate['passwordExpired'] = extension['passwordExpired'];
  const user = userSchema.safeParse(candidate);
  if (!user.success) throw invalid('user', user.error.issues.map((issue) => ({ path: issue.path.map(String), code: String(issue.code) })));
  const grants: Grant[] = [];
  // Rights that are not a list are refused, not read as none: a later write would store none over them.
  for (const entry of objectsIn(extension['grants'], 'grants')) {
    const grant = grantSchema.safeParse(entry);
    if (!grant.success) throw invalid('grant');
    grants.push(grant.data);
  }
  const etag = typeof meta['version'] === 'string' ? meta['version'] : fallbackEtag;
  if (etag === undefined) throw invalid('no ETag (meta.version)');
  return { user: user.data, grants, etag: entityTag(etag) };
}

/** The core User's multi-valued attributes that Portier writes. */
const MULTI_VALUED = ['emails', 'phoneNumbers'] as const;

/**
 * PATCH operations from one SCIM representation to the next: one path-less `replace` with every
 * single-valued attribute and the extensions, a `replace` with a path for each multi-valued
 * attribute that changed (replaced whole, RFC 7644 §3.5.2.3; some servers, scimmy among them, add
 * the values of a path-less replace to the old ones instead), and a `remove` for each attribute
 * that went away (a path-less replace leaves absent attributes as they were).
 */
export function patchOperations(before: Json, after: Json): Json[] {
  const { schemas: _schemas, ...value } = after;
  for (const key of MULTI_VALUED) delete value[key];
  const operations: Json[] = [{ op: 'replace', value }];
  for (const key of MULTI_VALUED) {
    if (after[key] === undefined) {
      if (before[key] !== undefined) operations.push({ op: 'remove', path: key });
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      operations.push({ op: 'replace', path: key, value: after[key] });
    }
  }
  const old = (before[PORTIER_EXTENSION] ?? {}) as Json;
  const next = (after[PORTIER_EXTENSION] ?? {}) as Json;
  for (const key of Object.keys(old)) if (next[key] === undefined) operations.push({ op: 'remove', path: `${PORTIER_EXTENSION}:${key}` });
  return operations;
}
