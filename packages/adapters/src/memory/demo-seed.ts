import { DAY_MS, DEFAULT_ORGANIZATION_SETTINGS, emptyData, type Application, type Grant, type PortierData, type User } from '@portier/core';

/** What a memory backend starts from. */
export interface MemorySeed {
  data: PortierData;
  /** Known passwords by user id (the demo signs in with them); hashed when the backend starts. */
  passwords?: Record<string, string>;
  /** Who acts when a call names nobody (the demo's default super user). */
  defaultActorId?: string;
}

/** The password of every demo account that has one. */
export const DEMO_PASSWORD = 'Portier-Demo-2026!';

/** The seven applications of the demo portal, those of seed 000 (§5.3), with their level sets. */
export const DEMO_APPLICATIONS: Application[] = [
  { id: 'invoice-viewer', name: 'Invoice Viewer', levels: ['none', 'full'], profiles: [] },
  { id: 'manage-access-points', name: 'Manage Access Points', levels: ['none', 'full'], profiles: [] },
  { id: 'portfolio-manager', name: 'Portfolio Manager', levels: ['none', 'read', 'full'], profiles: ['REFERENT', 'GESTION SUIVI'] },
  { id: 'energy-guard', name: 'Energy Guard', levels: ['none', 'alert', 'full'], profiles: [] },
  { id: 'my-customer-data', name: 'My Customer Data', levels: ['none', 'full'], profiles: [] },
  { id: 'billing-export', name: 'Billing Export', levels: ['none', 'full'], profiles: [] },
  { id: 'energy-square', name: 'Energy Square', levels: ['none', 'full'], profiles: [] },
];

const FIRST_NAMES = ['Amélie', 'Bart', 'Chloé', 'Dirk', 'Elodie', 'Frank', 'Greet', 'Hannah', 'Inès', 'Jan', 'Katrin', 'Luc', 'Marie', 'Noah', 'Olivia', 'Pieter', 'Quentin', 'Romy', 'Sofie', 'Thomas', 'Ulrike', 'Victor', 'Wout', 'Xavier', 'Yasmine', 'Zoé', 'Arnaud', 'Birgit', 'Cédric', 'Dominique', 'Emma', 'Florian', 'Gilles', 'Hélène', 'Isabelle', 'Joris', 'Karel', 'Lena', 'Maxime', 'Nathalie'];
const LAST_NAMES = ['Dubois', 'Peeters', 'Lambert', 'Janssens', 'Martin', 'Maes', 'Schmitz', 'Willems', 'Dupont', 'Claes', 'Goossens', 'Wouters', 'Müller', 'De Smet', 'Leclercq', 'Jacobs', 'Mertens', 'Fontaine', 'Hermans', 'Smith', 'Renard', 'Vermeulen', 'Becker', 'Simon', 'Michiels', 'Lemaire', 'Vandenberghe', 'Weber', 'Collard', 'Desmet', 'Laurent', 'Bauwens', 'Denis', 'Verhoeven', 'Hoffmann', 'Gérard', 'Pauwels', 'Roussel', 'Aerts', 'Brown'];
const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;

const ORG = 'org-lambert';
const OTHER_ORG = 'org-horizon';
const day = (offsetDays: number, from: number) => new Date(from + offsetDays * DAY_MS).toISOString();
const isoDate = (offsetDays: number, from: number) => day(offsetDays, from).slice(0, 10);

/**
 * The demo portal (SPEC, issue 2): one organization, "Groupe Lambert", with four client companies,
 * the seven applications of seed 000, 40 users covering every status and kind (three super users,
 * one of them with a collective signature), two contracts of different types, and a second,
 * small organization that the first may never see.
 * `now` anchors the invitation and active-until dates.
 */
