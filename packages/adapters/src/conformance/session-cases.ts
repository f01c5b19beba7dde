import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { BackendContext } from '@portier/core';
import { ACTORS, PASSWORD, rejectsWith, uniqueEmail, withSubject, type ConformanceOptions, type ConformanceSubject } from './conformance-subject.js';

const admin: BackendContext = { actorId: ACTORS.admin };
const TARGET_EMAIL = 'elodie.martin@lambert.example';

/** The audit log. */
export function auditCases(options: ConformanceOptions): void {
  it('audits a change with before and after, newest first', () =>
    withSubject(options, async ({ backend }) => {
      await backend.execute(admin, { type: 'users.setRole', userId: ACTORS.target, role: 'superuser' });
      await backend.execute(admin, { type: 'users.block', userId: ACTORS.target });
      const entries = await backend.listAudit(admin, { userId: ACTORS.target, limit: 10 });
      assert.deepEqual(entries.slice(0, 2).map((entry) => entry.action), ['users.block', 'users.setRole']);
      assert.deepEqual([entries[1]!.before['role'], entries[1]!.after['role'], entries[1]!.actorId], ['user', 'superuser', ACTORS.admin]);
      await rejectsWith(backend.listAudit({ actorId: ACTORS.plain }, {}), 'forbidden');
      for (const limit of [0, -3, 1.5, 5000]) await rejectsWith(backend.listAudit(admin, { limit }), 'validation', ['limit']);
    }));
}

/** Sign-in, invitations and tokens. */
export function sessionCases(options: ConformanceOptions): void {
  const test = (name: string, body: (subject: ConformanceSubject) => Promise<void>) => it(name, () => withSubject(options, body));

  test('counts failed sign-ins up to a block', async ({ backend }) => {
    assert.deepEqual(await backend.signIn({ email: TARGET_EMAIL, password: PASSWORD }), { userId: ACTORS.target, passwordChangeRequired: false });
    // Every wrong password answers alike, the one that blocks too (no enumeration); the right one then says blocked.
    for (let i = 1; i <= 5; i++) await rejectsWith(backend.signIn({ email: TARGET_EMAIL, password: `wrong-${i}` }), 'forbidden');
    await rejectsWith(backend.signIn({ email: TARGET_EMAIL, password: PASSWORD }), 'account-blocked');
    const user = (await backend.load(admin)).data.users[ACTORS.target]!;
    assert.deepEqual([user.status, user.blockReason], ['blocked', 'failed-sign-ins']);
  });

  test('accepts an invitation once', async (subject) => {
    const { backend } = subject;
    assert.ok(subject.outbox, 'the session cases need the outbox');
    const email = uniqueEmail('invite');
    const created = await backend.execute(admin, { type: 'users.create', input: { email, firstName: 'Ivo', lastName: 'Invite', language: 'de' } });
    const token = (await subject.outbox()).find((mail) => mail.to === email && mail.kind === 'invitation')?.token;
    assert.ok(token);
    assert.deepEqual(await backend.inspectToken({ token }), { kind: 'invitation', state: 'valid', email, firstName: 'Ivo', lastName: 'Invite', passwordPolicy: 'nist' });
    await rejectsWith(backend.acceptInvitation({ token, password: 'short' }), 'weak-password');
    await backend.acceptInvitation({ token, password: 'a long and fine passphrase' });
    await rejectsWith(backend.acceptInvitation({ token, password: 'a long and fine passphrase' }), 'invitation-used');
    assert.deepEqual(await backend.signIn({ email, password: 'a long and fine passphrase' }), { userId: created.users[0]!.id, passwordChangeRequired: false });
    assert.deepEqual(await backend.inspectToken({ token: 'no-such-token' }), { kind: 'unknown', state: 'unknown' });
  });

  test('answers password-reset requests the same whether or not the account exists', async ({ backend }) => {
    assert.equal(await backend.requestPasswordReset({ email: TARGET_EMAIL }), undefined);
    assert.equal(await backend.requestPasswordReset({ email: 'nobody@nowhere.example' }), undefined);
    await rejectsWith(backend.completePasswordReset({ token: 'no-such-token', password: 'a long and fine passphrase' }), 'invitation-expired');
  });
}
