import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { selectUsers, selectUserPage } from './user.selectors.js';
import fc from 'fast-check';
import { aUser, fixtureData, T0 } from '../test-support/fixture.js';

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
  it('finds exactly the users whose e-mail contains the filter, in sort order, whatever was typed before', () => {
    const email = fc.stringMatching(/^[a-zA-Zé0-9.@_-]{1,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(email, { maxLength: 30, selector: (e) => e.toLowerCase() }), fc.array(fc.stringMatching(/^[a-zé0-9.@]{0,4}$/), { minLength: 1, maxLength: 6 }), (emails, needles) => {
        const data = fixtureData();
        data.users = Object.fromEntries(emails.map((e, i) => [`x${i}`, aUser(`x${i}`, { email: e })]));
        const state = { data, now: T0 };
        const sorted = selectUsers(state);
        for (const needle of needles) {
          const expected = sorted.filter((user) => user.email.toLowerCase().includes(needle)).map((user) => user.id);
          assert.deepEqual(selectUsers(state, { email: needle }).map((user) => user.id), expected, needle);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pages', () => {
    const page = selectUserPage(state(), { offset: 2, limit: 2 });
    assert.equal(page.total, 8);
    assert.equal(page.items.length, 2);
  });
});
