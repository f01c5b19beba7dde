/**
 * The committed `/mockServiceWorker.js` (served by the browser test runner at the repo root) must
 * be the one of the installed msw: after an msw upgrade, regenerate it from the repo root with
 *   pnpm --filter @portier/adapters exec msw init "$PWD" --no-save
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

it('the committed mockServiceWorker.js matches the installed msw', () => {
  const fromAdapters = createRequire(fileURLToPath(new URL('../packages/adapters/package.json', import.meta.url)));
  const installed = readFileSync(fromAdapters.resolve('msw/mockServiceWorker.js'), 'utf8');
  const committed = readFileSync(fileURLToPath(new URL('../mockServiceWorker.js', import.meta.url)), 'utf8');
  const version = (text: string) => /PACKAGE_VERSION = '([^']+)'/.exec(text)?.[1];
  assert.equal(version(committed), version(installed), 'regenerate /mockServiceWorker.js (see the comment above)');
  assert.equal(committed, installed, 'regenerate /mockServiceWorker.js (see the comment above)');
});
