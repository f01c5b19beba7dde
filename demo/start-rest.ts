/**
 * `pnpm start:rest`: the demo portal over a real HTTP hop. Starts the reference server
 * (createRestHandler over the demo memory backend, on 127.0.0.1:4010) and the demo page with Vite,
 * whose proxy sends `/api` to that server; the page then uses `createRestBackend` instead of the
 * in-page memory backend.
 */
import { createServer } from 'vite';
import { startDemoServer } from '../packages/adapters/src/server/demo-server.js';

const api = await startDemoServer({ port: Number(process.env['PORTIER_REST_PORT'] ?? 4010) });
const vite = await createServer({
  configFile: new URL('./vite.config.ts', import.meta.url).pathname,
  define: { 'import.meta.env.VITE_PORTIER_BACKEND': JSON.stringify('rest') },
  server: { proxy: { '/api': `http://127.0.0.1:${api.port}` } },
});
await vite.listen();
console.log(`REST server (createRestHandler over the memory backend): ${api.url}`);
vite.printUrls();
const stop = async () => {
  await vite.close();
  await api.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
