import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, DAY_MS, effectiveStatus, isoDay, type PortierError } from '@portier/core';
import { createMemoryBackend } from './memory-backend.js';
import { DEMO_PASSWORD, demoSeed } from './demo-seed.js';

const code = (expected: string) => (error: PortierError) => error.code === expected;

function setup() {
  const clock = createManualClock();
  const backend = createMemoryBackend({ clock });
  return { clock, backend };
}

async function invite(backend: ReturnType<typeof createMemoryBackend>, email = 'newbie@lambert.example') {
  const changes = await backend.execute({ actorId: 'u-001' }, { type: 'users.create', input: { email, firstName: 'New', lastName: 'Bie', language: 'fr' } });
  const user = changes.users[0]!;
  const mail = (await backend.outbox()).find((m) => m.userId === user.id && m.kind === 'invitation')!;
  return { user, token: mail.token! };
}

describe('demo seed', () => {
  it('has a group of clients, the 7 applications of seed 000, ~40 users of every status and kind, 2 contract types', () => {
    const { data } = demoSeed(Date.UTC(2026, 0, 5));
    const users = Object.values(data.users).filter((u) => u.organizationId === 'org-lambert');
    assert.ok(Object.values(data.clients).filter((c) => c.organizationId === 'org-lambert').length >= 3);
    assert.equal(Object.keys(data.applications).length, 7);
    assert.deepEqual(data.applications['portfolio-manager']!.levels, ['none', 'read', 'full']);
    assert.deepEqual(data.applications['energy-guard']!.levels, ['none', 'alert', 'full']);
    assert.ok(users.length >= 40);
    const statuses = new Set(users.map((u) => u.status));
    for (const status of ['active', 'invited', 'expired', 'blocked', 'deactivated', 'contact']) assert.ok(statuses.has(status as never), status);
    assert.ok(users.some((u) => u.role === 'superuser' && u.signature === 'collective'));
    assert.equal(new Set(Object.values(data.contracts).map((c) => c.type)).size, 2);
  });
});

describe('memory backend — invitations (rule 7)', () => {
  it('accepts an invitation once: the token is single-use', async () => {
    const { backend } = setup();
    const { user, token } = await invite(backend);
    await backend.acceptInvitation({ token, password: 'a long enough phrase' });
    assert.equal(backend.currentData().users[user.id]!.status, 'active');
    await assert.rejects(backend.acceptInvitation({ token, password: 'a long enough phrase' }), code('invitation-used'));
    assert.deepEqual(await backend.signIn({ email: 'NEWBIE@lambert.example', password: 'a long enough phrase' }), { userId: user.id, passwordChangeRequired: false });
  });
  it('expires the invitation after the organization’s period; re-sending revokes the old token', async () => {
    const { backend, clock } = setup();
    const { user, token } = await invite(backend);
    clock.advance(31 * DAY_MS);
    assert.equal((await backend.inspectToken({ token })).state, 'expired');
    await assert.rejects(backend.acceptInvitation({ token, password: 'a long enough phrase' }), code('invitation-expired'));
    await backend.execute({ actorId: 'u-001' }, { type: 'users.resendInvitation', userId: user.id });
    const fresh = (await backend.outbox())[0]!.token!;
    assert.notEqual(fresh, token);
    assert.equal((await backend.inspectToken({ token })).state, 'expired');
    assert.equal((await backend.inspectToken({ token: fresh })).state, 'valid');
  });
  it('rule 10: when an account’s active-until day passes, its invitation and reset links die with it', async () => {
    const { backend, clock } = setup();
    const { user, token } = await invite(backend);
    const until = isoDay(clock.now() + DAY_MS);
    await backend.execute({ actorId: 'u-001' }, { type: 'users.deactivate', userId: user.id, until });
    await backend.execute({ actorId: 'u-001' }, { type: 'users.deactivate', userId: 'u-004', until });
    await backend.execute({ actorId: 'u-001' }, { type: 'users.resetPassword', userId: 'u-004' });
    const reset = (await backend.outbox()).find((m) => m.userId === 'u-004' && m.kind === 'password-reset')!.token!;
    assert.equal((await backend.inspectToken({ token })).state, 'valid');
    clock.advance(3 * DAY_MS);
    assert.equal((await backend.inspectToken({ token })).state, 'expired');
    await assert.rejects(backend.acceptInvitation({ token, password: 'a long enough phrase' }), code('invitation-expired'));
    assert.equal((await backend.inspectToken({ token: reset })).state, 'expired');
    await assert.rejects(backend.completePasswordReset({ token: reset, password: 'a long enough phrase' }), code('invitation-expired'));
  });
  it('refuses a weak password with the unmet rules, keeping the token usable', async () => {
    const { backend } = setup();
    const { token } = await invite(backend);
    await assert.rejects(backend.acceptInvitation({ token, password: 'password' }), (e: PortierError) => e.code === 'weak-password' && JSON.stringify(e.details).includes('common'));
    await assert.rejects(backend.acceptInvitation({ token, password: 'newbie' }), code('weak-password'));
    await backend.acceptInvitation({ token, password: 'a long enough phrase' });
  });
  it('rule 7: the owner of an expired link asks the administrators, who alone re-send the invitation', async () => {
    const { backend, clock } = setup();
    const { user, token } = await invite(backend);
    clock.advance(40 * DAY_MS);
    const before = (await backend.outbox()).length;
    await backend.requestNewInvitation({ token });
    await backend.requestNewInvitation({ token });
    assert.equal(backend.currentData().users[user.id]!.status, 'expired', 'the account waits for an administrator');
    assert.equal((await backend.inspectToken({ token })).state, 'expired');
    const requests = (await backend.outbox()).slice(0, (await backend.outbox()).length - before);
    const superUsers = Object.values(backend.currentData().users).filter((u) => u.organizationId === user.organizationId && u.role === 'superuser' && u.status === 'active');
    assert.ok(superUsers.length > 0);
    assert.deepEqual(requests.map((mail) => mail.kind), superUsers.map(() => 'invitation-request'), 'one e-mail per active super user, once per link');
    assert.deepEqual(new Set(requests.map((mail) => mail.userId)), new Set(superUsers.map((u) => u.id)));
    assert.ok(requests.every((mail) => mail.aboutUserId === user.id && mail.token === undefined));
    // An unknown token gets the same quiet answer and sends nothing.
    await backend.requestNewInvitation({ token: 'no-such-token' });
    assert.equal((await backend.outbox()).length, before + requests.length);
    // An administrator re-sends it: the account is invited again with a fresh link.
    await backend.execute({ actorId: 'u-001' }, { type: 'users.resendInvitation', userId: user.id });
    assert.equal(backend.currentData().users[user.id]!.status, 'invited');
    const fresh = (await backend.outbox())[0]!;
    assert.equal(fresh.kind, 'invitation');
    assert.equal((await backend.inspectToken({ token: fresh.token! })).state, 'valid');
  });
  it('rule 7: re-sending an invitation revokes the old link at once, the same day: only the new one opens', async () => {
    const { backend } = setup();
    const { user, token } = await invite(backend);
    // No time passes: the old link is still within its own period when the new one goes out.
    await backend.execute({ actorId: 'u-001' }, { type: 'users.resendInvitation', userId: user.id });
    const fresh = (await backend.outbox()).find((m) => m.userId === user.id && m.kind === 'invitation')!.token!;
    assert.notEqual(fresh, token);
    assert.equal((await backend.inspectToken({ token })).state, 'expired', 'the old link is dead before its own expiry');
    await assert.rejects(backend.acceptInvitation({ token, password: 'a long enough phrase' }), code('invitation-expired'));
    assert.equal(backend.currentData().users[user.id]!.status, 'invited');
    assert.equal((await backend.inspectToken({ token: fresh })).state, 'valid');
    await backend.acceptInvitation({ token: fresh, password: 'a long enough phrase' });
    assert.equal(backend.currentData().users[user.id]!.status, 'active');
  });
  it('rule 7: an invitation lasts the organization’s own period: with 7 days, the link dies and the account is expired after 7 days', async () => {
    const clock = createManualClock();
    const seed = demoSeed(clock.now());
    seed.data.organizations['org-lambert']!.settings.invitationDays = 7;
    const backend = createMemoryBackend({ seed, clock });
    const { user, token } = await invite(backend);
    const sevenDays = new Date(clock.now() + 7 * DAY_MS).toISOString();
    assert.equal(user.invitationExpiresAt, sevenDays);
    assert.equal((await backend.outbox()).find((m) => m.userId === user.id && m.kind === 'invitation')!.expiresAt, sevenDays);
    clock.advance(7 * DAY_MS - 60_000);
    assert.equal((await backend.inspectToken({ token })).state, 'valid', 'a minute before the seventh day ends');
    assert.equal(backend.currentData().users[user.id]!.status, 'invited');
    clock.advance(60_000);
    assert.equal((await backend.inspectToken({ token })).state, 'expired');
    assert.equal(backend.currentData().users[user.id]!.status, 'expired');
    await assert.rejects(backend.acceptInvitation({ token, password: 'a long enough phrase' }), code('invitation-expired'));
  });
});

