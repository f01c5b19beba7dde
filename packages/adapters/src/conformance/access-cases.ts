import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { BackendContext, Command, Grant, PortierBackend } from '@portier/core';
import { ACTORS, rejectsWith, uniqueEmail, withSubject, type ConformanceOptions, type ConformanceSubject } from './conformance-subject.js';

const admin: BackendContext = { actorId: ACTORS.admin };

const sortGrants = (grants: Grant[]) =>
  [...grants].map((g) => `${g.clientId}/${g.applicationId}=${g.level}${g.profile ? `:${g.profile}` : ''}`).sort();

async function newUser(backend: PortierBackend): Promise<string> {
  const changes = await backend.execute(admin, { type: 'users.create', input: { email: uniqueEmail('access'), firstName: 'Ada', lastName: 'Access', language: 'nl' } });
  return changes.users[0]!.id;
}

/** Grants and managed clients. */
export function accessCases(options: ConformanceOptions): void {
  const test = (name: string, body: (subject: ConformanceSubject) => Promise<void>) => it(name, () => withSubject(options, body));

  test('sets grants, and refuses a level the application does not allow', async ({ backend }) => {
    const userId = await newUser(backend);
    const changes = await backend.execute(admin, {
      type: 'access.set',
      userId,
      grants: [
        { clientId: 'c-brasserie', applicationId: 'portfolio-manager', level: 'read', profile: 'REFERENT' },
        { clientId: 'c-brasserie', applicationId: 'invoice-viewer', level: 'full' },
      ],
    });
    assert.deepEqual(sortGrants(changes.grants[userId] ?? []), ['c-brasserie/invoice-viewer=full', 'c-brasserie/portfolio-manager=read:REFERENT']);
    assert.equal(changes.users.find((user) => user.id === userId)?.version, 1);
    await rejectsWith(backend.execute(admin, { type: 'access.set', userId, grants: [{ clientId: 'c-brasserie', applicationId: 'invoice-viewer', level: 'read' }] }), 'level-not-allowed');
    const snapshot = await backend.load(admin);
    assert.deepEqual(sortGrants(snapshot.data.grants[userId] ?? []), ['c-brasserie/invoice-viewer=full', 'c-brasserie/portfolio-manager=read:REFERENT']);
  });

  test('refuses a client outside the actor’s managed clients with out-of-scope', async ({ backend }) => {
    const second: BackendContext = { actorId: ACTORS.second };
    await rejectsWith(backend.execute(second, { type: 'access.set', userId: ACTORS.target, grants: [{ clientId: 'c-retail', applicationId: 'invoice-viewer', level: 'full' }] }), 'out-of-scope');
  });

  test('rule 2: leaves the account of a user who works for a client outside the actor’s own untouched, but its rights on the actor’s clients editable', async ({ backend }) => {
    // u-002 manages Brasserie and Logistics; u-001 manages every client, the target also works for Retail.
    const second: BackendContext = { actorId: ACTORS.second };
    const before = await backend.load(admin);
    const commands: Command[] = [
      { type: 'users.setRole', userId: ACTORS.admin, role: 'user' },
      { type: 'users.block', userId: ACTORS.target },
      { type: 'users.deactivate', userId: ACTORS.target },
      { type: 'users.updateProfile', userId: ACTORS.target, changes: { lastName: 'Outside' } },
      { type: 'users.remove', userId: ACTORS.target },
    ];
    for (const command of commands) await rejectsWith(backend.execute(second, command), 'out-of-scope');
    const after = await backend.load(admin);
    for (const id of [ACTORS.admin, ACTORS.target]) assert.deepEqual(after.data.users[id], before.data.users[id], id);
    const changes = await backend.execute(second, { type: 'access.set', userId: ACTORS.target, grants: [{ clientId: 'c-logistics', applicationId: 'energy-guard', level: 'alert' }] });
    assert.ok(changes.grants[ACTORS.target]?.some((grant) => grant.clientId === 'c-logistics' && grant.applicationId === 'energy-guard' && grant.level === 'alert'));
  });

  test('copies another user’s grants without an excluded application', async ({ backend }) => {
    const userId = await newUser(backend);
    const changes = await backend.execute(admin, { type: 'access.copyFrom', userId, sourceUserId: ACTORS.admin, excludeApplications: ['portfolio-manager'] });
    assert.deepEqual(sortGrants(changes.grants[userId] ?? []), [
      'c-brasserie/energy-guard=full',
      'c-brasserie/invoice-viewer=full',
      'c-logistics/billing-export=full',
      'c-logistics/invoice-viewer=full',
    ]);
  });

  test('authorizes all with the nearest lower level each application allows', async ({ backend }) => {
    const userId = await newUser(backend);
    const changes = await backend.execute(admin, { type: 'access.authorizeAll', userId, levels: { supply: 'read' } });
    assert.deepEqual(sortGrants(changes.grants[userId] ?? []), [
      'c-brasserie/energy-guard=alert',
      'c-brasserie/invoice-viewer=none',
      'c-brasserie/manage-access-points=none',
      'c-brasserie/portfolio-manager=read',
    ]);
  });

  test('sets managed clients within the actor’s own', async ({ backend }) => {
    const userId = await newUser(backend);
    const changes = await backend.execute(admin, { type: 'clients.setManaged', userId, clientIds: ['c-retail', 'c-immo'] });
    assert.deepEqual(changes.users.find((user) => user.id === userId)?.managedClientIds, ['c-retail', 'c-immo']);
    await rejectsWith(backend.execute({ actorId: ACTORS.second }, { type: 'clients.setManaged', userId, clientIds: ['c-immo'] }), 'out-of-scope');
    const page = await backend.listUsers(admin, { clientId: 'c-immo', email: 'access.' });
    assert.ok(page.items.some((user) => user.id === userId));
  });

  test('searches the actor’s clients', async ({ backend }) => {
    const found = await backend.searchClients({ actorId: ACTORS.second }, { text: 'lambert' });
    assert.deepEqual(found.map((client) => client.id).sort(), ['c-brasserie', 'c-logistics']);
    assert.deepEqual((await backend.searchClients({ actorId: ACTORS.second }, { text: 'lambert', limit: 1 })).length, 1);
    for (const limit of [0, -3, 1.5, 1001]) {
      await rejectsWith(backend.searchClients({ actorId: ACTORS.second }, { text: 'lambert', limit }), 'validation', ['limit']);
    }
  });
}
