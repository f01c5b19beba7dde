import { PortierError } from '../errors.js';
import { grantsOf, type PortierData } from '../data.js';
import { GrantTable, type Grant } from '../grant/grant.schema.js';
import type { Action, PolicyTarget } from '../policy/actions.js';
import { assertCan, isAccountAction } from '../policy/can.js';
import { clientsOfUser } from '../policy/clients-of-user.js';
import { countSuperUsers, isActiveSuperUser, type SuperUserCounts } from '../policy/super-users.js';
import { applyTimedTransitions } from '../user/user.machine.js';
import type { User } from '../user/user.schema.js';
import type { AuditDraft, Effect } from './effects.js';
import { own } from '../internal/own.js';

/** What `execute` needs from outside: the time and fresh ids. */
export interface ExecuteEnv {
  /** Milliseconds since the epoch. */
  now: number;
  /** A new unique id; `prefix` hints the entity (`u` for users). */
  newId(prefix: string): string;
}

/**
 * The working set of one command: reads go to the base data (plain objects, fast); writes are
 * collected (`undefined` removes) and applied at once by `execute` (`writeRecords`), which also
 * derives the patches from them; audit entries and effects are collected for the backend.
 */
export class CommandContext {
  readonly userWrites = new Map<string, User | undefined>();
  readonly grantWrites = new Map<string, Grant[] | undefined>();
  readonly audit: AuditDraft[] = [];
  readonly effects: Effect[] = [];
  readonly touchedUsers = new Set<string>();
  readonly touchedGrants = new Set<string>();
  readonly removedUsers = new Set<string>();

  constructor(
    readonly data: PortierData,
    readonly actor: User,
    readonly env: ExecuteEnv,
    readonly action: string,
  ) {}

  get now(): number {
    return this.env.now;
  }

  get isoNow(): string {
    return new Date(this.env.now).toISOString();
  }

  /** The user, with time-driven transitions due now applied (not-found when absent). */
  user(userId: string): User {
    const stored = own(this.data.users, userId);
    if (!stored) throw new PortierError('not-found', { entity: 'user', id: userId });
    return applyTimedTransitions(stored, this.now);
  }

  /**
   * The user a command acts on. The policy's view check comes before the version check, so an
   * actor who may not see the user learns nothing from a `conflict` (not even its version);
   * then `conflict` when the caller edited an older version.
   */
  target(userId: string, expectedVersion: number | undefined): User {
    const user = this.user(userId);
    this.allow('user.view', { user });
    if (expectedVersion !== undefined && expectedVersion !== user.version) {
      throw new PortierError('conflict', { entity: 'user', id: user.id, expected: expectedVersion, actual: user.version });
    }
    return user;
  }

  /** Asks the policy, with the clients the target user works for (rule 2); throws its refusal. */
  allow(action: Action, target: Omit<PolicyTarget, 'now'>): void {
    const user = target.user;
    const userClientIds = user && target.userClientIds === undefined && isAccountAction(action, user) ? { userClientIds: clientsOfUser(user, grantsOf(this.data, user.id)) } : {};
    assertCan(this.actor, action, { now: this.now, ...userClientIds, ...target });
  }

  /**
   * The super users of `user`'s organization at this instant, for rule 4 (SPEC). Rule 4 reads them
   * only when `user` is itself an active super user, so for anyone else the scan of every user of
   * the portal (a tenth of a second at 100,000) is skipped and the answer is undefined.
   */
  superUsers(user: User): SuperUserCounts | undefined {
    if (!isActiveSuperUser(user, this.now)) return undefined;
    return countSuperUsers(Object.values(this.data.users), user.organizationId, this.now);
  }

  /** Writes the user (bumping its version) and audits the fields that changed. */
  writeUser(before: User | undefined, after: User): void {
    const stored = this.data.users[after.id];
    const next: User = { ...after, version: (stored?.version ?? -1) + 1 };
    this.userWrites.set(after.id, next);
    this.touchedUsers.add(after.id);
    this.record(after.id, before ?? {}, next);
  }

  /** Replaces the user's grants, bumps its version, audits the grants that changed. */
  writeGrants(user: User, before: readonly Grant[], after: Grant[]): void {
    const { removed, added } = diffGrants(before, after);
    if (removed.length === 0 && added.length === 0) return;
    this.grantWrites.set(user.id, after);
    this.touchedGrants.add(user.id);
    if (!this.touchedUsers.has(user.id)) {
      const stored = this.data.users[user.id] ?? user;
      this.userWrites.set(user.id, { ...user, version: stored.version + 1 });
      this.touchedUsers.add(user.id);
    }
    this.audit.push({
      at: this.isoNow,
      organizationId: user.organizationId,
      actorId: this.actor.id,
      action: this.action,
      targetId: user.id,
      before: { grants: removed },
      after: { grants: added },
    });
  }

  /** Removes the user and its grants; the audit entry keeps both as they were (rule 13). */
  removeUser(user: User): void {
    const grants = grantsOf(this.data, user.id);
    this.userWrites.set(user.id, undefined);
    this.grantWrites.set(user.id, undefined);
    this.removedUsers.add(user.id);
    this.record(user.id, grants.length > 0 ? { ...user, grants } : user, { status: 'deleted' });
  }

  /** Audits an action that changed no field (a reset e-mail sent). */
  recordAction(user: User): void {
    this.audit.push({ at: this.isoNow, organizationId: user.organizationId, actorId: this.actor.id, action: this.action, targetId: user.id, before: {}, after: {} });
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }

  private record(targetId: string, before: Partial<User> & { grants?: readonly Grant[] }, after: Partial<User>): void {
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      if (key === 'version') continue;
      const a = (before as Record<string, unknown>)[key];
      const b = (after as Record<string, unknown>)[key];
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      if (a !== undefined) changedBefore[key] = a;
      if (b !== undefined) changedAfter[key] = b;
    }
    const organizationId = after.organizationId ?? before.organizationId ?? this.actor.organizationId;
    this.audit.push({ at: this.isoNow, organizationId, actorId: this.actor.id, action: this.action, targetId, before: changedBefore, after: changedAfter });
  }
}

/** The grants only in `before` (removed or changed) and only in `after` (added or changed). */
function diffGrants(before: readonly Grant[], after: readonly Grant[]): { removed: Grant[]; added: Grant[] } {
  if (before.length === 0) return { removed: [], added: [...after] };
  const same = (a: Grant | undefined, b: Grant) => a !== undefined && a.level === b.level && a.profile === b.profile;
  const beforeTable = GrantTable.of(before);
  const afterTable = GrantTable.of(after);
  return {
    removed: before.filter((g) => !same(afterTable.get(g.clientId, g.applicationId), g)),
    added: after.filter((g) => !same(beforeTable.get(g.clientId, g.applicationId), g)),
  };
}
