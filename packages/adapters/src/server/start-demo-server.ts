import { parseArgs } from 'node:util';
import { startDemoServer } from './demo-server.js';

// `pnpm serve:rest [-- options]`: the REST contract over the demo memory backend, on 127.0.0.1 only.
//   --port <n>        (PORTIER_REST_PORT, default 4010)
//   --static <dir>    (PORTIER_STATIC_DIR) also serve <dir> at / — e.g. the built demo, demo/dist
//   --no-cors         (PORTIER_REST_CORS=0) no CORS; by default loopback origins such as the Vite
//                     page on http://127.0.0.1:5173 may call the API
//   --latency <ms>    (PORTIER_REST_LATENCY) delay every answer, to see loading states
//   --persist <file>  (PORTIER_REST_PERSIST) keep the data in a JSON file across restarts
// The demo controls (outbox, tokens, clock, reset) are under /api/demo; see demo-server.ts.
// `pnpm start:rest -- --port 0` may hand the script a leading `--`.
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const { values } = parseArgs({
  args,
  options: {
    port: { type: 'string' },
    static: { type: 'string' },
    'no-cors': { type: 'boolean' },
    latency: { type: 'string' },
    persist: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: false,
});

if (values.help) {
  console.log('Usage: pnpm serve:rest [-- --port 4010] [--static demo/dist] [--no-cors] [--latency 300] [--persist .portier-demo.json]');
  process.exit(0);
}

const env = process.env;
const number = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`${name} must be a whole number ≥ 0, not "${value}".`);
    process.exit(2);
  }
  return parsed;
};

const staticDir = values.static ?? env['PORTIER_STATIC_DIR'];
const persistFile = values.persist ?? env['PORTIER_REST_PERSIST'];
const server = await startDemoServer({
  port: number(values.port ?? env['PORTIER_REST_PORT'], 4010, 'The port'),
  cors: !(values['no-cors'] || env['PORTIER_REST_CORS'] === '0'),
  latencyMs: number(values.latency ?? env['PORTIER_REST_LATENCY'], 0, 'The latency'),
  ...(staticDir ? { staticDir } : {}),
  ...(persistFile ? { persistFile } : {}),
});
console.log(`Portier REST contract (demo memory backend) at ${server.url}`);
console.log(`Demo controls at ${server.demoUrl} (outbox, state, clock, reset)`);
if (server.pageUrl) console.log(`Static files of ${staticDir} at ${server.pageUrl}`);
console.log(`Try: curl -H 'X-Portier-Actor: u-001' ${server.url}/users?limit=3`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
