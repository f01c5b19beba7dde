import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { execute } from './execute.js';
import { COMMAND_TYPES } from './command.schema.js';
import { isPortierError } from '../errors.js';
import { envAt, fixtureData } from '../test-support/fixture.js';
import type { Command } from './command.schema.js';

const TYPES = COMMAND_TYPES;

describe('execute — bad input never crashes', () => {
  it('answers any value with a PortierError (validation or a rule’s code) and leaves the data unchanged', () => {
    const data = fixtureData();
    const snapshot = structuredClone(data);
    const hostile = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom(...TYPES), userId: fc.oneof(fc.string(), fc.constantFrom('plain', 'admin2', 'contact')), input: fc.anything(), changes: fc.anything(), grants: fc.anything(), role: fc.anything(), levels: fc.anything(), clientIds: fc.anything() }, { requiredKeys: ['type'] }),
    );
    fc.assert(
      fc.property(hostile, (command) => {
        try {
          execute(data, 'admin', command as Command, envAt());
        } catch (error) {
          assert.ok(isPortierError(error), `not a PortierError: ${String(error)}`);
          if (error.code === 'validation') assert.ok(error.details!.issues!.length > 0);
        }
        assert.deepEqual(data, snapshot);
      }),
      { numRuns: 3000 },
    );
  });
});
