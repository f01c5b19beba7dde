import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyData } from '../data.js';
import { originOf, writeRecords } from './write-records.js';

describe('writeRecords', () => {
  it('writes a record whose id is named like an inherited member as a key, never as the prototype', () => {
    const user = { id: '__proto__', email: 'x@y.example' };
    const data = writeRecords(emptyData(), [
      ['users', '__proto__', user],
      ['users', 'constructor', { ...user, id: 'constructor' }],
    ]);
    assert.deepEqual(Object.keys(data.users), ['__proto__', 'constructor']);
    assert.equal(Object.getPrototypeOf(data.users), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(data.users, '__proto__')?.value, user);
    // The next write copies the record with its keys, and can remove them.
    const next = writeRecords(data, [['users', '__proto__', undefined]]);
    assert.deepEqual(Object.keys(next.users), ['constructor']);
    assert.equal(Object.getPrototypeOf(next.users), Object.prototype);
  });

  it('returns the data itself, not a copy, when there is nothing to write', () => {
    const data = emptyData();
    assert.equal(writeRecords(data, []), data);
  });

  it('tells which record a written collection was copied from, and the ids written, so a selector can update its index', () => {
    const data = emptyData();
    const next = writeRecords(data, [['users', 'a', { id: 'a' }], ['users', 'b', { id: 'b' }]]);
    const origin = originOf(next.users);
    assert.equal(origin?.base, data.users);
    assert.deepEqual(origin?.ids, ['a', 'b']);
    assert.equal(originOf(next.grants), undefined, 'not written');
  });
});
