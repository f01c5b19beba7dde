import {
  PortierError,
  accountReducer,
  can,
  checkPassword,
  countSuperUsers,
  isActiveSuperUser,
  superUserLoss,
  execute,
  loadCommonPasswords,
  normalizeEmail,
  parseOrThrow,
  recordFailedSignIn,
  searchClients,
  selectUserPage,
  sweepTimedTransitions,
  systemClock,
  userQuerySchema,
  DAY_MS,
  DEFAULT_ORGANIZATION_SETTINGS,
  type AuditDraft,
  type BackendContext,
  type Changes,
  type Clock,
  type Command,
  type Effect,
  type PortierBackend,
  type PortierData,
  type Snapshot,
  type User,
} from '@portier/core';
import { demoSeed, type MemorySeed } from './demo-seed.js';
import { hashPassword, randomHex } from './hash.js';
import type { Credential, MemoryState, OutboxEmail, TokenRecord } from './memory-state.js';
import { createPersistence, type PersistOptions } from './persist.js';
import { scopeFor } from './scope.js';

/** A reset link asked from the sign-in page is sent at most once per this time per account. */
const RESET_REQUEST_INTERVAL_MS = 60_000;

/** Options of {@link createMemoryBackend}. */
export interface MemoryBackendOptions {
  /** `demo` (default): the demo portal; `empty`; or your own data. */
  seed?: 'demo' | 'empty' | MemorySeed;
  /** Default: the system clock. Share a manual clock with the store to move time in tests. */
  clock?: Clock;
  /**
   * Keep the state across page reloads (localStorage in a browser). A saved copy that is not a
   * state this backend writes (another format, a hand edit) is set aside: it starts from the seed.
   * The copy holds the demo's password hashes and open links: it is for demos, not production.
   */
  persist?: boolean | PersistOptions;
  /** Delay every answer by this many milliseconds (the demo shows loading states). Default 0. */
  latencyMs?: number;
  /** Lifetime of a password-reset link. Default 1 day. */
  resetLinkMs?: number;
}

/** The memory backend: the port plus what a demo and tests need to look inside. */
export interface MemoryBackend extends PortierBackend {
  /** The e-mails it would have sent, newest first. */
  outbox(): Promise<OutboxEmail[]>;
  /** A copy of everything it holds (tests, the demo's inspector). */
  inspect(): MemoryState;
  /** The current data itself, read-only (immutable: every change replaces it). Cheap, for tests. */
  currentData(): Readonly<PortierData>;
  /** Forgets the persisted copy and starts again from the seed. */
  reset(): Promise<void>;
  /**
   * With `persist` in a browser: calls `listener` when another tab changed the persisted data
   * (refresh the store then, e.g. `backend.onExternalChange(() => portier.refresh())`). Returns
   * the unsubscribe function. Without `persist` it never calls.
   */
  onExternalChange(listener: () => void): () => void;
  readonly clock: Clock;
}

/**
 * The embedded default backend: all data in memory (and optionally in localStorage). It enforces
 * the core policy on every operation, keeps the audit log and an outbox of the e-mails it would
 * send, issues single-use tokens, and counts failed sign-ins atomically.
 * @example
 * const backend = createMemoryBackend({ persist: true });
 * const portier = createPortier({ backend });
 */
