import { DEFAULT_ORGANIZATION_SETTINGS, emptyData, type User } from '@portier/core';
import type { MemorySeed } from './demo-seed.js';

const base = (id: string, patch: Partial<User>): User => ({
  id, organizationId: 'org-a', email: `${id}@a.example`, firstName: 'F', lastName: id, language: 'en', kind: 'login', role: 'user',
  signature: 'individual', status: 'active', managedClientIds: [], failedSignIns: 0, passwordSet: true, createdAt: '2026-01-01T00:00:00.000Z',
  version: 0, ...patch,
});

/**
 * A small portal for model-based tests: two organizations, four clients, three applications with
 * different level sets, two contract types, and users of every role, kind and status.
 */
export function propertySeed(): MemorySeed {
  const data = emptyData();
  data.organizations['org-a'] = { id: 'org-a', name: 'A', settings: { ...DEFAULT_ORGANIZATION_SETTINGS } };
  data.organizations['org-b'] = { id: 'org-b', name: 'B', settings: { ...DEFAULT_ORGANIZATION_SETTINGS, identityLock: true } };
  for (const [id, organizationId] of [['c-1', 'org-a'], ['c-2', 'org-a'], ['c-3', 'org-a'], ['c-4', 'org-b']] as const) {
    data.clients[id] = { id, organizationId, name: id, number: id, vat: id };
  }
  data.applications['invoices'] = { id: 'invoices', name: 'Invoices', levels: ['none', 'full'], profiles: [] };
  data.applications['portfolio'] = { id: 'portfolio', name: 'Portfolio', levels: ['none', 'read', 'full'], profiles: ['REFERENT'] };
  data.applications['guard'] = { id: 'guard', name: 'Guard', levels: ['none', 'alert', 'full'], profiles: [] };
  data.contracts['k-1'] = { id: 'k-1', organizationId: 'org-a', clientId: 'c-1', number: '1', type: 'supply', startDate: '2025-01-01', applicationIds: ['invoices', 'portfolio', 'guard'], seats: { individual: 1, shared: 0 }, noticePeriodDays: 0 };
  data.contracts['k-2'] = { id: 'k-2', organizationId: 'org-a', clientId: 'c-2', number: '2', type: 'services', startDate: '2025-01-01', applicationIds: ['invoices', 'guard'], seats: { individual: 1, shared: 0 }, noticePeriodDays: 0 };
  data.contracts['k-3'] = { id: 'k-3', organizationId: 'org-b', clientId: 'c-4', number: '3', type: 'supply', startDate: '2025-01-01', applicationIds: ['invoices'], seats: { individual: 1, shared: 0 }, noticePeriodDays: 0 };
  const users = [
    base('a1', { role: 'superuser', managedClientIds: ['c-1', 'c-2', 'c-3'] }),
    base('a2', { role: 'superuser', signature: 'collective', managedClientIds: ['c-1'] }),
    // A second super user of every client, and one in org-b: rule 2 lets only a super user who
    // manages all of another's clients demote, block or delete it, so rule 4 needs such pairs.
    base('a3', { role: 'superuser', managedClientIds: ['c-1', 'c-2', 'c-3'] }),
    base('u1', { managedClientIds: ['c-1'] }),
    base('u2', { status: 'invited', passwordSet: false, invitationExpiresAt: '2027-01-01T00:00:00.000Z' }),
    base('u3', { status: 'blocked', blockReason: 'admin' }),
    base('ct', { kind: 'contact', status: 'contact', passwordSet: false }),
    base('b1', { organizationId: 'org-b', role: 'superuser', managedClientIds: ['c-4'] }),
    base('b2', { organizationId: 'org-b', managedClientIds: ['c-4'] }),
    base('b3', { organizationId: 'org-b', role: 'superuser', managedClientIds: ['c-4'] }),
  ];
  for (const user of users) data.users[user.id] = user;
  data.grants['u1'] = [{ clientId: 'c-1', applicationId: 'portfolio', level: 'read' }];
  data.grants['b2'] = [{ clientId: 'c-4', applicationId: 'invoices', level: 'full' }];
  return { data, defaultActorId: 'a1' };
}
