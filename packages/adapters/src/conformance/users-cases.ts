import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { BackendContext, Command } from '@portier/core';
import { ACTORS, rejectsWith, uniqueEmail, withSubject, type ConformanceOptions, type ConformanceSubject } from './conformance-subject.js';

const admin: BackendContext = { actorId: ACTORS.admin };

/** Creating, editing and the lifecycle of users. */
export function userCases(options: ConformanceOptions): void {
  const test = (name: string, body: (subject: ConformanceSubject) => Promise<void>) => it(name, () => withSubject(options, body));

  test('creates an invited user that load and listUsers then show', async ({ backend }) => {
    const email = uniqueEmail('Create');
    const changes = await backend.execute(admin, { type: 'users.create', input: { email, firstName: 'Nora', lastName: 'Neuf', language: 'fr', managedClientIds: ['c-retail'] } });
    assert.equal(changes.users.length, 1);
    const created = changes.users[0]!;
    assert.deepEqual(
      { email: created.email, status: created.status, role: created.role, kind: created.kind, version: created.version, managed: created.managedClientIds },
      { email, status: 'invited', role: 'user', kind: 'login', version: 0, managed: ['c-retail'] },
    );
    const snapshot = await backend.load(admin);
    assert.equal(snapshot.actorId, ACTORS.admin);
    assert.equal(snapshot.data.users[created.id]?.email, email);
    const page = await backend.listUsers(admin, { email: email.toLowerCase() });
    assert.deepEqual(page.items.map((user) => user.id), [created.id]);
  });

  test('refuses an e-mail already taken, whatever its case', async ({ backend }) => {
    const input = { email: 'AMELIE.Dubois@Lambert.example', firstName: 'A', lastName: 'B', language: 'en' as const };
    await rejectsWith(backend.execute(admin, { type: 'users.create', input }), 'email-taken');
  });

  test('refuses an invalid input with validation issues', async ({ backend }) => {
    await rejectsWith(backend.execute(admin, { type: 'users.create', input: { email: 'not-an-email', firstName: '', lastName: 'B', language: 'en' } }), 'validation');
  });

  test('refuses a command whose user id or expected version is not one with validation, and applies nothing', async ({ backend }) => {
    const before = (await backend.load(admin)).data.users[ACTORS.target]!;
    for (const expectedVersion of ['0', null, -1, 1.5, String(before.version)]) {
      const command = { type: 'users.updateProfile', userId: ACTORS.target, changes: { firstName: 'Stale' }, expectedVersion } as unknown as Command;
      await rejectsWith(backend.execute(admin, command), 'validation', ['expectedVersion']);
    }
    await rejectsWith(backend.execute(admin, { type: 'users.block' } as unknown as Command), 'validation', ['userId']);
    await rejectsWith(backend.execute(admin, { type: 'users.block', userId: 7 } as unknown as Command), 'validation', ['userId']);
    assert.deepEqual((await backend.load(admin)).data.users[ACTORS.target], before);
  });

  test('updates a profile and bumps the version; the e-mail is not editable', async ({ backend }) => {
    const before = (await backend.load(admin)).data.users[ACTORS.target]!;
    const changes = await backend.execute(admin, { type: 'users.updateProfile', userId: ACTORS.target, changes: { firstName: 'Renamed', phone: '+32 2 555 0000' } });
    const after = changes.users.find((user) => user.id === ACTORS.target)!;
    assert.deepEqual({ firstName: after.firstName, phone: after.phone, version: after.version }, { firstName: 'Renamed', phone: '+32 2 555 0000', version: before.version + 1 });
    await rejectsWith(backend.execute(admin, { type: 'users.updateProfile', userId: ACTORS.target, changes: { email: 'new@lambert.example' } }), 'not-editable');
  });

  test('answers not-found for an unknown user, validation for an unknown command, even named like inherited members', async ({ backend }) => {
    await rejectsWith(backend.execute(admin, { type: 'users.block', userId: 'u-nobody' }), 'not-found');
    for (const name of ['constructor', '__proto__', 'toString']) {
      await rejectsWith(backend.execute(admin, { type: 'users.block', userId: name }), 'not-found');
      await rejectsWith(backend.execute(admin, { type: name } as unknown as Command), 'validation');
    }
  });

  test('sets a role, and never leaves the organization without a super user', async ({ backend }) => {
    await backend.execute(admin, { type: 'users.setRole', userId: ACTORS.target, role: 'superuser' });
    await backend.execute(admin, { type: 'users.setRole', userId: ACTORS.target, role: 'user' });
    await backend.execute(admin, { type: 'users.setRole', userId: ACTORS.second, role: 'user' });
    await backend.execute(admin, { type: 'users.setRole', userId: ACTORS.collective, role: 'user' });
    // The admin is now the last one: it cannot demote itself, and nobody else may.
    await rejectsWith(backend.execute(admin, { type: 'users.setRole', userId: ACTORS.admin, role: 'user' }), 'forbidden');
    await rejectsWith(backend.execute({ actorId: ACTORS.second }, { type: 'users.setRole', userId: ACTORS.admin, role: 'user' }), 'forbidden');
    const page = await backend.listUsers(admin, { role: 'superuser' });
    assert.deepEqual(page.items.map((user) => user.id), [ACTORS.admin]);
  });

  test('sets the signature of a super user', async ({ backend }) => {
    const changes = await backend.execute(admin, { type: 'users.setSignature', userId: ACTORS.second, signature: 'collective' });
    assert.equal(changes.users.find((user) => user.id === ACTORS.second)?.signature, 'collective');
  });

  test('blocks and unblocks', async ({ backend }) => {
    const blocked = await backend.execute(admin, { type: 'users.block', userId: ACTORS.target });
    assert.equal(blocked.users.find((user) => user.id === ACTORS.target)?.status, 'blocked');
    const unblocked = await backend.execute(admin, { type: 'users.unblock', userId: ACTORS.target });
    assert.equal(unblocked.users.find((user) => user.id === ACTORS.target)?.status, 'active');
    await rejectsWith(backend.execute(admin, { type: 'users.unblock', userId: ACTORS.target }), 'not-editable');
  });

  test('deactivates and activates', async ({ backend }) => {
    const off = await backend.execute(admin, { type: 'users.deactivate', userId: ACTORS.target });
    assert.equal(off.users.find((user) => user.id === ACTORS.target)?.status, 'deactivated');
    const on = await backend.execute(admin, { type: 'users.activate', userId: ACTORS.target });
    assert.equal(on.users.find((user) => user.id === ACTORS.target)?.status, 'active');
  });

  test('resends an invitation, makes a contact a login, resets a password, deactivates on a date', async ({ backend }) => {
    const invited = (await backend.load(admin)).data.users['u-006']!;
    const resent = (await backend.execute(admin, { type: 'users.resendInvitation', userId: 'u-006' })).users.find((user) => user.id === 'u-006')!;
    assert.deepEqual([resent.status, resent.version], ['invited', invited.version + 1]);
    assert.ok(resent.invitationExpiresAt! >= invited.invitationExpiresAt!);
    const login = (await backend.execute(admin, { type: 'users.makeLogin', userId: 'u-013' })).users.find((user) => user.id === 'u-013')!;
    assert.deepEqual([login.kind, login.status], ['login', 'invited']);
    const reset = await backend.execute(admin, { type: 'users.resetPassword', userId: ACTORS.target });
    assert.deepEqual(reset.users.filter((user) => user.id === ACTORS.target), []);
    await rejectsWith(backend.execute(admin, { type: 'users.resetPassword', userId: 'u-006' }), 'not-editable');
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const dated = (await backend.execute(admin, { type: 'users.deactivate', userId: ACTORS.target, until })).users.find((user) => user.id === ACTORS.target)!;
    assert.deepEqual([dated.status, dated.activeUntil], ['active', until]);
  });

  test('removes a user', async ({ backend }) => {
    const changes = await backend.execute(admin, { type: 'users.remove', userId: ACTORS.target });
    assert.deepEqual(changes.removedUserIds, [ACTORS.target]);
    assert.equal((await backend.load(admin)).data.users[ACTORS.target], undefined);
  });

  test('refuses a stale expectedVersion with conflict', async ({ backend }) => {
    const user = (await backend.load(admin)).data.users[ACTORS.target]!;
    await backend.execute(admin, { type: 'users.updateProfile', userId: user.id, changes: { lastName: 'First' }, expectedVersion: user.version });
    await rejectsWith(backend.execute(admin, { type: 'users.updateProfile', userId: user.id, changes: { lastName: 'Second' }, expectedVersion: user.version }), 'conflict');
    const now = (await backend.load(admin)).data.users[ACTORS.target]!;
    assert.equal(now.lastName, 'First');
  });

  test('refuses a plain user with forbidden', async ({ backend }) => {
    const plain: BackendContext = { actorId: ACTORS.plain };
    await rejectsWith(backend.execute(plain, { type: 'users.block', userId: ACTORS.target }), 'forbidden');
    await rejectsWith(backend.execute(plain, { type: 'users.create', input: { email: uniqueEmail(), firstName: 'A', lastName: 'B', language: 'en' } }), 'forbidden');
    const snapshot = await backend.load(plain);
    assert.deepEqual(Object.keys(snapshot.data.users), [ACTORS.plain]);
  });

  test('lists users filtered, sorted and paged on the backend', async ({ backend }) => {
    const all = Object.values((await backend.load(admin)).data.users);
    const supers = await backend.listUsers(admin, { role: 'superuser', sort: { key: 'email', direction: 'asc' } });
    assert.deepEqual(supers.items.map((user) => user.id), [ACTORS.admin, ACTORS.collective, ACTORS.second].sort((a, b) => {
      const email = (id: string) => all.find((user) => user.id === id)!.email;
      return email(a).localeCompare(email(b));
    }));
    const page = await backend.listUsers(admin, { sort: { key: 'lastName', direction: 'desc' }, offset: 5, limit: 5 });
    assert.equal(page.total, all.length);
    assert.equal(page.offset, 5);
    assert.equal(page.items.length, 5);
    const names = page.items.map((user) => user.lastName);
    for (let i = 1; i < names.length; i++) assert.ok(names[i - 1]!.localeCompare(names[i]!, 'en', { sensitivity: 'base' }) >= 0, names.join(','));
    const retail = await backend.listUsers(admin, { clientId: 'c-retail', kind: 'login', email: 'LAMBERT', limit: 1000 });
    assert.ok(retail.total > 0 && retail.items.every((user) => user.kind === 'login'));
    const invited = await backend.listUsers(admin, { status: 'invited' });
    assert.ok(invited.items.length > 0 && invited.items.every((user) => user.status === 'invited'));
  });
}
