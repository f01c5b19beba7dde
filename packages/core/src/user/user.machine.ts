import { PortierError } from '../errors.js';
import { DAY_MS, isoDay } from '../clock.js';
import type { AccountStatus, User } from './user.schema.js';

/** Events of the account lifecycle. */
export type AccountEvent =
  | 'PASSWORD_SET'
  | 'INVITATION_EXPIRED'
  | 'RESEND_INVITATION'
  | 'BLOCK'
  | 'UNBLOCK'
  | 'DEACTIVATE'
  | 'ACTIVATE'
  | 'MAKE_LOGIN'
  | 'DELETE';

/** A target state, or named guards choosing between target states. */
type Target = AccountStatus | 'by-history';

/** The transition table: which event leads where from which state. A missing entry is refused. */
export type TransitionTable = { readonly [S in AccountStatus]: Partial<Record<AccountEvent, Target>> };

/**
 * SPEC Lifecycles → Account. `by-history` is the reactivation guard: back to `active` when a
 * password was ever set, `invited` when not, `contact` for a contact.
 */
export const accountTransitions = {
  contact: { MAKE_LOGIN: 'invited', DEACTIVATE: 'deactivated', DELETE: 'deleted' },
  invited: {
    PASSWORD_SET: 'active',
    INVITATION_EXPIRED: 'expired',
    RESEND_INVITATION: 'invited',
    DEACTIVATE: 'deactivated',
    DELETE: 'deleted',
  },
  expired: { RESEND_INVITATION: 'invited', DEACTIVATE: 'deactivated', DELETE: 'deleted' },
  active: { BLOCK: 'blocked', DEACTIVATE: 'deactivated', DELETE: 'deleted' },
  blocked: { UNBLOCK: 'active', DEACTIVATE: 'deactivated', DELETE: 'deleted' },
  deactivated: { ACTIVATE: 'by-history', DELETE: 'deleted' },
  deleted: {},
} as const satisfies TransitionTable;

/** An action on an account, with what the event needs. */
export type AccountAction =
  | { type: 'PASSWORD_SET' }
  | { type: 'INVITATION_EXPIRED' }
  | { type: 'RESEND_INVITATION'; expiresAt: string }
  | { type: 'BLOCK'; reason: 'admin' | 'failed-sign-ins' }
  | { type: 'UNBLOCK' }
  | { type: 'DEACTIVATE' }
  | { type: 'ACTIVATE' }
  | { type: 'MAKE_LOGIN'; expiresAt: string }
  | { type: 'DELETE' };

/** True when `event` is allowed from the user's stored status. */
export function canTransition(status: AccountStatus, event: AccountEvent): boolean {
  return event in accountTransitions[status];
}

/**
 * The pure reducer of the account lifecycle: returns the next user, or throws `not-editable`
 * (with `from` and `event`) when the table has no such transition. Never mutates its input.
 */
export function accountReducer(user: User, action: AccountAction): User {
  const transitions: Partial<Record<AccountEvent, Target>> = accountTransitions[user.status];
  const target = transitions[action.type];
  if (target === undefined) {
    throw new PortierError('not-editable', { from: user.status, event: action.type });
  }
  const status: AccountStatus =
    target === 'by-history' ? (user.kind === 'contact' ? 'contact' : user.passwordSet ? 'active' : 'invited') : target;
  const next: User = { ...user, status };
  switch (action.type) {
    case 'PASSWORD_SET':
      next.passwordSet = true;
      next.passwordExpired = false;
      delete next.invitationExpiresAt;
      next.failedSignIns = 0;
      break;
    case 'RESEND_INVITATION':
      next.invitationExpiresAt = action.expiresAt;
      break;
    case 'MAKE_LOGIN':
      next.kind = 'login';
      next.invitationExpiresAt = action.expiresAt;
      break;
    case 'BLOCK':
      next.blockReason = action.reason;
      break;
    case 'UNBLOCK':
      delete next.blockReason;
      delete next.signInLockedUntil;
      next.failedSignIns = 0;
      break;
    case 'ACTIVATE':
      // Reactivating clears a past active-until date, or the account would fall back at once,
      // and starts the failed sign-ins again, as unblocking does: an account blocked by them and
      // then deactivated would otherwise be blocked again by its first wrong password.
      delete next.activeUntil;
      delete next.blockReason;
      delete next.signInLockedUntil;
      next.failedSignIns = 0;
      break;
    case 'INVITATION_EXPIRED':
      delete next.invitationExpiresAt;
      break;
    case 'DEACTIVATE':
    case 'DELETE':
      break;
  }
  return next;
}

