/** Debian's Chromium (never a downloaded one), a static file server, and what a page reports. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';

/** The launch of test/e2e/demoServers.ts. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serve a built app's directory on 127.0.0.1, a random port (`/` is index.html). */
export async function serveDir(root: string): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface PageWatch {
  /** Console errors, uncaught page errors, and any console message about hydration. */
  problems: string[];
  /** Every console message, `type: text`. */
  messages: string[];
}

/** Collect what the page logs from now on. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { problems: [], messages: [] };
  page.on('console', (message) => {
    const text = `${message.type()}: ${message.text()}`;
    watch.messages.push(text);
    if (message.type() === 'error' || /hydrat/i.test(message.text())) watch.problems.push(text);
  });
  // A production React reports a hydration mismatch as an uncaught "Minified React error #418"
  // (#419, #422, #423, #425: other hydration failures), not as a console message.
  page.on('pageerror', (error) => {
    const hydration = /Minified React error #(418|419|422|423|425)\b/.test(error.message) ? 'hydration mismatch: ' : '';
    watch.problems.push(`pageerror: ${hydration}${error.stack ?? error.message}`);
  });
  page.on('crash', () => watch.problems.push('the page crashed'));
  return watch;
}

/**
 * Run page assertions; when one fails, its error also carries what the page logged and the
 * text it shows, since a timeout alone does not say why the page never got there.
 */
export async function withPageReport(page: Page, watch: PageWatch, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const text = await page
      .locator('body')
      .innerText({ timeout: 2000 })
      .catch(() => '(no body)');
    const err = error as Error;
    err.message += `\n--- page problems:\n${watch.problems.join('\n') || '(none)'}\n--- console:\n${watch.messages.slice(-20).join('\n') || '(none)'}\n--- page text:\n${text.slice(0, 1500)}`;
    throw err;
  }
}
