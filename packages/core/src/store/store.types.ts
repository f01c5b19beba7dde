import type { Level } from '../application/application.schema.js';
import type { AuditEntry } from '../audit/audit.schema.js';
import type { SignInResult, TokenInfo, PortierBackend } from '../backend.js';
import type { Client } from '../client/client.schema.js';
import type { Clock } from '../clock.js';
import type { Command, CreateUserInput, ProfileChanges } from '../command/command.schema.js';
import type { Changes } from '../command/effects.js';
import type { PortierData } from '../data.js';
import type { PortierError } from '../errors.js';
import type { Grant } from '../grant/grant.schema.js';
import type { Language, Role, Signature, User } from '../user/user.schema.js';

/** The store's state: plain, immutable data, replaced on every change. */
export interface PortierState {
  status: 'loading' | 'ready' | 'error';
  /**
   * Why the last load failed: with `status` `error` nothing can be shown; with `ready`, a refresh
   * could not reach the backend and the data shown is the last loaded (a network failure does
   * not take away what the user was working on).
   */
  error: PortierError | undefined;
  locale: Language;
  /** The signed-in user the store acts as. */
  actorId: string | undefined;
  /** What the actor may see, with the optimistic changes of commands in flight applied. */
  data: PortierData;
  /** Commands sent and not yet settled. */
  pending: number;
  /** The clock's time when the state was made: selectors read statuses at this instant. */
  now: number;
}

/** Options of every command on one user. */
export interface CommandOptions {
  /** The user's version the caller edited: a newer one on the backend refuses with `conflict`. */
  expectedVersion?: number;
}

/** Options of {@link createPortier}. */
export interface PortierOptions {
  backend: PortierBackend;
  /** Default `en`. */
  locale?: Language;
  /** Default: the system clock. */
  clock?: Clock;
  /** Act as this user; default: whoever the backend's session is. */
  actorId?: string;
}

/**
 * The store: state, subscription and the command groups of SPEC.md. Every call that fails
 * rejects with a PortierError (`network` when the backend could not be reached).
 */
export interface Portier {
  getState(): PortierState;
  /**
   * Calls `listener` after every state change; returns the function that stops it (at once: a
   * listener stopped by another during a notification is not called for it). A listener that
   * throws does not stop the store or the other listeners: its error is reported as uncaught
   * (`reportError`; in Node, `console.error`).
   */
  subscribe(listener: (state: PortierState) => void): () => void;
  /** Settles when the first load is done (rejects when it failed; the state says so too). */
  readonly ready: Promise<void>;
  readonly backend: PortierBackend;
  readonly clock: Clock;
  /** Loads everything again from the backend. */
  refresh(): Promise<void>;
  setLocale(locale: Language): void;
  /** Sends any command (the groups below are shorthands). */
  dispatch(command: Command): Promise<Changes>;
  users: {
    create(input: CreateUserInput): Promise<User>;
    updateProfile(userId: string, changes: ProfileChanges, options?: CommandOptions): Promise<void>;
    setRole(userId: string, role: Role, options?: CommandOptions): Promise<void>;
    setSignature(userId: string, signature: Signature, options?: CommandOptions): Promise<void>;
    activate(userId: string, options?: CommandOptions): Promise<void>;
    /** Now, or on `until` (`YYYY-MM-DD`, the last active day). */
    deactivate(userId: string, options?: CommandOptions & { until?: string }): Promise<void>;
    block(userId: string, options?: CommandOptions): Promise<void>;
    unblock(userId: string, options?: CommandOptions): Promise<void>;
    resetPassword(userId: string, options?: CommandOptions): Promise<void>;
    resendInvitation(userId: string, options?: CommandOptions): Promise<void>;
    makeLogin(userId: string, options?: CommandOptions): Promise<void>;
    remove(userId: string, options?: CommandOptions): Promise<void>;
  };
  access: {
    /** Sets one grant or many at once, and removes clients from the user's rights. */
    set(userId: string, grants: Grant | Grant[], options?: CommandOptions & { removeClientIds?: string[] }): Promise<void>;
    copyFrom(sourceUserId: string, targetUserId: string, options?: CommandOptions & { excludeApplications?: string[] }): Promise<void>;
    /** One level per contract type, applied to every contract (SPEC rule 11). */
    authorizeAll(userId: string, levels: Record<string, Level>, options?: CommandOptions): Promise<void>;
  };
  clients: {
    search(text: string, limit?: number): Promise<Client[]>;
    setManaged(userId: string, clientIds: string[], options?: CommandOptions): Promise<void>;
  };
  audit: {
    list(query?: { userId?: string; limit?: number }): Promise<AuditEntry[]>;
  };
  session: {
    /** Acts as another user from now on and reloads (the demo's "act as" switch, tests). */
    actAs(userId: string): Promise<void>;
    signIn(email: string, password: string): Promise<SignInResult>;
    inspectToken(token: string): Promise<TokenInfo>;
    acceptInvitation(token: string, password: string): Promise<void>;
    requestNewInvitation(token: string): Promise<void>;
    requestPasswordReset(email: string): Promise<void>;
    completePasswordReset(token: string, password: string): Promise<void>;
    changePassword(email: string, currentPassword: string, newPassword: string): Promise<void>;
  };
}
