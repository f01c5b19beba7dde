import type { PortierData } from '../data.js';
import { writeRecords } from '../internal/write-records.js';
import { applyTimedTransitions, dueTimedEvent } from '../user/user.machine.js';
import type { User } from '../user/user.schema.js';
import type { AuditDraft, Effect } from './effects.js';

/** The outcome of {@link sweepTimedTransitions}. */
export interface SweepOutcome {
  data: PortierData;
  /** Users whose stored status changed, as they now are. */
  changed: User[];
  audit: AuditDraft[];
  /** What the backend must do: revoke the tokens of each account deactivated (as an admin's deactivation does). */
  effects: Effect[];
}

/**
 * Stores the time-driven transitions due at `now` (expired invitations, past active-until days),
 * audited as done by `system`, with the tokens of deactivated accounts revoked. A backend runs it before every operation, so what it stores and
 * what `effectiveStatus` reads always agree. Returns `data` itself when nothing is due.
 */
export function sweepTimedTransitions(data: PortierData, now: number): SweepOutcome {
  const due: User[] = [];
  for (const user of Object.values(data.users)) if (dueTimedEvent(user, now) !== undefined) due.push(user);
  if (due.length === 0) return { data, changed: [], audit: [], effects: [] };
  const at = new Date(now).toISOString();
  const changed: User[] = [];
  const audit: AuditDraft[] = [];
  const effects: Effect[] = [];
  for (const user of due) {
    // The version stays: nobody changed the user, time did, and every side reads the same status
    // from the clock (`effectiveStatus`). A bump would make a client that learnt of the sweep in
    // another call (an audit read, another tab's sign-in) fail its next command as a conflict.
    const after = Object.freeze(applyTimedTransitions(user, now));
    changed.push(after);
    // An invitation or reset link must die with the account, not wait for its own expiry.
    if (after.status === 'deactivated') effects.push({ type: 'revoke-tokens', userId: user.id });
    audit.push({
      at,
      organizationId: user.organizationId,
      actorId: 'system',
      action: after.status === 'expired' ? 'account.expired' : 'account.deactivated',
      targetId: user.id,
      before: { status: user.status },
      after: { status: after.status },
    });
  }
  const next = writeRecords(data, changed.map((user) => ['users', user.id, user] as const));
  return { data: next, changed, audit, effects };
}
