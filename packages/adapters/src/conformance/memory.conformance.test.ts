import { createMemoryBackend } from '../memory/memory-backend.js';
import { runConformance } from './run-conformance.js';

runConformance({
  name: 'memory',
  create: () => {
    const backend = createMemoryBackend();
    return { backend, outbox: () => backend.outbox() };
  },
});
