import type { Application, Level } from '../application/application.schema.js';
import type { OrganizationSettings } from '../organization/organization.schema.js';
import type { Role, User } from '../user/user.schema.js';
import type { SuperUserCounts } from './super-users.js';
import type { clientsOfUser } from './clients-of-user.js';

/** Everything `can` decides on. */
export const ACTIONS = [
  'user.view',
  'user.create',
  'user.update-profile',
  'user.set-role',
  'user.set-signature',
  'user.activate',
  'user.deactivate',
  'user.block',
  'user.unblock',
  'user.reset-password',
  'user.resend-invitation',
  'user.make-login',
  'user.remove',
  'access.view',
  'access.set',
  'clients.view',
  'clients.set-managed',
  'audit.view',
] as const;

/** One action of {@link ACTIONS}. */
export type Action = (typeof ACTIONS)[number];

/** A level or profile asked for on one application. */
export interface RequestedAccess {
  application: Application;
  level: Level;
  profile?: string | undefined;
  /** For "authorize all": the level asked for before rule 11 replaced it by the nearest lower one. */
  requested?: Level | undefined;
}

/**
 * What an action is about. Each action reads the keys it needs; the caller (a command, a route,
 * a screen) fills them from the data it has.
 */
export interface PolicyTarget {
  /** Milliseconds since the epoch: decides active-until and expiry (SPEC rule 10). */
  now: number;
  /** The user acted upon; for `user.create`, the user to be. */
  user?: User;
  /** The target organization's settings (identity lock, rule 5). */
  settings?: OrganizationSettings;
  /** Profile fields being changed (`user.update-profile`). */
  fields?: readonly string[];
  /** The role asked for (`user.set-role`). */
  role?: Role;
  /** Clients the action touches: grants set or removed, managed clients added or removed (rule 2). */
  clientIds?: readonly string[];
  /**
   * The clients the target user works for ({@link clientsOfUser}): an action on another user's
   * account as a whole touches them all (rule 2). Commands and screens fill it from their data;
   * when absent, the user's assigned clients (`managedClientIds`) stand for it.
   */
  userClientIds?: readonly string[];
  /** Levels and profiles asked for (rule 3). */
  access?: readonly RequestedAccess[];
  /** The super users of the target's organization, the target included (rule 4); none when absent. */
  superUsers?: SuperUserCounts;
  /** The end date asked for (`user.deactivate` from a day on), `YYYY-MM-DD` (rule 4). */
  until?: string;
  /** Another account already has the e-mail (rule 5). */
  emailTaken?: boolean;
}