describe('memory backend — sign-in (rule 8)', () => {
  const WRONG = ['forbidden', { reason: 'credentials' }];

  /** The code and details of `attempts` wrong passwords in a row. */
  const answers = async (backend: ReturnType<typeof createMemoryBackend>, email: string, attempts = 7) => {
    const seen: unknown[] = [];
    for (let attempt = 0; attempt < attempts; attempt++) {
      const error = await backend.signIn({ email, password: `wrong ${attempt}` }).catch((e) => e);
      seen.push([error.code, error.details]);
    }
    return seen;
  };

  it('blocks after 5 consecutive failures, and parallel attempts never count past 5', async () => {
    const { backend } = setup();
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => backend.signIn({ email: 'bart.peeters@lambert.example', password: 'wrong' })));
    const user = backend.currentData().users['u-002']!;
    assert.equal(user.failedSignIns, 5);
    assert.equal(user.status, 'blocked');
    assert.equal(user.blockReason, 'failed-sign-ins');
    assert.deepEqual(new Set(results.map((r) => JSON.stringify([(r as PromiseRejectedResult).reason.code, (r as PromiseRejectedResult).reason.details]))), new Set([JSON.stringify(WRONG)]));
    // The 20 guesses past the block are more than a barred account answers to: its owner learns it from the block notice.
    assert.deepEqual(await backend.signIn({ email: 'bart.peeters@lambert.example', password: DEMO_PASSWORD }).catch((e) => [e.code, e.details]), WRONG);
    assert.ok((await backend.outbox()).some((m) => m.userId === 'u-002' && m.kind === 'block-notice'));
  });
  it('resets the count on success', async () => {
    const { backend } = setup();
    await assert.rejects(backend.signIn({ email: 'bart.peeters@lambert.example', password: 'wrong' }));
    await backend.signIn({ email: 'bart.peeters@lambert.example', password: DEMO_PASSWORD });
    assert.equal(backend.currentData().users['u-002']!.failedSignIns, 0);
  });
  it('answers every wrong password alike, whatever the e-mail and the account’s state: no count left, no "blocked"', async () => {
    const { backend } = setup();
    const expected = Array.from({ length: 7 }, () => WRONG);
    assert.deepEqual(await answers(backend, 'bart.peeters@lambert.example'), expected, 'an active account, up to and past its block');
    assert.equal(backend.currentData().users['u-002']!.status, 'blocked');
    assert.deepEqual(await answers(backend, 'nobody@lambert.example'), expected, 'an unknown e-mail');
    assert.deepEqual(await answers(backend, 'NoBody@Lambert.example', 1), [WRONG], 'whatever its case');
    for (const id of ['u-006', 'u-010', 'u-011', 'u-013']) {
      // invited, blocked by an administrator, deactivated, a contact
      assert.deepEqual(await answers(backend, backend.currentData().users[id]!.email, 3), [WRONG, WRONG, WRONG], id);
    }
    assert.deepEqual(await answers(backend, 'admin@horizon.example', 7), expected, 'the last super user, past its lock');
    assert.ok(!(await backend.outbox()).some((m) => m.to === 'nobody@lambert.example'));
  });
  it('counts failed passwords only on active accounts: invited, deactivated and contact ones are left as they are', async () => {
    const { backend } = setup();
    for (const id of ['u-006', 'u-011', 'u-013']) {
      const user = backend.currentData().users[id]!;
      assert.ok(user.status !== 'active' || user.kind === 'contact');
      await answers(backend, user.email);
      const after = backend.currentData().users[id]!;
      assert.equal(after.status, user.status);
      assert.equal(after.failedSignIns, user.failedSignIns);
    }
  });
  it('tells that an account is blocked or locked only with its right password', async () => {
    const { backend } = setup();
    const blocked = backend.currentData().users['u-010']!;
    assert.equal(blocked.status, 'blocked');
    await assert.rejects(backend.signIn({ email: blocked.email, password: DEMO_PASSWORD }), code('account-blocked'));
    // The last super user of org-horizon is locked, not blocked (rule 4); its lock's end is told only to its owner.
    await answers(backend, 'admin@horizon.example', 5);
    const right = await backend.signIn({ email: 'admin@horizon.example', password: DEMO_PASSWORD }).catch((e) => e);
    assert.equal(right.code, 'account-blocked');
    assert.ok(right.details.until);
  });
  it('a blocked or deactivated account tells its state to its right password only within the limit’s number of guesses', async () => {
    const { backend } = setup();
    const right = (email: string) => backend.signIn({ email, password: DEMO_PASSWORD }).then((ok) => ok.userId, (e) => `${e.code} ${e.details.reason ?? ''}`.trim());
    const blocked = backend.currentData().users['u-010']!;
    const deactivated = backend.currentData().users['u-011']!;
    assert.equal(blocked.status, 'blocked');
    assert.equal(deactivated.status, 'deactivated');
    for (const user of [blocked, deactivated]) {
      await answers(backend, user.email, 4);
      assert.notEqual(await right(user.email), 'forbidden credentials', `${user.id}: four guesses, the right password still tells why`);
      await answers(backend, user.email, 1);
      // Past the limit the password no longer changes the answer: guessing at a barred account learns nothing.
      assert.equal(await right(user.email), 'forbidden credentials', user.id);
      assert.equal(backend.currentData().users[user.id]!.status, user.status, 'no transition');
    }
    await backend.execute({ actorId: 'u-001' }, { type: 'users.unblock', userId: blocked.id });
    // Lifting the bar forgets the guesses: deactivated before its owner signs in, the account tells it.
    await backend.execute({ actorId: 'u-001' }, { type: 'users.deactivate', userId: blocked.id });
    assert.equal(await right(blocked.email), 'forbidden inactive');
    await backend.execute({ actorId: 'u-001' }, { type: 'users.activate', userId: blocked.id });
    assert.equal(await right(blocked.email), blocked.id);
    // The owner's sign-in cleared the guesses: blocked again, the right password tells it again.
    await backend.execute({ actorId: 'u-001' }, { type: 'users.block', userId: blocked.id });
    assert.equal(await right(blocked.email), 'account-blocked');
  });
  it('a locked last super user: wrong passwords during the lock lock it again, and past the limit the right one no longer tells the lock', async () => {
    const { backend, clock } = setup();
    const email = 'admin@horizon.example';
    const right = () => backend.signIn({ email, password: DEMO_PASSWORD }).then((ok) => ok.userId, (e) => e.code);
    await answers(backend, email, 5);
    const firstLock = backend.currentData().users['h-001']!.signInLockedUntil!;
    assert.equal(await right(), 'account-blocked');
    clock.advance(60_000);
    await answers(backend, email, 5);
    const secondLock = backend.currentData().users['h-001']!.signInLockedUntil!;
    assert.ok(secondLock > firstLock, 'five guesses during the lock locked it again from then');
    assert.equal(await right(), 'forbidden', 'a guesser learns nothing more during the lock');
    clock.advance(16 * 60_000);
    assert.equal(await right(), 'h-001');
  });
  it('blocks at the organization’s own limit, and answers its wrong passwords as any other', async () => {
    const seed = demoSeed(Date.now());
    seed.data.organizations['org-lambert']!.settings.failedSignInLimit = 3;
    const backend = createMemoryBackend({ seed, clock: createManualClock() });
    assert.deepEqual(await answers(backend, 'thomas.smith@lambert.example', 3), [WRONG, WRONG, WRONG]);
    const user = Object.values(backend.currentData().users).find((u) => u.email === 'thomas.smith@lambert.example')!;
    assert.equal(user.status, 'blocked');
  });
  it('after an administrator unblocks an account, its count starts again from zero', async () => {
    const { backend } = setup();
    const email = 'bart.peeters@lambert.example';
    await answers(backend, email, 5);
    await backend.execute({ actorId: 'u-001' }, { type: 'users.unblock', userId: 'u-002' });
    await answers(backend, email, 4);
    assert.equal(backend.currentData().users['u-002']!.status, 'active');
    await answers(backend, email, 1);
    assert.equal(backend.currentData().users['u-002']!.status, 'blocked');
  });
  it('refuses an empty e-mail or password as input, without counting a failed sign-in', async () => {
    const { backend } = setup();
    for (const password of ['', '   ']) {
      const error = await backend.signIn({ email: 'bart.peeters@lambert.example', password }).catch((e) => e);
      assert.equal(error.code, 'validation');
      assert.deepEqual(error.details.issues, [{ path: ['password'], code: 'too_small' }]);
    }
    assert.equal((await backend.signIn({ email: '', password: 'x' }).catch((e) => e)).code, 'validation');
    assert.equal(backend.currentData().users['u-002']!.failedSignIns, 0);
  });
  it('names each empty field of a password change by its own name, without counting a failed sign-in', async () => {
    const { backend } = setup();
    const email = 'bart.peeters@lambert.example';
    const cases: [Record<string, string>, string[]][] = [
      [{ email, currentPassword: '', newPassword: 'A-new-passphrase-2026' }, ['currentPassword']],
      [{ email, currentPassword: DEMO_PASSWORD, newPassword: '' }, ['newPassword']],
      [{ email: ' ', currentPassword: '', newPassword: '' }, ['email', 'currentPassword', 'newPassword']],
    ];
    for (const [request, fields] of cases) {
      const error = await backend.changePassword(request as never).catch((e) => e);
      assert.equal(error.code, 'validation');
      assert.deepEqual(error.details.issues, fields.map((field) => ({ path: [field], code: 'too_small' })));
    }
    assert.equal(backend.currentData().users['u-002']!.failedSignIns, 0);
  });
  it('refuses contacts: they cannot sign in (seed 003)', async () => {
    const { backend } = setup();
    await assert.rejects(backend.signIn({ email: backend.currentData().users['u-013']!.email, password: DEMO_PASSWORD }), code('forbidden'));
  });
  it('asks for a new password when the initial one has expired (seed 001)', async () => {
    const { backend } = setup();
    const email = backend.currentData().users['u-016']!.email;
    assert.equal((await backend.signIn({ email, password: DEMO_PASSWORD })).passwordChangeRequired, true);
    // A session opened anyway acts on nothing, its own profile included, until the password changes (rule 9).
    const refused = (error: PortierError) => error.code === 'forbidden' && error.details?.['reason'] === 'password-change-required';
    await assert.rejects(backend.load({ actorId: 'u-016' }), refused);
    await assert.rejects(backend.execute({ actorId: 'u-016' }, { type: 'users.updateProfile', userId: 'u-016', changes: { firstName: 'Now' } }), refused);
    await backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword: 'brand new phrase 2026' });
    assert.equal((await backend.signIn({ email, password: 'brand new phrase 2026' })).passwordChangeRequired, false);
    assert.equal((await backend.load({ actorId: 'u-016' })).actorId, 'u-016');
  });
  it('a password change does not land on an account blocked while the new password was being hashed', async () => {
    const { backend } = setup();
    const email = 'bart.peeters@lambert.example';
    const userId = 'u-002';
    // Block as soon as the sign-in inside the change has answered (the next step hashes the new password).
    const signIn = backend.signIn;
    backend.signIn = async (input) => {
      const result = await signIn(input);
      await backend.execute({ actorId: 'u-001' }, { type: 'users.block', userId });
      return result;
    };
    await assert.rejects(backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword: 'brand new phrase 2026' }), code('account-blocked'));
    backend.signIn = signIn;
    await backend.execute({ actorId: 'u-001' }, { type: 'users.unblock', userId });
    await backend.signIn({ email, password: DEMO_PASSWORD });
  });
  it('the last super user’s lock runs out: its count starts again, and the right password signs in', async () => {
    const { backend, clock } = setup();
    const email = 'admin@horizon.example';
    await answers(backend, email, 5);
    assert.ok(backend.currentData().users['h-001']!.signInLockedUntil);
    clock.advance(16 * 60_000);
    assert.deepEqual(await answers(backend, email, 1), [WRONG]);
    const account = backend.currentData().users['h-001']!;
    assert.equal(account.signInLockedUntil, undefined);
    assert.equal(account.failedSignIns, 1, 'its own count started again');
    assert.equal((await backend.signIn({ email, password: DEMO_PASSWORD })).userId, 'h-001');
    assert.equal(backend.currentData().users['h-001']!.failedSignIns, 0);
  });
  it('rule 13: locking the last super user’s sign-in is audited, as a block is', async () => {
    const { backend } = setup();
    await answers(backend, 'admin@horizon.example', 5);
    const entries = await backend.listAudit({ actorId: 'h-001' }, { userId: 'h-001' });
    const locked = entries.find((entry) => entry.action === 'account.sign-in-locked');
    assert.ok(locked, 'a lock entry');
    assert.equal(locked.actorId, 'system');
    assert.equal(locked.after['signInLockedUntil'], backend.currentData().users['h-001']!.signInLockedUntil);
  });
  it('never blocks the last active super user: it locks sign-in for a while instead (rule 4)', async () => {
    const { backend } = setup();
    const email = 'admin@horizon.example';
    for (let i = 0; i < 5; i++) await backend.signIn({ email, password: 'wrong' }).catch(() => undefined);
    const user = backend.currentData().users['h-001']!;
    assert.equal(user.status, 'active');
    assert.ok(user.signInLockedUntil);
    await assert.rejects(backend.signIn({ email, password: DEMO_PASSWORD }), code('account-blocked'));
  });
  it('rule 10: once the active-until day has passed, the right password is refused as inactive, with nothing else run meanwhile', async () => {
    const { backend, clock } = setup();
    const user = backend.currentData().users['u-015']!;
    assert.ok(user.activeUntil, 'an account active until a day');
    assert.equal((await backend.signIn({ email: user.email, password: DEMO_PASSWORD })).userId, user.id);
    clock.advance(22 * DAY_MS);
    // The sign-in is the first call after the day passed: it must find the account deactivated itself.
    const error = await backend.signIn({ email: user.email, password: DEMO_PASSWORD }).catch((e) => e);
    assert.equal(error.code, 'forbidden');
    assert.deepEqual(error.details, { reason: 'inactive', status: 'deactivated' });
    assert.equal(backend.currentData().users[user.id]!.status, 'deactivated');
  });
});

