#!/usr/bin/env node
// `pnpm build`: emits each package's dist/ (JavaScript and declarations) with the TypeScript
// compiler, which is what the exports maps' `types` and `default` conditions point to. Inside the
// workspace every tool resolves the sources through the `source` condition instead, so only a
// consumer outside it (plain Node, a bundler without that condition) needs this.
// Packages build in dependency order: adapters and elements type-check against core's declarations.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyCssLiterals } from './css-literals.mjs';

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
  if (name === 'elements') await minifyStyles(`${dir}/dist`);
  console.log(`@portier/${name}: dist/ built`);
}

/** The CSS in the emitted `css` literals, minified (see css-literals.mjs). */
async function minifyStyles(dist) {
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const path = `${entry.parentPath}/${entry.name}`;
    const source = readFileSync(path, 'utf8');
    const minified = await minifyCssLiterals(source);
    if (minified !== source) writeFileSync(path, minified);
  }
}
