import * as z from 'zod/mini';
import { positiveIntegerSchema } from '../internal/common-schemas.js';

/** A rule set for passwords. Every key is optional: a custom policy names only what it needs. */
export const passwordRulesSchema = z.object({
  minLength: z.optional(positiveIntegerSchema),
  maxLength: z.optional(positiveIntegerSchema),
  lower: z.optional(z.boolean()),
  upper: z.optional(z.boolean()),
  digit: z.optional(z.boolean()),
  /** Any character that is not a letter, digit or space (punctuation, symbols). */
  special: z.optional(z.boolean()),
  /** Not the e-mail, nor its local part. */
  notEmail: z.optional(z.boolean()),
  /** Does not contain the user name (e-mail local part, first name, last name). */
  notName: z.optional(z.boolean()),
  /** Not on the common-password list. */
  notCommon: z.optional(z.boolean()),
}).check(
  // A minimum above the maximum would refuse every password, so nobody could accept an invitation.
  z.refine((rules) => rules.minLength === undefined || rules.maxLength === undefined || rules.minLength <= rules.maxLength, {
    message: 'min-above-max',
    path: ['maxLength'],
  }),
);

export type PasswordRules = z.infer<typeof passwordRulesSchema>;

/** A preset name or a custom rule set. */
export const passwordPolicySchema = z.union([z.enum(['nist', 'strict']), passwordRulesSchema]);

export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;

/**
 * The presets of SPEC rule 9.
 * - `nist` (default): 8 to 128 characters (at least 64 must be allowed), no composition rules,
 *   not the e-mail or its local part, not a common password.
 * - `strict`: at least 8, lower, upper, digit and special character, not containing the user name.
 */
export const PASSWORD_PRESETS = {
  nist: { minLength: 8, maxLength: 128, notEmail: true, notCommon: true },
  strict: { minLength: 8, maxLength: 128, lower: true, upper: true, digit: true, special: true, notName: true },
} as const satisfies Record<string, PasswordRules>;

/**
 * The rule of the portal of seed 000 (§3): at least 6 characters with an upper-case letter,
 * a lower-case letter, a digit and a punctuation mark. An example of a custom rule set.
 */
export const SIX_MIXED_PASSWORD_RULES: PasswordRules = { minLength: 6, lower: true, upper: true, digit: true, special: true };

/** The rule set a policy stands for. */
export function resolvePasswordPolicy(policy: PasswordPolicy): PasswordRules {
  return typeof policy === 'string' ? PASSWORD_PRESETS[policy] : policy;
}
