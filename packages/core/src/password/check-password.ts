import { resolvePasswordPolicy, type PasswordPolicy } from './password-policy.js';

/** One unmet rule, with the figure a message needs (`min`, `max`). */
export type PasswordIssue =
  | { rule: 'min-length'; min: number }
  | { rule: 'max-length'; max: number }
  | { rule: 'lower' }
  | { rule: 'upper' }
  | { rule: 'digit' }
  | { rule: 'special' }
  | { rule: 'not-email' }
  | { rule: 'not-name' }
  | { rule: 'common' };

/** Who the password is for, and optionally the common-password list (see `loadCommonPasswords`). */
export interface PasswordContext {
  email?: string;
  firstName?: string;
  lastName?: string;
  /**
   * Lower-cased common passwords. When the policy asks for `notCommon` and this is absent,
   * the check is skipped here: a server (the memory backend, a host) always passes the list,
   * a form loads it lazily for live feedback.
   */
  commonPasswords?: ReadonlySet<string>;
}

/**
 * Every rule of `policy` that `password` does not meet: an empty array means accepted.
 * Returns all of them at once so a form can show live feedback.
 * @example checkPassword('short', 'nist', { email: 'ann@example.com' }) // [{ rule: 'min-length', min: 8 }]
 */
export function checkPassword(password: string, policy: PasswordPolicy, context: PasswordContext = {}): PasswordIssue[] {
  const rules = resolvePasswordPolicy(policy);
  const issues: PasswordIssue[] = [];
  // Count code points, so an emoji is one character as the user sees it.
  const length = [...password].length;
  if (rules.minLength !== undefined && length < rules.minLength) issues.push({ rule: 'min-length', min: rules.minLength });
  if (rules.maxLength !== undefined && length > rules.maxLength) issues.push({ rule: 'max-length', max: rules.maxLength });
  if (rules.lower && !/\p{Ll}/u.test(password)) issues.push({ rule: 'lower' });
  if (rules.upper && !/\p{Lu}/u.test(password)) issues.push({ rule: 'upper' });
  if (rules.digit && !/\p{Nd}/u.test(password)) issues.push({ rule: 'digit' });
  if (rules.special && !/[^\p{L}\p{Nd}\s]/u.test(password)) issues.push({ rule: 'special' });

  const lower = password.toLowerCase();
  const email = context.email?.trim().toLowerCase();
  const localPart = email?.split('@')[0];
  if (rules.notEmail && email && (lower === email || lower === localPart)) issues.push({ rule: 'not-email' });
  if (rules.notName) {
    // The user name is the e-mail (seed 001), so the whole address counts, however short. Parts
    // under 3 letters are left out: "Ng" or "Li" would refuse "strong" or "million".
    const names = [email, localPart, context.firstName, context.lastName]
      .map((name) => name?.trim().toLowerCase())
      .filter((name): name is string => !!name && name.length >= 3);
    if (names.some((name) => lower.includes(name))) issues.push({ rule: 'not-name' });
  }
  // NIST SP 800-63B also names repetitive passwords ("aaaaaaaa", eight spaces): as guessable as the
  // list's, and refused even when no list was passed.
  if (rules.notCommon && (context.commonPasswords?.has(lower) || /^(.)\1*$/su.test(password))) issues.push({ rule: 'common' });
  return issues;
}
