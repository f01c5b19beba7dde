/**
 * The packages as a consumer outside the workspace gets them. Inside the workspace every tool
 * reads the sources through the `source` condition, so nothing else would notice an exports map
 * that points at files the build never writes, or declarations that do not compile:
 * - `pnpm build` emits every file the exports maps name, the elements' CSS minified;
 * - plain Node (no `source` condition) imports the built packages with the same exports as the sources;
 * - a TypeScript host (test/fixtures/consumer) type-checks against the built declarations;
 * - the whole workspace type-checks (tsx strips types without checking them).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSC = `${ROOT}node_modules/.bin/tsc`;
const PACKAGES = ['core', 'adapters', 'elements'] as const;

interface ExportEntry {
  source: string;
  types: string;
  default: string;
}

/** Runs a command from the repository root, without the test process's Node options. */
function run(command: string, args: string[]) {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function exportsOf(name: string): Record<string, ExportEntry> {
  return JSON.parse(readFileSync(`${ROOT}packages/${name}/package.json`, 'utf8')).exports;
}

/** What `*` stands for in a wildcard entry: the source files it maps (`['']` for a plain entry). */
function stemsOf(name: string, entry: ExportEntry): string[] {
  if (!entry.source.includes('*')) return [''];
  const [dir, suffix] = entry.source.split('*') as [string, string];
  return readdirSync(`${ROOT}packages/${name}/${dir}`)
    .filter((file) => file.endsWith(suffix) && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -suffix.length));
}

/** The module specifiers a consumer can import, wildcard entries expanded. */
function specifiers(name: string): string[] {
  return Object.entries(exportsOf(name)).flatMap(([key, entry]) =>
    stemsOf(name, entry).map((stem) => `@portier/${name}${key === '.' ? '' : key.slice(1).replace('*', stem)}`),
  );
}

before(() => {
  const build = run(process.execPath, ['scripts/build.mjs']);
  assert.equal(build.status, 0, build.output);
});

test('pnpm build writes every file that the exports maps name, for types and for JavaScript', () => {
  for (const name of PACKAGES) {
    for (const [key, entry] of Object.entries(exportsOf(name))) {
      for (const stem of stemsOf(name, entry)) {
        for (const target of [entry.types, entry.default]) {
          const file = `${ROOT}packages/${name}/${target.replace('*', stem)}`;
          assert.ok(existsSync(file), `@portier/${name} "${key}" points at ${target.replace('*', stem)}, which the build did not write`);
        }
      }
    }
  }
});

test('the built elements ship their CSS minified: no comment and no indentation left in a css literal', () => {
  const dist = `${ROOT}packages/elements/dist/`;
  let literals = 0;
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.js'))) {
    for (const match of readFileSync(`${dist}${file}`, 'utf8').matchAll(/\bcss\s*`([^`]*)`/g)) {
      if (match[1]!.includes('${')) continue;
      literals++;
      assert.ok(!/\/\*|\n\s/.test(match[1]!), `${file}: a css literal is not minified`);
    }
  }
  assert.ok(literals >= 15, `only ${literals} css literals in dist/`);
});

test('plain Node imports the built packages, with the same exports as the sources', async () => {
  const all = PACKAGES.flatMap(specifiers);
  const fromSources: Record<string, string[]> = {};
  for (const specifier of all) fromSources[specifier] = Object.keys(await import(specifier)).sort();
  const script = `const out = {}; for (const s of ${JSON.stringify(all)}) out[s] = Object.keys(await import(s)).sort(); console.log(JSON.stringify(out));`;
  const built = run(process.execPath, ['--input-type=module', '-e', script]);
  assert.equal(built.status, 0, built.output);
  assert.deepEqual(JSON.parse(built.output.trim().split('\n').at(-1)!), fromSources);
});

test('a TypeScript host type-checks against the built declarations, not the sources', () => {
  const check = run(TSC, ['-p', 'test/fixtures/consumer/tsconfig.json', '--listFiles']);
  assert.equal(check.status, 0, check.output);
  const read = check.output.split('\n').filter((file) => file.includes('/packages/'));
  assert.ok(read.some((file) => file.includes('/packages/elements/dist/')), 'the consumer did not read the elements declarations');
  assert.deepEqual(read.filter((file) => !file.includes('/dist/')), [], 'the consumer read sources instead of declarations');
});

test('the whole workspace type-checks (tsx runs the tests without checking types)', () => {
  const check = run(TSC, ['-p', 'tsconfig.json', '--noEmit']);
  assert.equal(check.status, 0, check.output);
});
