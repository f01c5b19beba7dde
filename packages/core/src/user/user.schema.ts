import * as z from 'zod/mini';
import { countSchema, isoDaySchema } from '../internal/common-schemas.js';

/** The four languages Portier ships. */
export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

/** `superuser` administers colleagues; `user` uses the applications it is granted. */
export const ROLES = ['superuser', 'user'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** `login` can sign in; `contact` cannot (seed 003: copied on e-mails, linked to clients for filtering). */
export const USER_KINDS = ['login', 'contact'] as const;
export type UserKind = (typeof USER_KINDS)[number];
export const userKindSchema = z.enum(USER_KINDS);

/** A super user's signature: `collective` means four-eyes (seed 004). */
export const SIGNATURES = ['individual', 'collective'] as const;
export type Signature = (typeof SIGNATURES)[number];
export const signatureSchema = z.enum(SIGNATURES);

/** The account lifecycle's states (SPEC Lifecycles → Account). */
export const ACCOUNT_STATUSES = ['contact', 'invited', 'expired', 'active', 'blocked', 'deactivated', 'deleted'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const accountStatusSchema = z.enum(ACCOUNT_STATUSES);

/** Why an account is blocked. */
export const BLOCK_REASONS = ['admin', 'failed-sign-ins'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/**
 * A user as stored and transported. Lengths are not limited here (data from a server is shown
 * as it is); the input schemas of the commands limit what a form may send.
 */
export const userSchema = z.object({
  id: z.string().check(z.minLength(1)),
  organizationId: z.string(),
  /** The login: unique across the portal case-insensitively, never edited after creation. */
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.optional(z.string()),
  mobile: z.optional(z.string()),
  language: languageSchema,
  kind: userKindSchema,
  role: roleSchema,
  signature: signatureSchema,
  status: accountStatusSchema,
  blockReason: z.optional(z.enum(BLOCK_REASONS)),
  /** `YYYY-MM-DD`: after this day the account is treated as deactivated (SPEC rule 10). */
  activeUntil: z.optional(isoDaySchema),
  managedClientIds: z.array(z.string()),
  /** Consecutive failed sign-ins since the last success or unblock. */
  failedSignIns: countSchema,
  /** ISO instant until which sign-in is refused without blocking (the last super user, see `recordFailedSignIn`). */
  signInLockedUntil: z.optional(z.string()),
  /** Whether a password was ever set (decides where reactivation leads). */
  passwordSet: z.boolean(),
  /** The password must be changed at the next sign-in (seed 001). */
  passwordExpired: z.optional(z.boolean()),
  /** ISO instant when the pending invitation expires. */
  invitationExpiresAt: z.optional(z.string()),
  /** ISO instant. */
  createdAt: z.string(),
  /**
   * Bumped on every edit of the user or its grants: the (weak) ETag of REST, the conflict check of
   * the store. Not by time: an invitation expiring or an end date passing is stored without a bump,
   * since every side reads the same status from the clock (`effectiveStatus`): the representation
   * before and after is semantically the same.
   */
  version: countSchema,
});

export type User = z.infer<typeof userSchema>;

/** Display name: "First Last", or the e-mail when both names are empty. */
export function displayName(user: Pick<User, 'firstName' | 'lastName' | 'email'>): string {
  const name = `${user.firstName} ${user.lastName}`.trim();
  return name === '' ? user.email : name;
}

/** E-mails compare case-insensitively (SPEC rule 5). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
