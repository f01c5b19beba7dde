import {
  PortierError,
  accountReducer,
  can,
  countSuperUsers,
  execute,
  grantsOf,
  isActiveSuperUser,
  normalizeEmail,
  parseOrThrow,
  selectUserPage,
  systemClock,
  userQuerySchema,
  type AuditDraft,
  type BackendContext,
  type Changes,
  type Clock,
  type Effect,
  type Grant,
  type PortierBackend,
  type PortierData,
  type User,
} from '@portier/core';
import { createScimClient, type ScimClientOptions } from './scim-client.js';
import { and, co, eq, or, type ScimFilter } from './scim-filter.js';
import { patchOperations, toScim, type ScimRecord } from './scim-mapping.js';
import { PORTIER_EXTENSION, SCIM_ENTERPRISE } from './scim-urns.js';
import { defineOwn } from '../internal/define-own.js';

/** Options of {@link createScimBackend}. */
export interface ScimBackendOptions extends ScimClientOptions {
  /**
   * The backend for what SCIM cannot carry: the catalogue (organization, clients, applications,
   * contracts), client search, the audit log, sign-in, tokens, invitations and passwords.
   * Without one, `load` answers the users with an empty catalogue, and the other operations
   * reject with `server` (`reason: 'not-carried-by-scim'`).
   */
  fallback?: PortierBackend;
  clock?: Clock;
  /** Receives the audit entries of each command (SCIM has no audit log). */
  onAudit?: (entries: AuditDraft[]) => void;
  /** Receives the effects of each command (invitation and reset e-mails, token revocations). */
  onEffects?: (effects: Effect[]) => void;
}

interface World {
  data: PortierData;
  etags: Map<string, string>;
  actor: User;
}

/**
 * `current` with each field the rule-4 guard changed from `old` to `written` put back to `old`,
 * where `current` still holds `written`: the undo takes back the guard's write and nothing else.
 */
function restoreWhereUnchanged(current: User, old: User, written: User): User {
  const { activeUntil: _until, blockReason: _reason, ...rest } = current;
  const statusKept = current.status !== written.status || current.blockReason !== written.blockReason;
  const status = statusKept ? current : old;
  const endDate = current.activeUntil !== written.activeUntil ? current : old;
  return {
    ...rest,
    role: current.role === written.role ? old.role : current.role,
    status: status.status,
    ...(status.blockReason === undefined ? {} : { blockReason: status.blockReason }),
    ...(endDate.activeUntil === undefined ? {} : { activeUntil: endDate.activeUntil }),
  };
}

/**
 * The port over SCIM 2.0: users are SCIM core Users with the enterprise extension and Portier's own
 * extension (`urn:portier:…`) for role, kind, signature, status, managed clients and grants. Each
 * command is first run through the core's `execute` on a fresh read (validation, `can`, lifecycle),
 * then written with PATCH / POST / DELETE guarded by If-Match, so a concurrent change is `conflict`.
 * What SCIM cannot carry goes to `fallback` (see scim/README.md).
 * @example createScimBackend({ baseUrl: 'https://idp.example/scim/v2', token, fallback: createRestBackend({ baseUrl }) })
 */
