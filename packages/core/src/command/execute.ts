import { DAY_MS, isoDay } from '../clock.js';
import { PortierError } from '../errors.js';
import { grantsOf, type PortierData } from '../data.js';
import { writeRecords } from '../internal/write-records.js';
import { DEFAULT_ORGANIZATION_SETTINGS, type OrganizationSettings } from '../organization/organization.schema.js';
import { accountReducer } from '../user/user.machine.js';
import { normalizeEmail, type User } from '../user/user.schema.js';
import { applyPlan, planAuthorizeAll, planCopy, planIndividual, requireClients, type AccessPlan } from './access-plan.js';
import { CommandContext, type ExecuteEnv } from './command-context.js';
import { parseCommand, type AccessSetup, type Command, type CommandType, type ParsedCommand } from './command.schema.js';
import type { AuditDraft, Changes, Effect } from './effects.js';
import { own } from '../internal/own.js';

/** The result of one command applied to data. */
export interface ExecuteOutcome {
  data: PortierData;
  /** immer-format patches from the old data to the new (a store replays them optimistically)… */
  patches: Patch[];
  /** …and back (to roll back). */
  inversePatches: Patch[];
  changes: Changes;
  audit: AuditDraft[];
  effects: Effect[];
}

/**
 * One change of the data, in immer's patch format. Commands only ever write whole records one
 * level down (`['users', id]`, `['grants', id]`), so patches are made from the writes directly.
 */
export interface Patch {
  op: 'add' | 'replace' | 'remove';
  path: (string | number)[];
  value?: unknown;
}

/** Freezes a written record: a user (and its client list) or a grant list (flat grants). */
function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return;
  if (Array.isArray(value)) for (const item of value) Object.freeze(item);
  else for (const child of Object.values(value)) if (Array.isArray(child)) Object.freeze(child);
  Object.freeze(value);
}

type Handler<T extends CommandType> = (ctx: CommandContext, command: Extract<ParsedCommand, { type: T }>) => void;
type Handlers = { [T in CommandType]: Handler<T> };

function settingsOf(ctx: CommandContext, organizationId: string): OrganizationSettings {
  return ctx.data.organizations[organizationId]?.settings ?? DEFAULT_ORGANIZATION_SETTINGS;
}

function invitationExpiry(ctx: CommandContext, organizationId: string): string {
  return new Date(ctx.now + settingsOf(ctx, organizationId).invitationDays * DAY_MS).toISOString();
}

/** '' means "no phone"; anything else is kept as typed (trimmed by the schema). */
function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function withOptional<T extends object, K extends string>(target: T, key: K, value: string | undefined): T {
  const copy = { ...target } as Record<string, unknown>;
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy as T;
}

function planFor(ctx: CommandContext, setup: AccessSetup): AccessPlan {
  switch (setup.mode) {
    case 'individual':
      return planIndividual(ctx.data, ctx.actor, setup.grants);
    case 'copy': {
      const source = ctx.user(setup.sourceUserId);
      ctx.allow('access.view', { user: source });
      return planCopy(ctx.data, ctx.actor, source.id, setup.excludeApplications);
    }
    case 'authorize-all':
      return planAuthorizeAll(ctx.data, ctx.actor, setup.levels);
  }
}

/** Applies an access plan to the user after the policy allowed it. */
function grantAccess(ctx: CommandContext, user: User, plan: AccessPlan): void {
  ctx.allow('access.set', { user, clientIds: plan.clientIds, access: plan.access });
  const current = grantsOf(ctx.data, user.id);
  ctx.writeGrants(user, current, applyPlan(current, plan));
}

/** A lifecycle step on one user: policy, transition, write. */
function transition(ctx: CommandContext, user: User, next: User, effects: Effect[] = []): void {
  ctx.writeUser(user, next);
  for (const effect of effects) ctx.effect(effect);
}

