// One accessibility check for every component test, in jsdom and in real Chromium.
// jsdom has no layout, so axe reports colour contrast as "incomplete" there; run the same
// check in a browser test with `requireRules: ['color-contrast']` to prove contrast passed.
import axe from 'axe-core';
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';

export interface AxeCheckOptions extends RunOptions {
  /**
   * Rules that must have actually checked at least one node and passed (not been skipped
   * or left incomplete), e.g. `['color-contrast']` in a browser. @default []
   */
  requireRules?: string[];
}

// axe refuses to start while another run is in progress, so runs are queued.
let queue: Promise<unknown> = Promise.resolve();

function formatResults(results: Result[]): string {
  return results
    .map((rule) => {
      const nodes = rule.nodes
        .map((node) => `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${rule.impact ?? 'n/a'}] ${rule.id}: ${rule.help} (${rule.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe-core on `context` (default: the whole document) and throws, listing each
 * violation with its nodes, if there is any. Returns the full results for further checks.
 */
export async function expectNoAxeViolations(
  context: ElementContext = document,
  { requireRules = [], ...options }: AxeCheckOptions = {},
): Promise<AxeResults> {
  const run = queue.then(() => axe.run(context, options));
  queue = run.catch(() => undefined);
  const results = await run;

  if (results.violations.length > 0) {
    throw new Error(`axe found ${results.violations.length} violation(s):\n${formatResults(results.violations)}`);
  }
  for (const id of requireRules) {
    const passed = results.passes.find((rule) => rule.id === id);
    const incomplete = results.incomplete.find((rule) => rule.id === id);
    if (incomplete) {
      throw new Error(`axe could not decide "${id}" for ${incomplete.nodes.length} node(s):\n${formatResults([incomplete])}`);
    }
    if (!passed || passed.nodes.length === 0) {
      throw new Error(`axe rule "${id}" checked no node: nothing proves it passes here.`);
    }
  }
  return results;
}
