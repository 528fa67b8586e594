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

  it('chat (the ERP as deployed: SSE + REST): typing shows on the other side, messages arrive, read receipts come back, the layout uses the width', async () => {
    const page = await open('chat');
    const demoSide = page.getByRole('region', { name: 'You are Demo' });
    const noorSide = page.getByRole('region', { name: 'You are Noor' });
    const demoLog = demoSide.getByRole('log');
    const noorLog = noorSide.getByRole('log');
    const box = demoSide.getByRole('textbox');
    await box.waitFor({ timeout: 30_000 });
    await expect.poll(() => demoSide.getByRole('status').filter({ hasText: /Live|Connected/ }).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    await box.fill('Hello Noor, lab at 3?');
    await expect.poll(() => noorSide.getByText('Demo is typing…').count(), { timeout: 15_000 }).toBe(1);
    await box.press('Enter');
    const mine = demoLog.locator('[data-own="true"]').filter({ hasText: 'Hello Noor, lab at 3?' });
    await expect.poll(() => mine.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/sent|delivered|read/);
    await expect.poll(() => noorLog.textContent()).toContain('Hello Noor, lab at 3?');
    await expect.poll(() => noorSide.getByText('Demo is typing…').count()).toBe(0);
    // Noor has it on screen, so it is marked read; Demo's tick turns double (the server sends no
    // receipt: the next page of the conversation says so).
    await expect.poll(() => mine.getAttribute('data-state'), { timeout: 20_000 }).toBe('read');
    await expect.poll(() => mine.textContent()).toContain('Read');

    const reply = noorSide.getByRole('textbox');
    await reply.fill('Yes, see you there');
    await reply.press('Enter');
    await expect.poll(() => demoLog.textContent(), { timeout: 15_000 }).toContain('Yes, see you there');
    // The inbox lists the conversation with its last message.
    await expect.poll(() => noorSide.getByRole('button', { name: /Demo/ }).first().textContent()).toContain('Yes, see you there');

    // Side by side across the page: each side takes about half of the main area's width.
    const [left, right, main] = await Promise.all([demoSide.boundingBox(), noorSide.boundingBox(), page.locator('main').boundingBox()]);
    expect(left!.width + right!.width).toBeGreaterThan(main!.width * 0.9);
    const [panel] = await Promise.all([demoSide.locator('.rrk-chat').first().boundingBox()]);
    expect(panel!.width).toBeGreaterThan(left!.width * 0.55);
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
