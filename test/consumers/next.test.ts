/**
 * Next.js App Router: a server component page renders the kit's provider and card and calls a
 * plain helper of the kit on the server. `next build`, then `next start`, then Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { SimulatorServer } from 'react-realtime-kit/testing/server';
import { watchPage, withPageReport } from './lib/browser';
import { expectNoWarnings, expectOrderCardLive, step } from './lib/checks';
import { copyApp, logOf, prepareInstall } from './lib/install';
import { appEnv, expectSuccess, freePort, killGroup, run, tail } from './lib/process';
import { useRig } from './lib/viteSuite';

const name = 'next16';
const dependencies = {
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
  typescript: '5.9.3',
  '@types/react': '19.3.3',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
};

describe(`${name}: Next.js ${dependencies.next} App Router, a server component page, installed from the packed tarball`, () => {
  const rig = useRig();
  const install = step('npm install', async () => prepareInstall({ name, dependencies }, inject('rrkTarball')));
  it('npm install: the app from the registry, then the packed kit into it', async () => {
    await install.run();
  });

  const build = step('next build', async () => {
    const { dir, bin } = await install.need();
    copyApp('next', dir, ['.next', 'next-env.d.ts']);
    const result = await run(bin('next'), ['build'], { cwd: dir, timeoutMs: 600_000, log: logOf(name, 'next-build') });
    expectSuccess('next build', result);
    // Every build starts without .next/, so without its cache: that notice is expected.
    expectNoWarnings('next build', result.output, [/No build cache found/]);
    return dir;
  });
  it('next build passes (its type-check included)', async () => {
    await build.run();
  });

  /**
   * `next start` or `next dev` on a free port (next cannot listen on port 0), with the
   * simulator's address in RRK_WS_URL; resolves with the page's server-rendered HTML.
   */
  async function serveNext(command: 'start' | 'dev', dir: string, wsUrl: string, timeoutMs: number) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const next: ChildProcess = spawn(`${dir}/node_modules/.bin/next`, [command, '-p', String(port), '-H', '127.0.0.1'], {
      cwd: dir,
      env: appEnv({ RRK_WS_URL: wsUrl }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    next.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    next.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    rig.onClose(async () => {
      await killGroup(next);
      const log = logOf(name, `next-${command}`);
      mkdirSync(dirname(log), { recursive: true });
      writeFileSync(log, output);
    });
    // Up once it answers; failed if it exits first. `next dev` compiles the page on this request.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (next.exitCode !== null) throw new Error(`next ${command} exited with ${next.exitCode}:\n${tail(output)}`);
      if (Date.now() > deadline) throw new Error(`next ${command} did not answer on ${url} within ${timeoutMs} ms:\n${tail(output)}`);
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())) });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      const body = await response.text();
      if (response.status !== 200) throw new Error(`next ${command}: GET / answered ${response.status}:\n${body.slice(0, 2000)}\n${tail(output)}`);
      return { url, html: body.replaceAll('<!-- -->', ''), output: () => output };
    }
  }

  /** The page in Chromium: the server helper's text, then the card live; nothing logged. */
  async function expectPageLive(url: string, server: SimulatorServer): Promise<void> {
    const browser = await rig.browser();
    const context = await browser.newContext();
    rig.onClose(() => context.close());
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(url);
    await withPageReport(page, watch, async () => {
      await expect.poll(() => page.locator('#server-helper').textContent()).toBe('Finished orders are labelled Done.');
      await expectOrderCardLive(page, server);
    });
    expect(watch.problems).toEqual([]);
  }

  it('next start serves the page; in Chromium the card goes live, with no hydration warning and no console or page error', async () => {
    const dir = await build.need();
    const server = await rig.server();
    const next = await serveNext('start', dir, server.url, 60_000);
    // Rendered on the server: the helper's text, and the card in its loading state.
    expect(next.html).toContain('Finished orders are labelled Done.');
    expect(next.html).toContain('Order #101');
    await expectPageLive(next.url, server);
    expect(next.output()).not.toMatch(/\b(error|warn(ing)?)\b/i);
  });

  // Production React ignores attribute mismatches while hydrating; development React reports
  // every mismatch, so the page is hydrated under `next dev` too.
  it('next dev: the page hydrates with no hydration warning (development React reports every mismatch) and goes live', async () => {
    const dir = await build.need();
    const server = await rig.server();
    const next = await serveNext('dev', dir, server.url, 180_000);
    expect(next.html).toContain('Order #101');
    await expectPageLive(next.url, server);
    expect(next.output()).not.toMatch(/\b(error|warn(ing)?)\b/i);
  });
});
