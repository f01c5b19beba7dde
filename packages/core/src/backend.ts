import type { AuditEntry } from './audit/audit.schema.js';
import type { Client } from './client/client.schema.js';
import type { Command } from './command/command.schema.js';
import type { Changes } from './command/effects.js';
import type { PortierData } from './data.js';
import type { PasswordPolicy } from './password/password-policy.js';
import type { UserQuery } from './user/user.selectors.js';
import type { User } from './user/user.schema.js';

/** Who asks, and how to cancel. Without `actorId` the backend uses its own session (a cookie, a token). */
export interface BackendContext {
  actorId?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** What one actor may see: its organization, clients, applications, contracts, users and their grants. */
export interface Snapshot {
  actorId: string;
  data: PortierData;
}

/** One page of users, filtered and sorted on the backend. */
export interface UserPage {
  items: User[];
  /** How many users match the query in all. */
  total: number;
  offset: number;
}

/** A successful sign-in. */
export interface SignInResult {
  userId: string;
  /** The password has expired and must be changed before anything else (seed 001). */
  passwordChangeRequired: boolean;
}

/** What a link's token is, before the user types anything. */
export interface TokenInfo {
  kind: 'invitation' | 'password-reset' | 'unknown';
  state: 'valid' | 'expired' | 'used' | 'unknown';
  /** Set when the token is valid: the form greets the user and checks the password against them. */
  email?: string;
  firstName?: string;
  lastName?: string;
  passwordPolicy?: PasswordPolicy;
}

/**
 * The port every backend implements (memory, REST, SCIM…). Every operation enforces the core's
 * policy itself: a backend never trusts its UI. Failures reject with a PortierError.
 */
export interface PortierBackend {
  /** Everything the actor may see. */
  load(ctx: BackendContext): Promise<Snapshot>;
  /** Users filtered, sorted and paged on the backend: a list screen of 100,000 users renders one page at a time. */
  listUsers(ctx: BackendContext, query: UserQuery): Promise<UserPage>;
  /**
   * Clients of the actor's organization by name, number or VAT number. `limit`, like the audit's,
   * is an integer from 1 to 1000 (else `validation`); a backend may return fewer.
   */
  searchClients(ctx: BackendContext, query: { text: string; limit?: number }): Promise<Client[]>;
  /** The organization's recent changes, newest first (`limit`: 1 to 1000, default 100). */
  listAudit(ctx: BackendContext, query: { userId?: string; limit?: number }): Promise<AuditEntry[]>;
  /** Applies one command; resolves with what changed. */
  execute(ctx: BackendContext, command: Command): Promise<Changes>;
  /** Checks a password; counts failures (SPEC rule 8). */
  signIn(input: { email: string; password: string }): Promise<SignInResult>;
  /** Says what a link's token is (an invitation, a reset) and whether it is still good. */
  inspectToken(input: { token: string }): Promise<TokenInfo>;
  /** Sets the first password from an invitation token (single use). */
  acceptInvitation(input: { token: string; password: string }): Promise<void>;
  /** From an expired invitation link: sends a new invitation. Resolves the same whatever the token. */
  requestNewInvitation(input: { token: string }): Promise<void>;
  /** Sends a reset e-mail when the account exists; resolves the same either way (no enumeration). */
  requestPasswordReset(input: { email: string }): Promise<void>;
  /** Sets a new password from a reset token (single use). */
  completePasswordReset(input: { token: string; password: string }): Promise<void>;
  /** Changes a password, e.g. an expired initial one at first sign-in. */
  changePassword(input: { email: string; currentPassword: string; newPassword: string }): Promise<void>;
}
