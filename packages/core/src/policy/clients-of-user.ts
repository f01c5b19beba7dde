import type { Grant } from '../grant/grant.schema.js';
import type { User } from '../user/user.schema.js';

/**
 * The clients `user` works for: the clients assigned to it and those it holds rights on. An
 * action on its account as a whole (its status, role, signature, profile, deletion) touches every
 * one of them, so SPEC rule 2 lets only a super user who manages them all take it. The command
 * context and the screens' `can` fill `PolicyTarget.userClientIds` with it.
 * @example can(actor, 'user.block', { now, user, userClientIds: clientsOfUser(user, grants), superUsers: countSuperUsers(users, user.organizationId, now) })
 */
export function clientsOfUser(user: User, grants: readonly Grant[]): string[] {
  return [...new Set([...user.managedClientIds, ...grants.map((grant) => grant.clientId)])];
}
