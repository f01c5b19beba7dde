import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertCan, can } from './can.js';
import { PortierError } from '../errors.js';
import type { Action } from './actions.js';
import { clientsOfUser } from './clients-of-user.js';
import { countSuperUsers } from './super-users.js';
import { aUser, fixtureData, T0 } from '../test-support/fixture.js';

const data = fixtureData();
const admin = data.users['admin']!;
const plain = data.users['plain']!;
const invoices = data.applications['invoices']!;
const portfolio = data.applications['portfolio']!;
const refused = (code: string) => (decision: ReturnType<typeof can>) => !decision.allowed && decision.code === code;

describe('can — rule 1: only super users administer others; a user edits only its own profile', () => {
  it('refuses a plain user acting on another user', () => {
    assert.ok(refused('forbidden')(can(plain, 'user.block', { now: T0, user: admin })));
    assert.ok(refused('forbidden')(can(plain, 'user.create', { now: T0, user: aUser('x') })));
  });
  it('lets a user edit its own names, phones and language', () => {
    assert.deepEqual(can(plain, 'user.update-profile', { now: T0, user: plain, fields: ['firstName', 'phone', 'language'] }), { allowed: true });
  });
  it('refuses anyone changing its own role, rights or status, super users included', () => {
    for (const action of ['user.set-role', 'user.block', 'user.deactivate', 'access.set', 'clients.set-managed', 'user.remove'] as const) {
      assert.ok(refused('forbidden')(can(admin, action, { now: T0, user: admin, role: 'user', superUsers: { active: 5, lasting: 5 } })), action);
    }
  });
  it('lets a super user administer a colleague', () => {
    assert.deepEqual(can(admin, 'user.block', { now: T0, user: plain, superUsers: { active: 2, lasting: 2 } }), { allowed: true });
  });
});

describe('can — rule 2: a super user acts only in its organization and on the clients it manages', () => {
  it('refuses a user of another organization as not-found, as if it did not exist', () => {
    assert.ok(refused('not-found')(can(admin, 'user.view', { now: T0, user: data.users['other']! })));
  });
  it('throws for a user of another organization exactly what an unknown id throws', () => {
    const other = data.users['other']!;
    assert.throws(
      () => assertCan(admin, 'user.block', { now: T0, user: other }),
      (error: unknown) => error instanceof PortierError && error.code === 'not-found' && JSON.stringify(error.details) === JSON.stringify({ entity: 'user', id: other.id }),
    );
  });
  it('refuses a grant on a client the actor does not manage', () => {
    const admin2 = data.users['admin2']!;
    assert.ok(refused('out-of-scope')(can(admin2, 'access.set', { now: T0, user: plain, clientIds: ['c-2'] })));
    assert.deepEqual(can(admin2, 'access.set', { now: T0, user: plain, clientIds: ['c-1'] }), { allowed: true });
  });
  it('refuses assigning a managed client outside the actor’s own', () => {
    assert.ok(refused('out-of-scope')(can(data.users['admin2']!, 'clients.set-managed', { now: T0, user: plain, clientIds: ['c-2'] })));
  });
  it('a user works for the clients assigned to it and those it holds rights on: clientsOfUser names them', () => {
    const user = aUser('u', { managedClientIds: ['c-2'] });
    const grants = [{ clientId: 'c-1', applicationId: 'invoices', level: 'read' as const }, { clientId: 'c-2', applicationId: 'invoices', level: 'read' as const }];
    assert.deepEqual(clientsOfUser(user, grants), ['c-2', 'c-1']);
    assert.deepEqual(clientsOfUser(aUser('v', { managedClientIds: [] }), []), []);
  });
  it('changes another user’s account only when the actor manages every client that user works for', () => {
    const admin2 = data.users['admin2']!;
    const user = aUser('u', { managedClientIds: ['c-1'] });
    const beyond = ['c-1', 'c-2'];
    const account: Action[] = ['user.update-profile', 'user.set-role', 'user.set-signature', 'user.activate', 'user.deactivate', 'user.block', 'user.unblock', 'user.reset-password', 'user.resend-invitation', 'user.make-login', 'user.remove'];
    for (const action of account) {
      assert.deepEqual(can(admin2, action, { now: T0, user, userClientIds: beyond }), { allowed: false, code: 'out-of-scope', reason: 'user-not-managed' }, action);
      assert.deepEqual(can(admin2, action, { now: T0, user, userClientIds: ['c-1'] }), { allowed: true }, action);
    }
    // Seeing the user, and its rights on the actor's own clients, stays within reach.
    for (const action of ['user.view', 'access.view', 'clients.view'] as const) assert.deepEqual(can(admin2, action, { now: T0, user, userClientIds: beyond }), { allowed: true }, action);
    assert.deepEqual(can(admin2, 'access.set', { now: T0, user, userClientIds: beyond, clientIds: ['c-1'] }), { allowed: true });
    // A super user's managed clients are its administration: changing them is an account action too.
    const superUser = { ...user, role: 'superuser' as const };
    assert.deepEqual(can(admin2, 'clients.set-managed', { now: T0, user: superUser, userClientIds: beyond, clientIds: ['c-1'] }), { allowed: false, code: 'out-of-scope', reason: 'user-not-managed' });
    assert.deepEqual(can(admin2, 'clients.set-managed', { now: T0, user, userClientIds: beyond, clientIds: ['c-1'] }), { allowed: true });
    // Asked without userClientIds (a host server's own call), the clients assigned to the user still count.
    const admin = data.users['admin']!;
    assert.deepEqual(can(admin2, 'user.set-role', { now: T0, user: admin, role: 'user' }), { allowed: false, code: 'out-of-scope', reason: 'user-not-managed' });
    // A super user whose own rights reach beyond its managed clients still edits its own profile.
    assert.deepEqual(can(admin2, 'user.update-profile', { now: T0, user: admin2, userClientIds: beyond, fields: ['phone'] }), { allowed: true });
  });
});

