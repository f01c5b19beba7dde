import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execute } from './execute.js';
import { envAt, fixtureData, T0, aUser } from '../test-support/fixture.js';
import { PortierError, isPortierErrorCode } from '../errors.js';
import type { Command } from './command.schema.js';
import { DAY_MS } from '../clock.js';
import { effectiveStatus } from '../user/user.machine.js';

const code = (expected: string) => (error: PortierError) => error.code === expected;
const run = (command: Command, actor = 'admin', data = fixtureData()) => execute(data, actor, command, envAt());

describe('execute — users.create', () => {
  it('creates a login user invited for the organization’s period, with an invitation effect', () => {
    const outcome = run({ type: 'users.create', input: { email: ' New@A.example ', firstName: 'Nina', lastName: 'New', language: 'nl' } });
    const user = outcome.changes.users[0]!;
    assert.equal(user.status, 'invited');
    assert.equal(user.email, 'New@A.example');
    assert.equal(user.invitationExpiresAt, new Date(T0 + 30 * DAY_MS).toISOString());
    assert.deepEqual(outcome.effects, [{ type: 'send-invitation', userId: user.id, expiresAt: user.invitationExpiresAt }]);
    assert.equal(outcome.audit[0]!.action, 'users.create');
  });
  it('creates a contact that cannot sign in and gets no invitation (seed 003)', () => {
    const outcome = run({ type: 'users.create', input: { email: 'c@a.example', firstName: 'C', lastName: 'C', language: 'fr', kind: 'contact' } });
    assert.equal(outcome.changes.users[0]!.status, 'contact');
    assert.deepEqual(outcome.effects, []);
  });
  it('rule 7: invites for the organization’s own period: with 7 days, the account is expired 7 days after creation', () => {
    const data = fixtureData();
    data.organizations['org-a']!.settings.invitationDays = 7;
    const sevenDays = new Date(T0 + 7 * DAY_MS).toISOString();
    const outcome = run({ type: 'users.create', input: { email: 'n@a.example', firstName: 'N', lastName: 'N', language: 'en' } }, 'admin', data);
    const user = outcome.changes.users[0]!;
    assert.equal(user.invitationExpiresAt, sevenDays);
    assert.deepEqual(outcome.effects, [{ type: 'send-invitation', userId: user.id, expiresAt: sevenDays }]);
    assert.equal(effectiveStatus(user, T0 + 7 * DAY_MS - 1), 'invited');
    assert.equal(effectiveStatus(user, T0 + 7 * DAY_MS), 'expired');
    // Re-sending and making a contact a login user take the same period.
    assert.equal(run({ type: 'users.resendInvitation', userId: user.id }, 'admin', outcome.data).changes.users[0]!.invitationExpiresAt, sevenDays);
    assert.equal(run({ type: 'users.makeLogin', userId: 'contact' }, 'admin', data).changes.users[0]!.invitationExpiresAt, sevenDays);
  });
  it('contacts: refuses creating a contact as a super user with not-editable', () => {
    const input = { email: 'c@a.example', firstName: 'C', lastName: 'C', language: 'fr', kind: 'contact' } as const;
    assert.throws(() => run({ type: 'users.create', input: { ...input, role: 'superuser' } }), code('not-editable'));
    assert.equal(run({ type: 'users.create', input: { ...input, role: 'user' } }).changes.users[0]!.status, 'contact');
  });
  it('rule 5: refuses an e-mail taken in any organization, case-insensitively', () => {
    assert.throws(() => run({ type: 'users.create', input: { email: 'OTHER@a.example', firstName: 'X', lastName: 'Y', language: 'en' } }), code('email-taken'));
  });
  it('rejects an unknown command type at path type, and a bad field at its own path', () => {
    for (const bad of [{ type: 'users.explode', userId: 'plain' }, { type: 'toString' }, { userId: 'plain' }, null, 'users.block']) {
      assert.throws(() => run(bad as unknown as Command), (error: PortierError) => error.code === 'validation' && JSON.stringify(error.details).includes('"path":["type"]'));
    }
    assert.throws(
      () => run({ type: 'users.deactivate', userId: 'plain', until: '2026-02-30' }),
      (error: PortierError) => error.code === 'validation' && JSON.stringify(error.details).includes('"path":["until"]'),
    );
  });
  it('an id named like an inherited member (constructor, __proto__, toString) is not found, never a crash', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.throws(() => run({ type: 'users.block', userId: name }), code('not-found'), name);
      assert.throws(() => run({ type: 'access.set', userId: 'plain', grants: [{ clientId: 'c-1', applicationId: name, level: 'full' }] }), code('not-found'), name);
      assert.throws(() => run({ type: 'access.set', userId: 'plain', grants: [{ clientId: name, applicationId: 'invoices', level: 'full' }] }), code('not-found'), name);
      assert.throws(() => run({ type: 'access.copyFrom', userId: 'plain', sourceUserId: name }), code('not-found'), name);
      assert.throws(() => run({ type: 'users.block', userId: 'plain' }, name), code('forbidden'), name);
    }
  });
  it('rule 2: another organization’s user or client is answered exactly as an unknown id, whatever the command', () => {
    const thrown = (command: Command): unknown => {
      try {
        run(command);
      } catch (error) {
        return { code: (error as PortierError).code, message: (error as PortierError).message, details: (error as PortierError).details };
      }
      return 'applied';
    };
    const asUnknown = (command: (id: string) => Command, otherId: string, entity: string) => {
      const unknown = thrown(command('nobody'));
      assert.deepEqual(unknown, { code: 'not-found', message: 'not-found', details: { entity, id: 'nobody' } });
      assert.deepEqual(thrown(command(otherId)), { code: 'not-found', message: 'not-found', details: { entity, id: otherId } });
    };
    asUnknown((id) => ({ type: 'users.block', userId: id, expectedVersion: 9 }), 'other', 'user');
    asUnknown((id) => ({ type: 'users.setRole', userId: id, role: 'user' }), 'other', 'user');
    asUnknown((id) => ({ type: 'access.copyFrom', userId: 'plain', sourceUserId: id }), 'other', 'user');
    asUnknown((id) => ({ type: 'access.set', userId: 'plain', grants: [{ clientId: id, applicationId: 'invoices', level: 'full' }] }), 'c-3', 'client');
    asUnknown((id) => ({ type: 'access.set', userId: 'plain', grants: [], removeClientIds: [id] }), 'c-3', 'client');
    asUnknown((id) => ({ type: 'clients.setManaged', userId: 'plain', clientIds: ['c-1', id] }), 'c-3', 'client');
    asUnknown((id) => ({ type: 'users.create', input: { email: 'n@a.example', firstName: 'N', lastName: 'N', language: 'en', managedClientIds: [id] } }), 'c-3', 'client');
  });
  it('rule 2: an inactive actor is refused before any lookup, so it cannot tell ids that exist from those that do not', () => {
    const data = fixtureData();
    data.users['admin'] = { ...data.users['admin']!, status: 'deactivated' };
    for (const userId of ['nobody', 'other', 'plain']) {
      assert.throws(
        () => execute(data, 'admin', { type: 'users.block', userId }, envAt()),
        (error: PortierError) => error.code === 'forbidden' && JSON.stringify(error.details) === JSON.stringify({ action: 'user.view', reason: 'actor-inactive' }),
        userId,
      );
    }
  });
  it('refuses a key a command does not know at its own path, rather than run the command without it', () => {
    const issuesOf = (command: unknown) => {
      try {
        run(command as Command);
      } catch (error) {
        return (error as PortierError).code === 'validation' ? (error as PortierError).details?.issues : (error as PortierError).code;
      }
      return 'applied';
    };
    // A typo would otherwise copy every application, or grant a right without its profile.
    assert.deepEqual(issuesOf({ type: 'access.copyFrom', userId: 'plain', sourceUserId: 'admin2', exludeApplications: ['invoices'] }), [{ path: ['exludeApplications'], code: 'unrecognized_keys' }]);
    assert.deepEqual(issuesOf({ type: 'access.set', userId: 'plain', grants: [{ clientId: 'c-1', applicationId: 'invoices', level: 'full', profil: 'REFERENT' }] }), [{ path: ['grants', 0, 'profil'], code: 'unrecognized_keys' }]);
    assert.deepEqual(issuesOf({ type: 'users.create', input: { email: 'n@a.example', firstName: 'N', lastName: 'N', language: 'en', rol: 'superuser' } }), [{ path: ['input', 'rol'], code: 'unrecognized_keys' }]);
    assert.deepEqual(issuesOf({ type: 'users.updateProfile', userId: 'plain', changes: { firstName: 'P', phoneNumber: '+32 2 555 01 01' } }), [{ path: ['changes', 'phoneNumber'], code: 'unrecognized_keys' }]);
    assert.deepEqual(issuesOf({ type: 'access.authorizeAll', userId: 'plain', levels: { supply: 'read' }, profiles: { supply: 'REFERENT' } }), [{ path: ['profiles'], code: 'unrecognized_keys' }]);
    assert.equal(issuesOf({ type: 'users.block', userId: 'plain', expectedVersion: 0 }), 'applied');
  });
  it('rejects bad input with validation and every field path', () => {
    assert.throws(
      () => run({ type: 'users.create', input: { email: 'not-an-email', firstName: '', lastName: 'x'.repeat(101), language: 'xx' as 'en', phone: 'call me' } }),
      (error: PortierError) => {
        const paths = error.details!.issues!.map((issue) => issue.path.join('.')).sort();
        assert.deepEqual(paths, ['input.email', 'input.firstName', 'input.language', 'input.lastName', 'input.phone']);
        // A form says how long a field may be: the limit travels with the issue.
        assert.deepEqual(error.details!.issues!.find((issue) => issue.path.join('.') === 'input.lastName'), { path: ['input', 'lastName'], code: 'too_big', maximum: 100 });
        return error.code === 'validation';
      },
    );
  });
  it('rejects a name with a control character, an unpaired surrogate, a bidi override, or no letter at all; keeps real names', () => {
    const separatorsAndMarks = ['Anne\u2028Marie', 'Anne\u2029Marie', 'Eve\u200Fexe', 'Eve\u200E', 'Ali\u061C', 'Bo\uFEFFb', 'Bob\uFFF9', '\u3164\u3164', '\uFFA0', '\u115F\u1160'];
    for (const bad of ['A\u0000B', 'Anne\nMarie', '\ud800', 'Eve\u202Egnp.exe', '\u2066Bob\u2069', '\u200B\u200B', '---', '👩‍💻', ...separatorsAndMarks]) {
      assert.throws(
        () => run({ type: 'users.create', input: { email: 'odd@a.example', firstName: bad, lastName: 'Valid', language: 'en' } }),
        (error: PortierError) => error.code === 'validation' && error.details!.issues!.some((issue) => issue.path.join('.') === 'input.firstName'),
        JSON.stringify(bad),
      );
      assert.throws(() => run({ type: 'users.updateProfile', userId: 'plain', changes: { lastName: bad } }), code('validation'), JSON.stringify(bad));
    }
    for (const [index, name] of ["O'Brien", 'Jean-Luc', 'Ægir', '李 小龙', 'Nguyễn', 'José María', 'Zoë 2', 'أحمد', 'Anne‍Marie', '김민준', 'Ольга', 'Ἀλέξανδρος'].entries()) {
      const outcome = run({ type: 'users.create', input: { email: `real${index}@a.example`, firstName: name, lastName: 'Valid', language: 'en' } });
      assert.equal(outcome.changes.users[0]!.firstName, name);
    }
  });
  it('rejects an unknown command type with validation', () => {
    assert.throws(() => run({ type: 'users.hack' } as unknown as Command), code('validation'));
  });
  it('seed 004: creates with "authorize all", giving the nearest lower level', () => {
    const outcome = run({ type: 'users.create', input: { email: 'n@a.example', firstName: 'N', lastName: 'N', language: 'en', access: { mode: 'authorize-all', levels: { supply: 'read', services: 'alert' } } } });
    const grants = Object.values(outcome.changes.grants)[0]!;
    const level = (clientId: string, applicationId: string) => grants.find((g) => g.clientId === clientId && g.applicationId === applicationId)?.level;
    assert.equal(level('c-1', 'invoices'), 'none');
    assert.equal(level('c-1', 'portfolio'), 'read');
    assert.equal(level('c-1', 'guard'), 'alert');
    assert.equal(level('c-2', 'invoices'), 'none');
    assert.equal(level('c-2', 'guard'), 'alert');
  });
  it('seed 004: creates by copying a user without an application, only on clients the actor manages', () => {
    const data = fixtureData();
    data.grants['plain'] = [
      { clientId: 'c-1', applicationId: 'invoices', level: 'full' },
      { clientId: 'c-1', applicationId: 'guard', level: 'alert' },
      { clientId: 'c-2', applicationId: 'invoices', level: 'full' },
    ];
    const outcome = run({ type: 'users.create', input: { email: 'n@a.example', firstName: 'N', lastName: 'N', language: 'en', access: { mode: 'copy', sourceUserId: 'plain', excludeApplications: ['guard'] } } }, 'admin2', data);
    assert.deepEqual(Object.values(outcome.changes.grants)[0], [{ clientId: 'c-1', applicationId: 'invoices', level: 'full' }]);
  });
  it('rule 2: refuses to create a user managing a client outside the actor’s', () => {
    assert.throws(() => run({ type: 'users.create', input: { email: 'n@a.example', firstName: 'N', lastName: 'N', language: 'en', managedClientIds: ['c-2'] } }, 'admin2'), code('out-of-scope'));
  });
});