export function createScimBackend(options: ScimBackendOptions): PortierBackend {
  const client = createScimClient(options);
  const clock = options.clock ?? systemClock;
  const { fallback } = options;

  const notCarried = (operation: string) => new PortierError('server', { reason: 'not-carried-by-scim', operation });

  async function catalogue(ctx: BackendContext): Promise<Omit<PortierData, 'users' | 'grants'>> {
    if (!fallback) return { organizations: {}, clients: {}, applications: {}, contracts: {} };
    const { data } = await fallback.load(ctx);
    return { organizations: data.organizations, clients: data.clients, applications: data.applications, contracts: data.contracts };
  }

  function activeActor(user: User | undefined): User {
    if (!user) throw new PortierError('forbidden', { reason: 'unknown-actor' });
    const decision = can(user, 'user.view', { now: clock.now(), user });
    if (!decision.allowed) throw new PortierError(decision.code, { reason: decision.reason });
    return user;
  }

  async function actorOf(ctx: BackendContext): Promise<User> {
    if (ctx.actorId === undefined) throw new PortierError('forbidden', { reason: 'unknown-actor' });
    const record = await client.getUser(ctx.actorId, ctx.signal).catch((error: unknown) => {
      throw error instanceof PortierError && error.code === 'not-found' ? new PortierError('forbidden', { reason: 'unknown-actor' }) : error;
    });
    return activeActor(record.user);
  }

  function collect(records: ScimRecord[]): { users: PortierData['users']; grants: PortierData['grants']; etags: Map<string, string> } {
    const users: PortierData['users'] = {};
    const grants: PortierData['grants'] = {};
    const etags = new Map<string, string>();
    for (const record of records) {
      defineOwn(users, record.user.id, record.user);
      if (record.grants.length > 0) defineOwn(grants, record.user.id, record.grants);
      etags.set(record.user.id, record.etag);
    }
    return { users, grants, etags };
  }

  /** Every user of the peer (e-mails are unique across the portal) with the actor's catalogue. */
  async function world(ctx: BackendContext): Promise<World> {
    const [records, rest] = await Promise.all([client.listUsers(undefined, ctx.signal), catalogue(ctx)]);
    const { users, grants, etags } = collect(records);
    return { data: { ...rest, users, grants }, etags, actor: activeActor(ctx.actorId === undefined || !Object.hasOwn(users, ctx.actorId) ? undefined : users[ctx.actorId]) };
  }

  /** What the actor may see of `data` (the same rule as the memory backend: its organization, `can` view). */
  function scoped(data: PortierData, actor: User): PortierData {
    const now = clock.now();
    const users: PortierData['users'] = {};
    const grants: PortierData['grants'] = {};
    for (const user of Object.values(data.users)) {
      if (user.organizationId !== actor.organizationId || !can(actor, 'user.view', { now, user }).allowed) continue;
      defineOwn(users, user.id, user);
      const list = grantsOf(data, user.id);
      if (list.length > 0) defineOwn(grants, user.id, list);
    }
    return { ...data, users, grants };
  }

  /** Sends the writes of one command; answers what the peer now holds. */
  async function write(ctx: BackendContext, before: World, next: PortierData, changes: Changes, written: Map<string, ScimRecord>): Promise<{ changes: Changes; ids: Map<string, string> }> {
    const ids = new Map<string, string>();
    const records: ScimRecord[] = [];
    for (const user of changes.users) {
      const grants = grantsOf(next, user.id);
      const old = before.data.users[user.id];
      const done = written.get(user.id);
      if (done) {
        records.push(done);
      } else if (!old) {
        const record = await client.createUser(toScim(user, grants), ctx.signal);
        ids.set(user.id, record.user.id);
        records.push(record);
      } else {
        const operations = patchOperations(toScim(old, grantsOf(before.data, user.id)), toScim(user, grants));
        records.push(await client.patchUser(user.id, operations, before.etags.get(user.id)!, ctx.signal));
      }
    }
    for (const id of changes.removedUserIds) await client.deleteUser(id, before.etags.get(id)!, ctx.signal);
    const grants: Record<string, Grant[]> = {};
    for (const id of Object.keys(changes.grants)) {
      const record = records.find((entry) => entry.user.id === (ids.get(id) ?? id));
      if (record) defineOwn(grants, record.user.id, record.grants);
    }
    return { changes: { users: records.map((record) => record.user), grants, removedUserIds: changes.removedUserIds }, ids };
  }

  /**
   * Rule 4 across administrators. SCIM guards one user per request (If-Match), so two super users
   * demoting each other at the same moment would both pass: the policy saw two super users each
   * time. So a command that weakens an active super user (takes the role or the active status
   * away, or gives an end date to one without) is written as a PATCH first (a removal deactivates
   * before it deletes), the organization is read again, and when rule 4 no longer holds (no active
   * super user, or none without an end date where this one had none) the PATCH is undone and the
   * command refused with `last-super-user`. Two such commands may then both be refused, never both
   * accepted.
   */
  async function guardLastSuperUser(before: World, outcome: ReturnType<typeof execute>): Promise<Map<string, ScimRecord>> {
    const written = new Map<string, ScimRecord>();
    const now = clock.now();
    const weakened = [...outcome.changes.users.map((user) => user.id), ...outcome.changes.removedUserIds].filter((id) => {
      const old = before.data.users[id];
      const after = outcome.data.users[id];
      if (old === undefined || !isActiveSuperUser(old, now)) return false;
      return after === undefined || !isActiveSuperUser(after, now) || (old.activeUntil === undefined && after.activeUntil !== undefined);
    });
    for (const id of weakened) {
      const old = before.data.users[id]!;
      const oldScim = toScim(old, grantsOf(before.data, id));
      const kept = outcome.data.users[id];
      const weakenedTo: User = kept ?? { ...old, status: 'deactivated' };
      const after = toScim(weakenedTo, grantsOf(kept ? outcome.data : before.data, id));
      // Once the write is sent, the check runs to its end (not cancelled with the command), and
      // whatever stops it undoes the write: a PATCH whose answer was lost may have been applied.
      let record: ScimRecord;
      let counts: ReturnType<typeof countSuperUsers>;
      try {
        record = await client.patchUser(id, patchOperations(oldScim, after), before.etags.get(id)!);
        const { users } = collect(await client.listUsers(eq(`${SCIM_ENTERPRISE}:organization`, old.organizationId)));
        counts = countSuperUsers(Object.values(users), old.organizationId, now);
      } catch (error) {
        // A stale ETag wrote nothing; anything else may have.
        if (!(error instanceof PortierError && error.code === 'conflict')) await undoWeakening(old, weakenedTo);
        throw error;
      }
      if (counts.active === 0 || (old.activeUntil === undefined && counts.lasting === 0)) {
        await undoWeakening(old, weakenedTo);
        throw new PortierError('last-super-user', { reason: 'concurrent-change' });
      }
      // A kept user is written in full; a removed one is now deleted under its new ETag.
      if (kept) written.set(id, record);
      else before.etags.set(id, record.etag);
    }
    return written;
  }

  /**
   * Undoes the guard's PATCH over the user as the peer holds it now: each of role, status (with
   * its block reason) and end date goes back to `old` only where it still holds what the guard
   * wrote (`written`). A change made in between by anyone else (its own phone, another system's
   * end date) stays. A stale ETag is read again and retried. Not cancelled with the command: once
   * the PATCH is written, the undo must run. When it cannot, the command rejects with `server`
   * (`rule-4-undo-failed`), never as if nothing had been written.
   */
  async function undoWeakening(old: User, written: User): Promise<void> {
    let failure: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const current = await client.getUser(old.id);
        const restored = restoreWhereUnchanged(current.user, old, written);
        await client.patchUser(old.id, patchOperations(toScim(current.user, current.grants), toScim(restored, current.grants)), current.etag);
        return;
      } catch (error) {
        failure = error;
        if (!(error instanceof PortierError && error.code === 'conflict')) break;
      }
    }
    throw new PortierError('server', { reason: 'rule-4-undo-failed', userId: old.id, cause: failure instanceof PortierError ? failure.code : 'network' });
  }

  /**
   * A password set through the fallback (an invitation accepted, a reset completed, a password
   * changed) also changes the account: active, no expired password, a clean sign-in count, a new
   * version. The peer holds the account, so it gets the same change; its stale state would
   * otherwise keep the user out for good (still `invited`, or rule 9's expired password). An
   * account the peer holds in another state (blocked there meanwhile) is left as the peer holds it,
   * and so is an account other than `userId` when it is given.
   */
  async function mirrorPasswordSet(email: string, userId?: string): Promise<void> {
    // userName is not case-exact (RFC 7643 §4.1.1): the peer matches it lower-cased, as listUsers asks.
    const userName = normalizeEmail(email);
    for (let attempt = 0; attempt < 3; attempt++) {
      const [record] = await client.listUsers(eq('userName', userName));
      if (!record || (userId !== undefined && record.user.id !== userId)) return;
      if (record.user.status !== 'invited' && record.user.status !== 'active') return;
      const { signInLockedUntil: _lock, passwordExpired: _expired, ...rest } = record.user;
      const user: User = { ...rest, passwordSet: true, failedSignIns: 0 };
      const next = user.status === 'invited' ? accountReducer(user, { type: 'PASSWORD_SET' }) : user;
      const before = toScim(record.user, record.grants);
      if (JSON.stringify(before) === JSON.stringify(toScim(next, record.grants))) return;
      try {
        const after = toScim({ ...next, version: record.user.version + 1 }, record.grants);
        await client.patchUser(record.user.id, patchOperations(before, after), record.etag);
        return;
      } catch (error) {
        if (!(error instanceof PortierError && error.code === 'conflict')) throw error;
      }
    }
    throw new PortierError('conflict', { entity: 'user', reason: 'password-set-not-mirrored' });
  }

  /**
   * E-mails (normalized) whose password this backend set in the fallback but could not write on
   * the peer. Only those are written again at sign-in: a change required on the peer by anyone
   * else (an identity provider's administrator) is never cleared by signing in.
   */
  const unmirrored = new Set<string>();

  /**
   * The same fallback operation, then the account's new state written on the peer. The password
   * is set once the fallback answers, so a peer that cannot be written now does not fail the call
   * (the user would try again with the old password, a failed sign-in): the next sign-in writes it.
   */
  const settingPassword =
    <K extends 'acceptInvitation' | 'completePasswordReset' | 'changePassword'>(name: K, emailOf: (input: Parameters<PortierBackend[K]>[0]) => Promise<string | undefined>): PortierBackend[K] =>
    (async (input: Parameters<PortierBackend[K]>[0]) => {
      const email = fallback ? await emailOf(input) : undefined;
      await (fromFallback(name) as (input: Parameters<PortierBackend[K]>[0]) => Promise<void>)(input);
      if (!email) return;
      const key = normalizeEmail(email);
      await mirrorPasswordSet(email).then(
        () => unmirrored.delete(key),
        () => unmirrored.add(key),
      );
    }) as PortierBackend[K];
  const emailOfToken = async ({ token }: { token: string }) => (await fallback!.inspectToken({ token })).email;

  /** Commands run one at a time: a second one reads what the first wrote. */
  let queue: Promise<unknown> = Promise.resolve();

  const fromFallback = <K extends 'searchClients' | 'listAudit' | 'signIn' | 'inspectToken' | 'acceptInvitation' | 'requestNewInvitation' | 'requestPasswordReset' | 'completePasswordReset' | 'changePassword'>(name: K): PortierBackend[K] =>
    ((...args: unknown[]) => (fallback ? (fallback[name] as (...a: unknown[]) => unknown)(...args) : Promise.reject(notCarried(name)))) as PortierBackend[K];

  return {
    async load(ctx) {
      const current = await world(ctx);
      return { actorId: current.actor.id, data: scoped(current.data, current.actor) };
    },

    async listUsers(ctx, query) {
      const parsed = parseOrThrow(userQuerySchema, query);
      const actor = await actorOf(ctx);
      // The peer narrows (filter on its side); the core's selector then gives exact statuses, order and paging.
      const parts: ScimFilter[] = [eq(`${SCIM_ENTERPRISE}:organization`, actor.organizationId)];
      // A quote or a backslash is escaped in the filter (RFC 7644), which not every provider parses:
      // such a search is then matched here only, by the selector below, which applies it anyway.
      const email = parsed.email?.trim().toLowerCase();
      if (email && !/["\\]/.test(email)) parts.push(co('userName', email));
      if (parsed.role) parts.push(eq(`${PORTIER_EXTENSION}:role`, parsed.role));
      if (parsed.kind) parts.push(eq(`${PORTIER_EXTENSION}:kind`, parsed.kind));
      if (parsed.clientId) parts.push(or(eq(`${PORTIER_EXTENSION}:managedClients.value`, parsed.clientId), eq(`${PORTIER_EXTENSION}:grants.clientId`, parsed.clientId)));
      const { users, grants } = collect(await client.listUsers(and(...parts), ctx.signal));
      const data: PortierData = { organizations: {}, clients: {}, applications: {}, contracts: {}, users, grants };
      return selectUserPage({ data: scoped(data, actor), now: clock.now() }, parsed);
    },

    execute(ctx, command) {
      const run = async () => {
        const current = await world(ctx);
        const outcome = execute(current.data, current.actor.id, command, { now: clock.now(), newId: (prefix) => `${prefix}-pending-${Math.random().toString(36).slice(2)}` });
        const written = await guardLastSuperUser(current, outcome);
        const { changes, ids } = await write(ctx, current, outcome.data, outcome.changes, written);
        const remap = (id: string) => ids.get(id) ?? id;
        options.onAudit?.(outcome.audit.map((entry) => ({ ...entry, targetId: remap(entry.targetId) })));
        options.onEffects?.(outcome.effects.map((effect) => ({ ...effect, userId: remap(effect.userId) })));
        return changes;
      };
      const result = queue.then(run);
      queue = result.catch(() => undefined);
      return result;
    },

    searchClients: fromFallback('searchClients'),
    listAudit: fromFallback('listAudit'),
    async signIn(input) {
      const result = await fromFallback('signIn')(input);
      // A password set here that the peer missed: written now, on the account signed in only.
      const key = normalizeEmail(String(input.email));
      if (!result.passwordChangeRequired && unmirrored.has(key)) {
        await mirrorPasswordSet(key, result.userId).catch(() => {
          throw new PortierError('server', { reason: 'password-set-not-mirrored' });
        });
        unmirrored.delete(key);
      }
      return result;
    },
    inspectToken: fromFallback('inspectToken'),
    requestNewInvitation: fromFallback('requestNewInvitation'),
    requestPasswordReset: fromFallback('requestPasswordReset'),
    acceptInvitation: settingPassword('acceptInvitation', emailOfToken),
    completePasswordReset: settingPassword('completePasswordReset', emailOfToken),
    changePassword: settingPassword('changePassword', async ({ email }) => String(email)),
  };
}
