import { levelRank } from '../application/application.schema.js';
import type { PortierErrorCode } from '../errors.js';
import { PortierError } from '../errors.js';
import { effectiveStatus } from '../user/user.machine.js';
import type { User } from '../user/user.schema.js';
import { ACTIONS, type Action, type PolicyTarget } from './actions.js';
import { superUserLoss } from './super-users.js';

/** The answer of {@link can}: allowed, or refused with the error code and a short reason. */
export type Decision = { allowed: true } | { allowed: false; code: PortierErrorCode; reason: string };

const ALLOWED: Decision = { allowed: true };
const refuse = (code: PortierErrorCode, reason: string): Decision => ({ allowed: false, code, reason });

/** Fields a user may change on its own account (SPEC rule 1). */
export const OWN_PROFILE_FIELDS = ['firstName', 'lastName', 'phone', 'mobile', 'language'] as const;

/** Actions a user may take on its own account. */
const SELF_ACTIONS: ReadonlySet<Action> = new Set(['user.view', 'user.update-profile', 'access.view', 'clients.view']);

/**
 * Actions on a user's account as a whole: they touch every client the user works for, so a super
 * user takes them on another user only when it manages all of those clients (SPEC rule 2).
 * Changing another super user's managed clients counts as one of them.
 */
const ACCOUNT_ACTIONS: ReadonlySet<Action> = new Set(ACTIONS.filter((action) => action.startsWith('user.') && action !== 'user.view' && action !== 'user.create'));

/**
 * Whether `action` on `user` is an action on its account as a whole, which rule 2 checks against
 * every client the user works for (`PolicyTarget.userClientIds`). Callers that fill that key ask
 * this first, so that no other action pays for it.
 */
export function isAccountAction(action: Action, user: User): boolean {
  return ACCOUNT_ACTIONS.has(action) || (action === 'clients.set-managed' && user.role === 'superuser');
}

/** Actions that would take away an active super user (SPEC rule 4). */
const REMOVES_SUPER_USER: ReadonlySet<Action> = new Set(['user.deactivate', 'user.block', 'user.remove']);

/**
 * A rule is one function; `can` runs them in order and the first refusal wins. A new rule of
 * the policy is a new function in this list (and a test named after it).
 */
type Rule = (actor: User, action: Action, target: PolicyTarget) => Decision;

/**
 * The actor must be a login user whose account is active now (rules 7, 8, 10), and whose
 * expired initial password has been changed (rule 9: sign-in answers `passwordChangeRequired`;
 * a session opened anyway acts on nothing until the password is changed).
 */
const actorIsActive: Rule = (actor, _action, target) => {
  if (actor.kind !== 'login' || effectiveStatus(actor, target.now) !== 'active') return refuse('forbidden', 'actor-inactive');
  return actor.passwordExpired === true ? refuse('forbidden', 'password-change-required') : ALLOWED;
};

/**
 * Rule 2: nobody sees or touches another organization. Its users do not exist for the actor, so
 * the refusal is `not-found`, the answer to an unknown id, and its reason says no more than that
 * (see {@link assertCan}).
 */
const sameOrganization: Rule = (actor, _action, target) =>
  target.user && target.user.organizationId !== actor.organizationId ? refuse('not-found', 'unknown-user') : ALLOWED;

/** Rule 1: on its own account a user may only view and edit names, phones and language. */
const ownAccount: Rule = (actor, action, target) => {
  if (!target.user || target.user.id !== actor.id) return ALLOWED;
  if (!SELF_ACTIONS.has(action)) return refuse('forbidden', 'own-account');
  if (action === 'user.update-profile') {
    const own: readonly string[] = OWN_PROFILE_FIELDS;
    const other = (target.fields ?? []).find((field) => !own.includes(field));
    if (other !== undefined) return other === 'email' ? refuse('not-editable', 'email') : refuse('forbidden', 'own-account');
  }
  return ALLOWED;
};

/** Rule 1: only super users administer other users (and see the organization's users and audit). */
const superUserAdministers: Rule = (actor, _action, target) => {
  if (target.user?.id === actor.id) return ALLOWED;
  return actor.role === 'superuser' ? ALLOWED : refuse('forbidden', 'not-super-user');
};

/**
 * Rule 2: a super user acts only on clients it manages. Rights are granted, and clients assigned,
 * only within them; another user's account (its status, role, profile) is changed only by a super
 * user who manages every client that user works for, so that nobody blocks, demotes or deletes
 * the colleague of a client it does not administer.
 */
