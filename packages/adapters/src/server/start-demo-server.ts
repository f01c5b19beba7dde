import { createMemoryBackend } from '../memory/memory-backend.js';
import { startRestServer } from './rest-server.js';

// `pnpm start:rest`: the REST contract over the demo memory backend, on 127.0.0.1 only.
const port = Number(process.env['PORTIER_REST_PORT'] ?? 4010);
const server = await startRestServer({ backend: createMemoryBackend(), port, host: '127.0.0.1', cors: true });
console.log(`Portier REST contract (demo memory backend) at ${server.url}`);
console.log(`Try: curl -H 'X-Portier-Actor: u-001' ${server.url}/users?limit=3`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
