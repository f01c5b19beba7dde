import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { startRestServer } from './rest-server.js';

describe('startRestServer (the node:http reference server)', () => {
  it('hands a server error to the host’s onServerError, and the answer keeps only a short reason', async () => {
    const memory = createMemoryBackend();
    const backend = { ...memory, load: () => Promise.reject(new Error('db password: hunter2')) };
    const seen: unknown[] = [];
    const server = await startRestServer({ backend, onServerError: (error) => seen.push(error) });
    try {
      const response = await fetch(`${server.url}/snapshot`, { headers: { 'x-portier-actor': 'u-001' } });
      const body = await response.text();
      assert.equal(response.status, 500);
      assert.doesNotMatch(body, /hunter2/);
      assert.equal(seen.length, 1, 'the host’s handler got the error, not console.error');
      assert.match(String((seen[0] as Error).message), /hunter2/);
    } finally {
      await server.close();
    }
  });
});
