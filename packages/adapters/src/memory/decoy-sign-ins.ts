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
  const failures = new Map<string, number>();
  return {
    /** Counts one more failure for `email` under `limit`; returns what an active account would answer. */
    failure(email: string, limit: number): PortierError {
      const key = normalizeEmail(email);
      const before = failures.get(key) ?? 0;
      const count = Math.min(before + 1, limit);
      failures.delete(key);
      failures.set(key, count);
      if (failures.size > REMEMBERED) failures.delete(failures.keys().next().value!);
      // As for a real account: the attempt that blocks says why; later ones find it blocked.
      if (before >= limit) return new PortierError('account-blocked', {});
      if (count >= limit) return new PortierError('account-blocked', { reason: 'failed-sign-ins' });
      return new PortierError('forbidden', { reason: 'credentials', remaining: limit - count });
    },
    /** A real account was just blocked (or locked) by failed sign-ins: its next wrong passwords find it blocked, as a decoy's do. */
    blocked(email: string): void {
      const key = normalizeEmail(email);
      failures.delete(key);
      failures.set(key, Number.MAX_SAFE_INTEGER);
      if (failures.size > REMEMBERED) failures.delete(failures.keys().next().value!);
    },
  };
}