/** The time-driven event due for this user at `now`, if any: invitation expiry or a past active-until day. */
export function dueTimedEvent(user: User, now: number): 'INVITATION_EXPIRED' | 'DEACTIVATE' | undefined {
  if (user.status === 'deleted' || user.status === 'deactivated') return undefined;
  if (user.activeUntil !== undefined && user.activeUntil < isoDay(now)) return 'DEACTIVATE';
  if (user.status === 'invited' && user.invitationExpiresAt !== undefined && Date.parse(user.invitationExpiresAt) <= now) {
    return 'INVITATION_EXPIRED';
  }
  return undefined;
}

/**
 * The first instant after `now` at which {@link effectiveStatus} may answer differently for this
 * user (an invitation running out, the day after active-until); `Infinity` when none is ahead.
 */
export function nextTimedChange(user: User, now: number): number {
  if (user.status === 'deleted' || user.status === 'deactivated') return Infinity;
  const ahead = (at: number) => (at > now ? at : Infinity);
  const endOfActivity = user.activeUntil === undefined ? Infinity : ahead(Date.parse(user.activeUntil) + DAY_MS);
  const invitationEnd = user.status === 'invited' && user.invitationExpiresAt !== undefined ? ahead(Date.parse(user.invitationExpiresAt)) : Infinity;
  return Math.min(endOfActivity, invitationEnd);
}

/**
 * The status the user has at `now`, applying the time rules without storing them:
 * a past active-until day reads `deactivated` (SPEC rule 10), an overdue invitation `expired` (rule 7).
 */
export function effectiveStatus(user: User, now: number): AccountStatus {
  const due = dueTimedEvent(user, now);
  if (due === 'DEACTIVATE') return 'deactivated';
  if (due === 'INVITATION_EXPIRED') return 'expired';
  return user.status;
}

/** Time-driven transitions due at `now`, applied: the backend runs this before every operation. */
export function applyTimedTransitions(user: User, now: number): User {
  let next = user;
  for (let due = dueTimedEvent(next, now); due !== undefined; due = dueTimedEvent(next, now)) {
    next = accountReducer(next, { type: due });
  }
  return next;
}

/** The result of one failed sign-in (SPEC rule 8). */
export interface FailedSignInOutcome {
  user: User;
  /** The account was blocked by this attempt. */
  blocked: boolean;
}

/**
 * Counts one failed sign-in. At `limit` consecutive failures the account is blocked with reason
 * `failed-sign-ins`, except the organization's last active super user (SPEC rule 4 forbids
 * blocking it, "however"): its sign-in is locked for `lockMs` instead, which stops guessing
 * without leaving the organization without an administrator. The count never exceeds `limit`.
 */
export function recordFailedSignIn(
  user: User,
  options: { limit: number; now: number; isLastSuperUser: boolean; lockMs?: number },
): FailedSignInOutcome {
  const failedSignIns = Math.min(user.failedSignIns + 1, options.limit);
  const counted: User = { ...user, failedSignIns };
  // A lock that has run out is gone: the count started again when it ended.
  if (counted.signInLockedUntil !== undefined && Date.parse(counted.signInLockedUntil) <= options.now) delete counted.signInLockedUntil;
  if (failedSignIns < options.limit) return { user: counted, blocked: false };
  if (options.isLastSuperUser) {
    const lockedUntil = new Date(options.now + (options.lockMs ?? 15 * 60_000)).toISOString();
    return { user: { ...counted, failedSignIns: 0, signInLockedUntil: lockedUntil }, blocked: false };
  }
  return { user: accountReducer(counted, { type: 'BLOCK', reason: 'failed-sign-ins' }), blocked: true };
}
