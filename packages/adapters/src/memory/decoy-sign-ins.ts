import { DEFAULT_ORGANIZATION_SETTINGS, PortierError, normalizeEmail, type PortierData } from '@portier/core';

/** How many e-mails the decoy counter remembers; the oldest are forgotten first. */
const REMEMBERED = 10_000;

/**
 * The failed sign-in limit a decoy counts under: the one most login accounts of the portal are
 * counted under (the smaller on a tie), so that an unknown e-mail answers like most real ones.
 * An organization with another limit still answers with its own: its counts can differ.
 */
export function decoyLimit(data: PortierData): number {
  const accounts = new Map<number, number>();
  for (const user of Object.values(data.users)) {
    if (user.kind !== 'login') continue;
    const limit = data.organizations[user.organizationId]?.settings.failedSignInLimit ?? DEFAULT_ORGANIZATION_SETTINGS.failedSignInLimit;
    accounts.set(limit, (accounts.get(limit) ?? 0) + 1);
  }
  let chosen = DEFAULT_ORGANIZATION_SETTINGS.failedSignInLimit;
  let most = 0;
  for (const [limit, count] of accounts) {
    if (count > most || (count === most && limit < chosen)) [chosen, most] = [limit, count];
  }
  return chosen;
}

/**
 * Failed sign-ins answered without a real count: on an e-mail with no active login account
 * (unknown, a contact, invited, deactivated) and on a blocked or locked one, counted as a fresh
 * active account's would be: the same "N attempts left", then the same block. Without it, the
 * answers would tell a guesser which e-mails have an account, and which are blocked (SPEC: no
 * enumeration); an account's state is told only with its right password. Nothing is stored on
 * any account, and nothing is sent.
 */
export function createDecoySignIns() {
  /** Failures per e-mail, and the end of a real account's lock (a last super user's), if any. */
  const failures = new Map<string, { count: number; lockedUntil?: number }>();
  const remember = (key: string, entry: { count: number; lockedUntil?: number }) => {
    failures.delete(key);
    failures.set(key, entry);
    if (failures.size > REMEMBERED) failures.delete(failures.keys().next().value!);
  };
  return {
    /** Counts one more failure for `email` under `limit` at `now`; returns what an active account would answer. */
    failure(email: string, limit: number, now: number): PortierError {
      const key = normalizeEmail(email);
      const entry = failures.get(key);
      // As for the real account: when its lock has run out, counting starts again.
      const before = entry === undefined || (entry.lockedUntil !== undefined && entry.lockedUntil <= now) ? 0 : entry.count;
      const count = Math.min(before + 1, limit);
      remember(key, { count });
      // As for a real account: the attempt that blocks says why; later ones find it blocked.
      if (before >= limit) return new PortierError('account-blocked', {});
      if (count >= limit) return new PortierError('account-blocked', { reason: 'failed-sign-ins' });
      return new PortierError('forbidden', { reason: 'credentials', remaining: limit - count });
    },
    /**
     * A real account was just blocked by failed sign-ins, or locked until `lockedUntil` (the last
     * super user): its next wrong passwords find it blocked, as a decoy's do, until the lock ends.
     */
    blocked(email: string, lockedUntil?: number): void {
      remember(normalizeEmail(email), { count: Number.MAX_SAFE_INTEGER, ...(lockedUntil === undefined ? {} : { lockedUntil }) });
    },
  };
}
