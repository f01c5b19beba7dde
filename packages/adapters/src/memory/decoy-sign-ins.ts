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
 * What a wrong password is answered, for every e-mail alike: a count of failures per e-mail, as a
 * fresh active account's would be ("N attempts left", then the block), whether the e-mail has an
 * account or not, and whatever state the account is in. The account's own count (rule 8) runs
 * beside it and decides the real block; the answer never reads it. So what a guesser sees is a
 * function of what was typed alone, and it stays so when this table forgets (it remembers the
 * last {@link REMEMBERED} e-mails): a forgotten real account restarts its answers exactly as a
 * forgotten unknown e-mail does. The account's state is told only with its right password
 * (SPEC: no enumeration). Nothing is stored on any account, and nothing is sent.
 */
export function createDecoySignIns() {
  /** Failures per normalized e-mail, oldest first. */
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
    /**
     * The owner signed in, or an administrator gave the account a fresh count (unblock,
     * reactivation): its answers start again with it.
     */
    forget(email: string): void {
      failures.delete(normalizeEmail(email));
    },
  };
}
