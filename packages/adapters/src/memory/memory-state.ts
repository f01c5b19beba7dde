import * as z from 'zod/mini';
import { auditEntrySchema, portierDataSchema, type AuditEntry, type PortierData } from '@portier/core';

/** An e-mail the memory backend would have sent; the demo shows them. */
export interface OutboxEmail {
  id: string;
  /** ISO instant. */
  at: string;
  to: string;
  userId: string;
  /** `invitation-request`: to a super user, whose colleague (`aboutUserId`) asks for a new invitation. */
  kind: 'invitation' | 'password-reset' | 'block-notice' | 'invitation-request';
  language: string;
  /** The user the e-mail is about, when it is not its recipient. */
  aboutUserId?: string;
  /** The single-use token of the link (invitation, reset). */
  token?: string;
  /** ISO instant when the link stops working. */
  expiresAt?: string;
}

/** A link's token, kept on the backend only. */
export interface TokenRecord {
  kind: 'invitation' | 'password-reset';
  userId: string;
  expiresAt: string;
  state: 'open' | 'used' | 'revoked';
  /** When its owner asked the administrators for a new invitation with it (once per link). */
  requestedAt?: string;
}

/** A stored password: salt and hash. */
export interface Credential {
  salt: string;
  hash: string;
  /**
   * Wrong passwords tried while the account could not sign in (blocked, locked, inactive). Past
   * the organization's failed sign-in limit, its right password no longer tells the account's
   * state: a barred account is no free oracle for guessing. Cleared by a successful sign-in, and
   * when an administrator unblocks or reactivates the account; a new password is a new credential.
   */
  barredGuesses?: number;
}

/** Everything the memory backend holds, as plain data (what `persist` saves). */
export interface MemoryState {
  data: PortierData;
  audit: AuditEntry[];
  outbox: OutboxEmail[];
  tokens: Record<string, TokenRecord>;
  credentials: Record<string, Credential>;
}

/**
 * Checks a state read back from elsewhere (a persisted copy, which a stale format, another
 * program on the key or a hand edit may have left in any shape): the backend only ever starts
 * from a state it could have written itself.
 */
export const memoryStateSchema = z.object({
  data: portierDataSchema,
  audit: z.array(auditEntrySchema),
  outbox: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      to: z.string(),
      userId: z.string(),
      kind: z.enum(['invitation', 'password-reset', 'block-notice', 'invitation-request']),
      language: z.string(),
      aboutUserId: z.optional(z.string()),
      token: z.optional(z.string()),
      expiresAt: z.optional(z.string()),
    }),
  ),
  tokens: z.record(
    z.string(),
    z.object({
      kind: z.enum(['invitation', 'password-reset']),
      userId: z.string(),
      expiresAt: z.string(),
      state: z.enum(['open', 'used', 'revoked']),
      requestedAt: z.optional(z.string()),
    }),
  ),
  credentials: z.record(z.string(), z.object({ salt: z.string(), hash: z.string(), barredGuesses: z.optional(z.number()) })),
});
