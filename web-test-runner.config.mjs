// Browser tests (@web/test-runner in the Debian Chromium): packages/elements/src/**/*.browser.test.ts
// and test/**/*.browser.test.ts. Ends with one line "browser: N passed, N failed" that
// scripts/test-all.mjs reads; keep that format.
import { existsSync, writeSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { minifyCssLiterals } from './scripts/css-literals.mjs';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findChrome() {
  const found = CANDIDATES.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found for the browser tests. Looked at: CHROME_PATH (${process.env.CHROME_PATH ?? 'unset'}), ` +
        `/usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome. Install one (apt-get install chromium) or set CHROME_PATH.`,
    );
  }
  return found;
}

/**
 * `forced-colors` (Windows High Contrast) for the test page: the runner's own emulate-media
 * command leaves it out, Chromium's DevTools protocol has it. Payload: `{ active: boolean }`.
 */
function forcedColorsPlugin() {
  // The emulation lasts as long as its DevTools session: one kept per page.
  const sessions = new WeakMap();
  return {
    name: 'portier-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const cdp = sessions.get(page);
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    },
  };
}

/** Counts every test of every session; a file that failed to load counts as one failure. */
function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let finished = false;
  const count = (suite) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    for (const child of suite?.suites ?? []) count(child);
  };
  process.once('exit', () => {
    if (!finished) failed++;
    writeSync(1, `\n${skipped > 0 ? `(${skipped} skipped)\n` : ''}browser: ${passed} passed, ${failed} failed\n`);
  });
  return {
    onTestRunFinished({ sessions }) {
      finished = true;
      for (const session of sessions) {
        count(session.testResults);
        // Errors outside any test: the file did not load, or something threw between tests.
        if ((session.errors?.length ?? 0) > 0) failed++;
      }
    },
  };
}

export default {
  files: ['packages/elements/src/**/*.browser.test.ts', 'test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 15_000 } },
  // Libraries such as immer read process.env.NODE_ENV, which a bundler would replace.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portier tests</title>` +
    `<script>globalThis.process = globalThis.process || { env: { NODE_ENV: 'development' } };` +
    // Chromium reports a benign "ResizeObserver loop" error when observed sizes settle over two frames (virtual lists).
    `addEventListener('error', (e) => { if (/ResizeObserver loop/.test(e.message)) { e.stopImmediatePropagation(); e.preventDefault(); } }, true);</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    forcedColorsPlugin(),
    // The styles as `pnpm build` ships them: the CSS in the css literals minified.
    {
      name: 'portier-minify-css-literals',
      async transform(context) {
        if (!context.path.includes('/packages/elements/src/') || typeof context.body !== 'string') return undefined;
        const body = await minifyCssLiterals(context.body);
        return body === context.body ? undefined : { body };
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