describe('can — rule 3: levels and profiles come from the application', () => {
  it('refuses a level the application does not allow', () => {
    assert.ok(refused('level-not-allowed')(can(admin, 'access.set', { now: T0, user: plain, access: [{ application: invoices, level: 'read' }] })));
  });
  it('refuses a profile the application does not offer', () => {
    assert.ok(refused('profile-not-allowed')(can(admin, 'access.set', { now: T0, user: plain, access: [{ application: portfolio, level: 'read', profile: 'BOSS' }] })));
    assert.deepEqual(can(admin, 'access.set', { now: T0, user: plain, access: [{ application: portfolio, level: 'read', profile: 'REFERENT' }] }), { allowed: true });
  });
});

describe('can — rule 4: the organization keeps at least one active super user', () => {
  const admin2 = data.users['admin2']!;
  for (const action of ['user.deactivate', 'user.block', 'user.remove'] as const) {
    it(`refuses ${action} on the last active super user`, () => {
      assert.ok(refused('last-super-user')(can(admin, action, { now: T0, user: admin2, superUsers: { active: 1, lasting: 1 } })));
    });
  }
  it('refuses demoting the last active super user and allows it when another remains', () => {
    assert.ok(refused('last-super-user')(can(admin, 'user.set-role', { now: T0, user: admin2, role: 'user', superUsers: { active: 1, lasting: 1 } })));
    assert.deepEqual(can(admin, 'user.set-role', { now: T0, user: admin2, role: 'user', superUsers: { active: 2, lasting: 2 } }), { allowed: true });
  });
  it('refuses ending the last super user without an end date, even when others are active until a day', () => {
    // admin2 has no end date; the other active super user ends soon: after that day nobody would be left.
    const counts = { active: 2, lasting: 1 };
    for (const action of ['user.block', 'user.remove'] as const) assert.ok(refused('last-super-user')(can(admin, action, { now: T0, user: admin2, superUsers: counts })), action);
    assert.ok(refused('last-super-user')(can(admin, 'user.set-role', { now: T0, user: admin2, role: 'user', superUsers: counts })));
    assert.deepEqual(can(admin, 'user.deactivate', { now: T0, user: admin2, superUsers: counts, until: '2026-02-01' }), {
      allowed: false,
      code: 'last-super-user',
      reason: 'last-super-user-without-end-date',
    });
  });
  it('allows an end date while another super user without one remains, and ending one that already has an end date', () => {
    assert.deepEqual(can(admin, 'user.deactivate', { now: T0, user: admin2, superUsers: { active: 2, lasting: 2 }, until: '2026-02-01' }), { allowed: true });
    const ending = aUser('ending', { role: 'superuser', activeUntil: '2026-03-01' });
    assert.deepEqual(can(admin, 'user.deactivate', { now: T0, user: ending, superUsers: { active: 2, lasting: 1 }, until: '2026-02-01' }), { allowed: true });
    assert.deepEqual(can(admin, 'user.block', { now: T0, user: ending, superUsers: { active: 2, lasting: 1 } }), { allowed: true });
    // An end date keeps the user active today, so the count of those active now does not matter for it.
    assert.deepEqual(can(admin, 'user.deactivate', { now: T0, user: ending, superUsers: { active: 1, lasting: 0 }, until: '2026-02-01' }), { allowed: true });
  });
});