export function demoSeed(now: number): MemorySeed {
  const data = emptyData();
  data.organizations[ORG] = { id: ORG, name: 'Groupe Lambert', settings: { ...DEFAULT_ORGANIZATION_SETTINGS } };
  data.organizations[OTHER_ORG] = { id: OTHER_ORG, name: 'Horizon Retail', settings: { ...DEFAULT_ORGANIZATION_SETTINGS, passwordPolicy: 'strict' } };
  const clients = [
    { id: 'c-brasserie', organizationId: ORG, name: 'Brasserie Lambert SA', number: '100 245 871', vat: 'BE0412345678' },
    { id: 'c-logistics', organizationId: ORG, name: 'Lambert Logistics NV', number: '100 245 902', vat: 'BE0476543210' },
    { id: 'c-retail', organizationId: ORG, name: 'Lambert Retail BV', number: '100 246 117', vat: 'BE0654321987' },
    { id: 'c-immo', organizationId: ORG, name: 'Immo Lambert SPRL', number: '100 246 330', vat: 'BE0823456789' },
    { id: 'c-horizon', organizationId: OTHER_ORG, name: 'Horizon Retail SA', number: '200 118 004', vat: 'BE0711222333' },
  ];
  for (const client of clients) data.clients[client.id] = client;
  for (const application of DEMO_APPLICATIONS) data.applications[application.id] = application;
  data.contracts['k-supply'] = {
    id: 'k-supply', organizationId: ORG, clientId: 'c-brasserie', number: 'EL-2024-00871', type: 'supply', startDate: '2024-01-01',
    applicationIds: ['invoice-viewer', 'manage-access-points', 'portfolio-manager', 'energy-guard'], seats: { individual: 25, shared: 5 }, noticePeriodDays: 90,
  };
  data.contracts['k-services'] = {
    id: 'k-services', organizationId: ORG, clientId: 'c-logistics', number: 'SV-2025-00112', type: 'services', startDate: '2025-03-01',
    applicationIds: ['my-customer-data', 'billing-export', 'energy-square', 'energy-guard'], seats: { individual: 10, shared: 2 }, noticePeriodDays: 30,
  };

  const passwords: Record<string, string> = {};
  const allClientIds = ['c-brasserie', 'c-logistics', 'c-retail', 'c-immo'];
  const add = (index: number, patch: Partial<User> & Pick<User, 'status'>, grants: Grant[] = []): User => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const last = LAST_NAMES[index % LAST_NAMES.length]!;
    const id = `u-${String(index + 1).padStart(3, '0')}`;
    const slug = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z.]/g, '').toLowerCase();
    const user: User = {
      id, organizationId: ORG, email: `${slug}@lambert.example`, firstName: first, lastName: last,
      language: LANGUAGES[index % LANGUAGES.length]!, kind: 'login', role: 'user', signature: 'individual',
      managedClientIds: [allClientIds[index % allClientIds.length]!], failedSignIns: 0, passwordSet: true,
      createdAt: day(-200 + index, now), version: 0, ...patch,
    };
    if (index % 3 === 0) user.phone = `+32 2 555 ${String(1000 + index).slice(-4)}`;
    if (index % 2 === 0) user.mobile = `+32 470 12 ${String(10 + index).padStart(2, '0')} ${String(30 + index).padStart(2, '0')}`;
    data.users[id] = user;
    if (grants.length > 0) data.grants[id] = grants;
    if (user.passwordSet) passwords[id] = DEMO_PASSWORD;
    return user;
  };
  const full = (clientId: string, ...apps: string[]): Grant[] => apps.map((applicationId) => ({ clientId, applicationId, level: 'full' }));

  // Super users: the main admin manages every client; a second individual one; a collective one.
  add(0, { status: 'active', role: 'superuser', managedClientIds: allClientIds, email: 'amelie.dubois@lambert.example' }, [
    ...full('c-brasserie', 'invoice-viewer', 'portfolio-manager', 'energy-guard'),
    ...full('c-logistics', 'invoice-viewer', 'billing-export'),
  ]);
  add(1, { status: 'active', role: 'superuser', managedClientIds: ['c-brasserie', 'c-logistics'] }, full('c-brasserie', 'invoice-viewer'));
  add(2, { status: 'active', role: 'superuser', signature: 'collective', managedClientIds: allClientIds }, full('c-retail', 'invoice-viewer'));
  // A plain user with a read-only and an alert right, and a multi-entity user.
  add(3, { status: 'active', managedClientIds: ['c-brasserie'] }, [
    { clientId: 'c-brasserie', applicationId: 'portfolio-manager', level: 'read', profile: 'REFERENT' },
    { clientId: 'c-brasserie', applicationId: 'energy-guard', level: 'alert' },
    ...full('c-brasserie', 'invoice-viewer'),
  ]);
  add(4, { status: 'active', managedClientIds: ['c-brasserie', 'c-logistics', 'c-retail'] }, [
    ...full('c-brasserie', 'invoice-viewer', 'my-customer-data'),
    ...full('c-logistics', 'invoice-viewer'),
    ...full('c-retail', 'billing-export'),
  ]);
  // Every other status and kind.
  add(5, { status: 'invited', passwordSet: false, invitationExpiresAt: day(12, now) });
  add(6, { status: 'invited', passwordSet: false, invitationExpiresAt: day(2, now) });
  add(7, { status: 'expired', passwordSet: false });
  add(8, { status: 'blocked', blockReason: 'failed-sign-ins', failedSignIns: 5 }, full('c-logistics', 'invoice-viewer'));
  add(9, { status: 'blocked', blockReason: 'admin' });
  add(10, { status: 'deactivated' }, full('c-retail', 'invoice-viewer'));
  add(11, { status: 'deactivated', passwordSet: false });
  add(12, { status: 'contact', kind: 'contact', passwordSet: false });
  add(13, { status: 'contact', kind: 'contact', passwordSet: false, managedClientIds: ['c-logistics', 'c-retail'] });
  add(14, { status: 'active', activeUntil: isoDate(20, now) }, full('c-immo', 'energy-square'));
  add(15, { status: 'active', passwordExpired: true }, full('c-brasserie', 'invoice-viewer'));
  for (let index = 16; index < 40; index++) {
    const clientId = allClientIds[index % allClientIds.length]!;
    const status = index % 11 === 0 ? 'invited' : index % 13 === 0 ? 'deactivated' : 'active';
    add(
      index,
      status === 'invited' ? { status, passwordSet: false, invitationExpiresAt: day(index % 30, now) } : { status },
      index % 4 === 0 ? full(clientId, 'invoice-viewer', 'my-customer-data') : full(clientId, 'invoice-viewer'),
    );
  }

  // The other organization: never visible from Groupe Lambert.
  data.users['h-001'] = {
    id: 'h-001', organizationId: OTHER_ORG, email: 'admin@horizon.example', firstName: 'Hugo', lastName: 'Horizon', language: 'fr',
    kind: 'login', role: 'superuser', signature: 'individual', status: 'active', managedClientIds: ['c-horizon'], failedSignIns: 0,
    passwordSet: true, createdAt: day(-100, now), version: 0,
  };
  data.grants['h-001'] = full('c-horizon', 'invoice-viewer');
  passwords['h-001'] = DEMO_PASSWORD;

  return { data, passwords, defaultActorId: 'u-001' };
}
