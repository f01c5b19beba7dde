#!/usr/bin/env node
// Runs every suite (Node: core and adapters; browser: elements) and ends with one line
// "N passed, N failed" summing them all. Exits non-zero when anything failed or a suite did not run.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` whose name ends with `suffix` (Node 20's test runner does not expand globs). */
function find(dir, suffix, exclude) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((file) => join(dir, String(file)))
    .filter((file) => file.endsWith(suffix) && !file.includes('node_modules') && !(exclude && file.endsWith(exclude)))
    .sort();
}

const nodeTests = [
  ...['core', 'adapters', 'elements'].flatMap((pkg) => find(`packages/${pkg}/src`, '.test.ts', '.browser.test.ts')),
  ...find('test', '.node.test.ts'),
];

const suites = [
  {
    name: 'node',
    command: 'node',
    args: ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...nodeTests],
    parse: (out) => ({ passed: last(out, /^ℹ pass (\d+)/m), failed: last(out, /^ℹ fail (\d+)/m) + last(out, /^ℹ cancelled (\d+)/m) }),
  },
  {
    name: 'browser',
    when: () => existsSync('web-test-runner.config.mjs'),
    command: 'node',
    args: ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'],
    parse: (out) => {
      const m = [...out.matchAll(/^browser: (\d+) passed, (\d+) failed/gm)].at(-1);
      return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
    },
  },
];

function last(text, regex) {
  const all = [...text.matchAll(new RegExp(regex.source, 'gm'))];
  return all.length ? Number(all.at(-1)[1]) : 0;
}

function run(suite) {
  return new Promise((resolve) => {
    const child = spawn(suite.command, suite.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

// `--only node` or `--only browser` runs one suite.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
let passed = 0;
let failed = 0;
for (const suite of suites) {
  if (only && suite.name !== only) continue;
  if (suite.when && !suite.when()) continue;
  const started = Date.now();
  const { code, out } = await run(suite);
  const counts = suite.parse(out);
  if (!counts || (code !== 0 && counts.failed === 0)) {
    console.error(`\n[${suite.name}] exited with code ${code} without a readable result: counted as one failure.`);
    failed += (counts?.failed ?? 0) + 1;
    passed += counts?.passed ?? 0;
  } else {
    passed += counts.passed;
    failed += counts.failed;
  }
  console.log(`\n[${suite.name}] ${counts?.passed ?? 0} passed, ${counts?.failed ?? 0} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
