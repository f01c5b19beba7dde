import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { selectUsers, selectUserPage, USER_SORT_KEYS } from './user.selectors.js';
import { writeRecords, type RecordWrite } from '../internal/write-records.js';
import type { User } from './user.schema.js';
import fc from 'fast-check';
import { DAY_MS, isoDay } from '../clock.js';
import { aUser, fixtureData, T0 } from '../test-support/fixture.js';
import { searchClients } from '../client/client.selectors.js';

function state() {
  const data = fixtureData();
  data.users['z'] = aUser('z', { email: 'zoe.dupont@a.example', lastName: 'Dupont', role: 'user', managedClientIds: ['c-2'] });
  data.users['y'] = aUser('y', { email: 'yves.DUPONT@a.example', lastName: 'Aalst', status: 'blocked', managedClientIds: [] });
  data.grants['y'] = [{ clientId: 'c-2', applicationId: 'invoices', level: 'full' }];
  data.users['n'] = aUser('n', { email: 'nogrant@a.example', managedClientIds: [] });
  data.grants['n'] = [{ clientId: 'c-2', applicationId: 'invoices', level: 'none' }];
  return { data, now: T0 };
}
const emails = (users: { email: string }[]) => users.map((user) => user.email);

describe('selectUsers (seed 000 §4.3)', () => {
  it('filters by e-mail substring, case-insensitively, sorted by e-mail by default', () => {
    assert.deepEqual(emails(selectUsers(state(), { email: 'DUPONT' })), ['yves.DUPONT@a.example', 'zoe.dupont@a.example']);
  });
  it('filters by client: managing it or holding a right above none on it', () => {
    assert.deepEqual(emails(selectUsers(state(), { clientId: 'c-2' })), ['admin@a.example', 'yves.DUPONT@a.example', 'zoe.dupont@a.example']);
  });
  it('filters by role and by effective status', () => {
    assert.deepEqual(emails(selectUsers(state(), { role: 'superuser' })), ['admin@a.example', 'admin2@a.example', 'other@a.example']);
    assert.deepEqual(emails(selectUsers(state(), { status: 'blocked' })), ['yves.DUPONT@a.example']);
  });
  it('filters by the effective status, not the stored one: a user stored active past its active-until day is deactivated', () => {
    const s = state();
    s.data.users['lapsed'] = aUser('lapsed', { email: 'lapsed@a.example', status: 'active', activeUntil: '2026-01-04' });
    s.data.users['late'] = aUser('late', { email: 'late@a.example', status: 'invited', passwordSet: false, invitationExpiresAt: new Date(T0 - 1).toISOString() });
    assert.deepEqual(emails(selectUsers(s, { status: 'deactivated' })), ['lapsed@a.example']);
    assert.deepEqual(emails(selectUsers(s, { status: 'expired' })), ['late@a.example']);
    assert.ok(!emails(selectUsers(s, { status: 'active' })).includes('lapsed@a.example'));
    assert.deepEqual(emails(selectUsers(s, { status: 'invited' })), []);
    // On its last day the same user is still active.
    assert.ok(emails(selectUsers({ data: s.data, now: Date.UTC(2026, 0, 4, 23) }, { status: 'active' })).includes('lapsed@a.example'));
  });
  it('sorts by any column in both directions', () => {
    assert.deepEqual(emails(selectUsers(state(), { email: 'dupont', sort: { key: 'lastName', direction: 'asc' } })), ['yves.DUPONT@a.example', 'zoe.dupont@a.example']);
    assert.deepEqual(emails(selectUsers(state(), { email: 'dupont', sort: { key: 'lastName', direction: 'desc' } })), ['zoe.dupont@a.example', 'yves.DUPONT@a.example']);
  });
  it('gives the same answer when narrowing and when widening the filter again', () => {
    const s = state();
    const wide = emails(selectUsers(s, { email: 'a' }));
    selectUsers(s, { email: 'ad' });
    assert.deepEqual(emails(selectUsers(s, { email: 'adm' })), ['admin@a.example', 'admin2@a.example']);
    assert.deepEqual(emails(selectUsers(s, { email: 'a' })), wide);
    assert.deepEqual(emails(selectUsers(s, { email: 'min2' })), ['admin2@a.example']);
  });
  it('filters without regard to case or accents: é is e, ß is ss, İ and ı are i', () => {
    const data = fixtureData();
    data.users = {
      a: aUser('a', { email: 'İlker.Yılmaz@firma.example' }),
      b: aUser('b', { email: 'STRAßE@a.example' }),
      c: aUser('c', { email: 'emile.leclerc@a.example' }),
    };
    const ids = (email: string) => selectUsers({ data, now: T0 }, { email }).map((user) => user.id);
    assert.deepEqual([ids('ilker'), ids('İLKER'), ids('yilmaz'), ids('strasse'), ids('straße'), ids('Émile')], [['a'], ['a'], ['a'], ['b'], ['b'], ['c']]);
  });
  it('sorts names as their readers do: Weiß with Weiss, before Weiz; Émile with Emile', () => {
    const data = fixtureData();
    data.users = Object.fromEntries(['Weiz', 'Weiß', 'Yılmaz', 'Weiss', 'Émile', 'Ezra'].map((lastName, i) => [`x${i}`, aUser(`x${i}`, { lastName })]));
    const sorted = selectUsers({ data, now: T0 }, { sort: { key: 'lastName', direction: 'asc' } }).map((user) => user.lastName);
    assert.deepEqual(sorted.slice(0, 2), ['Émile', 'Ezra']);
    assert.deepEqual(sorted.slice(2, 4).sort(), ['Weiss', 'Weiß']);
    assert.deepEqual(sorted.slice(4), ['Weiz', 'Yılmaz']);
  });
  it('finds exactly the users whose e-mail contains the filter, in sort order, whatever was typed before', () => {
    const email = fc.stringMatching(/^[a-zA-ZéßİıE0-9.@_-]{1,12}$/);
    // The oracle: lower case without accents, written independently of the selector.
    const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('ß', 'ss').replaceAll('ı', 'i');
    fc.assert(
      fc.property(fc.uniqueArray(email, { maxLength: 30, selector: (e) => e.toLowerCase() }), fc.array(fc.stringMatching(/^[a-zéßİı0-9.@]{0,4}$/), { minLength: 1, maxLength: 6 }), (emails, needles) => {
        const data = fixtureData();
        data.users = Object.fromEntries(emails.map((e, i) => [`x${i}`, aUser(`x${i}`, { email: e })]));
        const state = { data, now: T0 };
        const sorted = selectUsers(state);
        for (const needle of needles) {
          const expected = sorted.filter((user) => fold(user.email).includes(fold(needle))).map((user) => user.id);
          assert.deepEqual(selectUsers(state, { email: needle }).map((user) => user.id), expected, needle);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('orders users whose e-mails fold alike by id, so that a user written back after a removal sorts as from scratch', () => {
    let data = fixtureData();
    data.users = { x0: aUser('x0', { email: 'A@b.example' }), x1: aUser('x1', { email: 'é@a.example' }) };
    const query = { sort: { key: 'email', direction: 'asc' } } as const;
    selectUsers({ data, now: T0 }, query);
    // In one command: x0 removed and written again with x1's folded e-mail (its key moves last in the record).
    data = writeRecords(data, [['users', 'x0', undefined], ['users', 'x0', aUser('x0', { email: 'e@a.example' })]]);
    assert.deepEqual(Object.keys(data.users), ['x1', 'x0']);
    const fresh = { ...data, users: { ...data.users } };
    assert.deepEqual(selectUsers({ data, now: T0 }, query).map((user) => user.id), ['x0', 'x1']);
    assert.deepEqual(selectUsers({ data: fresh, now: T0 }, query).map((user) => user.id), ['x0', 'x1']);
  });

  it('after a write and as time passes, selects exactly what the same users select from scratch (the index is updated, not rebuilt)', () => {
    const names = fc.constantFrom('Ann', 'ann', 'Émile', 'emile', 'Bo', 'user10', 'user9');
    const fields = fc.record({
      email: fc.stringMatching(/^[a-zA-Zé0-9.]{1,6}@[ab]\.example$/),
      firstName: names,
      lastName: names,
      role: fc.constantFrom('user', 'superuser'),
      status: fc.constantFrom('active', 'invited', 'blocked', 'deactivated'),
      language: fc.constantFrom('fr', 'nl'),
      activeUntil: fc.option(fc.constantFrom('2025-01-01', '2026-01-06', '2026-01-20', '2099-01-01'), { nil: undefined }),
      invitationExpiresAt: fc.constantFrom('2026-01-05T12:00:00.000Z', '2026-01-15T09:00:00.000Z', '2026-03-01T00:00:00.000Z'),
    }) as fc.Arbitrary<Partial<User>>;
    // Each batch happens at its own instant, days from T0 (time may even go back, as with a reset demo clock).
    const at = fc.integer({ min: 0, max: 40 }).map((days) => T0 + days * DAY_MS);
    // A write touches an existing user (by index), adds one, or removes one.
    const write = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), fields }),
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(), fields }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), fields: fc.constant({}) }),
    );
    const sorts = USER_SORT_KEYS.flatMap((key) => (['asc', 'desc'] as const).map((direction) => ({ key, direction })));
    fc.assert(
      fc.property(fc.array(fields, { maxLength: 25 }), fc.array(fc.tuple(fc.array(write, { minLength: 1, maxLength: 3 }), at), { minLength: 1, maxLength: 6 }), fc.subarray(sorts), fc.constantFrom('', 'a', 'n@', 'é'), (initial, batches, warm, needle) => {
        let data = fixtureData();
        data.users = Object.fromEntries(initial.map((patch, i) => [`x${i}`, aUser(`x${i}`, patch)]));
        let added = initial.length;
        for (const sort of warm) selectUsers({ data, now: T0 }, { sort });
        for (const [batch, now] of batches) {
          const writes: RecordWrite[] = batch.map(({ kind, at, fields: patch }) => {
            const ids = Object.keys(data.users);
            if (kind === 'add' || ids.length === 0) return ['users', `x${added}`, aUser(`x${added++}`, patch)];
            const id = ids[at % ids.length]!;
            return ['users', id, kind === 'remove' ? undefined : { ...data.users[id]!, ...patch }];
          });
          data = writeRecords(data, writes);
          const fresh = { ...data, users: { ...data.users } };
          for (const sort of sorts) {
            const query = { sort, email: needle };
            const expected = selectUsers({ data: fresh, now }, query).map((user) => user.id);
            assert.deepEqual(selectUsers({ data, now }, query).map((user) => user.id), expected, `${sort.key} ${sort.direction} "${needle}" at ${isoDay(now)}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('breaks ties of the sorted column by e-mail, ascending in both directions, before the id', () => {
    const data = fixtureData();
    data.users = {
      a: aUser('a', { lastName: 'Same', email: 'zed@a.example' }),
      b: aUser('b', { lastName: 'Same', email: 'amy@a.example' }),
      c: aUser('c', { lastName: 'Other', email: 'cat@a.example' }),
    };
    const ids = (direction: 'asc' | 'desc') => selectUsers({ data, now: T0 }, { sort: { key: 'lastName', direction } }).map((user) => user.id);
    assert.deepEqual(ids('asc'), ['c', 'b', 'a']);
    assert.deepEqual(ids('desc'), ['b', 'a', 'c']);
  });

  it('ignores spaces around the e-mail filter, as typed or pasted', () => {
    assert.deepEqual(emails(selectUsers(state(), { email: '  dupont\t' })), ['yves.DUPONT@a.example', 'zoe.dupont@a.example']);
  });

  it('pages 50 users at a time by default, and the last page holds the rest', () => {
    const data = fixtureData();
    data.users = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`x${i}`, aUser(`x${i}`)]));
    const first = selectUserPage({ data, now: T0 }, {});
    assert.equal(first.items.length, 50);
    assert.equal(first.total, 120);
    assert.equal(first.offset, 0);
    const last = selectUserPage({ data, now: T0 }, { offset: 100 });
    assert.equal(last.items.length, 20);
    assert.equal(last.offset, 100);
  });

  it('sorts by status again once time has changed a status, without any write', () => {
    const data = fixtureData();
    data.users = {
      x: aUser('x', { email: 'x@a.example', status: 'active', activeUntil: '2026-01-05' }),
      y: aUser('y', { email: 'y@a.example', status: 'blocked' }),
    };
    const byStatus = (now: number) => selectUsers({ data, now }, { sort: { key: 'status', direction: 'asc' } }).map((user) => user.id);
    assert.deepEqual(byStatus(T0), ['x', 'y'], 'active before blocked');
    assert.deepEqual(byStatus(T0 + 2 * DAY_MS), ['y', 'x'], 'blocked before deactivated, x’s last day being past');
  });

  it('sorts users without an active-until date after those with one, ascending', () => {
    const data = fixtureData();
    data.users = {
      a: aUser('a', { email: 'a@a.example' }),
      b: aUser('b', { email: 'b@a.example', activeUntil: '2027-03-01' }),
      c: aUser('c', { email: 'c@a.example', activeUntil: '2026-06-01' }),
    };
    assert.deepEqual(selectUsers({ data, now: T0 }, { sort: { key: 'activeUntil', direction: 'asc' } }).map((user) => user.id), ['c', 'b', 'a']);
  });

  it('pages', () => {
    const page = selectUserPage(state(), { offset: 2, limit: 2 });
    assert.equal(page.total, 8);
    assert.equal(page.items.length, 2);
  });
});

describe('searchClients', () => {
  const clients = Array.from({ length: 60 }, (_, i) => ({ id: `c-${i}`, organizationId: 'org-a', name: `Client ${String(60 - i).padStart(2, '0')}`, number: `100 ${i}`, vat: `BE0${i}` }));
  it('matches every client on empty text, sorted by name, 50 at most by default', () => {
    const hits = searchClients(clients, '');
    assert.equal(hits.length, 50);
    assert.deepEqual(hits.slice(0, 3).map((client) => client.name), ['Client 01', 'Client 02', 'Client 03']);
    assert.equal(searchClients(clients, '  ', 100).length, 60);
  });
  it('sorts the clients found by name', () => {
    const found = searchClients([fixtureData().clients['c-2']!, fixtureData().clients['c-1']!], 'client');
    assert.deepEqual(found.map((client) => client.name), ['Client One', 'Client Two']);
  });
});
