import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountReducer, accountTransitions, applyTimedTransitions, canTransition, effectiveStatus, nextTimedChange, recordFailedSignIn } from './user.machine.js';
import { ACCOUNT_STATUSES } from './user.schema.js';
import { aUser, fixtureData, T0 } from '../test-support/fixture.js';
import { sweepTimedTransitions } from '../command/sweep.js';
import { DAY_MS } from '../clock.js';
import { PortierError } from '../errors.js';

describe('account lifecycle (SPEC Lifecycles → Account)', () => {
  it('has a row for every status', () => {
    assert.deepEqual(Object.keys(accountTransitions).sort(), [...ACCOUNT_STATUSES].sort());
  });
  it('invited → active when the password is set, clearing the invitation', () => {
    const next = accountReducer(aUser('u', { status: 'invited', passwordSet: false, invitationExpiresAt: 'x' }), { type: 'PASSWORD_SET' });
    assert.equal(next.status, 'active');
    assert.equal(next.passwordSet, true);
    assert.equal(next.invitationExpiresAt, undefined);
  });
  it('invited → expired when the invitation period is over (rule 7)', () => {
    assert.equal(accountReducer(aUser('u', { status: 'invited' }), { type: 'INVITATION_EXPIRED' }).status, 'expired');
  });
  it('expired → invited when re-sent, with the new expiry', () => {
    const next = accountReducer(aUser('u', { status: 'expired' }), { type: 'RESEND_INVITATION', expiresAt: '2026-02-01T00:00:00.000Z' });
    assert.equal(next.status, 'invited');
    assert.equal(next.invitationExpiresAt, '2026-02-01T00:00:00.000Z');
  });
  it('active ⇄ blocked, with the reason, and unblock clears the failure count', () => {
    const blocked = accountReducer(aUser('u', { failedSignIns: 5 }), { type: 'BLOCK', reason: 'failed-sign-ins' });
    assert.equal(blocked.status, 'blocked');
    assert.equal(blocked.blockReason, 'failed-sign-ins');
    const unblocked = accountReducer(blocked, { type: 'UNBLOCK' });
    assert.equal(unblocked.status, 'active');
    assert.equal(unblocked.failedSignIns, 0);
    assert.equal(unblocked.blockReason, undefined);
  });
  it('any → deactivated → active when a password was set, invited when not', () => {
    for (const status of ['active', 'blocked', 'invited', 'expired'] as const) {
      assert.equal(accountReducer(aUser('u', { status }), { type: 'DEACTIVATE' }).status, 'deactivated', status);
    }
    assert.equal(accountReducer(aUser('u', { status: 'deactivated', passwordSet: true }), { type: 'ACTIVATE' }).status, 'active');
    assert.equal(accountReducer(aUser('u', { status: 'deactivated', passwordSet: false }), { type: 'ACTIVATE' }).status, 'invited');
  });
  it('rule 8: reactivating an account blocked by failed sign-ins, then deactivated, starts the count again', () => {
    const blocked = accountReducer(aUser('u', { failedSignIns: 5 }), { type: 'BLOCK', reason: 'failed-sign-ins' });
    const active = accountReducer(accountReducer(blocked, { type: 'DEACTIVATE' }), { type: 'ACTIVATE' });
    assert.equal(active.status, 'active');
    assert.equal(active.failedSignIns, 0);
    assert.equal(active.blockReason, undefined);
    assert.equal(active.signInLockedUntil, undefined);
  });
  it('contact → deactivated → contact again: reactivating never makes a contact a login user', () => {
    const deactivated = accountReducer(aUser('u', { kind: 'contact', status: 'contact', passwordSet: false }), { type: 'DEACTIVATE' });
    assert.equal(deactivated.status, 'deactivated');
    const reactivated = accountReducer(deactivated, { type: 'ACTIVATE' });
    assert.equal(reactivated.status, 'contact');
    assert.equal(reactivated.kind, 'contact');
    assert.equal(reactivated.invitationExpiresAt, undefined);
  });
  it('contact → invited when made a login user', () => {
    const next = accountReducer(aUser('u', { kind: 'contact', status: 'contact', passwordSet: false }), { type: 'MAKE_LOGIN', expiresAt: 'x' });
    assert.equal(next.status, 'invited');
    assert.equal(next.kind, 'login');
  });
  it('any → deleted', () => {
    for (const status of ['contact', 'invited', 'expired', 'active', 'blocked', 'deactivated'] as const) {
      assert.equal(accountReducer(aUser('u', { status }), { type: 'DELETE' }).status, 'deleted');
    }
  });
  it('refuses a transition the table does not have with not-editable', () => {
    assert.throws(() => accountReducer(aUser('u', { status: 'active' }), { type: 'UNBLOCK' }), (e: PortierError) => e.code === 'not-editable');
    assert.throws(() => accountReducer(aUser('u', { status: 'deleted' }), { type: 'ACTIVATE' }), (e: PortierError) => e.code === 'not-editable');
    assert.equal(canTransition('contact', 'PASSWORD_SET'), false);
  });
  it('never mutates its input', () => {
    const user = Object.freeze(aUser('u'));
    accountReducer(user, { type: 'BLOCK', reason: 'admin' });
    assert.equal(user.status, 'active');
  });
});

