/**
 * Per-component figures: each of the kit's live components on its own page
 * (bench/page/widgets.tsx), fed by the in-page simulator through the kit's real client. A run:
 * open the page, wait until the component is connected and shows its start, prefill (the bell's
 * and the chat's starting items, not measured), take the heap after GC, emit the workload, wait
 * until the final state is in the DOM, take the heap again.
 */
import type { Browser } from './chromium';
import type { BenchServer } from './server';
import { fmt, median } from './stats';

export interface WidgetPlan {
  boardOrders: number;
  boardChanges: number;
  dashboardBurst: number;
  bellItems: number;
  bellNew: number;
  chatMessages: number;
  chatNew: number;
  /** Events per second for the paced workloads (board, bell, chat). */
  rate: number;
}

interface WidgetCase {
  key: 'board' | 'dashboard' | 'bell' | 'chat';
  component: string;
  workload: string;
  size: number;
  count: number;
  rate: number;
}

export function widgetCases(plan: WidgetPlan): WidgetCase[] {
  const n = (v: number) => fmt(v);
  return [
    { key: 'board', component: 'OrdersBoard (Timing, admin)', workload: `${n(plan.boardOrders)} orders; ${n(plan.boardChanges)} status changes at ${n(plan.rate)}/s (Socket.IO feed)`, size: plan.boardOrders, count: plan.boardChanges, rate: plan.rate },
    { key: 'dashboard', component: 'RealTimeDashboard (admin)', workload: `burst of ${n(plan.dashboardBurst)} events as fast as emitted: 70 % order status changes, 20 % registrations, 10 % approvals`, size: 0, count: plan.dashboardBurst, rate: 0 },
    { key: 'bell', component: 'NotificationBell, open', workload: `${n(plan.bellItems)} notifications in the list; ${n(plan.bellNew)} new at ${n(plan.rate)}/s`, size: plan.bellItems, count: plan.bellNew, rate: plan.rate },
    { key: 'chat', component: 'ChatPanel', workload: `${n(plan.chatMessages)} messages in the conversation; ${n(plan.chatNew)} new at ${n(plan.rate)}/s`, size: plan.chatMessages, count: plan.chatNew, rate: plan.rate },
  ];
}

interface WidgetRun {
  settled: boolean;
  problem: string | null;
  events: number;
  sendMs: number;
  settleMs: number;
  afterLastMs: number;
  renders: number;
  frameP50: number | null;
  frameP95: number | null;
  frameMax: number | null;
  longTaskMs: number;
  longTasks: number;
  longTaskShare: number;
  listItems: number;
  errors: { code: string; message: string }[];
  heapBeforeMB: number;
  heapAfterMB: number;
  prefillMs: number;
  readyDetail: string;
}

export interface WidgetResult {
  key: string;
  component: string;
  workload: string;
  settleMs: number | null;
  afterLastMs: number | null;
  renders: number | null;
  frameP95: number | null;
  longTaskMs: number | null;
  longTaskShare: number | null;
  heapBeforeMB: number | null;
  heapAfterMB: number | null;
  listItems: number | null;
  runs: WidgetRun[];
}

export interface WidgetsResult {
  title: string;
  plan: WidgetPlan;
  rows: WidgetResult[];
}

/** How long the starting items (the bell's notifications, the chat's messages) may take to show. */
const PREFILL_TIMEOUT_MS = 60_000;