describe('memory backend — password reset', () => {
  it('answers the same whether or not the e-mail exists, and sends only for a real account', async () => {
    const { backend } = setup();
    const before = (await backend.outbox()).length;
    assert.equal(await backend.requestPasswordReset({ email: 'nobody@nowhere.example' }), undefined);
    assert.equal((await backend.outbox()).length, before);
    assert.equal(await backend.requestPasswordReset({ email: 'Bart.Peeters@lambert.example' }), undefined);
    const mail = (await backend.outbox())[0]!;
    assert.equal(mail.kind, 'password-reset');
    await backend.completePasswordReset({ token: mail.token!, password: 'another long phrase' });
    await assert.rejects(backend.completePasswordReset({ token: mail.token!, password: 'another long phrase' }), code('invitation-used'));
    await backend.signIn({ email: 'bart.peeters@lambert.example', password: 'another long phrase' });
    // A used link does not hold the next request back, even within the minute.
    await backend.requestPasswordReset({ email: 'bart.peeters@lambert.example' });
    const next = (await backend.outbox())[0]!;
    assert.notEqual(next.token, mail.token);
    assert.equal((await backend.inspectToken({ token: next.token! })).state, 'valid');
  });
  it('a reset link dies when its owner changes the password meanwhile', async () => {
    const { backend } = setup();
    const email = 'bart.peeters@lambert.example';
    await backend.requestPasswordReset({ email });
    const link = (await backend.outbox())[0]!.token!;
    await backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword: 'the owner chose this one' });
    assert.equal((await backend.inspectToken({ token: link })).state, 'expired');
    await assert.rejects(backend.completePasswordReset({ token: link, password: 'someone else set this' }));
    await backend.signIn({ email, password: 'the owner chose this one' });
  });
  it('a password change and a reset that run at once never both succeed: the later one does not silently undo the other', async () => {
    const { backend } = setup();
    const email = 'bart.peeters@lambert.example';
    await backend.requestPasswordReset({ email });
    const link = (await backend.outbox())[0]!.token!;
    // Someone holding the old password changes it while the owner completes the reset link.
    const [change, reset] = await Promise.all([
      backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword: 'changed with the old one' }).then(() => 'ok', (error: PortierError) => error.code),
      backend.completePasswordReset({ token: link, password: 'the owner reset this one' }).then(() => 'ok', (error: PortierError) => error.code),
    ]);
    assert.equal([change, reset].filter((outcome) => outcome === 'ok').length, 1, `change ${change}, reset ${reset}`);
    const signsIn = (password: string) => backend.signIn({ email, password }).then(() => true, () => false);
    assert.equal(await signsIn('the owner reset this one'), reset === 'ok');
    assert.equal(await signsIn('changed with the old one'), change === 'ok');
  });
  it('a password change refuses when the password changed while the new one was hashed (another tab’s reset)', async () => {
    const { backend } = setup();
    const email = 'bart.peeters@lambert.example';
    await backend.requestPasswordReset({ email });
    const link = (await backend.outbox())[0]!.token!;
    // The change's second hash is the new password's: the reset completes during it.
    const change = await whileHashing(
      () => backend.completePasswordReset({ token: link, password: 'the owner reset this one' }),
      () => backend.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword: 'changed with the old one' }).then(() => 'ok', (error: PortierError) => error.code),
      2,
    );
    assert.equal(change, 'forbidden');
    assert.equal((await backend.signIn({ email, password: 'the owner reset this one' })).userId, 'u-002');
  });
  it('a password change is not refused when another tab writes something else while it hashes (persist)', async () => {
    const storage = mapStorage();
    const tabA = createMemoryBackend({ persist: { storage } });
    await tabA.load({ actorId: 'u-001' });
    const tabB = createMemoryBackend({ persist: { storage } });
    await tabB.load({ actorId: 'u-001' });
    const email = 'bart.peeters@lambert.example';
    const change = await whileHashing(
      () => tabB.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-005', changes: { phone: '+32 2 000 00 00' } }),
      () => tabA.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword: 'a brand new passphrase' }).then(() => 'ok', (error: PortierError) => error.code),
      2,
    );
    assert.equal(change, 'ok');
    assert.equal((await tabA.signIn({ email, password: 'a brand new passphrase' })).userId, 'u-002');
  });
  it('a reset lifts the last super user’s sign-in lock: the lock guarded the old password', async () => {
    const { backend } = setup();
    const email = 'admin@horizon.example';
    for (let i = 0; i < 5; i++) await backend.signIn({ email, password: 'wrong' }).catch(() => undefined);
    assert.ok(backend.currentData().users['h-001']!.signInLockedUntil);
    await backend.requestPasswordReset({ email });
    const link = (await backend.outbox()).find((m) => m.kind === 'password-reset')!.token!;
    await backend.completePasswordReset({ token: link, password: 'Fresh-Long-Phrase-2026!' });
    assert.equal(backend.currentData().users['h-001']!.signInLockedUntil, undefined);
    assert.equal((await backend.signIn({ email, password: 'Fresh-Long-Phrase-2026!' })).userId, 'h-001');
  });
  it('audits a reset asked from the sign-in page as the portal’s, not as the owner’s: anyone may type an e-mail', async () => {
    const { backend } = setup();
    await backend.requestPasswordReset({ email: 'bart.peeters@lambert.example' });
    const [entry] = await backend.listAudit({ actorId: 'u-001' }, { userId: 'u-002' });
    assert.equal(entry!.action, 'account.reset-requested');
    assert.equal(entry!.actorId, 'system');
  });
  it('sends a reset link asked from the sign-in page at most once a minute per account: a flood keeps the link already sent', async () => {
    const { backend, clock } = setup();
    const email = 'bart.peeters@lambert.example';
    for (let i = 0; i < 20; i++) await backend.requestPasswordReset({ email });
    const sent = (await backend.outbox()).filter((m) => m.kind === 'password-reset');
    assert.equal(sent.length, 1);
    assert.equal((await backend.inspectToken({ token: sent[0]!.token! })).state, 'valid');
    clock.advance(61_000);
    await backend.requestPasswordReset({ email });
    for (let i = 0; i < 20; i++) await backend.requestPasswordReset({ email });
    const again = (await backend.outbox()).filter((m) => m.kind === 'password-reset');
    assert.equal(again.length, 2, 'once a minute, counted from the last e-mail');
    // Whoever asked again, the link the owner holds still works: the same one is sent again.
    assert.equal(again[0]!.token, sent[0]!.token);
    assert.equal((await backend.inspectToken({ token: sent[0]!.token! })).state, 'valid');
    // Past half its life, the next request sends a new link rather than one about to run out.
    clock.advance(DAY_MS / 2);
    await backend.requestPasswordReset({ email });
    const renewed = (await backend.outbox()).filter((m) => m.kind === 'password-reset')[0]!;
    assert.notEqual(renewed.token, sent[0]!.token);
    assert.ok(Date.parse(renewed.expiresAt!) > clock.now() + DAY_MS / 2);
    // Once a link has run out, it holds the next request back no more.
    clock.advance(DAY_MS);
    await backend.requestPasswordReset({ email });
    const fresh = (await backend.outbox()).filter((m) => m.kind === 'password-reset')[0]!;
    assert.notEqual(fresh.token, sent[0]!.token);
    assert.equal((await backend.inspectToken({ token: fresh.token! })).state, 'valid');
  });
  it('a reset link that ran out within the minute holds the next request back no more', async () => {
    const clock = createManualClock();
    const backend = createMemoryBackend({ clock, resetLinkMs: 30_000 });
    const email = 'bart.peeters@lambert.example';
    await backend.requestPasswordReset({ email });
    clock.advance(40_000);
    await backend.requestPasswordReset({ email });
    const sent = (await backend.outbox()).filter((m) => m.kind === 'password-reset');
    assert.equal(sent.length, 2);
    assert.equal((await backend.inspectToken({ token: sent[0]!.token! })).state, 'valid');
  });
  it('lets an admin trigger a reset e-mail without ever seeing a password', async () => {
    const { backend } = setup();
    await backend.execute({ actorId: 'u-001' }, { type: 'users.resetPassword', userId: 'u-002' });
    const mail = (await backend.outbox())[0]!;
    assert.equal(mail.kind, 'password-reset');
    assert.equal(mail.to, 'bart.peeters@lambert.example');
  });
  it('rule 9: the organization’s own password policy holds on accepting an invitation and on completing a reset', async () => {
    const clock = createManualClock();
    const seed = demoSeed(clock.now());
    seed.data.organizations['org-lambert']!.settings.passwordPolicy = { minLength: 20 };
    const backend = createMemoryBackend({ seed, clock });
    const short = 'nineteen characters'; // 19 characters: enough for the default nist preset, not for this organization
    const long = 'twenty-four characters!!';
    const tooShort = (error: PortierError) => error.code === 'weak-password' && JSON.stringify(error.details?.['rules']) === JSON.stringify([{ rule: 'min-length', min: 20 }]);
    const { user, token } = await invite(backend);
    await assert.rejects(backend.acceptInvitation({ token, password: short }), tooShort);
    assert.equal(backend.currentData().users[user.id]!.status, 'invited');
    await backend.acceptInvitation({ token, password: long });
    assert.equal(backend.currentData().users[user.id]!.status, 'active');
    await backend.execute({ actorId: 'u-001' }, { type: 'users.resetPassword', userId: 'u-002' });
    const reset = (await backend.outbox()).find((m) => m.userId === 'u-002' && m.kind === 'password-reset')!.token!;
    await assert.rejects(backend.completePasswordReset({ token: reset, password: short }), tooShort);
    await assert.rejects(backend.signIn({ email: 'bart.peeters@lambert.example', password: short }), code('forbidden'));
    await backend.completePasswordReset({ token: reset, password: long });
    assert.equal((await backend.signIn({ email: 'bart.peeters@lambert.example', password: long })).userId, 'u-002');
  });
  it('rule 9: a strict organization refuses, on an invitation and on a reset, a password the default preset would take', async () => {
    const { backend } = setup();
    const strict = (error: PortierError) => error.code === 'weak-password' && JSON.stringify(error.details?.['rules']) === JSON.stringify([{ rule: 'upper' }, { rule: 'digit' }, { rule: 'special' }]);
    // Horizon Retail's demo settings name the strict preset.
    const invited = (await backend.execute({ actorId: 'h-001' }, { type: 'users.create', input: { email: 'new@horizon.example', firstName: 'Nadia', lastName: 'Nouveau', language: 'fr' } })).users[0]!;
    const invitation = (await backend.outbox()).find((m) => m.userId === invited.id && m.kind === 'invitation')!.token!;
    assert.equal((await backend.inspectToken({ token: invitation })).passwordPolicy, 'strict');
    await assert.rejects(backend.acceptInvitation({ token: invitation, password: 'a long enough phrase' }), strict);
    await backend.acceptInvitation({ token: invitation, password: 'A-long-enough-phrase-2026' });
    await backend.requestPasswordReset({ email: 'admin@horizon.example' });
    const reset = (await backend.outbox()).find((m) => m.userId === 'h-001' && m.kind === 'password-reset')!.token!;
    await assert.rejects(backend.completePasswordReset({ token: reset, password: 'a long enough phrase' }), strict);
    await backend.completePasswordReset({ token: reset, password: 'Another-long-phrase-2026' });
    assert.equal((await backend.signIn({ email: 'admin@horizon.example', password: 'Another-long-phrase-2026' })).userId, 'h-001');
  });
});

