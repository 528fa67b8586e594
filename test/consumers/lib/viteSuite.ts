/**
 * A Vite + React app on one React version: installed from the registry with the packed kit,
 * type-checked (strict, nodenext), built, and opened in Chromium against the simulator server.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSimulatorServer, type SimulatorServer } from 'react-realtime-kit/testing/server';
import { launchChromium, serveDir, watchPage, withPageReport } from './browser';
import { expectOrderCardLive, recordSize, step, typecheck, viteBuild, type BuiltApp } from './checks';
import { copyApp, prepareInstall, type Install } from './install';

/** Versions every Vite app pins, as the repo does. */
export const VITE_TOOLING = { vite: '8.3.8', '@vitejs/plugin-react': '6.3.0', typescript: '5.9.3' };

export interface ReactVersions {
  react: string;
  'react-dom': string;
  '@types/react': string;
  '@types/react-dom': string;
}

/**
 * The browser of one test file, and a fresh simulator server (seed 1: a fresh world) for each
 * page check; all of them, and whatever `onClose` was given, closed in afterAll.
 */
export function useRig() {
  let browser: Promise<Browser> | undefined;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    // Pages, servers and processes first, then the browser their pages live in.
    const results = await Promise.allSettled(closers.map((close) => close()));
    results.push(...(await Promise.allSettled([browser?.then((b) => b.close())])));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
  return {
    browser: () => (browser ??= launchChromium()),
    async server(): Promise<SimulatorServer> {
      const server = await createSimulatorServer({ port: 0, seed: 1 });
      closers.push(() => server.close());
      return server;
    },
    onClose: (close: () => Promise<void>) => closers.push(close),
  };
}

export type Rig = ReturnType<typeof useRig>;

export interface ViteApp {
  install: { run(): Promise<Install>; need(): Promise<Install> };
  build: { need(): Promise<BuiltApp> };
  dir(): Promise<string>;
}

/**
 * The tsc / vite build / Chromium checks of one app template in one install. `live` is what the
 * user must see, given the page (opened at `?ws=<simulator>`) and the simulator server.
 */
export function viteAppChecks(
  rig: Rig,
  install: ViteApp['install'],
  template: 'vite-full' | 'vite-hooks',
  sizeName: string,
  live: (page: import('playwright').Page, server: SimulatorServer) => Promise<void>,
): ViteApp {
  const dir = step('copy the app', async () => copyApp(template, join((await install.need()).dir, 'work', template), ['dist', 'modules.json']));
  it(`${template}: tsc --noEmit passes (strict, module/moduleResolution nodenext)`, async () => {
    const app = await dir.need();
    await typecheck(await install.need(), app, template);
  });
  const build = step('vite build', async () => {
    const built = await viteBuild(await install.need(), await dir.need(), template);
    await recordSize(sizeName, built.size);
    return built;
  });
  it(`${template}: vite build passes, from the installed package only`, async () => {
    await build.run();
  });
  it(`${template}: is live in Chromium against the simulator server, with no console or page error`, async () => {
    const built = await build.need();
    const [browser, server, files] = await Promise.all([rig.browser(), rig.server(), serveDir(built.dist)]);
    rig.onClose(files.close);
    const context = await browser.newContext();
    rig.onClose(() => context.close());
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${files.url}?ws=${encodeURIComponent(server.url)}`);
    await withPageReport(page, watch, () => live(page, server));
    expect(watch.problems).toEqual([]);
  });
  return { install, build, dir: dir.need };
}

/** The full app (OrderCard, RealtimeToaster, styles.css) on the given React. */
export function describeViteReactApp(name: string, versions: ReactVersions, extra?: (app: ViteApp, rig: Rig) => void): void {
  describe(`${name}: Vite + React ${versions.react}, installed from the packed tarball`, () => {
    const rig = useRig();
    const install = step('npm install', async () => prepareInstall({ name, dependencies: { ...versions, ...VITE_TOOLING } }, inject('rrkTarball')));
    it('npm install: the app from the registry, then the packed kit into it', async () => {
      await install.run();
    });
    const app = viteAppChecks(rig, install, 'vite-full', name, async (page, server) => {
      // styles.css reached the page: the card is laid out by the kit's rules.
      const card = page.getByRole('article', { name: 'Order #101' });
      await card.waitFor({ timeout: 20_000 });
      expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
      await expectOrderCardLive(page, server);
      const toast = page.locator('.Toastify__toast').filter({ hasText: 'Order #101 is now Done' });
      await expect.poll(() => toast.count(), { timeout: 10_000, message: 'a toast announces the change' }).toBe(1);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Order #101 is now Done' }).count(), { message: 'the toast has role=status' }).toBe(1);
      expect(await toast.isVisible()).toBe(true);
    });
    extra?.(app, rig);
  });
}
