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
