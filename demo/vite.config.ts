import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * The demo portal: `pnpm start`. Two pages: the Lumen Energy Business host portal (index.html)
 * and the same screens inside a React 19 app (react.html). Workspace packages resolve to their
 * TypeScript sources through the `source` condition.
 */
export default defineConfig({
  root: here('.'),
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rolldownOptions: { input: { main: here('index.html'), react: here('react.html') } },
  },
});
