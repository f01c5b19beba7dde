/**
 * Figures of the elements, measured in Chromium (bench/run.ts prints them; a figure never fails
 * the bench): the gzip size of the whole `<portier-admin>`, first renders of the list and of the
 * rights matrix, a filter keystroke at 100,000 users, and the JS heap with 100,000 users shown.
 * Times are taken in the page with performance.now(), from the change to the end of the frame
 * that shows it (so they include up to one frame of waiting for the next vsync).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Figure } from './core.bench.js';
import { minifyCssLiteralsPlugin } from '../scripts/css-literals.mjs';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const KiB = (bytes: number) => bytes / 1024;

/** esbuild options shared by the size build and the bench page. */
const common: BuildOptions & { write: false; metafile: true } = {
  bundle: true,
  minify: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['source'],
  define: { 'process.env.NODE_ENV': '"production"' },
  absWorkingDir: ROOT,
  write: false,
  metafile: true,
  legalComments: 'none',
  // The elements' CSS as `pnpm build` ships it (minified inside the css literals).
  plugins: [minifyCssLiteralsPlugin()],
};

/**
 * The whole `<portier-admin>` as a host ships it: `@portier/elements/define` (every screen, lit,
 * @lit/context, the virtualizer, the core's schemas with zod) and `createPortier` (the store, with
 * store), minified, split into chunks. Counted: the entry, every chunk it imports statically, and
 * one locale chunk (English), each gzipped.
 */
async function sizes(): Promise<Figure[]> {
  // What a host imports: every tag, and the store to hand to <portier-provider>; not a backend.
  const result = await build({
    ...common,
    stdin: { contents: "import '@portier/elements/define';\nexport { createPortier } from '@portier/core';", resolveDir: ROOT, sourcefile: 'admin.ts', loader: 'ts' },
    outdir: '/portier-size',
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
  });
  const outputs = result.metafile.outputs;
  // The metafile names outputs relative to the working directory; the files carry absolute paths: match by file name.
  const gzipOf = new Map(result.outputFiles.map((file) => [basename(file.path), gzipSync(file.contents, { level: 9 }).length]));
  const key = (path: string) => basename(path);
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === 'admin.ts')!;
  const staticClosure = (start: string, into = new Set<string>()) => {
    if (into.has(start)) return into;
    into.add(start);
    for (const imported of outputs[start]!.imports) if (imported.kind === 'import-statement' && !imported.external) staticClosure(imported.path, into);
    return into;
  };
  const withInput = (pattern: RegExp) =>
    Object.keys(outputs).find((path) => path !== entry && Object.keys(outputs[path]!.inputs).some((input) => pattern.test(input)));
  const english = withInput(/localize\/locales\/en\.ts$/);
  const passwords = withInput(/passwords\.json/);
  if (!english) throw new Error('no English locale chunk: the locales are no longer split');
  const counted = staticClosure(entry);
  const beforeLocale = new Set(counted);
  staticClosure(english, counted);
  const sum = (paths: Iterable<string>) => [...paths].reduce((total, path) => total + (gzipOf.get(key(path)) ?? 0), 0);
  const raw = (paths: Iterable<string>) => [...paths].reduce((total, path) => total + outputs[path]!.bytes, 0);
  const figures: Figure[] = [
    {
      name: `<portier-admin> + store (entry, ${beforeLocale.size - 1} static chunks, en locale), gzip`,
      value: KiB(sum(counted)),
      unit: 'KiB',
      target: '≤ 50 KiB',
    },
    { name: '  of which the English locale chunk, gzip', value: KiB(sum([english])), unit: 'KiB' },
    { name: '  the same, minified, before gzip', value: KiB(raw(counted)), unit: 'KiB' },
  ];
  if (passwords) figures.push({ name: 'common-password list chunk (lazy, password screens only), gzip', value: KiB(sum([passwords])), unit: 'KiB' });
  const others = Object.keys(outputs).filter((path) => !counted.has(path) && path !== passwords && !path.endsWith('.map'));
  figures.push({ name: `${others.length} other lazy chunks (3 locales, layout stub), gzip, not counted`, value: KiB(sum(others)), unit: 'KiB' });
  return figures;
}