export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const clock = options.clock ?? systemClock;
  const persistOptions: PersistOptions | undefined = options.persist === true ? {} : options.persist || undefined;
  const persist = persistOptions && createPersistence(persistOptions);
  const resetLinkMs = options.resetLinkMs ?? DAY_MS;
  let state: MemoryState;
  let defaultActorId: string | undefined;
  let initialized: Promise<void>;

  function start(): void {
    const seed = options.seed === 'empty' ? { data: emptySeedData() } : typeof options.seed === 'object' ? options.seed : demoSeed(clock.now());
    defaultActorId = seed.defaultActorId;
    const saved = persist?.read();
    state = saved ?? { data: seed.data, audit: [], outbox: [], tokens: {}, credentials: {} };
    initialized = saved ? Promise.resolve() : hashSeedPasswords(seed.passwords ?? {});
  }

  async function hashSeedPasswords(passwords: Record<string, string>): Promise<void> {
    for (const [userId, password] of Object.entries(passwords)) {
      const salt = randomHex(8);
      state.credentials[userId] = { salt, hash: await hashPassword(password, salt) };
    }
  }

  // Random, not counted: one counter for the whole portal would show in every new id how many
  // writes the other organizations made, and whether a password reset sent a mail (rule 2).
  const nextId = (prefix: string) => `${prefix}-${randomHex(8)}`;
  const nowIso = () => new Date(clock.now()).toISOString();

  /** Set by every write; `save` persists only then (reads cost nothing). */
  let dirty = false;

  function save(): void {
    if (persist && dirty) persist.write(state);
    dirty = false;
  }

  /**
   * Reads again what another tab persisted meanwhile: without this, a tab would run commands on its
   * old copy and its next save would silently undo the other tab's changes.
   */
  function syncFromStorage(): 'same' | 'read' | 'reset' {
    if (!persist?.changedElsewhere()) return 'same';
    const saved = persist.read();
    if (!saved) return 'reset';
    state = saved;
    return 'read';
  }

  /**
   * Set up and in sync with the persisted copy (see {@link syncFromStorage}); when another tab
   * reset the demo (the copy is gone), this one starts again from the seed too.
   */
  async function ready(): Promise<void> {
    await initialized;
    if (syncFromStorage() === 'reset') {
      start();
      await initialized;
    }
  }

  /** Every operation: wait (latency, setup), store due time-driven transitions, then run `fn` without awaiting. */
  async function operation<T>(fn: (swept: User[]) => T): Promise<T> {
    await initialized;
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    else await Promise.resolve();
    await ready();
    const swept = sweep();
    const result = fn(swept);
    save();
    return result;
  }

  function sweep(): User[] {
    const outcome = sweepTimedTransitions(state.data, clock.now());
    if (outcome.changed.length === 0) return [];
    state.data = outcome.data;
    appendAudit(outcome.audit);
    applyEffects(outcome.effects);
    return outcome.changed;
  }

  function appendAudit(entries: AuditDraft[]): void {
    dirty = true;
    for (const entry of entries) state.audit.push({ id: nextId('a'), ...entry });
  }

  function actorOf(ctx: BackendContext): User {
    // Only a context without an actor stands for the default one: a null or empty id (a host's
    // resolver that found nobody) is nobody.
    const id: unknown = ctx.actorId === undefined ? defaultActorId : ctx.actorId;
    const actor = typeof id !== 'string' || !Object.hasOwn(state.data.users, id) ? undefined : state.data.users[id];
    if (!actor) throw new PortierError('forbidden', { reason: 'unknown-actor' });
    const decision = can(actor, 'user.view', { now: clock.now(), user: actor });
    if (!decision.allowed) throw new PortierError(decision.code, { reason: decision.reason });
    return actor;
  }

  function writeUser(user: User): void {
    dirty = true;
    state.data = { ...state.data, users: { ...state.data.users, [user.id]: { ...user, version: user.version + 1 } } };
  }

  /**
   * Counts a wrong password on an active account (rule 8): at the organization's limit it is
   * blocked, or, the last super user, locked for a while (rule 4). Both are audited.
   */
  function countFailure(user: User, now: number): void {
    const limit = organizationSettings(user).failedSignInLimit;
    const superUsers = countSuperUsers(Object.values(state.data.users), user.organizationId, now);
    const outcome = recordFailedSignIn(user, { limit, now, isLastSuperUser: superUserLoss(user, superUsers, now) !== undefined });
    writeUser(outcome.user);
    if (outcome.blocked) {
      audit(user, 'system', 'account.blocked', { status: user.status }, { status: 'blocked', blockReason: 'failed-sign-ins' });
      applyEffects([{ type: 'revoke-tokens', userId: user.id }, { type: 'send-block-notice', userId: user.id }]);
    } else if (outcome.user.signInLockedUntil !== undefined && outcome.user.signInLockedUntil !== user.signInLockedUntil) {
      audit(user, 'system', 'account.sign-in-locked', {}, { signInLockedUntil: outcome.user.signInLockedUntil });
    }
  }

  function userByEmail(email: string): User | undefined {
    const wanted = normalizeEmail(email);
    return Object.values(state.data.users).find((user) => normalizeEmail(user.email) === wanted);
  }

  function issueToken(kind: TokenRecord['kind'], user: User, expiresAt: string): string {
    for (const record of Object.values(state.tokens)) {
      if (record.userId === user.id && record.kind === kind && record.state === 'open') record.state = 'revoked';
    }
    const token = randomHex(24);
    state.tokens[token] = { kind, userId: user.id, expiresAt, state: 'open' };
    return token;
  }

  /**
   * Whether a reset link that still is open went to `userId` less than `ms` ago (the outbox is in
   * the order sent). A link used or revoked since does not hold the next one back.
   */
  function resetLinkSentWithin(userId: string, ms: number): boolean {
    const sentAfter = clock.now() - ms;
    for (let i = state.outbox.length - 1; i >= 0; i--) {
      const sent = state.outbox[i]!;
      if (Date.parse(sent.at) <= sentAfter) return false;
      if (sent.userId === userId && sent.kind === 'password-reset') {
        const record = sent.token === undefined ? undefined : state.tokens[sent.token];
        return record?.state === 'open' && Date.parse(record.expiresAt) > clock.now();
      }
    }
    return false;
  }

  /**
   * The user's reset link, when it has more than half its time left: sent again, it still gives
   * its owner time to use it. An older one is replaced (and revoked) instead.
   */
  function freshResetLink(userId: string): { token: string; expiresAt: string } | undefined {
    const halfLifeFromNow = clock.now() + resetLinkMs / 2;
    for (const [token, record] of Object.entries(state.tokens)) {
      if (record.userId === userId && record.kind === 'password-reset' && record.state === 'open' && Date.parse(record.expiresAt) > halfLifeFromNow) return { token, expiresAt: record.expiresAt };
    }
    return undefined;
  }

  /** Forgets the wrong guesses counted while the account was barred: its bar is lifted, or its owner signed in. */
  function clearBarredGuesses(userId: string): void {
    const credential = state.credentials[userId];
    if (credential?.barredGuesses === undefined) return;
    const { barredGuesses: _guesses, ...cleared } = credential;
    state.credentials[userId] = cleared;
    dirty = true;
  }

  function mail(user: User, kind: OutboxEmail['kind'], extra: Partial<OutboxEmail> = {}): void {
    state.outbox.push({ id: nextId('m'), at: nowIso(), to: user.email, userId: user.id, kind, language: user.language, ...extra });
  }

  function applyEffects(effects: Effect[]): void {
    for (const effect of effects) {
      const user = state.data.users[effect.userId];
      switch (effect.type) {
        case 'send-invitation':
          if (user) mail(user, 'invitation', { token: issueToken('invitation', user, effect.expiresAt), expiresAt: effect.expiresAt });
          break;
        case 'send-password-reset':
          if (user) {
            const expiresAt = new Date(clock.now() + resetLinkMs).toISOString();
            mail(user, 'password-reset', { token: issueToken('password-reset', user, expiresAt), expiresAt });
          }
          break;
        case 'send-block-notice':
          if (user) mail(user, 'block-notice');
          break;
        case 'revoke-tokens':
          for (const record of Object.values(state.tokens)) if (record.userId === effect.userId && record.state === 'open') record.state = 'revoked';
          break;
      }
    }
  }

  function organizationSettings(user: User) {
    return state.data.organizations[user.organizationId]?.settings ?? DEFAULT_ORGANIZATION_SETTINGS;
  }

  async function verifyPassword(userId: string | undefined, password: string): Promise<boolean> {
    const credential = userId === undefined ? undefined : state.credentials[userId];
    // Hash even when there is no credential, so timing does not tell whether the account exists.
    const hash = await hashPassword(password, credential?.salt ?? 'no-account');
    return credential !== undefined && credential.hash === hash;
  }

  /** Refuses as input, with each field's path, what was left empty (nothing typed is no guess). */
  function refuseMissing(fields: Record<string, unknown>): void {
    const missing = Object.keys(fields).filter((field) => String(fields[field] ?? '').trim() === '');
    if (missing.length > 0) throw new PortierError('validation', { issues: missing.map((field) => ({ path: [field], code: 'too_small' })) });
  }

  async function newCredential(user: User, password: string): Promise<{ salt: string; hash: string }> {
    const issues = checkPassword(password, organizationSettings(user).passwordPolicy, {
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      commonPasswords: await loadCommonPasswords(),
    });
    if (issues.length > 0) throw new PortierError('weak-password', { issues: [], rules: issues });
    const salt = randomHex(8);
    return { salt, hash: await hashPassword(password, salt) };
  }

  /** Looks a token up for use: throws the code a link's owner should read. */
  /** The token's record; a token is a request's text, so only the table's own keys count. */
  function tokenRecord(token: string): TokenRecord | undefined {
    return Object.hasOwn(state.tokens, token) ? state.tokens[token] : undefined;
  }

  function openToken(token: string, kind: TokenRecord['kind']): { record: TokenRecord; user: User } {
    const record = tokenRecord(token);
    const user = record ? state.data.users[record.userId] : undefined;
    if (!record || record.kind !== kind || !user) throw new PortierError('invitation-expired', { reason: 'unknown-token' });
    if (record.state === 'used') throw new PortierError('invitation-used');
    if (record.state === 'revoked' || Date.parse(record.expiresAt) <= clock.now()) throw new PortierError('invitation-expired');
    return { record, user };
  }

  function audit(user: User, actorId: string, action: string, before: Record<string, unknown>, after: Record<string, unknown>): void {
    appendAudit([{ at: nowIso(), organizationId: user.organizationId, actorId, action, targetId: user.id, before, after }]);
  }

  start();

  const backend: MemoryBackend = {
    clock,

    load: (ctx) =>
      operation((): Snapshot => {
        const actor = actorOf(ctx);
        return { actorId: actor.id, data: scopeFor(state.data, actor, clock.now()) };
      }),

    listUsers: (ctx, query) =>
      operation(() => {
        const parsed = parseOrThrow(userQuerySchema, query);
        const actor = actorOf(ctx);
        return selectUserPage({ data: scopeFor(state.data, actor, clock.now()), now: clock.now() }, parsed);
      }),

    searchClients: (ctx, query) =>
      operation(() => {
        const actor = actorOf(ctx);
        const decision = can(actor, 'clients.view', { now: clock.now() });
        if (!decision.allowed) throw new PortierError(decision.code, { reason: decision.reason });
        const managed = new Set(actor.managedClientIds);
        const clients = Object.values(state.data.clients).filter((client) => managed.has(client.id));
        return searchClients(clients, String(query.text ?? '').slice(0, 200), Math.min(limitOf(query.limit, 50), 200));
      }),

    listAudit: (ctx, query) =>
      operation(() => {
        const actor = actorOf(ctx);
        const decision = can(actor, 'audit.view', { now: clock.now() });
        if (!decision.allowed) throw new PortierError(decision.code, { reason: decision.reason });
        const limit = limitOf(query.limit, 100);
        const entries = [];
        for (let i = state.audit.length - 1; i >= 0 && entries.length < limit; i--) {
          const entry = state.audit[i]!;
          if (entry.organizationId !== actor.organizationId) continue;
          if (query.userId !== undefined && entry.targetId !== query.userId && entry.actorId !== query.userId) continue;
          entries.push(entry);
        }
        return entries;
      }),

    execute: (ctx, command: Command) =>
      operation((swept): Changes => {
        const actor = actorOf(ctx);
        const outcome = execute(state.data, actor.id, command, { now: clock.now(), newId: nextId });
        state.data = outcome.data;
        appendAudit(outcome.audit);
        applyEffects(outcome.effects);
        // An administrator lifted the bar: guesses made while it stood no longer mute the right password.
        if (command.type === 'users.unblock' || command.type === 'users.activate') clearBarredGuesses(command.userId);
        // A deleted account keeps no secret: its password hash goes with it.
        for (const userId of outcome.changes.removedUserIds) delete state.credentials[userId];
        // Time-driven changes made before the command travel back too, so the store stays equal.
        const changedIds = new Set(outcome.changes.users.map((user) => user.id));
        const visible = swept.filter((user) => !changedIds.has(user.id) && can(actor, 'user.view', { now: clock.now(), user }).allowed);
        return { ...outcome.changes, users: [...outcome.changes.users, ...visible.map((user) => state.data.users[user.id] ?? user)] };
      }),

    async signIn({ email, password }) {
      await ready();
      // Nothing typed is not a guess: refused as input, never counted as a failed sign-in.
      refuseMissing({ email, password });
      const candidate = userByEmail(String(email));
      const checked = { state, credential: candidate && state.credentials[candidate.id] };
      const matches = await verifyPassword(candidate?.id, String(password));
      // From here on nothing awaits: the check and the count are one step (SPEC rule 8).
      if (syncFromStorage() === 'reset') start();
      // The data or this password changed while it was hashed (another tab's reset or write, a
      // password change here): the check is made again on what holds now.
      if (state !== checked.state || (candidate && !sameCredential(state.credentials[candidate.id], checked.credential))) return backend.signIn({ email, password });
      sweep();
      const user = candidate && state.data.users[candidate.id];
      const now = clock.now();
      const login = user?.kind === 'login' ? user : undefined;
      const locked = login !== undefined && (login.status === 'blocked' || (login.signInLockedUntil !== undefined && Date.parse(login.signInLockedUntil) > now));
      const barred = login !== undefined && (locked || login.status !== 'active');
      const credential = login && state.credentials[login.id];
      // A barred account tells its state to its right password (its owner learns why), but only
      // within the limit's number of wrong guesses: past it, every answer is the wrong-password one.
      const mute = barred && credential !== undefined && (credential.barredGuesses ?? 0) >= organizationSettings(login).failedSignInLimit;
      if (!matches || !login || mute) {
        // An active account's count runs (rule 8); a lock's count runs too, and locks it again
        // at the limit. A blocked or inactive one is no transition: its wrong guesses are counted
        // on its password instead.
        if (login && !mute && credential !== undefined) {
          if (login.status === 'active') countFailure(login, now);
          if (barred) {
            state.credentials[login.id] = { ...credential, barredGuesses: (credential.barredGuesses ?? 0) + 1 };
            dirty = true;
          }
          save();
        }
        // One answer for every wrong password, whatever the e-mail and the account's state: no
        // count of attempts left, no "blocked", which would tell a guesser which e-mails have an
        // account (SPEC: no enumeration). The state is told only with the right password; the
        // owner of an account that the count blocks gets the block notice by e-mail.
        throw new PortierError('forbidden', { reason: 'credentials' });
      }
      if (locked) throw new PortierError('account-blocked', login.signInLockedUntil ? { until: login.signInLockedUntil } : {});
      if (login.status !== 'active') throw new PortierError('forbidden', { reason: 'inactive', status: login.status });
      if (login.failedSignIns > 0 || login.signInLockedUntil) {
        const { signInLockedUntil: _lock, ...next } = { ...login, failedSignIns: 0 };
        writeUser(next);
      }
      clearBarredGuesses(login.id);
      save();
      return { userId: login.id, passwordChangeRequired: login.passwordExpired === true };
    },

    inspectToken: ({ token }) =>
      operation(() => {
        const record = tokenRecord(String(token));
        const user = record ? state.data.users[record.userId] : undefined;
        if (!record || !user) return { kind: 'unknown' as const, state: 'unknown' as const };
        const tokenState =
          record.state === 'used' ? 'used' : record.state === 'revoked' || Date.parse(record.expiresAt) <= clock.now() ? 'expired' : 'valid';
        if (tokenState !== 'valid') return { kind: record.kind, state: tokenState };
        return {
          kind: record.kind,
          state: 'valid' as const,
          email: user.email,
          firstName: user.firstName,
          lastName: user.lastName,
          passwordPolicy: organizationSettings(user).passwordPolicy,
        };
      }),

    async acceptInvitation({ token, password }) {
      await ready();
      sweep();
      const { user } = openToken(String(token), 'invitation');
      const credential = await newCredential(user, String(password));
      await operation(() => {
        const { record, user: current } = openToken(String(token), 'invitation');
        if (current.status === 'expired') throw new PortierError('invitation-expired');
        const next = accountReducer(current, { type: 'PASSWORD_SET' });
        writeUser(next);
        record.state = 'used';
        state.credentials[current.id] = credential;
        audit(current, current.id, 'account.activated', { status: current.status }, { status: next.status });
      });
    },

    requestNewInvitation: ({ token }) =>
      operation(() => {
        // Rule 7: only an administrator re-sends an invitation. Its owner can ask for one: the
        // organization's active super users are told, once per link. The answer is the same
        // whatever the token (no enumeration), and the account stays as it is.
        const record = tokenRecord(String(token));
        const user = record?.kind === 'invitation' ? state.data.users[record.userId] : undefined;
        if (!record || !user || record.requestedAt !== undefined || (user.status !== 'invited' && user.status !== 'expired')) return;
        record.requestedAt = nowIso();
        const now = clock.now();
        for (const admin of Object.values(state.data.users)) {
          if (admin.organizationId === user.organizationId && isActiveSuperUser(admin, now)) mail(admin, 'invitation-request', { aboutUserId: user.id });
        }
        audit(user, user.id, 'account.invitation-requested', {}, {});
      }),

    requestPasswordReset: ({ email }) =>
      operation(() => {
        // The same answer whether or not the account exists (no enumeration).
        const user = userByEmail(String(email));
        if (!user || user.kind !== 'login' || !user.passwordSet || user.status !== 'active') return;
        // Anyone may ask: a flood of requests must neither flood the mailbox nor keep revoking
        // the link the owner was just sent.
        if (resetLinkSentWithin(user.id, RESET_REQUEST_INTERVAL_MS)) return;
        // Asked from the sign-in page by whoever typed the e-mail: the portal acts, not the owner.
        audit(user, 'system', 'account.reset-requested', {}, {});
        // A link still fresh is sent again rather than replaced: a stranger asking once a minute
        // must not keep killing the link its owner is about to follow.
        const open = freshResetLink(user.id);
        if (open) mail(user, 'password-reset', { token: open.token, expiresAt: open.expiresAt });
        else applyEffects([{ type: 'send-password-reset', userId: user.id }]);
      }),

    async completePasswordReset({ token, password }) {
      await ready();
      sweep();
      const { user } = openToken(String(token), 'password-reset');
      const credential = await newCredential(user, String(password));
      await operation(() => {
        const { record, user: current } = openToken(String(token), 'password-reset');
        // The lock guards the old password; the new one starts with a clean count.
        const { signInLockedUntil: _lock, ...next } = { ...current, failedSignIns: 0, passwordExpired: false };
        writeUser(next);
        record.state = 'used';
        state.credentials[current.id] = credential;
        audit(current, current.id, 'account.password-reset', {}, {});
      });
    },

    async changePassword(request) {
      const { email, currentPassword, newPassword } = request;
      // Named by this request's own fields: the sign-in below would call the current one `password`.
      refuseMissing({ email, currentPassword, newPassword });
      const { userId } = await backend.signIn({ email: String(email), password: String(currentPassword) });
      // The password the sign-in just checked. If the stored one changes while the new one is
      // hashed (a reset link completed, another tab's write), the current password is checked again.
      const checked = state.credentials[userId];
      if (String(currentPassword) === String(newPassword)) {
        throw new PortierError('weak-password', { rules: [{ rule: 'same-as-current' }] });
      }
      const credential = await newCredential(state.data.users[userId]!, String(newPassword));
      const changedMeanwhile = await operation(() => {
        const current = state.data.users[userId];
        if (!current) throw new PortierError('not-found', { entity: 'user', id: userId });
        if (!sameCredential(state.credentials[userId], checked)) return true;
        // Blocked or deactivated while the new password was hashed: the sign-in above no longer holds.
        if (current.status !== 'active') throw new PortierError(current.status === 'blocked' ? 'account-blocked' : 'forbidden', { reason: 'inactive', status: current.status });
        writeUser({ ...current, passwordExpired: false });
        state.credentials[current.id] = credential;
        // A reset link sent before the change would set a password over the one just chosen.
        applyEffects([{ type: 'revoke-tokens', userId: current.id }]);
        audit(current, current.id, 'account.password-changed', {}, {});
        return false;
      });
      if (changedMeanwhile) return backend.changePassword(request);
    },

    outbox: () => operation(() => [...state.outbox].reverse()),

    inspect: () => structuredClone(state),

    currentData: () => state.data,

    async reset() {
      persist?.clear();
      start();
      await initialized;
    },

    onExternalChange(listener) {
      if (!persist || typeof globalThis.addEventListener !== 'function') return () => undefined;
      const onStorage = (event: StorageEvent) => {
        if (event.key === persist.revisionKey || event.key === null) listener();
      };
      globalThis.addEventListener('storage', onStorage);
      return () => globalThis.removeEventListener('storage', onStorage);
    },
  };
  return backend;
}

/** A list's `limit` as the REST routes take it: absent (the default) or an integer from 1 to 1000. */
function limitOf(limit: unknown, byDefault: number): number {
  if (limit === undefined) return byDefault;
  if (typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 1 && limit <= 1000) return limit;
  const code = typeof limit !== 'number' || Number.isNaN(limit) ? 'invalid_type' : limit < 1 ? 'too_small' : limit > 1000 ? 'too_big' : 'invalid_type';
  throw new PortierError('validation', { issues: [{ path: ['limit'], code, ...(code === 'too_big' ? { maximum: 1000 } : {}) }] });
}

function emptySeedData(): PortierData {
  return { organizations: {}, clients: {}, applications: {}, contracts: {}, users: {}, grants: {} };
}

/**
 * The same stored password: compared by value, since another tab's write (with `persist`) reads
 * every credential back as a new object.
 */
function sameCredential(a: Credential | undefined, b: Credential | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.salt === b.salt && a.hash === b.hash);
}
