import { DEFAULT_ORGANIZATION_SETTINGS, emptyData, type Grant, type PortierData, type User } from '@portier/core';
import { DEMO_APPLICATIONS } from '@portier/adapters';

const FIRST = ['Ann', 'Bart', 'Chloé', 'Dirk', 'Elodie', 'Frank', 'Greet', 'Hannah', 'Inès', 'Jan', 'Katrin', 'Luc'];
const LAST = ['Dubois', 'Peeters', 'Lambert', 'Janssens', 'Martin', 'Maes', 'Schmitz', 'Willems', 'Dupont', 'Claes'];
const STATUSES = ['active', 'active', 'active', 'invited', 'blocked', 'deactivated'] as const;

/** A portal with `users` users, `clients` clients, `contracts` contracts and the seven applications of seed 000. */
export function generatePortal({ users = 100_000, clients = 500, contracts = 2 } = {}): PortierData {
  const data = emptyData();
  data.organizations['org'] = { id: 'org', name: 'Bench', settings: { ...DEFAULT_ORGANIZATION_SETTINGS } };
  for (const app of DEMO_APPLICATIONS) data.applications[app.id] = app;
  const clientIds: string[] = [];
  for (let i = 0; i < clients; i++) {
    const id = `c-${i}`;
    clientIds.push(id);
    data.clients[id] = { id, organizationId: 'org', name: `Client ${i}`, number: String(100000 + i), vat: `BE0${400000000 + i}` };
  }
  for (let i = 0; i < contracts; i++) {
    const id = `k-${i}`;
    data.contracts[id] = {
      id, organizationId: 'org', clientId: clientIds[i % clientIds.length]!, number: `K-${i}`, type: i % 2 ? 'services' : 'supply',
      startDate: '2025-01-01', applicationIds: DEMO_APPLICATIONS.map((a) => a.id), seats: { individual: 10, shared: 2 }, noticePeriodDays: 30,
    };
  }
  for (let i = 0; i < users; i++) {
    const id = `u-${i}`;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const user: User = {
      id, organizationId: 'org', email: `${first.toLowerCase()}.${last.toLowerCase()}.${i}@bench.example`, firstName: first, lastName: last,
      language: (['fr', 'nl', 'de', 'en'] as const)[i % 4]!, kind: 'login', role: i < 5 ? 'superuser' : 'user', signature: 'individual',
      status: i < 5 ? 'active' : STATUSES[i % STATUSES.length]!, managedClientIds: i < 5 ? clientIds : [clientIds[i % clientIds.length]!],
      failedSignIns: 0, passwordSet: true, createdAt: '2025-06-01T00:00:00.000Z', version: 0,
    };
    data.users[id] = user;
  }
  return data;
}

/** `count` grants spread over the clients and applications of `data`. */
export function manyGrants(data: PortierData, count: number): Grant[] {
  const clients = Object.keys(data.clients);
  const apps = Object.values(data.applications);
  const grants: Grant[] = [];
  for (let i = 0; grants.length < count; i++) {
    const app = apps[i % apps.length]!;
    grants.push({ clientId: clients[Math.floor(i / apps.length) % clients.length]!, applicationId: app.id, level: app.levels[app.levels.length - 1]! });
  }
  return grants;
}
