#!/usr/bin/env node
// `pnpm build`: emits each package's dist/ (JavaScript and declarations) with the TypeScript
// compiler, which is what the exports maps' `types` and `default` conditions point to. Inside the
// workspace every tool resolves the sources through the `source` condition instead, so only a
// consumer outside it (plain Node, a bundler without that condition) needs this.
// Packages build in dependency order: adapters and elements type-check against core's declarations.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The workspace packages, each after the ones it depends on. */
const PACKAGES = ['core', 'adapters', 'elements'];

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = `${root}node_modules/.bin/tsc`;

for (const name of PACKAGES) {
  const dir = `${root}packages/${name}`;
  rmSync(`${dir}/dist`, { recursive: true, force: true }); // no stale files from sources that are gone
  const result = spawnSync(tsc, ['-p', `${dir}/tsconfig.build.json`], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`@portier/${name}: the build failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`@portier/${name}: dist/ built`);
}
