import type { AuditEntry } from '../audit/audit.schema.js';
import type { Grant } from '../grant/grant.schema.js';
import type { User } from '../user/user.schema.js';

/**
 * What a command asks the backend to do outside the data: e-mails and tokens are the backend's
 * business (secrets never enter the data a store sees).
 */
export type Effect =
  /** Revoke the user's open invitation tokens, issue a new single-use one, e-mail it. */
  | { type: 'send-invitation'; userId: string; expiresAt: string }
  /** Issue a password-reset token and e-mail it. */
  | { type: 'send-password-reset'; userId: string }
  /** Tell the user the account was blocked. */
  | { type: 'send-block-notice'; userId: string }
  /** Revoke every token of the user (deleted, deactivated). */
  | { type: 'revoke-tokens'; userId: string };

/** What a command changed, as the backend now has it: a store merges this into its view. */
export interface Changes {
  /** Users created or changed, whole. */
  users: User[];
  /** The whole grant list of each user whose grants changed. */
  grants: Record<string, Grant[]>;
  removedUserIds: string[];
}

/** An audit entry before the backend numbers it. */
export type AuditDraft = Omit<AuditEntry, 'id'>;

/** No change at all. */
export function noChanges(): Changes {
  return { users: [], grants: {}, removedUserIds: [] };
}