describe('memory backend — policy, audit, scope', () => {
  it('enforces the policy itself (a backend never trusts its UI)', async () => {
    const { backend } = setup();
    await assert.rejects(backend.execute({ actorId: 'u-004' }, { type: 'users.block', userId: 'u-001' }), code('forbidden'));
    await assert.rejects(backend.execute({ actorId: 'u-001' }, { type: 'users.block', userId: 'h-001' }), code('not-found'));
    await assert.rejects(backend.execute({ actorId: 'nobody' }, { type: 'users.block', userId: 'u-004' }), code('forbidden'));
  });
  it('rule 2: new ids count nothing, so they show neither other organizations’ writes nor what a password reset did', async () => {
    const { backend } = setup();
    const ownIds = async () => (await backend.listAudit({ actorId: 'u-001' }, { limit: 1000 })).map((entry) => entry.id);
    await backend.execute({ actorId: 'u-001' }, { type: 'users.block', userId: 'u-005' });
    await backend.execute({ actorId: 'h-001' }, { type: 'users.updateProfile', userId: 'h-001', changes: { firstName: 'Hugues' } });
    await backend.requestPasswordReset({ email: 'admin@horizon.example' });
    await backend.execute({ actorId: 'u-001' }, { type: 'users.unblock', userId: 'u-005' });
    const created = (await backend.execute({ actorId: 'u-001' }, { type: 'users.create', input: { email: 'ids@lambert.example', firstName: 'I', lastName: 'D', language: 'en' } })).users[0]!;
    const ids = [...(await ownIds()), created.id, ...(await backend.outbox()).map((mail) => mail.id)];
    for (const id of ids) assert.match(id, /^[a-z]-[0-9a-f]{16}$/, id);
    assert.equal(new Set(ids).size, ids.length);
  });
  it('audits who, when, what, before and after', async () => {
    const { backend } = setup();
    await backend.execute({ actorId: 'u-001' }, { type: 'users.setRole', userId: 'u-004', role: 'superuser' });
    const [entry] = await backend.listAudit({ actorId: 'u-001' }, { userId: 'u-004' });
    assert.equal(entry!.actorId, 'u-001');
    assert.equal(entry!.action, 'users.setRole');
    assert.deepEqual(entry!.before, { role: 'user' });
    assert.deepEqual(entry!.after, { role: 'superuser' });
    assert.ok(entry!.at);
    await assert.rejects(backend.listAudit({ actorId: 'u-005' }, {}), code('forbidden'));
  });
  it('stores time-driven transitions and audits them as done by the system', async () => {
    const { backend, clock } = setup();
    clock.advance(25 * DAY_MS);
    await backend.load({ actorId: 'u-001' });
    assert.equal(backend.currentData().users['u-015']!.status, 'deactivated');
    assert.equal(effectiveStatus(backend.currentData().users['u-007']!, clock.now()), 'expired');
    const audit = await backend.listAudit({ actorId: 'u-001' }, { userId: 'u-015' });
    assert.equal(audit[0]!.actorId, 'system');
  });
  it('pages, filters and sorts users on the backend', async () => {
    const { backend } = setup();
    const page = await backend.listUsers({ actorId: 'u-001' }, { email: 'lambert', sort: { key: 'lastName', direction: 'desc' }, offset: 0, limit: 10 });
    assert.equal(page.items.length, 10);
    assert.equal(page.total, 40);
    await assert.rejects(backend.listUsers({ actorId: 'u-001' }, { limit: 5000 }), code('validation'));
  });
  it('searches only the clients the actor manages, by name, number or VAT', async () => {
    const { backend } = setup();
    assert.deepEqual((await backend.searchClients({ actorId: 'u-001' }, { text: 'logistics' })).map((c) => c.id), ['c-logistics']);
    assert.deepEqual((await backend.searchClients({ actorId: 'u-001' }, { text: '100246117' })).map((c) => c.id), ['c-retail']);
    assert.deepEqual((await backend.searchClients({ actorId: 'u-001' }, { text: 'BE0476' })).map((c) => c.id), ['c-logistics']);
    assert.deepEqual((await backend.searchClients({ actorId: 'u-002' }, { text: 'retail' })).map((c) => c.id), []);
  });
  it('rule 2: the audit list shows only the actor’s own organization, even asked about another’s user by id', async () => {
    const { backend } = setup();
    await backend.execute({ actorId: 'u-001' }, { type: 'users.block', userId: 'u-005' });
    await backend.execute({ actorId: 'h-001' }, { type: 'users.updateProfile', userId: 'h-001', changes: { firstName: 'Hugues' } });
    const lambert = await backend.listAudit({ actorId: 'u-001' }, { limit: 1000 });
    const horizon = await backend.listAudit({ actorId: 'h-001' }, { limit: 1000 });
    assert.deepEqual(lambert.map((entry) => [entry.organizationId, entry.action, entry.targetId]), [['org-lambert', 'users.block', 'u-005']]);
    assert.deepEqual(horizon.map((entry) => [entry.organizationId, entry.action, entry.targetId]), [['org-horizon', 'users.updateProfile', 'h-001']]);
    assert.deepEqual(await backend.listAudit({ actorId: 'u-001' }, { userId: 'h-001' }), []);
    assert.deepEqual(await backend.listAudit({ actorId: 'h-001' }, { userId: 'u-005' }), []);
  });
});

