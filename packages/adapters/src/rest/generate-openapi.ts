import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PORTIER_ERROR_CODES, USER_SORT_KEYS, ACCOUNT_STATUSES, ROLES, USER_KINDS, LEVELS, LANGUAGES, SIGNATURES } from '@portier/core';
import { STATUS_OF } from './problem.js';
import { ROUTES } from './routes.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const int = { type: 'integer', minimum: 0 };
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });
const arr = (items: unknown) => ({ type: 'array', items });
/** A request body's object: a key it does not define is refused with 400 `validation` (`unrecognized_keys`). */
const input = (properties: Record<string, unknown>, required: string[] = []) => ({ ...obj(properties, required), additionalProperties: false });

const schemas: Record<string, unknown> = {
  Problem: obj({ type: str, title: str, status: { type: 'integer' }, code: { enum: [...PORTIER_ERROR_CODES] }, detail: str, details: { type: 'object', additionalProperties: true } }, ['type', 'title', 'status', 'code']),
  Level: { enum: [...LEVELS] },
  Role: { enum: [...ROLES] },
  Signature: { enum: [...SIGNATURES] },
  Language: { enum: [...LANGUAGES] },
  Grant: obj({ clientId: str, applicationId: str, level: ref('Level'), profile: str }, ['clientId', 'applicationId', 'level']),
  GrantChange: input({ clientId: str, applicationId: str, level: ref('Level'), profile: str }, ['clientId', 'applicationId', 'level']),
  User: obj({
    id: str, organizationId: str, email: str, firstName: str, lastName: str, phone: str, mobile: str, language: ref('Language'),
    kind: { enum: [...USER_KINDS] }, role: ref('Role'), signature: ref('Signature'), status: { enum: [...ACCOUNT_STATUSES] },
    blockReason: { enum: ['admin', 'failed-sign-ins'] }, activeUntil: { type: 'string', format: 'date' }, managedClientIds: arr(str),
    failedSignIns: int, signInLockedUntil: str, passwordSet: { type: 'boolean' }, passwordExpired: { type: 'boolean' }, invitationExpiresAt: str,
    createdAt: str, version: { ...int, description: 'Bumped on every change; the ETag is W/"<version>".' },
  }, ['id', 'organizationId', 'email', 'firstName', 'lastName', 'language', 'kind', 'role', 'signature', 'status', 'managedClientIds', 'failedSignIns', 'passwordSet', 'createdAt', 'version']),
  Client: obj({ id: str, organizationId: str, name: str, number: str, vat: str }, ['id', 'organizationId', 'name', 'number', 'vat']),
  AuditEntry: obj({ id: str, at: str, organizationId: str, actorId: str, action: str, targetId: str, before: { type: 'object' }, after: { type: 'object' } }, ['id', 'at', 'organizationId', 'actorId', 'action', 'targetId', 'before', 'after']),
  PortierData: obj({
    organizations: { type: 'object', additionalProperties: { type: 'object' } },
    clients: { type: 'object', additionalProperties: ref('Client') },
    applications: { type: 'object', additionalProperties: { type: 'object' } },
    contracts: { type: 'object', additionalProperties: { type: 'object' } },
    users: { type: 'object', additionalProperties: ref('User') },
    grants: { type: 'object', additionalProperties: arr(ref('Grant')) },
  }, ['organizations', 'clients', 'applications', 'contracts', 'users', 'grants']),
  Snapshot: obj({ actorId: str, data: ref('PortierData') }, ['actorId', 'data']),
  UserPage: obj({ items: arr(ref('User')), total: int, offset: int }, ['items', 'total', 'offset']),
  UserWithGrants: obj({ user: ref('User'), grants: arr(ref('Grant')) }, ['user', 'grants']),
  Changes: obj({ users: arr(ref('User')), grants: { type: 'object', additionalProperties: arr(ref('Grant')) }, removedUserIds: arr(str) }, ['users', 'grants', 'removedUserIds']),
  AccessSetup: { oneOf: [
    input({ mode: { const: 'individual' }, grants: arr(ref('GrantChange')) }, ['mode', 'grants']),
    input({ mode: { const: 'copy' }, sourceUserId: str, excludeApplications: arr(str) }, ['mode', 'sourceUserId']),
    input({ mode: { const: 'authorize-all' }, levels: { type: 'object', additionalProperties: ref('Level') } }, ['mode', 'levels']),
  ] },
  CreateUserInput: input({ email: { type: 'string', format: 'email', maxLength: 254 }, firstName: str, lastName: str, phone: str, mobile: str, language: ref('Language'), role: ref('Role'), kind: { enum: [...USER_KINDS] }, signature: ref('Signature'), managedClientIds: arr(str), access: ref('AccessSetup') }, ['email', 'firstName', 'lastName', 'language']),
  ProfileChanges: input({ email: { type: 'string', description: 'Refused with not-editable when it differs.' }, firstName: str, lastName: str, phone: str, mobile: str, language: ref('Language') }),
  SignInResult: obj({ userId: str, passwordChangeRequired: { type: 'boolean' } }, ['userId', 'passwordChangeRequired']),
  TokenInfo: obj({ kind: { enum: ['invitation', 'password-reset', 'unknown'] }, state: { enum: ['valid', 'expired', 'used', 'unknown'] }, email: str, firstName: str, lastName: str, passwordPolicy: {} }, ['kind', 'state']),
};

