import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright';
import { artifacts, startDemo, type DemoRig } from './demoServers';

let rig: DemoRig;
const problems: string[] = [];
let outage = false;

beforeAll(async () => {
  rig = await startDemo();
});
afterAll(async () => {
  await rig?.close();
});

async function open(view: string): Promise<Page> {
  const page = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => problems.push(`pageerror on ${view}: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    // While the backend is deliberately down, Chromium logs each refused handshake; that is the outage, not a bug.
    if (outage && /WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/.test(message.text())) return;
    problems.push(`console.error on ${view}: ${message.text()}`);
  });
  await page.goto(`${rig.url}#/${view}`);
  return page;
}

describe('the demo in Chromium, on the simulator server', () => {
  it('customer: a live order changes on screen, with a toast', async () => {
    const page = await open('customer');
    const card = page.getByRole('article', { name: 'Order #101' });
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    rig.server.emit.orderUpdate({ order_id: 101, status: 'Done', progress: 100 });
    await expect.poll(() => card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => card.textContent()).toContain('Done');
    await expect.poll(() => page.locator('.Toastify').textContent()).toContain('101');
    await page.screenshot({ path: `${artifacts}customer.png`, fullPage: true });
    await page.close();
  });

  it('admin: approving a pending user removes it and updates the count', async () => {
    const page = await open('admin');
    const [first] = rig.simulator.world.usersWith('pending');
    const approve = page.getByRole('button', { name: `Approve ${first!.username}` });
    await approve.waitFor({ timeout: 30_000 });
    const before = rig.simulator.world.usersWith('pending').length;
    await approve.click();
    await expect.poll(() => approve.count()).toBe(0);
    await expect.poll(() => rig.simulator.world.user(first!.id)?.approval_status).toBe('approved');
    await expect.poll(() => page.locator('p[aria-live][data-count]').first().getAttribute('data-count')).toBe(String(before - 1));
    await page.screenshot({ path: `${artifacts}admin.png`, fullPage: true });
    await page.close();
  });

  it('chat: a message typed and sent shows as sent, the other side gets it, and a reply arrives', async () => {
    const page = await open('chat');
    const [left, right] = await page.getByRole('log').all();
    const box = page.getByRole('textbox').first();
    await box.waitFor({ timeout: 30_000 });
    await box.fill('Hello Sam, is the flat free?');
    await box.press('Enter');
    await expect.poll(() => left!.locator('[data-state="sent"]').filter({ hasText: 'Hello Sam, is the flat free?' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => right!.textContent()).toContain('Hello Sam, is the flat free?');
    await expect.poll(() => left!.locator('[data-own="false"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}chat.png`, fullPage: true });
    await page.close();
  });

  it('board: stopping the simulator shows reconnecting; restarting brings the data up to date', async () => {
    const page = await open('board');
    const card = page.getByRole('article', { name: 'Order #102' });
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    await page.screenshot({ path: `${artifacts}board.png`, fullPage: true });
    outage = true;
    await rig.stopBackend();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Reconnecting/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    rig.simulator.emit.orderUpdate({ order_id: 102, status: 'Extend', progress: 61 });
    await rig.startBackend();
    await expect.poll(() => card.getByRole('progressbar').getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('61');
    outage = false;
    await expect.poll(() => card.getAttribute('data-connection')).toBe('open');
    await page.close();
  });

});

afterEach(() => {
  // Every test's page must log no errors; checked after each test, whichever runs.
  expect(problems.splice(0)).toEqual([]);
});