/** Bundles bench/browser-page.ts and serves it (127.0.0.1, random port). */
async function serve(): Promise<{ server: Server; url: string }> {
  const result = await build({ ...common, entryPoints: { page: 'bench/browser-page.ts' }, outdir: '/portier-bench', entryNames: '[name]', chunkNames: '[name]-[hash]' });
  const files = new Map(result.outputFiles.map((file) => [`/${basename(file.path)}`, file.contents]));
  files.set('/', new TextEncoder().encode('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portier bench</title></head><body><script type="module" src="/page.js"></script></body></html>'));
  const server = createServer((request, response) => {
    const body = files.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': request.url === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** A fresh page with the bench API loaded. */
async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.portierBench !== undefined, undefined, { timeout: 30_000 }).catch(() => {
    throw new Error(`the bench page did not load: ${errors.join('; ') || 'no error reported'}`);
  });
  return page;
}

/** Used JS heap after a full garbage collection (CDP). */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/** The figures of the elements in Chromium. */
export async function benchBrowser(): Promise<Figure[]> {
  const figures = await sizes();
  const { server, url } = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    // First render of the list, 10,000 users: a fresh page each time, median of 5.
    const list: number[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await open(browser, url);
      const { ms, rows } = await page.evaluate(() => window.portierBench!.listFirstRender(10_000));
      if (rows === 0) throw new Error('the list showed no row');
      list.push(ms);
      await page.close();
    }
    figures.push({ name: '<portier-user-list> first render, 10,000 users, to next frame (med. 5)', value: median(list), unit: 'ms', target: '≤ 50 ms' });
    // The same, warm: a second list (new data, new store) in a page that has rendered one already.
    const warm: number[] = [];
    {
      const page = await open(browser, url);
      await page.evaluate(() => window.portierBench!.listFirstRender(10_000));
      for (let run = 0; run < 5; run++) warm.push((await page.evaluate(() => window.portierBench!.listFirstRender(10_000))).ms);
      await page.close();
    }
    figures.push({ name: '  the same, code warm (a list rendered before in the page; med. 5)', value: median(warm), unit: 'ms' });

    // 100,000 users: first render, keystrokes in the e-mail filter, then the heap with them shown.
    const page = await open(browser, url);
    const empty = await heapUsed(page);
    const big = await page.evaluate(() => window.portierBench!.listFirstRender(100_000));
    figures.push({ name: '<portier-user-list> first render, 100,000 users, to next frame', value: big.ms, unit: 'ms' });
    const keys = await page.evaluate(() => window.portierBench!.filterKeystrokes(['maes', 'willems.1']));
    figures.push({
      name: `e-mail filter keystroke, 100,000 users, to next frame (med. ${keys.ms.length})`,
      value: median(keys.ms),
      unit: 'ms',
      target: '≤ 16 ms',
    });
    figures.push({ name: '  slowest of those keystrokes', value: Math.max(...keys.ms), unit: 'ms' });
    figures.push({ name: '  their work alone: filter + re-render to the next task, no frame (med.)', value: median(keys.work), unit: 'ms' });
    const heap = await heapUsed(page);
    figures.push({ name: 'JS heap, 100,000 users shown in the list (page total, after GC)', value: heap / 1024 / 1024, unit: 'MB' });
    figures.push({ name: '  of which data + backend + store + list (minus the empty page)', value: (heap - empty) / 1024 / 1024, unit: 'MB' });
    await page.close();

    // The rights matrix: 500 clients × 7 applications, fresh page each time, median of 3.
    const first: number[] = [];
    const all: number[] = [];
    let shownFirst = 0;
    for (let run = 0; run < 3; run++) {
      const matrixPage = await open(browser, url);
      const result = await matrixPage.evaluate(() => window.portierBench!.matrixFirstRender(500));
      if (result.allRows < 500) throw new Error(`the matrix showed ${result.allRows} rows`);
      first.push(result.firstMs);
      all.push(result.allMs);
      shownFirst = result.firstRows;
      await matrixPage.close();
    }
    figures.push({ name: `<portier-access-rights> first render, 500 × 7 (${shownFirst} rows, med. 3)`, value: median(first), unit: 'ms', target: '≤ 100 ms' });
    figures.push({ name: '  until all 500 rows are in the table (chunked; median of 3)', value: median(all), unit: 'ms' });
  } finally {
    await browser.close();
    server.close();
  }
  return figures;
}
