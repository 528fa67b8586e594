/** The checks every consumer app goes through: type-check, build, what a user sees. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright';
import { expect } from 'vitest';
import type { SimulatorServer } from 'react-realtime-kit/testing/server';
import { artifactsRoot, logOf, sizesFile, withLock, type Install } from './install';
import { expectSuccess, run, tail } from './process';

/**
 * A check that later checks depend on: run at most once; a later check that needs it fails
 * with the first one's reason rather than an error of its own.
 */
export function step<T>(name: string, fn: () => Promise<T>): { run(): Promise<T>; need(): Promise<T> } {
  let promise: Promise<T> | undefined;
  const runOnce = () => (promise ??= fn());
  return {
    run: runOnce,
    async need() {
      try {
        return await runOnce();
      } catch (error) {
        throw new Error(`not checked: "${name}" failed first: ${(error as Error).message.split('\n')[0]}`);
      }
    },
  };
}

/** Files outside the app's install that a tool read: what a lookup walking up into the repo found. */
function outside(install: Install, files: string[]): string[] {
  return files.filter((f) => f.startsWith('/') && !f.startsWith(`${install.dir}/`));
}

/**
 * `tsc --noEmit` with the app's tsconfig. Also lists the files of the program: each must be
 * inside the app's install (its own TypeScript libs, @types and the installed kit).
 */
export async function typecheck(install: Install, appDir: string, app: string): Promise<void> {
  const result = await run(install.bin('tsc'), ['--noEmit', '--listFiles', '-p', 'tsconfig.json'], { cwd: appDir, timeoutMs: 180_000, log: logOf(install.name, `${app}-tsc`) });
  const files = result.output.split('\n').filter((line) => line.startsWith('/'));
  const errors = result.output
    .split('\n')
    .filter((line) => !line.startsWith('/'))
    .join('\n');
  if (result.code !== 0) throw new Error(`tsc --noEmit failed (exit ${result.code}):\n${tail(errors, 60)}`);
  expect(outside(install, files), 'type files read from outside the app').toEqual([]);
  expect(files.some((f) => f.startsWith(`${install.kit.dir}/dist/types/`)), "the kit's types came from the installed package").toBe(true);
}

/** A build's warnings (lines that say so), except those in `allowed`. */
export function expectNoWarnings(what: string, output: string, allowed: RegExp[] = []): void {
  const warnings = output.split('\n').filter((line) => /warn|⚠|\(!\)/i.test(line) && !allowed.some((pattern) => pattern.test(line)));
  expect(warnings, `${what} warnings`).toEqual([]);
}

export interface BuiltApp {
  dist: string;
  js: string[];
  css: string[];
  size: AppSize;
}

export interface AppSize {
  /** The install the app was built with (its React version is in the name). */
  install: string;
  kitVersion: string;
  jsFiles: number;
  jsBytes: number;
  /** Every JS file gzipped on its own (level 9), summed. */
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
}

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/**
 * `vite build` with the app's own vite and config. The config writes modules.json (every module
 * in the bundle); each must come from the app's install, and the kit from its dist/.
 */
export async function viteBuild(install: Install, appDir: string, app: string): Promise<BuiltApp> {
  const result = await run(install.bin('vite'), ['build'], { cwd: appDir, timeoutMs: 300_000, log: logOf(install.name, `${app}-vite-build`) });
  expectSuccess('vite build', result);
  expectNoWarnings('vite build', result.output);
  const modules = JSON.parse(readFileSync(join(appDir, 'modules.json'), 'utf8')) as string[];
  expect(outside(install, modules), 'modules bundled from outside the app').toEqual([]);
  expect(modules.filter((m) => m.startsWith(`${install.kit.dir}/`)).length, 'modules of the installed kit in the bundle').toBeGreaterThan(0);
  const dist = join(appDir, 'dist');
  const files = filesIn(dist);
  const js = files.filter((f) => f.endsWith('.js'));
  const css = files.filter((f) => f.endsWith('.css'));
  const sum = (list: string[], measure: (b: Buffer) => number) => list.reduce((total, f) => total + measure(readFileSync(f)), 0);
  const size: AppSize = {
    install: install.name,
    kitVersion: install.kit.version,
    jsFiles: js.length,
    jsBytes: sum(js, (b) => b.length),
    jsGzipBytes: sum(js, gzip),
    cssBytes: sum(css, (b) => b.length),
    cssGzipBytes: sum(css, gzip),
  };
  return { dist, js, css, size };
}

/** Record an app's size in test-artifacts/consumers/sizes.json (merged with other apps') and print it. */
export async function recordSize(app: string, size: AppSize): Promise<void> {
  mkdirSync(artifactsRoot, { recursive: true });
  await withLock(sizesFile, 30_000, async () => {
    const all = existsSync(sizesFile) ? (JSON.parse(readFileSync(sizesFile, 'utf8')) as { apps: Record<string, AppSize> }) : { apps: {} };
    all.apps[app] = size;
    writeFileSync(sizesFile, `${JSON.stringify({ note: 'gzip -9 of each built JS/CSS file, summed; react and react-dom included', apps: all.apps }, null, 2)}\n`);
  });
  console.log(`consumers size: ${app}: JS ${size.jsBytes} B, ${size.jsGzipBytes} B gzip (${size.jsFiles} file(s)); CSS ${size.cssGzipBytes} B gzip (${relative(process.cwd(), sizesFile)})`);
}

/** Seeded world (seed 1): order 101 starts as New. */
export const ORDER_ID = 101;
export const FIRST_STATUS = 'New';

/**
 * The kit's OrderCard for order 101, as a user sees it: it leaves its loading state and shows
 * the order's status; after the server pushes a status change it shows the new status.
 * Returns once the change is on screen.
 */
export async function expectOrderCardLive(page: Page, server: SimulatorServer): Promise<void> {
  const card = page.getByRole('article', { name: `Order #${ORDER_ID}` });
  await expect.poll(() => card.getAttribute('data-state'), { timeout: 20_000, message: 'the card leaves its loading state' }).toBe('ready');
  await expect.poll(() => card.getAttribute('data-connection'), { timeout: 10_000, message: 'the card is live' }).toBe('open');
  const badge = card.locator('[data-status]');
  await expect.poll(() => badge.textContent(), { timeout: 5_000, message: "the card shows the order's status" }).toBe(FIRST_STATUS);
  expect(await card.textContent()).not.toContain('Loading order');
  server.emit.orderUpdate({ order_id: ORDER_ID, status: 'Done', progress: 100, message: 'Boost finished' });
  await expect.poll(() => badge.textContent(), { timeout: 10_000, message: 'the card shows the new status' }).toBe('Done');
  await expect.poll(() => badge.getAttribute('data-status')).toBe('done');
}

/** What only the kit's components bring: react-toastify's code and the chat panel's class names. */
export function expectNoKitComponents(files: { file: string; code: string }[]): void {
  const found = files.flatMap(({ file, code }) =>
    [/Toastify/, /react-toastify/, /rrk-chat/, /rrk-toast/].filter((pattern) => pattern.test(code)).map((pattern) => `${relative(process.cwd(), file)}: ${pattern.source}`),
  );
  expect(found, 'component code in a hooks-only bundle').toEqual([]);
}
