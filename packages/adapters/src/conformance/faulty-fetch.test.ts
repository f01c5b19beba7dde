import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createScimClient } from '../scim/scim-client.js';
import { createFaultyFetch } from './faulty-fetch.js';

describe('faulty fetch', () => {
  it('a hung request still ends when its caller aborts it, however often the garbage collector runs', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const faulty = createFaultyFetch(globalThis.fetch);
    faulty.inject('hang');
    const client = createScimClient({ baseUrl: 'http://scim.invalid', token: 't', fetch: faulty.fetch, timeoutMs: 200 });
    const collecting = setInterval(gc, 10);
    try {
      const outcome = await Promise.race([
        client.getUser('u-1').then(
          () => 'answered',
          (error: { code?: string }) => error.code,
        ),
        new Promise((resolve) => setTimeout(() => resolve('still hanging after 3 s'), 3_000)),
      ]);
      assert.equal(outcome, 'network');
    } finally {
      clearInterval(collecting);
    }
  });
});