describe('can — rule 5: the e-mail is the login; an identity lock freezes names', () => {
  it('refuses a taken e-mail', () => {
    assert.ok(refused('email-taken')(can(admin, 'user.create', { now: T0, user: aUser('n'), emailTaken: true })));
  });
  it('refuses editing the e-mail, even one’s own', () => {
    assert.ok(refused('not-editable')(can(admin, 'user.update-profile', { now: T0, user: plain, fields: ['email'] })));
    assert.ok(refused('not-editable')(can(plain, 'user.update-profile', { now: T0, user: plain, fields: ['email'] })));
  });
  it('refuses editing names when the organization locks identities', () => {
    const settings = { ...data.organizations['org-a']!.settings, identityLock: true };
    assert.ok(refused('not-editable')(can(admin, 'user.update-profile', { now: T0, user: plain, fields: ['lastName'], settings })));
    assert.deepEqual(can(admin, 'user.update-profile', { now: T0, user: plain, fields: ['phone'], settings }), { allowed: true });
  });
});

describe('can — rule 10: an account past its active-until date is deactivated', () => {
  it('refuses an actor whose active-until day has passed', () => {
    const expiredAdmin = aUser('e', { role: 'superuser', activeUntil: '2026-01-04' });
    assert.ok(refused('forbidden')(can(expiredAdmin, 'user.view', { now: T0, user: plain })));
  });
  it('still accepts the actor on its last active day', () => {
    const lastDay = aUser('e', { role: 'superuser', activeUntil: '2026-01-05' });
    assert.deepEqual(can(lastDay, 'user.view', { now: T0, user: plain }), { allowed: true });
  });
  it('does not count a super user past its active-until date as active (rule 4)', () => {
    const lapsed = aUser('l', { role: 'superuser', activeUntil: '2026-01-01' });
    assert.deepEqual(can(admin, 'user.block', { now: T0, user: lapsed, superUsers: { active: 1, lasting: 1 } }).allowed, true);
  });
  it('refuses blocked, invited and contact actors', () => {
    for (const actor of [aUser('b', { role: 'superuser', status: 'blocked' }), aUser('i', { role: 'superuser', status: 'invited' }), aUser('c', { role: 'superuser', kind: 'contact', status: 'contact' })]) {
      assert.ok(refused('forbidden')(can(actor, 'user.view', { now: T0, user: plain })));
    }
  });
});

describe('can — rule 9: an expired initial password is changed before anything else', () => {
  it('refuses an actor whose initial password expired, even on its own account, and accepts it once changed', () => {
    const expired = aUser('x', { role: 'superuser', passwordExpired: true });
    for (const [action, user] of [['user.view', expired], ['user.update-profile', expired], ['user.block', plain]] as const) {
      assert.deepEqual(can(expired, action, { now: T0, user, superUsers: { active: 2, lasting: 2 } }), { allowed: false, code: 'forbidden', reason: 'password-change-required' }, action);
    }
    assert.deepEqual(can({ ...expired, passwordExpired: false }, 'user.view', { now: T0, user: plain }), { allowed: true });
  });
  it('still counts such a super user as active for rule 4: it acts again as soon as it changes the password', () => {
    const expired = aUser('x', { role: 'superuser', passwordExpired: true });
    const counts = countSuperUsers([expired], expired.organizationId, T0);
    assert.deepEqual(counts, { active: 1, lasting: 1 });
    assert.ok(refused('last-super-user')(can(admin, 'user.block', { now: T0, user: expired, superUsers: counts })));
  });
});

describe('can — rule 11: authorize all never gives more than asked', () => {
  it('refuses a level above the one asked for', () => {
    assert.ok(refused('level-not-allowed')(can(admin, 'access.set', { now: T0, user: plain, access: [{ application: invoices, level: 'full', requested: 'read' }] })));
  });
  it('accepts the nearest lower level', () => {
    assert.deepEqual(can(admin, 'access.set', { now: T0, user: plain, access: [{ application: invoices, level: 'none', requested: 'read' }] }), { allowed: true });
  });
});

describe('can — contacts', () => {
  it('refuses making a contact a super user', () => {
    assert.ok(refused('not-editable')(can(admin, 'user.set-role', { now: T0, user: data.users['contact']!, role: 'superuser' })));
  });
  it('refuses creating a contact as a super user, and allows it as a plain user', () => {
    const contact = (role: 'user' | 'superuser') => aUser('n', { kind: 'contact', status: 'contact', passwordSet: false, role });
    assert.deepEqual(can(admin, 'user.create', { now: T0, user: contact('superuser') }), { allowed: false, code: 'not-editable', reason: 'contact-cannot-be-super-user' });
    assert.deepEqual(can(admin, 'user.create', { now: T0, user: contact('user') }), { allowed: true });
    // A login user may be created a super user: the rule is about contacts.
    assert.deepEqual(can(admin, 'user.create', { now: T0, user: aUser('n', { role: 'superuser', status: 'invited', passwordSet: false }) }), { allowed: true });
  });
});
