import { DEFAULT_ORGANIZATION_SETTINGS } from '../organization/organization.schema.js';
import { emptyData, type PortierData } from '../data.js';
import type { User } from '../user/user.schema.js';
import type { ExecuteEnv } from '../command/command-context.js';

/** 2026-01-05 09:00 UTC: the instant every core test starts at. */
export const T0 = Date.UTC(2026, 0, 5, 9);

/** A user with sensible defaults: an active login user of org-a managing client c-1. */
export function aUser(id: string, patch: Partial<User> = {}): User {
  return {
    id,
    organizationId: 'org-a',
    email: `${id}@a.example`,
    firstName: 'First',
    lastName: id.toUpperCase(),
    language: 'en',
    kind: 'login',
    role: 'user',
    signature: 'individual',
    status: 'active',
    managedClientIds: ['c-1'],
    failedSignIns: 0,
    passwordSet: true,
    createdAt: new Date(T0 - 86_400_000).toISOString(),
    version: 0,
    ...patch,
  };
}

/**
 * Two organizations: org-a with clients c-1, c-2 (c-3 belongs to org-b), applications of seed 000
 * (invoices none/full, portfolio none/read/full with profiles, guard none/alert/full), contracts
 * of two types; users: `admin` (super user managing c-1, c-2), `admin2` (super user managing c-1),
 * `plain` (user), `contact`, and `other` (super user of org-b).
 */
export function fixtureData(): PortierData {
  const data = emptyData();
  data.organizations['org-a'] = { id: 'org-a', name: 'A', settings: { ...DEFAULT_ORGANIZATION_SETTINGS } };
  data.organizations['org-b'] = { id: 'org-b', name: 'B', settings: { ...DEFAULT_ORGANIZATION_SETTINGS } };
  data.clients['c-1'] = { id: 'c-1', organizationId: 'org-a', name: 'Client One', number: '100 001', vat: 'BE0100000001' };
  data.clients['c-2'] = { id: 'c-2', organizationId: 'org-a', name: 'Client Two', number: '100 002', vat: 'BE0100000002' };
  data.clients['c-3'] = { id: 'c-3', organizationId: 'org-b', name: 'Client Three', number: '300 003', vat: 'BE0300000003' };
  data.applications['invoices'] = { id: 'invoices', name: 'Invoice Viewer', levels: ['none', 'full'], profiles: [] };
  data.applications['portfolio'] = { id: 'portfolio', name: 'Portfolio Manager', levels: ['none', 'read', 'full'], profiles: ['REFERENT'] };
  data.applications['guard'] = { id: 'guard', name: 'Energy Guard', levels: ['none', 'alert', 'full'], profiles: [] };
  data.contracts['k-1'] = {
    id: 'k-1', organizationId: 'org-a', clientId: 'c-1', number: 'K1', type: 'supply', startDate: '2025-01-01',
    applicationIds: ['invoices', 'portfolio', 'guard'], seats: { individual: 5, shared: 1 }, noticePeriodDays: 30,
  };
  data.contracts['k-2'] = {
    id: 'k-2', organizationId: 'org-a', clientId: 'c-2', number: 'K2', type: 'services', startDate: '2025-01-01',
    applicationIds: ['invoices', 'guard'], seats: { individual: 5, shared: 1 }, noticePeriodDays: 30,
  };
  data.users['admin'] = aUser('admin', { role: 'superuser', managedClientIds: ['c-1', 'c-2'] });
  data.users['admin2'] = aUser('admin2', { role: 'superuser', managedClientIds: ['c-1'] });
  data.users['plain'] = aUser('plain');
  data.users['contact'] = aUser('contact', { kind: 'contact', status: 'contact', passwordSet: false });
  data.users['other'] = aUser('other', { organizationId: 'org-b', role: 'superuser', managedClientIds: ['c-3'] });
  data.grants['plain'] = [{ clientId: 'c-1', applicationId: 'invoices', level: 'full' }];
  return data;
}

/** An execute environment at `now` with predictable ids. */
export function envAt(now = T0): ExecuteEnv {
  let n = 0;
  return { now, newId: (prefix) => `${prefix}-new-${++n}` };
}