describe('execute — profile and role', () => {
  it('takes a phone as people write it, area code in brackets included, and refuses two numbers in one field or a row of zeros', () => {
    for (const phone of ['(02) 555 66 77', '+32 (0)2 555 66 77', '+32 2 555 0101', '0470.12.34.56', '02/555.66.77', '']) {
      assert.doesNotThrow(() => run({ type: 'users.updateProfile', userId: 'plain', changes: { phone } }), phone);
    }
    for (const phone of ['0000000000000000000000000', '+32 470 12 42 620470 99 88 77', '1234', 'call me', '(0', '+', '12 34']) {
      assert.throws(() => run({ type: 'users.updateProfile', userId: 'plain', changes: { mobile: phone } }), code('validation'), phone);
    }
  });

  it('updates names and phones, bumps the version and audits before → after', () => {
    const outcome = run({ type: 'users.updateProfile', userId: 'plain', changes: { firstName: 'Paula', phone: '+32 2 555 0101' } });
    const user = outcome.changes.users[0]!;
    assert.equal(user.firstName, 'Paula');
    assert.equal(user.version, 1);
    assert.deepEqual(outcome.audit[0]!.before, { firstName: 'First' });
    assert.deepEqual(outcome.audit[0]!.after, { firstName: 'Paula', phone: '+32 2 555 0101' });
  });
  it('clears a phone with an empty string', () => {
    const data = fixtureData();
    data.users['plain'] = aUser('plain', { phone: '+32 2 555 0101' });
    assert.equal(run({ type: 'users.updateProfile', userId: 'plain', changes: { phone: '' } }, 'admin', data).changes.users[0]!.phone, undefined);
  });
  it('rule 5: refuses changing the e-mail with not-editable', () => {
    assert.throws(() => run({ type: 'users.updateProfile', userId: 'plain', changes: { email: 'new@a.example' } }), code('not-editable'));
  });
  it('a refusal travels as JSON (a REST problem document) with its code, details and message; one without details has no details key', () => {
    let refusal: unknown;
    try {
      run({ type: 'users.updateProfile', userId: 'plain', expectedVersion: 3, changes: { firstName: 'P' } });
    } catch (error) {
      refusal = error;
    }
    const json = JSON.parse(JSON.stringify(refusal));
    assert.equal(json.code, 'conflict');
    assert.deepEqual(json.details, (refusal as PortierError).details);
    assert.ok(json.details !== undefined && Object.keys(json.details).length > 0);
    assert.equal(json.message, (refusal as PortierError).message);
    assert.deepEqual(Object.keys(new PortierError('server').toJSON()).sort(), ['code', 'message']);
    // What a client accepts as a code from such a document: the closed union only.
    assert.equal(isPortierErrorCode(json.code), true);
    assert.equal(isPortierErrorCode('teapot'), false);
  });
  it('refuses a stale version with conflict', () => {
    assert.throws(() => run({ type: 'users.updateProfile', userId: 'plain', expectedVersion: 3, changes: { firstName: 'P' } }), code('conflict'));
  });
  it('rule 2: promoting hands over the user’s managed clients, so the actor must manage them all', () => {
    const data = fixtureData();
    data.users['plain'] = { ...data.users['plain']!, managedClientIds: ['c-1', 'c-2'] };
    assert.throws(() => run({ type: 'users.setRole', userId: 'plain', role: 'superuser' }, 'admin2', data), code('out-of-scope'));
    assert.equal(run({ type: 'users.setRole', userId: 'plain', role: 'superuser' }, 'admin', data).data.users['plain']!.role, 'superuser');
    // Demoting takes away the administration of every client the super user manages: the actor
    // must manage them all too, or a super user of one client could demote the only admin of another.
    data.users['admin'] = { ...data.users['admin']!, managedClientIds: ['c-1', 'c-2'] };
    assert.throws(() => run({ type: 'users.setRole', userId: 'admin', role: 'user' }, 'admin2', data), code('out-of-scope'));
    assert.equal(run({ type: 'users.setRole', userId: 'admin2', role: 'user' }, 'admin', data).data.users['admin2']!.role, 'user');
  });
  it('rule 2: deleting takes the user’s rights and clients away, so the actor must manage each of them', () => {
    const data = fixtureData();
    data.grants['plain'] = [...data.grants['plain']!, { clientId: 'c-2', applicationId: 'invoices', level: 'read' }];
    assert.throws(() => run({ type: 'users.remove', userId: 'plain' }, 'admin2', data), code('out-of-scope'));
    assert.equal(run({ type: 'users.remove', userId: 'plain' }, 'admin', data).data.users['plain'], undefined);
    data.users['contact'] = { ...data.users['contact']!, managedClientIds: ['c-2'] };
    assert.throws(() => run({ type: 'users.remove', userId: 'contact' }, 'admin2', data), code('out-of-scope'));
  });
  it('rule 2: a stale version tells nothing to an actor who may not see the user (the policy answers first)', () => {
    assert.throws(() => run({ type: 'users.block', userId: 'other', expectedVersion: 9 }), code('not-found'));
    assert.throws(() => run({ type: 'users.block', userId: 'admin', expectedVersion: 9 }, 'plain'), code('forbidden'));
    assert.throws(() => run({ type: 'users.updateProfile', userId: 'plain', expectedVersion: 9, changes: { firstName: 'P' } }, 'plain'), code('conflict'));
  });
  it('rule 4: refuses demoting the last super user, allows it while another remains', () => {
    const data = fixtureData();
    // The super user to be manages every client of the one it demotes (rule 2).
    data.users['plain'] = { ...data.users['plain']!, managedClientIds: ['c-1', 'c-2'] };
    const demoted = execute(data, 'admin', { type: 'users.setRole', userId: 'admin2', role: 'user' }, envAt()).data;
    assert.equal(demoted.users['admin2']!.role, 'user');
    const promoted = execute(demoted, 'admin', { type: 'users.setRole', userId: 'plain', role: 'superuser' }, envAt()).data;
    assert.throws(() => execute(demoted, 'admin2', { type: 'users.setRole', userId: 'admin', role: 'user' }, envAt()), code('forbidden'));
    assert.equal(execute(promoted, 'plain', { type: 'users.setRole', userId: 'admin', role: 'user' }, envAt()).data.users['admin']!.role, 'user');
  });
  it('rule 4: of two super users blocking each other, exactly one succeeds', () => {
    const data = fixtureData();
    const first = execute(data, 'admin', { type: 'users.block', userId: 'admin2' }, envAt()).data;
    assert.throws(() => execute(first, 'admin2', { type: 'users.block', userId: 'admin' }, envAt()), code('forbidden'));
    assert.equal(first.users['admin']!.status, 'active');
  });
  it('rule 4: two super users cannot give each other an end date and leave the organization without one', async () => {
    const { sweepTimedTransitions } = await import('./sweep.js');
    const { countSuperUsers } = await import('../policy/super-users.js');
    const { isoDay } = await import('../clock.js');
    const data = fixtureData();
    data.users['admin2'] = { ...data.users['admin2']!, managedClientIds: ['c-1', 'c-2'] };
    const tomorrow = isoDay(T0 + DAY_MS);
    const first = execute(data, 'admin', { type: 'users.deactivate', userId: 'admin2', until: tomorrow }, envAt()).data;
    assert.equal(first.users['admin2']!.activeUntil, tomorrow);
    // admin is now the last super user without an end date: the code says so, nothing is written.
    assert.throws(() => execute(first, 'admin2', { type: 'users.deactivate', userId: 'admin', until: tomorrow }, envAt()), code('last-super-user'));
    assert.throws(() => execute(first, 'admin2', { type: 'users.setRole', userId: 'admin', role: 'user' }, envAt()), code('last-super-user'));
    assert.throws(() => execute(first, 'admin2', { type: 'users.block', userId: 'admin' }, envAt()), code('last-super-user'));
    const later = T0 + 3 * DAY_MS;
    assert.deepEqual(countSuperUsers(Object.values(sweepTimedTransitions(first, later).data.users), 'org-a', later), { active: 1, lasting: 1 });
  });
});

