import { can, clientsOfUser, grantsOf, type PortierData, type User } from '@portier/core';

/** Per data version, per actor: the latest view built (one per actor, so the hours passing cannot pile them up). */
const cache = new WeakMap<object, Map<string, { key: string; scoped: PortierData }>>();

/**
 * What `actor` may see of `data` (SPEC rule 2): its organization, that organization's clients
 * and contracts, the catalogue, and the users `can` lets it view with their grants. Who may not
 * view the clients (a plain user, rule 1) sees only those it works for and their contracts. Cached per
 * data version, so paging through a large list does not rebuild it on every page.
 */
export function scopeFor(data: PortierData, actor: User, now: number): PortierData {
  const key = `${actor.version}|${new Date(now).toISOString().slice(0, 13)}`;
  let perData = cache.get(data);
  const hit = perData?.get(actor.id);
  if (hit?.key === key) return hit.scoped;
  const organizations: PortierData['organizations'] = {};
  const org = data.organizations[actor.organizationId];
  if (org) organizations[org.id] = org;
  const own = can(actor, 'clients.view', { now }).allowed ? undefined : new Set(clientsOfUser(actor, grantsOf(data, actor.id)));
  const clients: PortierData['clients'] = {};
  for (const client of Object.values(data.clients)) if (client.organizationId === actor.organizationId && (!own || own.has(client.id))) clients[client.id] = client;
  const contracts: PortierData['contracts'] = {};
  for (const contract of Object.values(data.contracts)) {
    if (contract.organizationId === actor.organizationId && (!own || own.has(contract.clientId))) contracts[contract.id] = contract;
  }
  const users: PortierData['users'] = {};
  const grants: PortierData['grants'] = {};
  for (const user of Object.values(data.users)) {
    if (user.organizationId !== actor.organizationId || !can(actor, 'user.view', { now, user }).allowed) continue;
    users[user.id] = user;
    const list = grantsOf(data, user.id);
    if (list.length > 0) grants[user.id] = list;
  }
  const scoped = { organizations, clients, applications: data.applications, contracts, users, grants };
  if (!perData) cache.set(data, (perData = new Map()));
  perData.set(actor.id, { key, scoped });
  return scoped;
}
