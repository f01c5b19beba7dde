import { DAY_MS, emptyData, type Grant, type Language, type User } from '@portier/core';
import { demoSeed, type MemorySeed } from '@portier/adapters';

/** The instant every story starts at: stories look the same on every day they are opened. */
export const STORY_NOW = Date.UTC(2026, 0, 12, 9);

const FIRST = ['Amélie', 'Bart', 'Chloé', 'Dirk', 'Elodie', 'Frank', 'Greet', 'Hannah', 'Inès', 'Jan', 'Katrin', 'Luc', 'Marie', 'Noah', 'Olivia', 'Pieter', 'Quentin', 'Romy', 'Sofie', 'Thomas'];
const LAST = ['Dubois', 'Peeters', 'Lambert', 'Janssens', 'Martin', 'Maes', 'Schmitz', 'Willems', 'Dupont', 'Claes', 'Goossens', 'Wouters', 'Müller', 'De Smet', 'Leclercq', 'Jacobs', 'Mertens', 'Fontaine', 'Hermans', 'Renard'];
const LANGUAGES: Language[] = ['fr', 'nl', 'de', 'en'];
const CLIENTS = ['c-brasserie', 'c-logistics', 'c-retail', 'c-immo'];
const APPS = ['invoice-viewer', 'portfolio-manager', 'energy-guard', 'billing-export'];

/** The demo data of the memory backend (Groupe Lambert, 40 users), as of {@link STORY_NOW}. */
export function demoData(): MemorySeed {
  return demoSeed(STORY_NOW);
}

/**
 * The demo organization with `count` users in all: the 40 demo users plus generated ones of every
 * status, kind and language, with rights on one or two clients. No passwords for the generated
 * users (hashing thousands would only slow the story down; nobody signs in here).
 */
export function largeSeed(count = 10_000): MemorySeed {
  const seed = demoSeed(STORY_NOW);
  const users = seed.data.users;
  const existing = Object.keys(users).filter((id) => users[id]!.organizationId === 'org-lambert').length;
  for (let index = existing; index < count; index++) {
    const first = FIRST[index % FIRST.length]!;
    const last = LAST[Math.floor(index / FIRST.length) % LAST.length]!;
    const id = `g-${String(index).padStart(6, '0')}`;
    const status: User['status'] =
      index % 17 === 0 ? 'invited' : index % 29 === 0 ? 'blocked' : index % 31 === 0 ? 'deactivated' : index % 37 === 0 ? 'contact' : index % 41 === 0 ? 'expired' : 'active';
    const clientId = CLIENTS[index % CLIENTS.length]!;
    const user: User = {
      id,
      organizationId: 'org-lambert',
      email: `${first}.${last}.${index}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9.]/g, '').toLowerCase() + '@lambert.example',
      firstName: first,
      lastName: last,
      language: LANGUAGES[index % LANGUAGES.length]!,
      kind: status === 'contact' ? 'contact' : 'login',
      role: 'user',
      signature: 'individual',
      status,
      managedClientIds: index % 5 === 0 ? [clientId, CLIENTS[(index + 1) % CLIENTS.length]!] : [clientId],
      failedSignIns: status === 'blocked' ? 5 : 0,
      passwordSet: status === 'active' || status === 'blocked' || status === 'deactivated',
      createdAt: new Date(STORY_NOW - (index % 700) * DAY_MS).toISOString(),
      version: 0,
    };
    if (status === 'blocked') user.blockReason = 'failed-sign-ins';
    if (status === 'invited') user.invitationExpiresAt = new Date(STORY_NOW + (index % 30) * DAY_MS).toISOString();
    if (index % 23 === 0) user.activeUntil = new Date(STORY_NOW + (index % 90) * DAY_MS).toISOString().slice(0, 10);
    users[id] = user;
    if (status !== 'contact') {
      const grants: Grant[] = [{ clientId, applicationId: APPS[index % APPS.length]!, level: 'full' }];
      if (index % 3 === 0) grants.push({ clientId, applicationId: 'invoice-viewer', level: 'full' });
      seed.data.grants[id] = dedupe(grants);
    }
  }
  return seed;
}

function dedupe(grants: Grant[]): Grant[] {
  const seen = new Map<string, Grant>();
  for (const grant of grants) seen.set(`${grant.clientId}|${grant.applicationId}`, grant);
  return [...seen.values()];
}

/**
 * An organization with one super user and nobody else yet: what a customer sees on day one
 * (the "empty" state of the screens).
 */
export function loneSuperUserSeed(): MemorySeed {
  const demo = demoSeed(STORY_NOW);
  const data = emptyData();
  data.organizations['org-lambert'] = demo.data.organizations['org-lambert']!;
  for (const [id, client] of Object.entries(demo.data.clients)) if (client.organizationId === 'org-lambert') data.clients[id] = client;
  data.applications = demo.data.applications;
  data.contracts = demo.data.contracts;
  data.users['u-001'] = { ...demo.data.users['u-001']!, managedClientIds: CLIENTS };
  return { data, passwords: {}, defaultActorId: 'u-001' };
}

/**
 * Day one with a second super user: the lone super user u-001 of {@link loneSuperUserSeed} has just
 * named u-002 (Bart Peeters) super user, who manages no client yet.
 */
export function newSuperUserSeed(): MemorySeed {
  const seed = loneSuperUserSeed();
  const demo = demoSeed(STORY_NOW);
  seed.data.users['u-002'] = { ...demo.data.users['u-002']!, managedClientIds: [] };
  return seed;
}

/**
 * The demo data where one user has rights on `clientCount` clients (the rights matrix at scale:
 * 500 clients × 7 applications).
 */
export function manyClientsSeed(clientCount = 500): MemorySeed {
  const seed = demoSeed(STORY_NOW);
  const { data } = seed;
  const apps = Object.keys(data.applications);
  const clientIds: string[] = [];
  for (let index = 0; index < clientCount; index++) {
    const id = `c-gen-${String(index).padStart(4, '0')}`;
    clientIds.push(id);
    data.clients[id] = {
      id,
      organizationId: 'org-lambert',
      name: `Lambert Site ${String(index + 1).padStart(3, '0')}`,
      number: `300 ${String(100 + Math.floor(index / 1000)).slice(-3)} ${String(index).padStart(3, '0')}`,
      vat: `BE0${String(900_000_000 + index).slice(0, 9)}`,
    };
  }
  data.users['u-001'] = { ...data.users['u-001']!, managedClientIds: [...data.users['u-001']!.managedClientIds, ...clientIds] };
  data.users['u-005'] = { ...data.users['u-005']!, managedClientIds: clientIds };
  data.grants['u-005'] = clientIds.map((clientId, index) => ({
    clientId,
    applicationId: apps[index % apps.length]!,
    level: 'full' as const,
  }));
  return seed;
}

/**
 * The demo data with hostile text in one user (u-020), as a server may send it: markup, event
 * handlers, a `javascript:` URL, bidi overrides, zero-width characters, emoji and a
 * 10,000-character name. Screens must show it as text and keep their layout.
 */
export function hostileSeed(): MemorySeed {
  const seed = demoSeed(STORY_NOW);
  const user = seed.data.users['u-020']!;
  seed.data.users['u-020'] = {
    ...user,
    email: '"><svg onload=alert(1)>@lambert.example',
    firstName: '<img src=x onerror=alert(1)> \u202Eevil\u202C 😀\u200B',
    lastName: 'javascript:alert(1) ' + 'W'.repeat(10_000),
    phone: '<script>alert(1)</script>',
  };
  return seed;
}
