import { createMemoryBackend } from '../memory/memory-backend.js';
import { createRestBackend } from '../rest/rest-backend.js';
import { startRestServer } from '../server/rest-server.js';
import { runConformance } from './run-conformance.js';

runConformance({
  name: 'REST client → node:http on 127.0.0.1 → handler → memory',
  create: async () => {
    const memory = createMemoryBackend();
    const server = await startRestServer({ backend: memory, port: 0, host: '127.0.0.1' });
    return { backend: createRestBackend({ baseUrl: server.url, retry: false }), outbox: () => memory.outbox(), close: () => server.close() };
  },
});
