import { nearestAllowedLevel, levelRank, type Application, type Level } from '../application/application.schema.js';
import { PortierError } from '../errors.js';
import { GrantTable, type Grant } from '../grant/grant.schema.js';
import type { PortierData } from '../data.js';
import type { RequestedAccess } from '../policy/actions.js';
import type { User } from '../user/user.schema.js';
import { own } from '../internal/own.js';

/** Grants to set on a user, with what the policy must check about them. */
export interface AccessPlan {
  set: Grant[];
  removeClientIds: string[];
  /** Each grant with its application (and the level asked for, for "authorize all"). */
  access: RequestedAccess[];
  /** Every client touched. */
  clientIds: string[];
  /**
   * "Authorize all" sets levels only: a functional profile the user already holds on a cell it
   * sets stays (unless the level becomes `none`), instead of being wiped as a side effect.
   */
  keepProfiles?: boolean;
}

function application(data: PortierData, id: string): Application {
  const found = own(data.applications, id);
  if (!found) throw new PortierError('not-found', { entity: 'application', id });
  return found;
}

/**
 * Throws `not-found` for an id that is no client of `organizationId`. Another organization's
 * client is answered exactly as an unknown id, so that nobody learns it exists (SPEC rule 2).
 */
export function requireClients(data: PortierData, organizationId: string, ids: Iterable<string>): void {
  for (const id of ids) {
    if (own(data.clients, id)?.organizationId !== organizationId) throw new PortierError('not-found', { entity: 'client', id });
  }
}

/** Individual authorization: the grants as given, checked as given, on clients of `actor`'s organization. */
export function planIndividual(data: PortierData, actor: User, grants: readonly Grant[], removeClientIds: readonly string[] = []): AccessPlan {
  const clientIds = new Set<string>(removeClientIds);
  const access: RequestedAccess[] = [];
  for (const grant of grants) {
    requireClients(data, actor.organizationId, [grant.clientId]);
    clientIds.add(grant.clientId);
    access.push({ application: application(data, grant.applicationId), level: grant.level, profile: grant.profile });
  }
  requireClients(data, actor.organizationId, removeClientIds);
  return { set: [...grants], removeClientIds: [...removeClientIds], access, clientIds: [...clientIds] };
}

/**
 * Copy another user (seed 004): the source's grants on the clients the actor manages, without the
 * excluded applications. Grants on clients outside the actor's scope are not copied (rule 2).
 */
export function planCopy(data: PortierData, actor: User, sourceUserId: string, excludeApplications: readonly string[] = []): AccessPlan {
  const managed = new Set(actor.managedClientIds);
  const excluded = new Set(excludeApplications);
  const set = (own(data.grants, sourceUserId) ?? []).filter((grant) => managed.has(grant.clientId) && !excluded.has(grant.applicationId));
  return planIndividual(data, actor, set);
}

/**
 * Authorize all (seed 004, SPEC rule 11): for every contract of the actor's organization on a
 * client the actor manages, every application of the contract gets the level chosen for the
 * contract's type, or the nearest lower level the application allows. Where two contracts give
 * the same client and application, the higher of the two levels stands.
 */
export function planAuthorizeAll(data: PortierData, actor: User, levels: Readonly<Record<string, Level>>): AccessPlan {
  const managed = new Set(actor.managedClientIds);
  const chosen = new GrantTable<{ grant: Grant; access: RequestedAccess }>();
  const applications = new Map<Level, Map<string, { app: Application; level: Level }>>();
  for (const contract of Object.values(data.contracts)) {
    const wanted = levels[contract.type];
    if (wanted === undefined || contract.organizationId !== actor.organizationId || !managed.has(contract.clientId)) continue;
    for (const applicationId of contract.applicationIds) {
      let forLevel = applications.get(wanted);
      if (!forLevel) applications.set(wanted, (forLevel = new Map()));
      let resolved = forLevel.get(applicationId);
      if (!resolved) {
        const app = application(data, applicationId);
        forLevel.set(applicationId, (resolved = { app, level: nearestAllowedLevel(app, wanted) }));
      }
      const { app, level } = resolved;
      const existing = chosen.get(contract.clientId, applicationId);
      if (existing && levelRank(existing.grant.level) >= levelRank(level)) continue;
      chosen.set(contract.clientId, applicationId, {
        grant: { clientId: contract.clientId, applicationId, level },
        access: { application: app, level, requested: wanted },
      });
    }
  }
  const set: Grant[] = [];
  const access: RequestedAccess[] = [];
  const clientIds = new Set<string>();
  for (const { grant, access: requested } of chosen.values()) {
    set.push(grant);
    access.push(requested);
    clientIds.add(grant.clientId);
  }
  return { set, removeClientIds: [], access, clientIds: [...clientIds], keepProfiles: true };
}

/**
 * The user's grants after the plan: set grants replace same (client, application), removed
 * clients go; with `keepProfiles`, a replaced grant's profile carries over to a level above none.
 */
export function applyPlan(current: readonly Grant[], plan: AccessPlan): Grant[] {
  const table = GrantTable.of(current);
  for (const clientId of plan.removeClientIds) table.deleteClient(clientId);
  for (const grant of plan.set) {
    const profile = plan.keepProfiles && grant.level !== 'none' ? table.get(grant.clientId, grant.applicationId)?.profile : undefined;
    table.set(grant.clientId, grant.applicationId, profile === undefined ? grant : { ...grant, profile });
  }
  return table.values();
}