describe('execute — lifecycle commands', () => {
  it('blocks with a notice e-mail and unblocks', () => {
    const blocked = run({ type: 'users.block', userId: 'plain' });
    assert.equal(blocked.changes.users[0]!.status, 'blocked');
    assert.ok(blocked.effects.some((effect) => effect.type === 'send-block-notice'));
    const unblocked = execute(blocked.data, 'admin', { type: 'users.unblock', userId: 'plain' }, envAt());
    assert.equal(unblocked.changes.users[0]!.status, 'active');
  });
  it('deactivates on a future date without changing the status now, and reactivation clears the date', () => {
    const scheduled = run({ type: 'users.deactivate', userId: 'plain', until: '2026-02-01' });
    assert.equal(scheduled.changes.users[0]!.status, 'active');
    assert.equal(scheduled.changes.users[0]!.activeUntil, '2026-02-01');
    const later = execute(scheduled.data, 'admin', { type: 'users.activate', userId: 'plain' }, envAt(T0 + 40 * DAY_MS));
    assert.equal(later.changes.users[0]!.status, 'active');
    assert.equal(later.changes.users[0]!.activeUntil, undefined);
  });
  it('re-sends an expired invitation', () => {
    const data = fixtureData();
    data.users['inv'] = aUser('inv', { status: 'invited', passwordSet: false, invitationExpiresAt: new Date(T0 - 1).toISOString() });
    const outcome = run({ type: 'users.resendInvitation', userId: 'inv' }, 'admin', data);
    assert.equal(outcome.changes.users[0]!.status, 'invited');
    assert.equal(outcome.effects[0]!.type, 'send-invitation');
  });
  it('makes a contact a login user, who is then invited', () => {
    const outcome = run({ type: 'users.makeLogin', userId: 'contact' });
    assert.equal(outcome.changes.users[0]!.status, 'invited');
    assert.equal(outcome.changes.users[0]!.kind, 'login');
  });
  it('making a contact a login user sends it an invitation for the organization’s period', () => {
    const outcome = run({ type: 'users.makeLogin', userId: 'contact' });
    const expiresAt = new Date(T0 + 30 * DAY_MS).toISOString();
    assert.equal(outcome.changes.users[0]!.invitationExpiresAt, expiresAt);
    assert.deepEqual(outcome.effects, [{ type: 'send-invitation', userId: 'contact', expiresAt }]);
  });
  it('reactivating a user who never set a password invites it again, with a fresh invitation', () => {
    const data = fixtureData();
    data.users['inv'] = aUser('inv', { status: 'deactivated', passwordSet: false });
    const outcome = run({ type: 'users.activate', userId: 'inv' }, 'admin', data);
    const expiresAt = new Date(T0 + 30 * DAY_MS).toISOString();
    assert.equal(outcome.changes.users[0]!.status, 'invited');
    assert.equal(outcome.changes.users[0]!.invitationExpiresAt, expiresAt);
    assert.deepEqual(outcome.effects, [{ type: 'send-invitation', userId: 'inv', expiresAt }]);
  });
  it('a contact deactivated then reactivated is a contact again, and gets no invitation', () => {
    const deactivated = run({ type: 'users.deactivate', userId: 'contact' });
    assert.equal(deactivated.changes.users[0]!.status, 'deactivated');
    const reactivated = execute(deactivated.data, 'admin', { type: 'users.activate', userId: 'contact' }, envAt());
    assert.equal(reactivated.changes.users[0]!.status, 'contact');
    assert.equal(reactivated.changes.users[0]!.kind, 'contact');
    assert.deepEqual(reactivated.effects, []);
  });
  it('deactivating and removing a user revoke its open links (invitation, reset)', () => {
    assert.deepEqual(run({ type: 'users.deactivate', userId: 'plain' }).effects, [{ type: 'revoke-tokens', userId: 'plain' }], 'deactivate');
    assert.deepEqual(run({ type: 'users.remove', userId: 'plain' }).effects, [{ type: 'revoke-tokens', userId: 'plain' }], 'remove');
  });
  it('sends a reset e-mail without touching the password; refuses it for an invited user', () => {
    assert.deepEqual(run({ type: 'users.resetPassword', userId: 'plain' }).effects, [{ type: 'send-password-reset', userId: 'plain' }]);
    assert.throws(() => run({ type: 'users.resetPassword', userId: 'contact' }), code('not-editable'));
  });
  it('removes a user and its grants', () => {
    const outcome = run({ type: 'users.remove', userId: 'plain' });
    assert.deepEqual(outcome.changes.removedUserIds, ['plain']);
    assert.equal(outcome.data.users['plain'], undefined);
    assert.equal(outcome.data.grants['plain'], undefined);
  });
  it('rule 13: the removal’s audit entry keeps the user and the grants it had', () => {
    const outcome = run({ type: 'users.remove', userId: 'plain' });
    assert.equal(outcome.audit.length, 1);
    assert.deepEqual(outcome.audit[0]!.before['grants'], [{ clientId: 'c-1', applicationId: 'invoices', level: 'full' }]);
    assert.equal(outcome.audit[0]!.before['email'], fixtureData().users['plain']!.email);
    assert.deepEqual(outcome.audit[0]!.after, { status: 'deleted' });
  });
});

