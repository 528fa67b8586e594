/**
 * The browser's floor for per-order sockets: the same server, sockets and frames as the card
 * rows, received by a page with no kit, no React and no DOM updates (each `onmessage` only
 * `JSON.parse`s). What this page cannot keep up with, no card on top of it can: it separates
 * what the kit and the components cost from what the browser and the machine cost per message
 * (the network process, the IPC to the renderer, one task per frame, and the bench server on the
 * same cores).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from './chromium';
import type { BenchServer } from './server';
import { median } from './stats';
import { orderSequence } from './workload';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>per-order socket floor</title></head><body><script>
const cards = Number(new URLSearchParams(location.search).get('cards'));
const now = () => performance.timeOrigin + performance.now();
const f = (window.__floor = { open: 0, got: 0, lags: [], frames: [], longMs: 0, reset() { this.got = 0; this.lags = []; this.frames = []; this.longMs = 0; } });
for (let i = 1; i <= cards; i++) {
  const ws = new WebSocket('ws://' + location.host + '/ws/orders/' + i + '/');
  ws.onopen = () => f.open++;
  ws.onmessage = (e) => { const m = JSON.parse(e.data); f.got++; f.lags.push(now() - m.sent_at); };
}
let last = 0;
const loop = (t) => { if (last) f.frames.push(t - last); last = t; requestAnimationFrame(loop); };
requestAnimationFrame(loop);
new PerformanceObserver((list) => { for (const e of list.getEntries()) f.longMs += e.duration; }).observe({ type: 'longtask' });
</script></body></html>`;

export interface FloorRate {
  rate: number;
  lagP95: number | null;
  frameP95: number | null;
  longTaskShare: number | null;
  /** Renderer main-thread task time per 1,000 messages (Performance.getMetrics TaskDuration). */
  mainMsPer1000: number | null;
  keptUp: boolean;
  smooth: boolean;
}

export interface FloorResult {
  title: string;
  workload: { cards: number; rates: number[]; seconds: number };
  byRate: FloorRate[];
  highestKeptUp: number;
  highestSmooth: number;
}

/** Serve the page from the bench server's root and measure each rate `reps` times (medians). */
export async function runFloor(
  browser: Browser,
  server: BenchServer,
  root: string,
  options: { cards: number; rates: number[]; seconds: number; reps: number; lagLimitMs: number; smoothFrameMs: number },
  log: (line: string) => void,
): Promise<FloorResult> {
  const { cards, rates, seconds, reps, lagLimitMs, smoothFrameMs } = options;
  mkdirSync(`${root}floor`, { recursive: true });
  writeFileSync(`${root}floor/index.html`, PAGE);
  const workload = `${cards} per-order sockets (ws/orders/<id>/), JSON.parse per frame, no kit, no React, no DOM change`;
  log(`Floor: ${workload}; ${rates.join(', ')} msg/s for ${seconds} s`);
  const runs = new Map<number, { lagP95: number; frameP95: number; longShare: number; mainPer1000: number; all: boolean }[]>(rates.map((r) => [r, []]));
  for (let rep = 0; rep < reps; rep++) {
    server.dropAll();
    const tab = await browser.open(`http://127.0.0.1:${server.port}/floor/index.html?cards=${cards}`);
    try {
      await tab.waitFor(`window.__floor && __floor.open === ${cards}`);
      await tab.send('Performance.enable', { timeDomain: 'threadTicks' });
      for (const rate of rates) {
        await new Promise((r) => setTimeout(r, 500));
        await tab.eval('__floor.reset()');
        const before = await taskSeconds(tab);
        const frames = rate * seconds;
        const sent = await server.replay('perOrder', orderSequence(5000 + rep, frames, cards), rate);
        // Everything sent, then what is still in flight: the same drain the card rows allow.
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline && (await tab.eval<number>('__floor.got')) < frames) await new Promise((r) => setTimeout(r, 50));
        const after = await taskSeconds(tab);
        const page = await tab.eval<{ got: number; lagP95: number; frameP95: number; longMs: number }>(
          `(() => { const p = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(0.95 * (s.length - 1))] : 0; }; return { got: __floor.got, lagP95: p(__floor.lags), frameP95: p(__floor.frames), longMs: __floor.longMs }; })()`,
        );
        const windowMs = sent.endedAt - sent.startedAt;
        runs.get(rate)!.push({
          lagP95: page.lagP95,
          frameP95: page.frameP95,
          longShare: windowMs > 0 ? page.longMs / windowMs : 0,
          mainPer1000: ((after - before) * 1000 * 1000) / frames,
          all: page.got >= frames,
        });
        log(`  floor ${rate}/s #${rep + 1}: lag p95 ${Math.round(page.lagP95)} ms, frame p95 ${Math.round(page.frameP95)} ms, ${page.got}/${frames} frames`);
      }
    } finally {
      await tab.close();
    }
  }
  const byRate = rates.map((rate): FloorRate => {
    const list = runs.get(rate)!;
    const lagP95 = median(list.map((r) => r.lagP95));
    const frameP95 = median(list.map((r) => r.frameP95));
    return {
      rate,
      lagP95,
      frameP95,
      longTaskShare: median(list.map((r) => r.longShare)),
      mainMsPer1000: median(list.map((r) => r.mainPer1000)),
      keptUp: list.filter((r) => r.all && r.lagP95 <= lagLimitMs).length * 2 > list.length,
      smooth: list.filter((r) => r.frameP95 <= smoothFrameMs).length * 2 > list.length,
    };
  });
  return {
    title: `Floor: ${workload}; kept up = lag p95 ≤ ${lagLimitMs} ms with every frame received, smooth = p95 frame ≤ ${smoothFrameMs} ms`,
    workload: { cards, rates, seconds },
    byRate,
    highestKeptUp: byRate.filter((r) => r.keptUp).reduce((max, r) => Math.max(max, r.rate), 0),
    highestSmooth: byRate.filter((r) => r.smooth).reduce((max, r) => Math.max(max, r.rate), 0),
  };
}

async function taskSeconds(tab: { send<T>(method: string, params?: unknown): Promise<T> }): Promise<number> {
  const { metrics } = await tab.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}