const handlers: Handlers = {
  'users.create': (ctx, { input }) => {
    const organizationId = ctx.actor.organizationId;
    const settings = settingsOf(ctx, organizationId);
    const kind = input.kind ?? 'login';
    const email = normalizeEmail(input.email);
    const emailTaken = Object.values(ctx.data.users).some((user) => normalizeEmail(user.email) === email);
    const managedClientIds = [...new Set(input.managedClientIds ?? [])];
    requireClients(ctx.data, organizationId, managedClientIds);
    let user: User = {
      id: ctx.env.newId('u'),
      organizationId,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      language: input.language,
      kind,
      role: input.role ?? 'user',
      signature: input.signature ?? 'individual',
      status: kind === 'login' ? 'invited' : 'contact',
      managedClientIds,
      failedSignIns: 0,
      passwordSet: false,
      createdAt: ctx.isoNow,
      version: 0,
    };
    user = withOptional(user, 'phone', optionalText(input.phone));
    user = withOptional(user, 'mobile', optionalText(input.mobile));
    if (kind === 'login') user.invitationExpiresAt = invitationExpiry(ctx, organizationId);
    const plan = input.access ? planFor(ctx, input.access) : undefined;
    ctx.allow('user.create', {
      user,
      settings,
      emailTaken,
      clientIds: [...managedClientIds, ...(plan?.clientIds ?? [])],
      access: plan?.access ?? [],
    });
    ctx.writeUser(undefined, user);
    if (plan && plan.set.length > 0) ctx.writeGrants(user, [], applyPlan([], plan));
    if (kind === 'login') ctx.effect({ type: 'send-invitation', userId: user.id, expiresAt: user.invitationExpiresAt! });
  },

  'users.updateProfile': (ctx, { userId, expectedVersion, changes }) => {
    const user = ctx.target(userId, expectedVersion);
    const fields: string[] = [];
    let next: User = user;
    if (changes.email !== undefined && normalizeEmail(changes.email) !== normalizeEmail(user.email)) fields.push('email');
    for (const key of ['firstName', 'lastName', 'language'] as const) {
      const value = changes[key];
      if (value !== undefined && value !== user[key]) {
        fields.push(key);
        next = { ...next, [key]: value };
      }
    }
    for (const key of ['phone', 'mobile'] as const) {
      if (changes[key] === undefined) continue;
      const value = optionalText(changes[key]);
      if (value !== user[key]) {
        fields.push(key);
        next = withOptional(next, key, value);
      }
    }
    ctx.allow('user.update-profile', { user, fields, settings: settingsOf(ctx, user.organizationId) });
    if (fields.length > 0) ctx.writeUser(user, next);
  },

  'users.setRole': (ctx, { userId, expectedVersion, role }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.set-role', { user, role, superUsers: ctx.superUsers(user) });
    if (user.role !== role) ctx.writeUser(user, { ...user, role });
  },

  'users.setSignature': (ctx, { userId, expectedVersion, signature }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.set-signature', { user });
    if (user.signature !== signature) ctx.writeUser(user, { ...user, signature });
  },

  'users.activate': (ctx, { userId, expectedVersion }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.activate', { user });
    if (user.status !== 'deactivated') {
      // Already active: "activate" then means "no end date".
      if (user.activeUntil === undefined) throw new PortierError('not-editable', { from: user.status, event: 'ACTIVATE' });
      const next = { ...user };
      delete next.activeUntil;
      return transition(ctx, user, next);
    }
    const next = accountReducer(user, { type: 'ACTIVATE' });
    if (next.status !== 'invited') return transition(ctx, user, next);
    // Never had a password: back to invited, with a fresh invitation.
    const expiresAt = invitationExpiry(ctx, user.organizationId);
    transition(ctx, user, { ...next, invitationExpiresAt: expiresAt }, [{ type: 'send-invitation', userId, expiresAt }]);
  },

  'users.deactivate': (ctx, { userId, expectedVersion, until }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.deactivate', { user, superUsers: ctx.superUsers(user), ...(until === undefined ? {} : { until }) });
    if (until !== undefined && until >= isoDay(ctx.now)) {
      if (user.status === 'deactivated') throw new PortierError('not-editable', { from: user.status, event: 'DEACTIVATE' });
      return transition(ctx, user, { ...user, activeUntil: until });
    }
    const next = accountReducer(user, { type: 'DEACTIVATE' });
    transition(ctx, user, until === undefined ? next : { ...next, activeUntil: until }, [{ type: 'revoke-tokens', userId }]);
  },

  'users.block': (ctx, { userId, expectedVersion }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.block', { user, superUsers: ctx.superUsers(user) });
    transition(ctx, user, accountReducer(user, { type: 'BLOCK', reason: 'admin' }), [
      { type: 'revoke-tokens', userId },
      { type: 'send-block-notice', userId },
    ]);
  },

  'users.unblock': (ctx, { userId, expectedVersion }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.unblock', { user });
    transition(ctx, user, accountReducer(user, { type: 'UNBLOCK' }));
  },

  'users.resetPassword': (ctx, { userId, expectedVersion }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.reset-password', { user });
    // A reset needs an account that has a password; an invited user gets its invitation re-sent instead.
    if (user.kind !== 'login' || !user.passwordSet || (user.status !== 'active' && user.status !== 'blocked')) {
      throw new PortierError('not-editable', { from: user.status, event: 'RESET_PASSWORD' });
    }
    ctx.recordAction(user);
    ctx.effect({ type: 'send-password-reset', userId });
  },

  'users.resendInvitation': (ctx, { userId, expectedVersion }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.resend-invitation', { user });
    const expiresAt = invitationExpiry(ctx, user.organizationId);
    transition(ctx, user, accountReducer(user, { type: 'RESEND_INVITATION', expiresAt }), [{ type: 'send-invitation', userId, expiresAt }]);
  },

  'users.makeLogin': (ctx, { userId, expectedVersion }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.make-login', { user });
    const expiresAt = invitationExpiry(ctx, user.organizationId);
    transition(ctx, user, accountReducer(user, { type: 'MAKE_LOGIN', expiresAt }), [{ type: 'send-invitation', userId, expiresAt }]);
  },

  'users.remove': (ctx, { userId, expectedVersion }) => {
    const user = ctx.target(userId, expectedVersion);
    ctx.allow('user.remove', { user, superUsers: ctx.superUsers(user) });
    accountReducer(user, { type: 'DELETE' });
    ctx.removeUser(user);
    ctx.effect({ type: 'revoke-tokens', userId });
  },

  'access.set': (ctx, { userId, expectedVersion, grants, removeClientIds }) => {
    const user = ctx.target(userId, expectedVersion);
    grantAccess(ctx, user, planIndividual(ctx.data, ctx.actor, grants, removeClientIds));
  },

  'access.copyFrom': (ctx, { userId, expectedVersion, sourceUserId, excludeApplications }) => {
    const user = ctx.target(userId, expectedVersion);
    grantAccess(ctx, user, planFor(ctx, { mode: 'copy', sourceUserId, excludeApplications }));
  },

  'access.authorizeAll': (ctx, { userId, expectedVersion, levels }) => {
    const user = ctx.target(userId, expectedVersion);
    grantAccess(ctx, user, planAuthorizeAll(ctx.data, ctx.actor, levels));
  },

  'clients.setManaged': (ctx, { userId, expectedVersion, clientIds }) => {
    const user = ctx.target(userId, expectedVersion);
    const wanted = [...new Set(clientIds)];
    requireClients(ctx.data, ctx.actor.organizationId, wanted);
    const before = new Set(user.managedClientIds);
    const after = new Set(wanted);
    const touched = [...wanted.filter((id) => !before.has(id)), ...user.managedClientIds.filter((id) => !after.has(id))];
    ctx.allow('clients.set-managed', { user, clientIds: touched });
    if (touched.length > 0) ctx.writeUser(user, { ...user, managedClientIds: wanted });
  },
};

