/**
 * Next.js App Router: a server component page renders the kit's provider and card and calls a
 * plain helper of the kit on the server. `next build`, then `next start`, then Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
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

  it('next start serves the page; in Chromium the card goes live, with no hydration warning and no console or page error', async () => {
    const dir = await build.need();
    const server = await rig.server();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const next: ChildProcess = spawn(`${dir}/node_modules/.bin/next`, ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: dir,
      env: appEnv({ RRK_WS_URL: server.url }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    next.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    next.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    rig.onClose(async () => {
      await killGroup(next);
      const log = logOf(name, 'next-start');
      mkdirSync(dirname(log), { recursive: true });
      writeFileSync(log, output);
    });

    // Up once it answers; failed if it exits first.
    let html = '';
    const deadline = Date.now() + 60_000;
    while (!html) {
      if (next.exitCode !== null) throw new Error(`next start exited with ${next.exitCode}:\n${tail(output)}`);
      if (Date.now() > deadline) throw new Error(`next start did not answer on ${url} within 60 s:\n${tail(output)}`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`GET / answered ${response.status}:\n${body.slice(0, 2000)}\n${tail(output)}`);
        html = body.replaceAll('<!-- -->', '');
      } catch (error) {
        if ((error as Error).message.startsWith('GET /')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    // Rendered on the server: the helper's text, and the card in its loading state.
    expect(html).toContain('Finished orders are labelled Done.');
    expect(html).toContain('Order #101');

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
    expect(output).not.toMatch(/\b(error|warn(ing)?)\b/i);
  });
});