describe('execute — access and managed clients', () => {
  it('sets several grants at once and removes a client', () => {
    const outcome = run({ type: 'access.set', userId: 'plain', grants: [{ clientId: 'c-2', applicationId: 'guard', level: 'alert' }], removeClientIds: ['c-1'] });
    assert.deepEqual(outcome.changes.grants['plain'], [{ clientId: 'c-2', applicationId: 'guard', level: 'alert' }]);
  });
  it('rule 2: refuses removing rights on a client the actor does not manage with out-of-scope', () => {
    const data = fixtureData();
    data.grants['plain'] = [...data.grants['plain']!, { clientId: 'c-2', applicationId: 'guard', level: 'alert' }];
    // admin2 manages c-1 only: taking plain's rights on c-2 away is beyond it, even with nothing granted.
    assert.throws(
      () => run({ type: 'access.set', userId: 'plain', grants: [], removeClientIds: ['c-2'] }, 'admin2', data),
      (error: PortierError) => error.code === 'out-of-scope' && error.details?.['reason'] === 'client-not-managed',
    );
    assert.throws(() => run({ type: 'access.set', userId: 'plain', grants: [{ clientId: 'c-1', applicationId: 'invoices', level: 'none' }], removeClientIds: ['c-2'] }, 'admin2', data), code('out-of-scope'));
    // admin manages c-2: the same removal goes through.
    assert.deepEqual(run({ type: 'access.set', userId: 'plain', grants: [], removeClientIds: ['c-2'] }, 'admin', data).changes.grants['plain'], [{ clientId: 'c-1', applicationId: 'invoices', level: 'full' }]);
  });
  it('rule 3: refuses a level the application does not allow, applying nothing', () => {
    const data = fixtureData();
    assert.throws(
      () => execute(data, 'admin', { type: 'access.set', userId: 'plain', grants: [{ clientId: 'c-1', applicationId: 'guard', level: 'full' }, { clientId: 'c-1', applicationId: 'invoices', level: 'read' }] }, envAt()),
      code('level-not-allowed'),
    );
    assert.deepEqual(data.grants['plain'], [{ clientId: 'c-1', applicationId: 'invoices', level: 'full' }]);
  });
  it('refuses an unknown application or client with not-found', () => {
    assert.throws(() => run({ type: 'access.set', userId: 'plain', grants: [{ clientId: 'c-1', applicationId: 'nope', level: 'full' }] }), code('not-found'));
    assert.throws(() => run({ type: 'access.set', userId: 'plain', grants: [{ clientId: 'c-9', applicationId: 'invoices', level: 'full' }] }), code('not-found'));
  });
  it('rule 2: sets managed clients only within the actor’s own; clients it does not manage stay untouched', () => {
    const data = fixtureData();
    data.users['plain'] = aUser('plain', { managedClientIds: ['c-1', 'c-2'] });
    assert.throws(() => execute(data, 'admin2', { type: 'clients.setManaged', userId: 'plain', clientIds: ['c-1'] }, envAt()), code('out-of-scope'));
    const outcome = execute(data, 'admin2', { type: 'clients.setManaged', userId: 'plain', clientIds: ['c-2'] }, envAt());
    assert.deepEqual(outcome.changes.users[0]!.managedClientIds, ['c-2']);
  });
  it('rule 11: authorize all sets levels and keeps the functional profile a user holds on a cell (not on none)', () => {
    const data = fixtureData();
    data.grants['plain'] = [
      { clientId: 'c-1', applicationId: 'portfolio', level: 'read', profile: 'REFERENT' },
      { clientId: 'c-2', applicationId: 'invoices', level: 'full' },
    ];
    const kept = execute(data, 'admin', { type: 'access.authorizeAll', userId: 'plain', levels: { supply: 'full' } }, envAt()).changes.grants['plain']!;
    assert.deepEqual(kept.find((g) => g.applicationId === 'portfolio'), { clientId: 'c-1', applicationId: 'portfolio', level: 'full', profile: 'REFERENT' });
    const none = execute(data, 'admin', { type: 'access.authorizeAll', userId: 'plain', levels: { supply: 'none' } }, envAt()).changes.grants['plain']!;
    assert.deepEqual(none.find((g) => g.applicationId === 'portfolio'), { clientId: 'c-1', applicationId: 'portfolio', level: 'none' });
  });
  it('returns patches that roll the data back exactly', async () => {
    const { applyPatches } = await import('../store/create-portier.js');
    const data = fixtureData();
    const outcome = execute(data, 'admin', { type: 'access.authorizeAll', userId: 'plain', levels: { supply: 'full' } }, envAt());
    assert.deepEqual(applyPatches(outcome.data, outcome.inversePatches), data);
  });
  it('returns patches in immer’s format: immer’s own applyPatches replays and rolls them back', async () => {
    const immer = await import('immer');
    immer.enablePatches();
    const data = fixtureData();
    for (const command of [
      { type: 'users.create', input: { email: 'n@a.example', firstName: 'N', lastName: 'N', language: 'en', access: { mode: 'individual', grants: [{ clientId: 'c-1', applicationId: 'portfolio', level: 'read' }] } } },
      { type: 'access.authorizeAll', userId: 'plain', levels: { supply: 'full' } },
      { type: 'users.remove', userId: 'plain' },
    ] satisfies Command[]) {
      const outcome = execute(data, 'admin', command, envAt());
      assert.deepEqual(immer.applyPatches(data, outcome.patches), outcome.data, command.type);
      assert.deepEqual(immer.applyPatches(outcome.data, outcome.inversePatches), data, command.type);
    }
  });
  it('shares every record it does not write and freezes what it returns', () => {
    const data = fixtureData();
    const outcome = execute(data, 'admin', { type: 'users.setRole', userId: 'plain', role: 'superuser' }, envAt());
    assert.equal(outcome.data.clients, data.clients);
    assert.equal(outcome.data.grants, data.grants);
    assert.equal(outcome.data.users['admin'], data.users['admin']);
    assert.ok(Object.isFrozen(outcome.data) && Object.isFrozen(outcome.data.users) && Object.isFrozen(outcome.data.users['plain']));
  });
});
