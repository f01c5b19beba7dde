import { setupServer } from 'msw/node';
import { after, before } from 'node:test';
import { createMemoryBackend } from '../memory/memory-backend.js';
import { portierHandlers } from '../msw/portier-handlers.js';
import { createRestBackend } from '../rest/rest-backend.js';
import { runConformance } from './run-conformance.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

let instance = 0;

runConformance({
  name: 'REST client → MSW (setupServer) → handler → memory',
  create: () => {
    const memory = createMemoryBackend();
    // A host of its own per test: the handlers of other tests never answer.
    const baseUrl = `http://portier-${++instance}.test/api/portier`;
    server.use(...portierHandlers(memory, { baseUrl }));
    return { backend: createRestBackend({ baseUrl, retry: false }), outbox: () => memory.outbox() };
  },
});
