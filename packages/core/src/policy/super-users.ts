import { isoDay } from '../clock.js';
import { effectiveStatus } from '../user/user.machine.js';
import type { User } from '../user/user.schema.js';

/**
 * Rule 4's view of one organization at an instant: its active login super users, and how many
 * of them have no end date (`activeUntil`). An organization whose super users all have an end
 * date loses them all on the last of those days, so rule 4 keeps one without an end date too.
 */
export interface SuperUserCounts {
  active: number;
  /** Active and without an end date. */
  lasting: number;
}

/** Whether `user` is an active login super user at `now`. */
export function isActiveSuperUser(user: User, now: number): boolean {
  return user.role === 'superuser' && user.kind === 'login' && effectiveStatus(user, now) === 'active';
}

/** Counts the active (and lasting) super users of an organization at `now`. */
export function countSuperUsers(users: Iterable<User>, organizationId: string, now: number): SuperUserCounts {
  let active = 0;
  let lasting = 0;
  for (const user of users) {
    if (user.organizationId !== organizationId || !isActiveSuperUser(user, now)) continue;
    active++;
    if (user.activeUntil === undefined) lasting++;
  }
  return { active, lasting };
}

/**
 * Why taking `user`'s super-user role away would break rule 4, at once (demote, deactivate,
 * block, delete) or from the day `until` on (an end date): `last-super-user` when it is the last
 * active super user; `last-super-user-without-end-date` when every other super user has an end
 * date (the organization would lose them all once those days have passed). Undefined when allowed.
 */
export function superUserLoss(
  user: User,
  counts: SuperUserCounts,
  now: number,
  until?: string,
): 'last-super-user' | 'last-super-user-without-end-date' | undefined {
  if (!isActiveSuperUser(user, now)) return undefined;
  const endsNow = until === undefined || until < isoDay(now);
  if (endsNow && counts.active <= 1) return 'last-super-user';
  if (user.activeUntil === undefined && counts.lasting <= 1) return 'last-super-user-without-end-date';
  return undefined;
}
