import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let outDir: string;
let files: Server;
let browser: Browser;
let url: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'rrk-demo-'));
  process.env.VITE_BACKEND = 'browser';
  try {
    await build({ configFile: fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url)), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env.VITE_BACKEND;
  }
  files = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  files?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('npm run build:demo (the simulator inside the page, no server)', () => {
  it('is live: orders load, a chat message is sent, approvals work, and nothing logs an error', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${url}#/customer`);
    await expect.poll(() => page.getByRole('article', { name: 'Order #101' }).getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    await page.goto(`${url}#/chat`);
    const box = page.getByRole('textbox').first();
    await box.fill('ping from a static page');
    await box.press('Enter');
    const left = page.getByRole('log').first();
    // Sent over REST to the in-page simulator (and soon read by the other side, which has it on screen).
    const mine = left.locator('[data-own="true"]').filter({ hasText: 'ping from a static page' });
    await expect.poll(() => mine.getAttribute('data-state'), { timeout: 10_000 }).toMatch(/^(sent|delivered|read)$/);
    await expect.poll(() => page.getByRole('log').nth(1).textContent(), { timeout: 10_000 }).toContain('ping from a static page');
    await page.goto(`${url}#/admin`);
    const approve = page.getByRole('button', { name: /^Approve / }).first();
    await approve.waitFor({ timeout: 20_000 });
    const name = await approve.getAttribute('aria-label');
    await approve.click();
    await expect.poll(() => page.getByRole('button', { name: name! }).count()).toBe(0);
    // The optimistic removal alone would pass even if the server refused: wait for its word.
    await expect.poll(() => page.locator('.Toastify').textContent(), { timeout: 10_000 }).toContain('User approved');
    expect(problems).toEqual([]);
  });
});