describe('memory backend — lifecycle e-mails and links', () => {
  it('making a contact a login user sends an invitation e-mail whose link sets the password', async () => {
    const { backend } = setup();
    const contact = backend.currentData().users['u-013']!;
    assert.equal(contact.kind, 'contact');
    await backend.execute({ actorId: 'u-001' }, { type: 'users.makeLogin', userId: contact.id });
    const user = backend.currentData().users[contact.id]!;
    assert.equal(user.status, 'invited');
    const mail = (await backend.outbox()).find((m) => m.userId === contact.id && m.kind === 'invitation');
    assert.ok(mail, 'an invitation e-mail');
    assert.equal(mail.to, contact.email);
    assert.equal(mail.expiresAt, user.invitationExpiresAt);
    assert.equal((await backend.inspectToken({ token: mail.token! })).state, 'valid');
    await backend.acceptInvitation({ token: mail.token!, password: 'a long enough phrase' });
    assert.equal((await backend.signIn({ email: contact.email, password: 'a long enough phrase' })).userId, contact.id);
  });
  it('reactivating a deactivated user who never set a password invites them again, with a fresh invitation e-mail', async () => {
    const { backend, clock } = setup();
    const deactivated = backend.currentData().users['u-012']!;
    assert.equal(deactivated.status, 'deactivated');
    assert.equal(deactivated.passwordSet, false);
    await backend.execute({ actorId: 'u-001' }, { type: 'users.activate', userId: deactivated.id });
    const user = backend.currentData().users[deactivated.id]!;
    assert.equal(user.status, 'invited');
    assert.equal(user.invitationExpiresAt, new Date(clock.now() + 30 * DAY_MS).toISOString());
    const mail = (await backend.outbox()).find((m) => m.userId === user.id && m.kind === 'invitation');
    assert.ok(mail, 'an invitation e-mail');
    assert.equal(mail.expiresAt, user.invitationExpiresAt);
    await backend.acceptInvitation({ token: mail.token!, password: 'a long enough phrase' });
    assert.equal(backend.currentData().users[user.id]!.status, 'active');
  });
  it('deactivating a user revokes its open links: an invitation and a reset link stop working at once, and stay dead after reactivation', async () => {
    const { backend } = setup();
    const { user, token } = await invite(backend);
    await backend.execute({ actorId: 'u-001' }, { type: 'users.resetPassword', userId: 'u-004' });
    const reset = (await backend.outbox()).find((m) => m.userId === 'u-004' && m.kind === 'password-reset')!.token!;
    for (const userId of [user.id, 'u-004']) await backend.execute({ actorId: 'u-001' }, { type: 'users.deactivate', userId });
    assert.equal((await backend.inspectToken({ token })).state, 'expired');
    assert.equal((await backend.inspectToken({ token: reset })).state, 'expired');
    await assert.rejects(backend.acceptInvitation({ token, password: 'a long enough phrase' }), code('invitation-expired'));
    await assert.rejects(backend.completePasswordReset({ token: reset, password: 'someone else set this' }), code('invitation-expired'));
    await backend.execute({ actorId: 'u-001' }, { type: 'users.activate', userId: 'u-004' });
    assert.equal((await backend.inspectToken({ token: reset })).state, 'expired');
    const email = backend.currentData().users['u-004']!.email;
    assert.equal((await backend.signIn({ email, password: DEMO_PASSWORD })).userId, 'u-004', 'the password of before stands');
  });
  it('removing a user revokes its open links and deletes its password hash: nothing of its access is kept', async () => {
    const { backend } = setup();
    const { user, token } = await invite(backend);
    await backend.execute({ actorId: 'u-001' }, { type: 'users.resetPassword', userId: 'u-004' });
    const reset = (await backend.outbox()).find((m) => m.userId === 'u-004' && m.kind === 'password-reset')!.token!;
    for (const userId of [user.id, 'u-004']) await backend.execute({ actorId: 'u-001' }, { type: 'users.remove', userId });
    assert.equal(backend.inspect().credentials['u-004'], undefined, 'its password hash is deleted with it');
    const tokens = backend.inspect().tokens;
    assert.equal(tokens[token]!.state, 'revoked');
    assert.equal(tokens[reset]!.state, 'revoked');
    assert.deepEqual(await backend.inspectToken({ token }), { kind: 'unknown', state: 'unknown' });
    await assert.rejects(backend.acceptInvitation({ token, password: 'a long enough phrase' }), code('invitation-expired'));
    await assert.rejects(backend.completePasswordReset({ token: reset, password: 'someone else set this' }), code('invitation-expired'));
  });
  it('a contact deactivated then reactivated is a contact again: no invitation, no login', async () => {
    const { backend } = setup();
    const contact = backend.currentData().users['u-013']!;
    await backend.execute({ actorId: 'u-001' }, { type: 'users.deactivate', userId: contact.id });
    assert.equal(backend.currentData().users[contact.id]!.status, 'deactivated');
    await backend.execute({ actorId: 'u-001' }, { type: 'users.activate', userId: contact.id });
    const user = backend.currentData().users[contact.id]!;
    assert.equal(user.status, 'contact');
    assert.equal(user.kind, 'contact');
    assert.equal(user.invitationExpiresAt, undefined);
    assert.ok(!(await backend.outbox()).some((m) => m.userId === contact.id), 'no e-mail to a contact');
  });
});

