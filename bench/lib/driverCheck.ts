/**
 * One small comparison of drivers: the same burst on our side, driven once over the bare CDP
 * connection (no domain enabled) and once by playwright, which enables the Network domain on
 * every page, so that Chromium copies each WebSocket frame to the driver.
 */
import { chromium, type Browser as PwBrowser, type CDPSession, type Page } from 'playwright';
import { CHROMIUM, chromiumArgs, type Browser } from './chromium';
import { median } from './stats';
import { runPage, type PageOpener, type PageTab, type RunResult } from './measure';
import type { BenchServer } from './server';
import { orderSequence } from './workload';

class PlaywrightTab implements PageTab {
  constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  eval<T = unknown>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  async waitFor(expression: string, timeoutMs = 30_000): Promise<void> {
    await this.page.waitForFunction(expression, undefined, { timeout: timeoutMs });
  }

  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.cdp.send(method as 'Runtime.evaluate', params as never) as Promise<T>;
  }

  async heapAfterGc(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    return (await this.cdp.send('Runtime.getHeapUsage')).usedSize;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

export async function driverCheck(raw: Browser, server: BenchServer, options: { cards: number; frames: number; reps: number }) {
  const pw: PwBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: chromiumArgs.filter((a) => !a.startsWith('--headless')) });
  const context = await pw.newContext();
  const viaPlaywright: PageOpener = {
    async open(url) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await page.goto(url);
      return new PlaywrightTab(page, cdp);
    },
  };
  const runs: Record<'rawCdp' | 'playwright', RunResult[]> = { rawCdp: [], playwright: [] };
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      const sequence = orderSequence(3000 + rep, options.frames, options.cards);
      for (const driver of rep % 2 === 0 ? (['rawCdp', 'playwright'] as const) : (['playwright', 'rawCdp'] as const)) {
        const result = await runPage(driver === 'rawCdp' ? raw : viaPlaywright, server, { side: 'ours', stream: 'multi', cards: options.cards, sequence, doneTimeoutMs: 180_000, lag: false });
        runs[driver].push(result);
        process.stderr.write(`  driver ${driver} #${rep + 1}: ${result.wallMs?.toFixed(0)} ms${result.ok ? '' : ` (${result.problem})`}\n`);
      }
    }
  } finally {
    await pw.close();
  }
  const rawMs = median(runs.rawCdp.map((r) => r.wallMs));
  const pwMs = median(runs.playwright.map((r) => r.wallMs));
  return {
    title: `Driver check: ours, ${options.cards} cards, ${options.frames.toLocaleString('en-US')} frames, median of ${options.reps}`,
    rawCdpWallMs: rawMs,
    playwrightWallMs: pwMs,
    playwrightSlowdown: rawMs && pwMs ? pwMs / rawMs : null,
    ok: [...runs.rawCdp, ...runs.playwright].every((r) => r.ok),
  };
}
