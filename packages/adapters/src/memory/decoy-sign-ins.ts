import { PortierError, normalizeEmail } from '@portier/core';

/** How many e-mails the decoy counter remembers; the oldest are forgotten first. */
const REMEMBERED = 10_000;

/**
 * Failed sign-ins on an e-mail with no active login account (unknown, a contact, invited,
 * deactivated), counted as an active account's would be: the same "N attempts left", then the
 * same block. Without it, the remaining-attempts count would tell a guesser which e-mails have an
 * account (SPEC: no enumeration). Nothing is stored on any account, and nothing is sent.
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
  };
}
