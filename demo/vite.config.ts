import { defineConfig } from 'vite';

/** The demo portal: `pnpm start`. Workspace packages resolve to their TypeScript sources. */
export default defineConfig({
  root: 'demo',
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  server: { host: '127.0.0.1', port: 5173 },
  esbuild: { target: 'es2022' },
});
