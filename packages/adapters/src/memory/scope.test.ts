import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fixtureData, T0 } from '../../../core/src/test-support/fixture.js';
import { scopeFor } from './scope.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('scopeFor', () => {
  it('reuses the view within the hour and builds it again after', () => {
    const data = fixtureData();
    const admin = data.users['admin']!;
    const first = scopeFor(data, admin, T0);
    assert.equal(scopeFor(data, admin, T0 + 60_000), first);
    assert.notEqual(scopeFor(data, admin, T0 + 3_600_000), first);
  });

  it('shows a plain user only the clients it works for and their contracts; a super user the whole organization’s', () => {
    const data = fixtureData();
    const plain = data.users['plain']!;
    const mine = new Set([...plain.managedClientIds, ...(data.grants['plain'] ?? []).map((grant) => grant.clientId)]);
    const seen = scopeFor(data, plain, T0);
    assert.deepEqual(Object.keys(seen.clients).sort(), [...mine].sort());
    for (const contract of Object.values(seen.contracts)) assert.ok(mine.has(contract.clientId), contract.id);
    const organization = (record: Record<string, { organizationId: string }>) => Object.keys(record).filter((id) => record[id]!.organizationId === plain.organizationId).sort();
    const admin = scopeFor(data, data.users['admin']!, T0);
    assert.deepEqual(Object.keys(admin.clients).sort(), organization(data.clients));
    assert.deepEqual(Object.keys(admin.contracts).sort(), organization(data.contracts));
    assert.ok(Object.keys(admin.clients).length > Object.keys(seen.clients).length, 'the fixture has clients the plain user does not work for');
  });

  it('keeps one view per actor: hours passing over unchanged data do not pile views up', async () => {
    const data = fixtureData();
    const admin = data.users['admin']!;
    const firstHour = new WeakRef(scopeFor(data, admin, T0));
    for (let hour = 1; hour <= 3; hour++) scopeFor(data, admin, T0 + hour * 3_600_000);
    // A WeakRef is cleared after the turn it was read in: collect in a later one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    assert.equal(firstHour.deref(), undefined, 'the first hour’s view is still held');
  });
});
