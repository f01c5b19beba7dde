import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
