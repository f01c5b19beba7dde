/// <reference types="mocha" />
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe?: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

let loading: Promise<void> | undefined;

/** axe-core is a UMD script: load it once as a classic script from the test server. */
function loadAxe(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core could not be loaded from /node_modules/axe-core/axe.min.js'));
    document.head.append(script);
  });
  return loading;
}

/**
 * Runs axe on `element` (its shadow DOM included) and fails with a readable list when it finds
 * any violation of WCAG 2.1 A/AA or best practice.
 */
export async function expectNoAxeViolations(element: Element, options: RunOptions = {}): Promise<void> {
  await loadAxe();
  const results = await window.axe!.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: {
      // A screen is a fragment of the host's page: the page owns landmarks and its h1.
      region: { enabled: false },
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
      ...options.rules,
    },
    ...options,
  } as RunOptions);
  if (results.violations.length > 0) {
    const lines = results.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
    );
    throw new Error(`axe found ${results.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}