const commandBodies: Record<string, unknown> = {
  'users.create': ref('CreateUserInput'),
  'users.updateProfile': ref('ProfileChanges'),
  'users.setRole': input({ role: ref('Role') }, ['role']),
  'users.setSignature': input({ signature: ref('Signature') }, ['signature']),
  'users.deactivate': input({ until: { type: 'string', format: 'date', description: 'The last active day; omitted: now.' } }),
  'access.set': input({ grants: arr(ref('GrantChange')), removeClientIds: arr(str) }, ['grants']),
  'access.copyFrom': input({ sourceUserId: str, excludeApplications: arr(str) }, ['sourceUserId']),
  'access.authorizeAll': input({ levels: { type: 'object', additionalProperties: ref('Level'), description: 'One level per contract type.' } }, ['levels']),
  'clients.setManaged': input({ clientIds: arr(str) }, ['clientIds']),
};
const sessionBodies: Record<string, [unknown, string?]> = {
  signIn: [obj({ email: str, password: str }, ['email', 'password']), 'SignInResult'],
  inspectToken: [obj({ token: str }, ['token']), 'TokenInfo'],
  acceptInvitation: [obj({ token: str, password: str }, ['token', 'password'])],
  requestNewInvitation: [obj({ token: str }, ['token'])],
  requestPasswordReset: [obj({ email: str }, ['email'])],
  completePasswordReset: [obj({ token: str, password: str }, ['token', 'password'])],
  changePassword: [obj({ email: str, currentPassword: str, newPassword: str }, ['email', 'currentPassword', 'newPassword'])],
};
const q = (name: string, schema: unknown, description?: string) => ({ name, in: 'query', required: false, schema, ...(description ? { description } : {}) });
const queries: Record<string, unknown[]> = {
  listUsers: [
    q('email', { type: 'string', maxLength: 254 }, 'Substring of the e-mail, case-insensitive.'),
    q('clientId', str, 'Users managing the client or holding a right on it.'),
    q('role', ref('Role')), q('status', { enum: [...ACCOUNT_STATUSES] }, 'The effective status.'), q('kind', { enum: [...USER_KINDS] }),
    q('sort', { type: 'string', pattern: `^(${USER_SORT_KEYS.join('|')})(:(asc|desc))?$` }, 'Column and direction, e.g. lastName:desc. Default email:asc.'),
    q('offset', int), q('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 50 }),
  ],
  searchClients: [q('text', { type: 'string', maxLength: 200 }, 'Name, number or VAT number.'), q('limit', { type: 'integer', minimum: 1, maximum: 1000 })],
  listAudit: [q('userId', str, 'Entries about or by this user.'), q('limit', { type: 'integer', minimum: 1, maximum: 1000 })],
};
const responseOf: Record<string, string> = { load: 'Snapshot', listUsers: 'UserPage', getUser: 'UserWithGrants', searchClients: 'Client[]', listAudit: 'AuditEntry[]' };
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const content = (name: string) => ({ 'application/json': { schema: name.endsWith('[]') ? arr(ref(name.slice(0, -2))) : ref(name) } });

/**
 * The OpenAPI 3.1 document of the REST contract, built from the route table (`openapi.json` is its
 * output; a test checks that the file and the handler agree). Run this file to write it again.
 */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const op: Record<string, unknown> = { operationId: route.command ?? route.operation, tags: [route.auth ? (route.command ? 'commands' : 'queries') : 'session'] };
    const parameters: unknown[] = [];
    if (route.path.includes('{id}')) parameters.push({ name: 'id', in: 'path', required: true, schema: str });
    if (route.auth) op.security = [{ actor: [] }];
    else op.security = [];
    const responses: Record<string, unknown> = {};
    if (route.command) {
      op.summary = `Command ${route.command}`;
      if (route.command !== 'users.create') parameters.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string', example: 'W/"3"' }, description: 'The user version the caller edited (of a list, any one); a stale one answers 412 (conflict).' });
      const body = commandBodies[route.command];
      // A body whose every key is optional may be left out (deactivate: now).
      const bodyRequired = Array.isArray((body as { required?: unknown } | undefined)?.required) || (body as { $ref?: unknown } | undefined)?.$ref !== undefined;
      if (body) op.requestBody = { required: bodyRequired, content: { 'application/json': { schema: body } } };
      else if (route.method !== 'DELETE') op.requestBody = { required: false, content: { 'application/json': { schema: input({}) } } };
      const etag = { ETag: { schema: str, description: 'W/"<version>" of the user acted upon, when the command changed it (none when it changed nothing).' } };
      responses[String(route.status)] = {
        description: 'What changed.',
        ...(route.method === 'DELETE' ? {} : { headers: { ...etag, ...(route.status === 201 ? { Location: { schema: str } } : {}) } }),
        content: content('Changes'),
      };
      responses['412'] = problem('Stale If-Match: conflict.');
    } else if (route.auth) {
      op.summary = `Query ${route.operation}`;
      parameters.push(...(queries[route.operation] ?? []));
      responses['200'] = { description: 'OK', ...(route.operation === 'getUser' ? { headers: { ETag: { schema: str } } } : {}), content: content(responseOf[route.operation]!) };
    if (route.operation === 'getUser') {
      parameters.push({ name: 'If-None-Match', in: 'header', required: false, schema: str, description: 'The ETag(s) held, compared weakly, or *; a match answers 304.' });
      responses['304'] = { description: 'Not modified.' };
    }
    } else {
      op.summary = `Session ${route.operation}`;
      const [body, result] = sessionBodies[route.operation]!;
      op.requestBody = { required: true, content: { 'application/json': { schema: body } } };
      responses[String(route.status)] = result ? { description: 'OK', content: content(result) } : { description: 'Done (the same answer whether or not an account exists, where that matters).' };
    }
    if (parameters.length) op.parameters = parameters;
    if (route.method !== 'GET' && route.method !== 'DELETE') {
      responses['400'] = problem(`Invalid JSON or input${route.command && route.command !== 'users.create' ? ', or a malformed If-Match' : ''} (validation, with the field issues).`);
      responses['413'] = problem('Body over the size limit.');
      responses['415'] = problem('Body not sent as application/json.');
    } else responses['400'] = problem(route.method === 'DELETE' ? 'Malformed If-Match (validation).' : 'Invalid query (validation).');
    if (route.auth) responses['401'] = problem('No or an unknown actor.');
    responses['405'] = { ...problem('A method this path does not serve; Allow lists those it does.'), headers: { Allow: { schema: str } } };
    responses['default'] = problem('Any other PortierError; the status follows the code (see x-portier-status).');
    op.responses = responses;
    (paths[route.path] ??= {})[route.method.toLowerCase()] = op;
  }

  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'Portier REST contract',
      version: '0.1.0',
      description: 'Every operation of the PortierBackend port over HTTP + JSON. Served by createRestHandler, called by createRestBackend. Errors are application/problem+json carrying the PortierError code. Users carry ETag W/"<version>"; writes take If-Match; a stale one gets 412 (conflict). HEAD is served wherever GET is.',
    },
    servers: [{ url: 'http://127.0.0.1:4010/api/portier', description: 'pnpm start:rest' }],
    'x-portier-status': STATUS_OF,
    paths,
    components: {
      schemas,
      securitySchemes: { actor: { type: 'apiKey', in: 'header', name: 'X-Portier-Actor', description: 'The demo resolver; a host resolves the actor from its own session (cookie, bearer token).' } },
    },
  };
  return doc;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../../openapi.json', import.meta.url));
  writeFileSync(target, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
  console.log(`wrote ${target}`);
}
