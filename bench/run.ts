/**
 * `pnpm bench`: measures and prints; it never fails on a figure (machines are noisy).
 * Targets are shown beside each figure for reading, not enforced.
 */
import { benchCore, type Figure } from './core.bench.js';

function print(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  for (const { name, value, unit, target } of figures) {
    console.log(`  ${name.padEnd(72)} ${value.toFixed(2).padStart(9)} ${unit.padEnd(4)} ${target ? `(target ${target})` : ''}`);
  }
}

print('Core (Node ' + process.version + ')', await benchCore());

try {
  const browser = await import('./browser.bench.js' as string).catch(() => undefined);
  if (browser?.benchBrowser) print('Elements (Chromium)', await browser.benchBrowser());
} catch (error) {
  console.log(`\nElements (Chromium): not measured: ${(error as Error).message}`);
}
