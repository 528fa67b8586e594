/**
 * `npm run screenshots`: the README's pictures, taken in Debian's Chromium.
 * - docs/images/dashboard.png: the composed dashboard story from the built Storybook
 *   (run `npm run build-storybook` first);
 * - docs/images/demo-*.png: the demo's views on the simulator server.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startDemo } from '../test/e2e/demoServers';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/images');
const staticDir = join(root, 'storybook-static');
if (!existsSync(join(staticDir, 'iframe.html'))) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const files = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(staticDir, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(staticDir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
const storybook = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, deviceScaleFactor: 1 });
await page.goto(`${storybook}/iframe.html?id=pages-operations-dashboard--live&viewMode=story`);
await page.getByText('All sockets: Live').waitFor({ timeout: 15_000 });
// Let the scenario move a few things (toasts, activity) so the picture shows a live page.
await page.waitForTimeout(4000);
await page.screenshot({ path: join(out, 'dashboard.png') });
await browser.close();
files.close();

const demo = await startDemo();
const demoPage = await demo.browser.newPage({ viewport: { width: 1280, height: 860 } });
demo.simulator.scenario.start({ ratePerSecond: 3 });
for (const view of ['customer', 'admin', 'chat', 'board']) {
  await demoPage.goto(`${demo.url}#/${view}`);
  await demoPage.getByText(/Live/).first().waitFor({ timeout: 30_000 });
  if (view === 'chat') {
    const box = demoPage.getByRole('textbox').first();
    await box.fill('Hi Sam! Is the flat on Sukhumvit still free this weekend?');
    await box.press('Enter');
  }
  await demoPage.waitForTimeout(2500);
  await demoPage.screenshot({ path: join(out, `demo-${view}.png`) });
}
await demo.close();
console.log(`Screenshots written to ${out}`);