async function runOne(browser: Browser, server: BenchServer, c: WidgetCase): Promise<{ run?: WidgetRun; problem?: string }> {
  const q = new URLSearchParams({ widget: c.key, size: String(c.size), count: String(c.count), rate: String(c.rate) });
  const tab = await browser.open(`http://127.0.0.1:${server.port}/widgets/widgets.html?${q}`);
  let step = 'load';
  try {
    await tab.waitFor('window.__widgets');
    step = 'ready';
    const ready = await tab.eval<{ ok: boolean; detail: string }>('__widgets.ready()', 60_000);
    if (!ready.ok) return { problem: `not ready: ${ready.detail} ${JSON.stringify(await tab.eval('__bench.errors.slice(0, 3)'))}` };
    step = `showing its starting ${fmt(c.size)} items`;
    const prefill = await tab.eval<{ ok: boolean; ms: number; items: number }>(`__widgets.prefill(${PREFILL_TIMEOUT_MS})`, PREFILL_TIMEOUT_MS + 30_000);
    if (!prefill.ok) return { problem: `its starting ${fmt(c.size)} items were not all shown within ${PREFILL_TIMEOUT_MS / 1000} s (${fmt(prefill.items)} list items after ${fmt(prefill.ms / 1000, 1)} s)` };
    const heapBefore = await tab.heapAfterGc();
    step = 'the measured run';
    const run = await tab.eval<Omit<WidgetRun, 'heapBeforeMB' | 'heapAfterMB' | 'prefillMs' | 'readyDetail'>>('__widgets.run()', 120_000);
    const heapAfter = await tab.heapAfterGc();
    const full: WidgetRun = { ...run, heapBeforeMB: heapBefore / 2 ** 20, heapAfterMB: heapAfter / 2 ** 20, prefillMs: prefill.ms, readyDetail: ready.detail };
    if (!run.settled) return { run: full, problem: `the final state was not shown within 60 s: ${run.problem}` };
    const pageErrors = run.errors.filter((e) => e.code === 'page');
    if (pageErrors.length) return { run: full, problem: `the page threw: ${JSON.stringify(pageErrors)}` };
    return { run: full };
  } catch (error) {
    // A main thread blocked for longer than the driver waits answers nothing: that is the figure.
    return { problem: `during ${step}: ${(error as Error).message}` };
  } finally {
    await tab.close();
  }
}

export async function runWidgets(browser: Browser, server: BenchServer, plan: WidgetPlan & { reps?: number }, failures: string[], log: (line: string) => void): Promise<WidgetsResult> {
  const reps = plan.reps ?? 1;
  const cases = widgetCases(plan);
  log(`Components: ${cases.map((c) => c.component).join(', ')} on the in-page simulator`);
  const rows: WidgetResult[] = [];
  for (const c of cases) {
    const runs: WidgetRun[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const t0 = Date.now();
      const { run, problem } = await runOne(browser, server, c);
      if (run) runs.push(run);
      log(
        `  ${c.key} #${rep + 1}: ${run ? `settled in ${fmt(run.settleMs)} ms (${fmt(run.afterLastMs)} after the last event), ${run.renders} renders, frame p95 ${fmt(run.frameP95, 1)} ms, long tasks ${fmt(run.longTaskMs)} ms, ${run.listItems} list items` : 'no figures'}${problem ? `; BROKEN: ${problem}` : ''} [${((Date.now() - t0) / 1000).toFixed(1)} s]`,
      );
      if (problem) {
        failures.push(`component ${c.key}: ${problem}`);
        // A broken run is reported once; repeating it only costs time.
        break;
      }
    }
    const ok = runs.filter((r) => r.settled);
    rows.push({
      key: c.key,
      component: c.component,
      workload: c.workload,
      settleMs: median(ok.map((r) => r.settleMs)),
      afterLastMs: median(ok.map((r) => r.afterLastMs)),
      renders: median(ok.map((r) => r.renders)),
      frameP95: median(ok.map((r) => r.frameP95)),
      longTaskMs: median(ok.map((r) => r.longTaskMs)),
      longTaskShare: median(ok.map((r) => r.longTaskShare)),
      heapBeforeMB: median(ok.map((r) => r.heapBeforeMB)),
      heapAfterMB: median(ok.map((r) => r.heapAfterMB)),
      listItems: median(ok.map((r) => r.listItems)),
      runs,
    });
  }
  return {
    title: 'Components (each alone on a page with dist/styles.css, fed by the in-page simulator through the kit\'s client; settle = first event → final state checked in the DOM)',
    plan,
    rows,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

export function widgetReport(w: WidgetsResult): string[] {
  const rows = [['component', 'workload', 'settle (after last event)', 'renders (commits)', 'p95 frame', 'long tasks', 'heap after GC, before → after']];
  for (const r of w.rows) {
    rows.push([
      r.component,
      r.workload,
      `${fmt(r.settleMs, 0, ' ms')} (${fmt(r.afterLastMs, 0, ' ms')})`,
      fmt(r.renders),
      fmt(r.frameP95, 1, ' ms'),
      r.longTaskMs === null ? '—' : `${fmt(r.longTaskMs, 0, ' ms')} (${fmt((r.longTaskShare ?? 0) * 100, 1)} %)`,
      `${fmt(r.heapBeforeMB, 1)} → ${fmt(r.heapAfterMB, 1)} MB`,
    ]);
  }
  return [w.title, table(rows)];
}