const withinManagedClients: Rule = (actor, action, target) => {
  const managed = new Set(actor.managedClientIds);
  if (target.clientIds && !target.clientIds.every((id) => managed.has(id))) return refuse('out-of-scope', 'client-not-managed');
  const user = target.user;
  // A super user's managed clients are what it administers: taking one away is a demotion on that
  // client, so it too waits for a super user who manages all of its clients.
  if (!user || user.id === actor.id || !isAccountAction(action, user)) return ALLOWED;
  // Without the clients of its grants, the clients assigned to the user still count.
  const userClientIds = target.userClientIds ?? user.managedClientIds;
  return userClientIds.every((id) => managed.has(id)) ? ALLOWED : refuse('out-of-scope', 'user-not-managed');
};

/** Rule 3: levels and profiles come from the application's allowed lists. */
const allowedLevelsAndProfiles: Rule = (_actor, _action, target) => {
  for (const { application, level, profile } of target.access ?? []) {
    if (!application.levels.includes(level)) return refuse('level-not-allowed', application.id);
    if (profile !== undefined && !application.profiles.includes(profile)) return refuse('profile-not-allowed', application.id);
  }
  return ALLOWED;
};

/** Rule 11: a level given in place of one the application does not allow is never above what was asked. */
const neverAboveRequested: Rule = (_actor, _action, target) => {
  for (const { application, level, requested } of target.access ?? []) {
    if (requested !== undefined && levelRank(level) > levelRank(requested)) return refuse('level-not-allowed', application.id);
  }
  return ALLOWED;
};

/**
 * Rule 4: an organization always keeps an active super user. Its last one, or its last one
 * without an end date, is never demoted, deactivated (now or from a day on), blocked or deleted.
 */
const keepsASuperUser: Rule = (_actor, action, target) => {
  const user = target.user;
  if (!user) return ALLOWED;
  const takesAway = REMOVES_SUPER_USER.has(action) || (action === 'user.set-role' && target.role === 'user');
  if (!takesAway) return ALLOWED;
  const counts = target.superUsers ?? { active: 0, lasting: 0 };
  const until = action === 'user.deactivate' ? target.until : undefined;
  const reason = superUserLoss(user, counts, target.now, until);
  return reason ? refuse('last-super-user', reason) : ALLOWED;
};

/** Rule 5: the e-mail is the login (unique, never edited); an identity lock freezes names too. */
const identity: Rule = (_actor, action, target) => {
  if (action === 'user.create' && target.emailTaken) return refuse('email-taken', 'email-taken');
  if (action !== 'user.update-profile') return ALLOWED;
  const fields = target.fields ?? [];
  if (fields.includes('email')) return refuse('not-editable', 'email');
  if (target.settings?.identityLock && (fields.includes('firstName') || fields.includes('lastName'))) {
    return refuse('not-editable', 'identity-lock');
  }
  return ALLOWED;
};

/** A contact cannot sign in, so it cannot be a super user. */
const contactsAreNotAdmins: Rule = (_actor, action, target) =>
  target.user?.kind === 'contact' && ((action === 'user.set-role' && target.role === 'superuser') || (action === 'user.create' && target.user.role === 'superuser'))
    ? refuse('not-editable', 'contact-cannot-be-super-user')
    : ALLOWED;

const RULES: readonly Rule[] = [
  actorIsActive,
  sameOrganization,
  ownAccount,
  superUserAdministers,
  withinManagedClients,
  allowedLevelsAndProfiles,
  neverAboveRequested,
  identity,
  contactsAreNotAdmins,
  keepsASuperUser,
];

/**
 * The one authorization choke point (SPEC rules 1–5, 9 for an expired initial password, 10, 11): may `actor` do `action` on `target`?
 * Every command, every backend operation, every route and every screen asks it; nothing else
 * re-implements a rule.
 * @example
 * can(actor, 'user.set-role', { now, user: target, role: 'user', superUsers: { active: 1, lasting: 1 } })
 * // { allowed: false, code: 'last-super-user', reason: 'last-super-user' }
 */
export function can(actor: User, action: Action, target: PolicyTarget): Decision {
  for (const rule of RULES) {
    const decision = rule(actor, action, target);
    if (!decision.allowed) return decision;
  }
  return ALLOWED;
}

/**
 * {@link can}, throwing the refusal as a PortierError (with `action` and `reason` in details).
 * A `not-found` refusal throws exactly what a lookup of an unknown user id throws, without the
 * reason: a user of another organization must not be told apart from one that does not exist.
 */
export function assertCan(actor: User, action: Action, target: PolicyTarget): void {
  const decision = can(actor, action, target);
  if (decision.allowed) return;
  if (decision.code === 'not-found') throw new PortierError('not-found', { entity: 'user', id: target.user?.id });
  throw new PortierError(decision.code, { action, reason: decision.reason });
}