/**
 * Applies one command for `actorId` to `data`: validates it (`validation` with field paths),
 * asks the policy (`can`), runs the account lifecycle, and returns the new data with its immer
 * patches, what changed, the audit entries and the effects (e-mails, tokens) for the backend.
 * Pure: `data` is never mutated, and a refusal throws before anything is applied.
 */
export function execute(data: PortierData, actorId: string, command: Command, env: ExecuteEnv): ExecuteOutcome {
  const parsed = parseCommand(command);
  const actor = own(data.users, actorId);
  if (!actor) throw new PortierError('forbidden', { reason: 'unknown-actor' });
  const ctx = new CommandContext(data, actor, env, parsed.type);
  // An inactive actor is refused before any lookup, so that it cannot tell the ids that exist
  // (its later refusals would come from the policy) from those that do not (rule 2).
  ctx.allow('user.view', { user: actor });
  const handler = handlers[parsed.type] as Handler<CommandType>;
  handler(ctx, parsed as never);
  const writes = [
    ...[...ctx.userWrites].map(([id, value]) => ['users', id, value] as const),
    ...[...ctx.grantWrites].map(([id, value]) => ['grants', id, value] as const),
  ];
  for (const [, , value] of writes) if (value) deepFreeze(value);
  const next = writeRecords(data, writes);
  const patches: Patch[] = [];
  const inversePatches: Patch[] = [];
  for (const [collection, id, value] of writes) {
    const path = [collection, id];
    const old = (data[collection] as Record<string, unknown>)[id];
    if (value === undefined) {
      if (old === undefined) continue;
      patches.push({ op: 'remove', path });
      inversePatches.push({ op: 'add', path, value: old });
    } else if (old === undefined) {
      patches.push({ op: 'add', path, value });
      inversePatches.push({ op: 'remove', path });
    } else {
      patches.push({ op: 'replace', path, value });
      inversePatches.push({ op: 'replace', path, value: old });
    }
  }
  const changes: Changes = {
    users: [...ctx.touchedUsers].filter((id) => !ctx.removedUsers.has(id)).map((id) => next.users[id]!),
    grants: Object.fromEntries([...ctx.touchedGrants].filter((id) => !ctx.removedUsers.has(id)).map((id) => [id, next.grants[id] ?? []])),
    removedUserIds: [...ctx.removedUsers],
  };
  return { data: next, patches, inversePatches, changes, audit: ctx.audit, effects: ctx.effects };
}