describe('time rules', () => {
  it('rule 7: an invitation past its expiry reads expired, and the sweep stores it', () => {
    const user = aUser('u', { status: 'invited', passwordSet: false, invitationExpiresAt: new Date(T0 + 30 * DAY_MS).toISOString() });
    assert.equal(effectiveStatus(user, T0 + 29 * DAY_MS), 'invited');
    assert.equal(effectiveStatus(user, T0 + 31 * DAY_MS), 'expired');
    assert.equal(applyTimedTransitions(user, T0 + 31 * DAY_MS).status, 'expired');
  });
  it('rule 10: a past active-until date reads deactivated', () => {
    const user = aUser('u', { activeUntil: '2026-01-04' });
    assert.equal(effectiveStatus(user, T0), 'deactivated');
    assert.equal(effectiveStatus(aUser('u', { activeUntil: '2026-01-05' }), T0), 'active');
  });
  it('reactivating clears a past active-until date so the account stays active', () => {
    const deactivated = applyTimedTransitions(aUser('u', { activeUntil: '2026-01-04' }), T0);
    const active = accountReducer(deactivated, { type: 'ACTIVATE' });
    assert.equal(effectiveStatus(active, T0), 'active');
  });
  it('rules 7 and 10: nextTimedChange is the first instant the effective status can change', () => {
    const expiry = T0 + 3 * DAY_MS;
    const invited = aUser('u', { status: 'invited', passwordSet: false, invitationExpiresAt: new Date(expiry).toISOString(), activeUntil: '2026-02-01' });
    assert.equal(nextTimedChange(invited, T0), expiry);
    assert.equal(effectiveStatus(invited, expiry - 1), 'invited');
    assert.equal(effectiveStatus(invited, expiry), 'expired');
    const endOfActivity = Date.UTC(2026, 1, 2);
    assert.equal(nextTimedChange(invited, expiry), endOfActivity, 'after the expiry, the day after active-until');
    assert.equal(effectiveStatus(invited, endOfActivity - 1), 'expired');
    assert.equal(effectiveStatus(invited, endOfActivity), 'deactivated');
    assert.equal(nextTimedChange(invited, endOfActivity), Infinity);
    assert.equal(nextTimedChange(aUser('u', { status: 'deactivated', activeUntil: '2026-02-01' }), T0), Infinity);
  });
  it('rules 7 and 10: the sweep audits each transition as done by system, with the status before and after', () => {
    const data = fixtureData();
    data.users['late'] = aUser('late', { status: 'invited', passwordSet: false, invitationExpiresAt: new Date(T0 - 1).toISOString() });
    data.users['lapsed'] = aUser('lapsed', { activeUntil: '2026-01-04' });
    const { audit, changed } = sweepTimedTransitions(data, T0);
    assert.deepEqual(changed.map((user) => [user.id, user.status]), [['late', 'expired'], ['lapsed', 'deactivated']]);
    assert.deepEqual(
      audit.map(({ action, actorId, targetId, before, after, at }) => ({ action, actorId, targetId, before, after, at })),
      [
        { action: 'account.expired', actorId: 'system', targetId: 'late', before: { status: 'invited' }, after: { status: 'expired' }, at: new Date(T0).toISOString() },
        { action: 'account.deactivated', actorId: 'system', targetId: 'lapsed', before: { status: 'active' }, after: { status: 'deactivated' }, at: new Date(T0).toISOString() },
      ],
    );
  });
});

describe('rule 8: failed sign-ins', () => {
  const options = { limit: 5, now: T0, isLastSuperUser: false };
  it('blocks at the limit with reason failed-sign-ins', () => {
    let user = aUser('u');
    for (let i = 1; i <= 4; i++) {
      const outcome = recordFailedSignIn(user, options);
      assert.equal(outcome.blocked, false);
      user = outcome.user;
    }
    const fifth = recordFailedSignIn(user, options);
    assert.equal(fifth.blocked, true);
    assert.equal(fifth.user.status, 'blocked');
    assert.equal(fifth.user.blockReason, 'failed-sign-ins');
    assert.equal(fifth.user.failedSignIns, 5);
  });
  it('never counts past the limit', () => {
    const outcome = recordFailedSignIn(aUser('u', { failedSignIns: 5, status: 'active' }), options);
    assert.equal(outcome.user.failedSignIns, 5);
  });
  it('locks sign-in for a while instead of blocking the last super user (rule 4)', () => {
    const outcome = recordFailedSignIn(aUser('u', { role: 'superuser', failedSignIns: 4 }), { ...options, isLastSuperUser: true });
    assert.equal(outcome.blocked, false);
    assert.equal(outcome.user.status, 'active');
    assert.ok(Date.parse(outcome.user.signInLockedUntil!) > T0);
  });
  it('locks the last super user for the given time, 15 minutes when none is given', () => {
    const user = aUser('u', { role: 'superuser', failedSignIns: 4 });
    const lastSuperUser = { ...options, isLastSuperUser: true };
    assert.equal(recordFailedSignIn(user, { ...lastSuperUser, lockMs: 60_000 }).user.signInLockedUntil, new Date(T0 + 60_000).toISOString());
    assert.equal(recordFailedSignIn(user, lastSuperUser).user.signInLockedUntil, new Date(T0 + 15 * 60_000).toISOString());
  });
  it('a lock is gone from the instant it ends; one still running stays', () => {
    const ended = recordFailedSignIn(aUser('u', { signInLockedUntil: new Date(T0).toISOString() }), options);
    assert.equal(ended.user.signInLockedUntil, undefined);
    assert.equal(ended.user.failedSignIns, 1);
    const running = recordFailedSignIn(aUser('u', { signInLockedUntil: new Date(T0 + 1).toISOString() }), options);
    assert.equal(running.user.signInLockedUntil, new Date(T0 + 1).toISOString());
  });
});