/**
 * Runs `action`, and `meanwhile` during the `nth` password hash it starts (Web Crypto's digest is
 * asynchronous): what another tab does while a sign-in or a password change waits for its hash.
 */
async function whileHashing<T>(meanwhile: () => Promise<unknown>, action: () => Promise<T>, nth = 1): Promise<T> {
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  let seen = 0;
  crypto.subtle.digest = async (...args: Parameters<SubtleCrypto['digest']>) => {
    const result = await digest(...args);
    if (++seen === nth) await meanwhile();
    return result;
  };
  try {
    return await action();
  } finally {
    crypto.subtle.digest = digest;
  }
}

/** A Web Storage in a Map: what two tabs of one browser share. */
function mapStorage() {
  const store = new Map<string, string>();
  return { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
}

describe('memory backend — persist', () => {
  it('keeps the state across a reload through a Web Storage', async () => {
    const storage = mapStorage();
    const first = createMemoryBackend({ persist: { storage } });
    await first.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-005', changes: { firstName: 'Persisted' } });
    const second = createMemoryBackend({ persist: { storage } });
    assert.equal((await second.load({ actorId: 'u-001' })).data.users['u-005']!.firstName, 'Persisted');
    await second.signIn({ email: 'amelie.dubois@lambert.example', password: DEMO_PASSWORD });
    await second.reset();
    assert.notEqual((await second.load({ actorId: 'u-001' })).data.users['u-005']!.firstName, 'Persisted');
  });
  it('a saved copy it could not have written (a stale format, a hand edit) is left for the seed: no crash on it', async () => {
    for (const state of [
      { data: { organizations: {}, clients: {}, applications: {}, contracts: {}, grants: {}, users: { 'u-001': { id: 'u-001', role: 'superuser' } } }, audit: [], outbox: [], tokens: {}, credentials: {} },
      { data: demoSeed(Date.now()).data, audit: [], outbox: [], credentials: {} },
      { data: demoSeed(Date.now()).data, audit: [], outbox: [], tokens: {}, credentials: { 'u-001': 'plain text' } },
      'not a state',
    ]) {
      const storage = mapStorage();
      storage.setItem('portier-memory-backend', JSON.stringify({ format: 1, state }));
      const backend = createMemoryBackend({ persist: { storage } });
      assert.equal((await backend.load({ actorId: 'u-001' })).data.users['u-001']!.email, 'amelie.dubois@lambert.example');
      assert.equal(await backend.requestPasswordReset({ email: 'bart.peeters@lambert.example' }), undefined);
      assert.equal((await backend.signIn({ email: 'bart.peeters@lambert.example', password: DEMO_PASSWORD })).userId, 'u-002');
    }
  });
  it('two tabs on one storage: a stale tab never undoes the other’s changes, and a stale edit is a conflict', async () => {
    const storage = mapStorage();
    const tabA = createMemoryBackend({ persist: { storage } });
    const tabB = createMemoryBackend({ persist: { storage } });
    const seen = (await tabB.load({ actorId: 'u-001' })).data.users['u-004']!;
    await tabA.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-004', changes: { firstName: 'Alpha' } });
    await tabA.execute({ actorId: 'u-001' }, { type: 'users.block', userId: 'u-017' });
    // Tab B still shows the old u-004: its save is refused rather than silently applied.
    await assert.rejects(
      tabB.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-004', changes: { lastName: 'Beta' }, expectedVersion: seen.version }),
      code('conflict'),
    );
    // A change of another user in tab B keeps what tab A did.
    await tabB.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-005', changes: { firstName: 'Gamma' } });
    const fresh = (await createMemoryBackend({ persist: { storage } }).load({ actorId: 'u-001' })).data.users;
    assert.equal(fresh['u-004']!.firstName, 'Alpha');
    assert.equal(fresh['u-017']!.status, 'blocked');
    assert.equal(fresh['u-005']!.firstName, 'Gamma');
    // Tab A, in turn, reads tab B's change before its next operation.
    assert.equal((await tabA.load({ actorId: 'u-001' })).data.users['u-005']!.firstName, 'Gamma');
  });
  it('starts again from the seed when another tab resets the data', async () => {
    const storage = mapStorage();
    const tabA = createMemoryBackend({ persist: { storage } });
    const tabB = createMemoryBackend({ persist: { storage } });
    await tabB.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-005', changes: { firstName: 'Before' } });
    assert.equal((await tabA.load({ actorId: 'u-001' })).data.users['u-005']!.firstName, 'Before');
    await tabB.reset();
    assert.notEqual((await tabA.load({ actorId: 'u-001' })).data.users['u-005']!.firstName, 'Before');
    // Tab A's next write does not bring the old data back.
    await tabA.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-006', changes: { firstName: 'After' } });
    const fresh = (await createMemoryBackend({ persist: { storage } }).load({ actorId: 'u-001' })).data.users;
    assert.notEqual(fresh['u-005']!.firstName, 'Before');
    assert.equal(fresh['u-006']!.firstName, 'After');
  });
  it('a sign-in answered while another tab resets the demo runs on the reset data and never writes the old data back', async () => {
    const storage = mapStorage();
    const tabA = createMemoryBackend({ persist: { storage } });
    const tabB = createMemoryBackend({ persist: { storage } });
    await tabB.execute({ actorId: 'u-001' }, { type: 'users.block', userId: 'u-004' });
    await tabA.load({ actorId: 'u-001' });
    // Tab B resets the demo while tab A hashes a wrong password (the hash is asynchronous).
    const attempt = await whileHashing(() => tabB.reset(), () => tabA.signIn({ email: 'bart.peeters@lambert.example', password: 'wrong' }).catch((e) => e));
    assert.equal(attempt.code, 'forbidden');
    assert.equal((await tabB.load({ actorId: 'u-001' })).data.users['u-004']!.status, 'active', 'the reset stands');
    assert.equal((await createMemoryBackend({ persist: { storage } }).load({ actorId: 'u-001' })).data.users['u-002']!.failedSignIns, 1, 'the failure counts on the reset data');
  });
  it('a sign-in checks the password again when the data changed while it was hashed: a password of before the reset no longer opens', async () => {
    const storage = mapStorage();
    const tabA = createMemoryBackend({ persist: { storage } });
    const tabB = createMemoryBackend({ persist: { storage } });
    const email = 'bart.peeters@lambert.example';
    await tabA.changePassword({ email, currentPassword: DEMO_PASSWORD, newPassword: 'changed before the reset' });
    await tabB.load({ actorId: 'u-001' });
    // While tab A hashes, tab B resets the demo and tab A's own screen reloads (and notices it first).
    const meanwhile = async () => {
      await tabB.reset();
      await tabA.load({ actorId: 'u-001' });
    };
    const attempt = await whileHashing(meanwhile, () => tabA.signIn({ email, password: 'changed before the reset' }).catch((e) => e));
    assert.equal(attempt.code, 'forbidden');
    assert.equal((await tabA.signIn({ email, password: DEMO_PASSWORD })).userId, 'u-002');
  });
  it('signs in against what another tab persisted (a password set there counts here)', async () => {
    const storage = mapStorage();
    const tabA = createMemoryBackend({ persist: { storage } });
    const tabB = createMemoryBackend({ persist: { storage } });
    await tabB.load({ actorId: 'u-001' });
    await tabA.changePassword({ email: 'bart.peeters@lambert.example', currentPassword: DEMO_PASSWORD, newPassword: 'An0ther-long-passphrase!' });
    await assert.rejects(tabB.signIn({ email: 'bart.peeters@lambert.example', password: DEMO_PASSWORD }), code('forbidden'));
    assert.equal((await tabB.signIn({ email: 'bart.peeters@lambert.example', password: 'An0ther-long-passphrase!' })).userId, 'u-002');
  });
});
