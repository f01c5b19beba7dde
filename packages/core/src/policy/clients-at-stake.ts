import type { Grant } from '../grant/grant.schema.js';
import type { Role, User } from '../user/user.schema.js';

/**
 * The clients an action on `user` touches besides the grants it sets (SPEC rule 2: a super user
 * acts only on clients it manages). Promoting to super user hands over the user's managed clients;
 * deleting takes its rights and clients away. The command, the screens and the tests all ask the
 * policy with these, so a button is offered exactly when the command would pass.
 * @example can(actor, 'user.remove', { now, user, clientIds: clientsAtStake('user.remove', user, grants) })
 */
export function clientsAtStake(action: 'user.set-role' | 'user.remove', user: User, grants: readonly Grant[], role?: Role): string[] {
  if (action === 'user.set-role') return role === 'superuser' && user.role !== 'superuser' ? user.managedClientIds : [];
  return [...new Set([...user.managedClientIds, ...grants.map((grant) => grant.clientId)])];
}
