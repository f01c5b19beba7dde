import type { AuditEntry, PortierData } from '@portier/core';

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
}

/** Everything the memory backend holds, as plain data (what `persist` saves). */
export interface MemoryState {
  data: PortierData;
  audit: AuditEntry[];
  outbox: OutboxEmail[];
  tokens: Record<string, TokenRecord>;
  credentials: Record<string, Credential>;
}
