import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoSeed } from '../memory/demo-seed.js';
import { readResponse } from './response-validators.js';

describe('readResponse', () => {
  it('keeps a user id "__proto__" in a command’s grants as a key: the map’s prototype stays', () => {
    const grant = { clientId: 'c-brasserie', applicationId: 'invoice-viewer', level: 'full' };
    const body = JSON.parse(`{"users":[],"removedUserIds":[],"grants":{"__proto__":[${JSON.stringify(grant)}],"u-004":[]}}`) as unknown;
    const changes = readResponse.execute(body);
    assert.equal(Object.getPrototypeOf(changes.grants), Object.prototype);
    assert.deepEqual(Object.keys(changes.grants), ['__proto__', 'u-004']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(changes.grants, '__proto__')?.value, [grant]);
  });

  it('refuses a snapshot whose actor is no id: the store would act as nobody', () => {
    const data = { organizations: {}, clients: {}, applications: {}, contracts: {}, users: {}, grants: {} };
    for (const actorId of ['', 42, null]) {
      assert.throws(
        () => readResponse.load({ actorId, data }),
        (error: { code: string; details: { issues: { path: string[]; code: string }[] } }) =>
          error.code === 'server' && error.details.issues[0]!.path[0] === 'actorId' && error.details.issues[0]!.code === (actorId === '' ? 'too_small' : 'invalid_type'),
      );
    }
  });

  /** The issue a refused answer names: its path joined with dots, and its code. */
  const issueOf = (read: () => unknown): string => {
    try {
      read();
    } catch (error) {
      const { code, details } = error as { code: string; details: { reason: string; issues: { path: (string | number)[]; code: string }[] } };
      assert.deepEqual([code, details.reason], ['server', 'invalid-response']);
      return `${details.issues[0]!.path.join('.')} ${details.issues[0]!.code}`;
    }
    return 'accepted';
  };
  const user = demoSeed(Date.now()).data.users['u-005']!;

  it('takes a page whose total is up to ten million and covers its rows, and refuses any other count', () => {
    const page = (body: Record<string, unknown>) => () => readResponse.listUsers({ items: [], total: 0, offset: 0, ...body });
    assert.equal(issueOf(page({ total: 10_000_000 })), 'accepted');
    assert.equal(issueOf(page({ total: 10_000_001 })), 'total too_big');
    for (const total of [-1, 2.5, '3', null]) assert.equal(issueOf(page({ total })), 'total invalid_type', JSON.stringify(total));
    assert.equal(issueOf(page({ offset: -1 })), 'offset invalid_type');
    // Rows past the total: the list would show users the count says are not there.
    assert.equal(issueOf(page({ items: [user], total: 0 })), 'total too_small');
    assert.equal(issueOf(page({ items: [user], offset: 5, total: 5 })), 'total too_small');
    assert.equal(issueOf(page({ items: [user], offset: 5, total: 6 })), 'accepted');
    // An empty page past the end (users removed meanwhile) is an answer: the screen goes back a page.
    assert.equal(issueOf(page({ items: [], offset: 40, total: 35 })), 'accepted');
  });

  it('takes audited values nested up to eight levels, and refuses a ninth', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 0 : { a: nest(levels - 1) });
    const entry = (before: unknown) => ({ id: 'a', at: '2026-01-01T00:00:00Z', organizationId: 'o', actorId: 'u', action: 'users.block', targetId: 'u-5', before, after: {} });
    assert.equal(issueOf(() => readResponse.listAudit([entry(nest(8))])), 'accepted');
    assert.equal(issueOf(() => readResponse.listAudit([entry(nest(9))])), '0.before too_big');
  });

  it('refuses a command’s answer whose grants are a list or whose removed ids are not strings', () => {
    assert.equal(issueOf(() => readResponse.execute({ users: [], grants: {}, removedUserIds: ['u-005'] })), 'accepted');
    assert.equal(issueOf(() => readResponse.execute({ users: [], grants: [], removedUserIds: [] })), 'grants invalid_type');
    assert.equal(issueOf(() => readResponse.execute({ users: [], grants: {}, removedUserIds: [5] })), 'removedUserIds.0 invalid_type');
    assert.equal(issueOf(() => readResponse.execute({ users: [], grants: {}, removedUserIds: [null] })), 'removedUserIds.0 invalid_type');
  });

  it('refuses a sign-in answer without a boolean passwordChangeRequired: a required change would be skipped', () => {
    assert.equal(issueOf(() => readResponse.signIn({ userId: 'u-005', passwordChangeRequired: false })), 'accepted');
    for (const passwordChangeRequired of [undefined, 'true', 1, null]) {
      assert.equal(issueOf(() => readResponse.signIn({ userId: 'u-005', passwordChangeRequired })), 'passwordChangeRequired invalid_type', String(passwordChangeRequired));
    }
  });

  it('refuses a token answer with an unknown state or a password policy that is none', () => {
    assert.equal(issueOf(() => readResponse.inspectToken({ kind: 'invitation', state: 'valid', passwordPolicy: 'strict' })), 'accepted');
    assert.equal(issueOf(() => readResponse.inspectToken({ kind: 'invitation', state: 'pending' })), 'state invalid_value');
    assert.equal(issueOf(() => readResponse.inspectToken({ kind: 'invitation', state: undefined })), 'state invalid_value');
    assert.match(issueOf(() => readResponse.inspectToken({ kind: 'invitation', state: 'valid', passwordPolicy: 'lax' })), /^passwordPolicy /);
    assert.match(issueOf(() => readResponse.inspectToken({ kind: 'invitation', state: 'valid', passwordPolicy: { minLength: 'eight' } })), /^passwordPolicy/);
  });
});
