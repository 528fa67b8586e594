/**
 * `npm run bench [-- --quick] [-- --reps N] [-- --only burst,sustained,cards,floor,widgets,size,sockets,driver]`
 *
 * Side by side, in Debian's Chromium driven over a bare DevTools connection: the kit's hooks
 * against react-use-websocket 4.13 (share: true + a filter per card), same page, same cards,
 * same seeded frames from a loopback server; then the same per-order cards drawn by the kit's
 * components (`OrderCard` + styles.css against react-use-websocket feeding `OrderCardView`),
 * and each live component alone under its own workload (bench/lib/widgets.ts). Variants alternate within each repetition and
 * medians are reported. Prints a table and writes bench/results/latest.json (--quick:
 * bench/results/quick.json). Exits non-zero only when a run is broken (a card showing a wrong
 * final value, a burst that never reaches its final state, a page not on the profiling build);
 * timings are reported, never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPages, buildRoot } from './lib/build';
import { runFloor, type FloorResult } from './lib/floor';
import { Browser } from './lib/chromium';
import { driverCheck } from './lib/driverCheck';
import { describeMachine } from './lib/machine';
import { PageSession, runPage, socketCheck, type Layer, type RunResult, type RunSpec, type Side, type SocketCheck } from './lib/measure';
import { BenchServer } from './lib/server';
import { buildPackage, distIsStale, measureSizes } from './lib/size';
import { fmt, median, ratio } from './lib/stats';
import { runWidgets, widgetReport, type WidgetsResult } from './lib/widgets';
import { orderSequence } from './lib/workload';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.split('=')[1];
};
const only = new Set((argValue('--only') ?? (quick ? 'burst,sustained,cards,floor,widgets,size,sockets' : 'burst,sustained,cards,floor,widgets,size,sockets,driver')).split(','));

const plan = quick
  ? {
      reps: 1,
      burst: { cards: 100, frames: 2_000 },
      noFilter: { cards: 100, frames: 200 },
      perOrder: { cards: 50, frames: 2_000 },
      sustained: { cards: 100, rates: [1_000, 2_000], seconds: 2 },
      sockets: { perOrder: 200, sameOrder: 500, noShare: false },
      // The components only: the quick burst part already has the hooks on per-order sockets.
      cards: { cards: 50, frames: 1_000, rates: [2_000], seconds: 2, layers: ['components'] as Layer[] },
      floor: { cards: 50, rates: [2_000], seconds: 2 },
      widgets: { boardOrders: 100, boardChanges: 200, dashboardBurst: 200, bellItems: 200, bellNew: 50, chatMessages: 1_000, chatNew: 50, rate: 100 },
    }
  : {
      reps: 3,
      burst: { cards: 500, frames: 20_000 },
      noFilter: { cards: 500, frames: 500 },
      perOrder: { cards: 200, frames: 20_000 },
      sustained: { cards: 500, rates: [1_000, 2_000, 5_000, 10_000, 20_000], seconds: 5 },
      sockets: { perOrder: 200, sameOrder: 500, noShare: true },
      cards: { cards: 200, frames: 20_000, rates: [2_000, 5_000, 10_000, 20_000], seconds: 5, layers: ['hooks', 'components'] as Layer[] },
      floor: { cards: 200, rates: [2_000, 5_000, 10_000, 20_000], seconds: 5 },
      widgets: { boardOrders: 500, boardChanges: 1_000, dashboardBurst: 1_000, bellItems: 1_000, bellNew: 200, chatMessages: 10_000, chatNew: 200, rate: 200 },
    };
plan.reps = Number(argValue('--reps') ?? plan.reps);

/** A side keeps up with a rate when this share of its frames is on screen within LAG_LIMIT_MS. */
const LAG_LIMIT_MS = 100;
/** A run is smooth when its p95 animation-frame interval is at most this. */
const SMOOTH_FRAME_MS = 20;
const BURST_TIMEOUT_MS = quick ? 60_000 : 180_000;
const DRAIN_MS = 3_000;

const failures: string[] = [];
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();

interface Scenario {
  key: string;
  title: string;
  theirsLabel: string;
  base: Omit<RunSpec, 'side' | 'sequence'>;
  frames: number;
  orders: number;
  theirs: Partial<RunSpec>;
}

const burstScenarios: Scenario[] = [
  {
    key: 'multiOrder',
    title: `Hooks, minimal card — burst: ${plan.burst.cards} cards, ${plan.burst.frames.toLocaleString('en-US')} frames on one multi-order stream, as fast as the server sends`,
    theirsLabel: 'theirs (share + filter)',
    base: { stream: 'multi', cards: plan.burst.cards, doneTimeoutMs: BURST_TIMEOUT_MS, lag: false },
    frames: plan.burst.frames,
    orders: plan.burst.cards,
    theirs: { filter: true },
  },
  {
    key: 'multiOrderNoFilter',
    title: `Hooks, minimal card — burst: ${plan.noFilter.cards} cards, ${plan.noFilter.frames.toLocaleString('en-US')} frames on one multi-order stream, theirs without a filter`,
    theirsLabel: 'theirs (share, no filter)',
    base: { stream: 'multi', cards: plan.noFilter.cards, doneTimeoutMs: BURST_TIMEOUT_MS, lag: false },
    frames: plan.noFilter.frames,
    orders: plan.noFilter.cards,
    theirs: { filter: false },
  },
  {
    key: 'perOrder',
    title: `Hooks, minimal card — burst: ${plan.perOrder.cards} cards on ${plan.perOrder.cards} per-order streams (ws/orders/<id>/), ${plan.perOrder.frames.toLocaleString('en-US')} frames`,
    theirsLabel: 'theirs (share, one URL per order)',
    base: { stream: 'perOrder', cards: plan.perOrder.cards, doneTimeoutMs: BURST_TIMEOUT_MS, lag: false },
    frames: plan.perOrder.frames,
    orders: plan.perOrder.cards,
    theirs: {},
  },
];

function specFor(scenario: Scenario, side: Side, sequence: Int32Array): RunSpec {
  return { ...scenario.base, ...(side === 'theirs' ? scenario.theirs : {}), side, sequence };
}

const sidesInOrder = (rep: number): Side[] => (rep % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours']);

async function measureRun(browser: Browser, server: BenchServer, label: string, spec: RunSpec): Promise<RunResult> {
  const t0 = Date.now();
  const result = await runPage(browser, server, spec);
  const summary = result.done
    ? `${fmt(result.wallMs)} ms, ${result.renders} renders / ${result.ideal} ideal, lag p95 ${fmt(result.lagP95)} ms`
    : `not final in time (${result.unshown} frames unshown), lag p95 ${fmt(result.lagP95)} ms`;
  log(`  ${label} ${spec.side}: ${summary} [${((Date.now() - t0) / 1000).toFixed(1)} s]`);
  if (!result.ok) failures.push(`${label} ${spec.side}: ${result.problem}`);
  if (result.visibility !== 'visible') failures.push(`${label} ${spec.side}: the page was ${result.visibility}, so animation frames were throttled`);
  return result;
}

async function measureSessionRun(session: PageSession, label: string, run: Parameters<PageSession['run']>[0]): Promise<RunResult> {
  const t0 = Date.now();
  const result = await session.run(run);
  const summary = result.done
    ? `${fmt(result.wallMs)} ms, ${result.renders} renders / ${result.ideal} ideal, lag p95 ${fmt(result.lagP95)} ms, frame p95 ${fmt(result.frameP95, 1)} ms, long tasks ${fmt(result.longTaskMs)} ms`
    : `not final in time (${result.unshown} frames unshown), lag p95 ${fmt(result.lagP95)} ms, frame p95 ${fmt(result.frameP95, 1)} ms, long tasks ${fmt(result.longTaskMs)} ms`;
  log(`  ${label} ${session.spec.side}: ${summary} [${((Date.now() - t0) / 1000).toFixed(1)} s]`);
  if (!result.ok) failures.push(`${label} ${session.spec.side}: ${result.problem}`);
  if (result.visibility !== 'visible') failures.push(`${label} ${session.spec.side}: the page was ${result.visibility}, so animation frames were throttled`);
  return result;
}

interface SideSummary {
  runs: RunResult[];
  renders: number | null;
  ideal: number | null;
  rendersPerIdeal: number | null;
  wallMs: number | null;
  frameP95: number | null;
  heapBeforeMB: number | null;
  heapAfterMB: number | null;
}

function summarize(runs: RunResult[]): SideSummary {
  const mb = (b: number) => b / 2 ** 20;
  return {
    runs,
    renders: median(runs.map((r) => r.renders)),
    ideal: median(runs.map((r) => r.ideal)),
    rendersPerIdeal: median(runs.map((r) => r.rendersPerIdeal)),
    wallMs: median(runs.map((r) => r.wallMs)),
    frameP95: median(runs.map((r) => r.frameP95)),
    heapBeforeMB: median(runs.map((r) => mb(r.heapBefore))),
    heapAfterMB: median(runs.map((r) => mb(r.heapAfter))),
  };
}

async function runBursts(browser: Browser, server: BenchServer) {
  const out: Record<string, { title: string; theirsLabel: string; workload: Record<string, unknown>; ours: SideSummary; theirs: SideSummary }> = {};
  for (const scenario of burstScenarios) {
    log(`${scenario.title}`);
    const runs: Record<Side, RunResult[]> = { ours: [], theirs: [] };
    for (let rep = 0; rep < plan.reps; rep++) {
      const sequence = orderSequence(1000 + rep, scenario.frames, scenario.orders);
      for (const side of sidesInOrder(rep)) runs[side].push(await measureRun(browser, server, `${scenario.key} #${rep + 1}`, specFor(scenario, side, sequence)));
    }
    out[scenario.key] = {
      title: scenario.title,
      theirsLabel: scenario.theirsLabel,
      workload: { cards: scenario.base.cards, frames: scenario.frames, orders: scenario.orders, stream: scenario.base.stream, seeds: Array.from({ length: plan.reps }, (_, r) => 1000 + r) },
      ours: summarize(runs.ours),
      theirs: summarize(runs.theirs),
    };
  }
  return out;
}

interface RateResult {
  rate: number;
  ran: boolean;
  keptUp: boolean | null;
  lagP95: number | null;
  lagP50: number | null;
  frameP95: number | null;
  unshown: number | null;
  heapAfterMB: number | null;
  reps: { keptUp: boolean; lagP95: number | null; frameP95: number | null; unshown: number }[];
}

async function runSustained(browser: Browser, server: BenchServer) {
  const { cards, rates, seconds } = plan.sustained;
  log(`Sustained: ${cards} cards on one multi-order stream, ${rates.join(', ')} msg/s for ${seconds} s each`);
  const perRep: Record<Side, { rate: number; keptUp: boolean; result: RunResult }[][]> = { ours: [], theirs: [] };
  for (let rep = 0; rep < plan.reps; rep++) {
    for (const side of sidesInOrder(rep)) {
      const list: { rate: number; keptUp: boolean; result: RunResult }[] = [];
      for (const rate of rates) {
        const sequence = orderSequence(2000 + rep * 10 + rates.indexOf(rate), rate * seconds, cards);
        const spec: RunSpec = { side, stream: 'multi', cards, filter: true, sequence, rate, doneTimeoutMs: seconds * 1000 + DRAIN_MS, lag: true };
        const result = await measureRun(browser, server, `sustained ${rate}/s #${rep + 1}`, spec);
        const keptUp = result.done && result.lagP95 !== null && result.lagP95 <= LAG_LIMIT_MS;
        list.push({ rate, keptUp, result });
        // A side that fell behind at this rate only falls further behind at the next.
        if (!keptUp) break;
      }
      perRep[side].push(list);
    }
  }
  const sideOut = (side: Side) => {
    const byRate: RateResult[] = rates.map((rate) => {
      const reps = perRep[side].map((list) => list.find((x) => x.rate === rate)).filter((x) => x !== undefined);
      const ran = reps.length > 0;
      return {
        rate,
        ran,
        keptUp: ran ? reps.filter((x) => x.keptUp).length * 2 > reps.length : null,
        lagP95: median(reps.map((x) => x.result.lagP95)),
        lagP50: median(reps.map((x) => x.result.lagP50)),
        frameP95: median(reps.map((x) => x.result.frameP95)),
        unshown: median(reps.map((x) => x.result.unshown)),
        heapAfterMB: median(reps.map((x) => x.result.heapAfter / 2 ** 20)),
        reps: reps.map((x) => ({ keptUp: x.keptUp, lagP95: x.result.lagP95, frameP95: x.result.frameP95, unshown: x.result.unshown })),
      };
    });
    const highestPerRep = perRep[side].map((list) => list.filter((x) => x.keptUp).reduce((max, x) => Math.max(max, x.rate), 0));
    return { byRate, highestKeptUp: median(highestPerRep), highestKeptUpPerRep: highestPerRep };
  };
  return {
    title: `Hooks, minimal card — sustained: ${cards} cards, one multi-order stream, ${seconds} s per rate; kept up = render lag p95 ≤ ${LAG_LIMIT_MS} ms and the final state shown within ${DRAIN_MS / 1000} s after the last frame`,
    workload: { cards, rates, seconds, lagLimitMs: LAG_LIMIT_MS, drainMs: DRAIN_MS },
    ours: sideOut('ours'),
    theirs: sideOut('theirs'),
  };
}

async function runSockets(browser: Browser, server: BenchServer): Promise<SocketCheck[]> {
  const { perOrder, sameOrder, noShare } = plan.sockets;
  log(`Sockets: ${perOrder} cards on ${perOrder} orders, ${sameOrder} cards on one order, the ${perOrder + 1}st per-order socket`);
  const checks: SocketCheck[] = [];
  const run = async (spec: Parameters<typeof socketCheck>[2]) => {
    const check = await socketCheck(browser, server, spec);
    log(`  ${spec.case} ${spec.side}${spec.side === 'theirs' ? (spec.share === false ? ' (no share)' : ' (share)') : ''}: ${check.serverConnections} server connections, ${check.serverOpen} open, page failed ${check.page.failed}`);
    checks.push(check);
  };
  for (const side of ['ours', 'theirs'] as Side[]) {
    await run({ side, case: `${perOrder} cards on ${perOrder} orders`, stream: 'perOrder', cards: perOrder, settleMs: 20_000 });
    await run({ side, case: `${sameOrder} cards on 1 order`, stream: 'perOrder', cards: sameOrder, sameOrder: true, settleMs: 20_000 });
  }
  if (noShare) await run({ side: 'theirs', case: `${sameOrder} cards on 1 order`, stream: 'perOrder', cards: sameOrder, sameOrder: true, share: false, settleMs: 20_000 });
  await run({ side: 'ours', case: `${perOrder + 1} cards on ${perOrder + 1} orders`, stream: 'perOrder', cards: perOrder + 1, settleMs: 5_000, unmountFirst: true });
  await run({ side: 'theirs', case: `${perOrder + 1} cards on ${perOrder + 1} orders`, stream: 'perOrder', cards: perOrder + 1, settleMs: 20_000 });
  return checks;
}

interface CardRow {
  key: string;
  layer: Layer;
  side: Side;
  /** The row's name in the report: layer, what draws the card, what feeds it. */
  label: string;
  spec: Partial<RunSpec>;
}

/**
 * The card rows: the same N cards on N per-order sockets, drawn by the hooks layer (the
 * minimal card) and by the components layer (the kit's order card with styles.css), each
 * side by side with react-use-websocket; burst and sustained.
 */
const cardRows: CardRow[] = [
  { key: 'hooks-ours', layer: 'hooks', side: 'ours', label: 'hooks: useOrderSocket → minimal card', spec: {} },
  { key: 'hooks-theirs', layer: 'hooks', side: 'theirs', label: 'hooks: react-use-websocket (share) → minimal card', spec: {} },
  { key: 'components-ours', layer: 'components', side: 'ours', label: 'components: OrderCard + styles.css', spec: {} },
  { key: 'components-theirs', layer: 'components', side: 'theirs', label: 'components: react-use-websocket (share) → OrderCardView + styles.css', spec: {} },
];

interface CardRateResult {
  rate: number;
  ran: boolean;
  keptUp: boolean | null;
  smooth: boolean | null;
  lagP95: number | null;
  frameP95: number | null;
  rendersPerIdeal: number | null;
  longTaskMs: number | null;
  longTaskShare: number | null;
  windowMs: number | null;
  heapAfterMB: number | null;
  unshown: number | null;
}

interface CardRowResult {
  key: string;
  layer: Layer;
  side: Side;
  label: string;
  workload: string;
  burst: SideSummary & { longTaskMs: number | null; longTaskShare: number | null };
  byRate: CardRateResult[];
  highestKeptUp: number | null;
  highestSmooth: number | null;
  highestKeptUpPerRep: number[];
  highestSmoothPerRep: number[];
}

async function runCards(browser: Browser, server: BenchServer) {
  const { cards, frames, rates, seconds, layers } = plan.cards;
  const rowsRun = cardRows.filter((r) => layers.includes(r.layer));
  const workload = `${cards} cards on ${cards} per-order sockets (ws/orders/<id>/)`;
  log(`Cards: ${workload}; ${layers.map((l) => (l === 'hooks' ? 'hooks (minimal card)' : 'components (OrderCard + styles.css)')).join(' and ')}, burst of ${fmt(frames)} frames, sustained ${rates.join(', ')} msg/s for ${seconds} s`);
  const burstRuns = new Map<string, RunResult[]>(rowsRun.map((r) => [r.key, []]));
  const sustainedRuns = new Map<string, { rate: number; keptUp: boolean; smooth: boolean; result: RunResult }[][]>(rowsRun.map((r) => [r.key, []]));
  for (let rep = 0; rep < plan.reps; rep++) {
    const burstSequence = orderSequence(3000 + rep, frames, cards);
    for (const layer of layers) {
      for (const side of sidesInOrder(rep)) {
        const row = rowsRun.find((r) => r.layer === layer && r.side === side)!;
        const label = `cards ${row.key}`;
        const session = await PageSession.open(browser, server, { side, layer, stream: 'perOrder', cards, filter: true, ...row.spec });
        const list: { rate: number; keptUp: boolean; smooth: boolean; result: RunResult }[] = [];
        if (!(session instanceof PageSession)) {
          failures.push(`${label} ${side}: ${session.problem}`);
          log(`  ${label} ${side}: BROKEN ${session.problem}`);
          sustainedRuns.get(row.key)!.push(list);
          continue;
        }
        try {
          // One page per row and repetition: the burst, then each rate on the same sockets.
          burstRuns.get(row.key)!.push(await measureSessionRun(session, `${label} burst #${rep + 1}`, { sequence: burstSequence, doneTimeoutMs: BURST_TIMEOUT_MS, lag: false }));
          for (const rate of rates) {
            const sequence = orderSequence(4000 + rep * 10 + rates.indexOf(rate), rate * seconds, cards);
            const result = await measureSessionRun(session, `${label} ${rate}/s #${rep + 1}`, { sequence, rate, doneTimeoutMs: seconds * 1000 + DRAIN_MS, lag: true });
            const keptUp = result.done && result.lagP95 !== null && result.lagP95 <= LAG_LIMIT_MS;
            const smooth = result.frameP95 !== null && result.frameP95 <= SMOOTH_FRAME_MS;
            list.push({ rate, keptUp, smooth, result });
            // A side that fell behind at this rate only falls further behind at the next.
            if (!keptUp) break;
          }
        } finally {
          await session.close();
        }
        sustainedRuns.get(row.key)!.push(list);
      }
    }
  }
  const rows: CardRowResult[] = rowsRun.map((row) => {
    const bursts = burstRuns.get(row.key)!;
    const perRep = sustainedRuns.get(row.key)!;
    const byRate: CardRateResult[] = rates.map((rate) => {
      const reps = perRep.map((list) => list.find((x) => x.rate === rate)).filter((x) => x !== undefined);
      const ran = reps.length > 0;
      return {
        rate,
        ran,
        keptUp: ran ? reps.filter((x) => x.keptUp).length * 2 > reps.length : null,
        smooth: ran ? reps.filter((x) => x.smooth).length * 2 > reps.length : null,
        lagP95: median(reps.map((x) => x.result.lagP95)),
        frameP95: median(reps.map((x) => x.result.frameP95)),
        rendersPerIdeal: median(reps.map((x) => x.result.rendersPerIdeal)),
        longTaskMs: median(reps.map((x) => x.result.longTaskMs)),
        longTaskShare: median(reps.map((x) => x.result.longTaskShare)),
        windowMs: median(reps.map((x) => x.result.windowMs)),
        heapAfterMB: median(reps.map((x) => x.result.heapAfter / 2 ** 20)),
        unshown: median(reps.map((x) => x.result.unshown)),
      };
    });
    const highestKeptUpPerRep = perRep.map((list) => list.filter((x) => x.keptUp).reduce((max, x) => Math.max(max, x.rate), 0));
    const highestSmoothPerRep = perRep.map((list) => list.filter((x) => x.smooth).reduce((max, x) => Math.max(max, x.rate), 0));
    return {
      key: row.key,
      layer: row.layer,
      side: row.side,
      label: row.label,
      workload,
      burst: { ...summarize(bursts), longTaskMs: median(bursts.map((r) => r.longTaskMs)), longTaskShare: median(bursts.map((r) => r.longTaskShare)) },
      byRate,
      highestKeptUp: median(highestKeptUpPerRep),
      highestSmooth: median(highestSmoothPerRep),
      highestKeptUpPerRep,
      highestSmoothPerRep,
    };
  });
  return {
    title: `Cards: ${workload}, ${layers.join(' and ')} side by side; burst ${fmt(frames)} frames; sustained ${seconds} s per rate, kept up = lag p95 ≤ ${LAG_LIMIT_MS} ms and final state within ${DRAIN_MS / 1000} s, smooth = p95 frame ≤ ${SMOOTH_FRAME_MS} ms`,
    workload: { cards, frames, rates, seconds, layers, stream: 'perOrder', lagLimitMs: LAG_LIMIT_MS, smoothFrameMs: SMOOTH_FRAME_MS, drainMs: DRAIN_MS },
    rows,
  };
}

// ---------------------------------------------------------------------------------------

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r, i) => {
    const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
    return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

const x = (v: number | null, digits = 2) => (v === null ? '—' : `${v.toFixed(digits)}×`);

async function main() {
  const results: Record<string, unknown> = { generatedAt: new Date().toISOString(), mode: quick ? 'quick' : 'full', plan };
  log(`react-realtime-kit bench (${quick ? 'quick' : 'full'}): building the pages`);
  const needBrowser = ['burst', 'sustained', 'cards', 'floor', 'widgets', 'sockets', 'driver'].some((part) => only.has(part));
  // The component pages load dist/styles.css: rebuild dist when src is newer, as the size rows do.
  if ((only.has('cards') || only.has('widgets') || only.has('size')) && distIsStale()) {
    log('dist/ is missing or older than src/, running `npm run build`');
    buildPackage();
  }
  if (needBrowser) await buildPages();
  const server = await new BenchServer(buildRoot).listen();
  const browser = needBrowser ? await Browser.launch() : null;
  const machine = describeMachine(browser?.version ?? 'not launched');
  results['machine'] = machine;
  results['driver'] = {
    kind: 'raw Chrome DevTools Protocol over ws; no domain enabled (Network, Page, Runtime events all off)',
    chromiumArgs: (await import('./lib/chromium')).chromiumArgs,
  };
  const out: string[] = [];
  try {
    // A part that throws is a broken run; the other parts still run and are written.
    const part = async (name: string, run: () => Promise<unknown>) => {
      if (!browser || !only.has(name)) return;
      try {
        results[name] = await run();
      } catch (error) {
        failures.push(`${name}: ${(error as Error).stack ?? String(error)}`);
        log(`${name}: BROKEN ${(error as Error).message}`);
      }
    };
    await part('burst', () => runBursts(browser!, server));
    await part('sustained', () => runSustained(browser!, server));
    await part('cards', () => runCards(browser!, server));
    await part('floor', () => runFloor(browser!, server, buildRoot, { ...plan.floor, reps: plan.reps, lagLimitMs: LAG_LIMIT_MS, smoothFrameMs: SMOOTH_FRAME_MS }, log));
    await part('widgets', () => runWidgets(browser!, server, { ...plan.widgets, reps: plan.reps }, failures, log));
    await part('sockets', () => runSockets(browser!, server));
    if (browser && only.has('driver')) {
      log('Driver check: raw CDP vs playwright');
      results['driverCheck'] = await driverCheck(browser, server, { cards: plan.burst.cards, frames: plan.burst.frames, reps: 2 });
    }
    if (only.has('size')) {
      // Sizes are of the built package, as an app gets it (dist was rebuilt above when stale).
      log('Size: the built package bundled as an app would, minified + gzipped');
      results['size'] = await measureSizes();
    }
    if (browser) (results['driver'] as Record<string, unknown>)['cdpEventsReceived'] = browser.cdp.events;
  } finally {
    await browser?.close();
    await server.close();
  }
  results['durationSeconds'] = Math.round((Date.now() - started) / 1000);

  // ---- the report
  out.push(`react-realtime-kit vs react-use-websocket ${machine.reactUseWebSocket} — ${quick ? 'QUICK run (small workload, 1 repetition; not comparable with the full figures)' : `full run, median of ${plan.reps} repetitions`}`);
  out.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; ${machine.chromium}; React ${machine.react} (profiling build)`);
  const events = Object.entries(browser?.cdp.events ?? {}).map(([method, n]) => `${method} ${n}`).join(', ') || 'none';
  out.push(`Driver: raw CDP, no domain enabled (events received: ${events}). Ratios are ours/theirs.`);
  const targets: { target: string; met: boolean | null; detail: string }[] = [];

  const burst = results['burst'] as Awaited<ReturnType<typeof runBursts>> | undefined;
  if (burst) {
    for (const [key, b] of Object.entries(burst)) {
      out.push('', b.title);
      const o = b.ours;
      const t = b.theirs;
      const rows = [
        ['', 'ours', b.theirsLabel, 'ours/theirs'],
        ['card renders', fmt(o.renders), fmt(t.renders), x(ratio(o.renders, t.renders))],
        ['ideal (1 per changed card per frame)', fmt(o.ideal), fmt(t.ideal), ''],
        ['renders / ideal', x(o.rendersPerIdeal), x(t.rendersPerIdeal), ''],
        ['wall time to final state (verified in DOM)', fmt(o.wallMs, 0, ' ms'), fmt(t.wallMs, 0, ' ms'), x(ratio(o.wallMs, t.wallMs))],
        ['p95 frame interval', fmt(o.frameP95, 1, ' ms'), fmt(t.frameP95, 1, ' ms'), x(ratio(o.frameP95, t.frameP95))],
        ['JS heap after GC, before → after', `${fmt(o.heapBeforeMB, 2)} → ${fmt(o.heapAfterMB, 2)} MB`, `${fmt(t.heapBeforeMB, 2)} → ${fmt(t.heapAfterMB, 2)} MB`, x(ratio(o.heapAfterMB, t.heapAfterMB))],
      ];
      out.push(table(rows));
      if (key === 'multiOrder') {
        targets.push({ target: 'renders ≤ 1.05× the ideal', met: o.rendersPerIdeal === null ? null : o.rendersPerIdeal <= 1.05, detail: `${x(o.rendersPerIdeal)} (theirs ${x(t.rendersPerIdeal)})` });
        const faster = o.wallMs && t.wallMs ? t.wallMs / o.wallMs : null;
        targets.push({ target: 'burst wall time ≥ 3× faster than theirs with filters', met: faster === null ? null : faster >= 3, detail: `${x(faster)} faster (${fmt(o.wallMs)} vs ${fmt(t.wallMs)} ms)` });
      }
    }
  }

  const sustained = results['sustained'] as Awaited<ReturnType<typeof runSustained>> | undefined;
  if (sustained) {
    out.push('', sustained.title);
    const cell = (r: RateResult) => (!r.ran ? 'not run (fell behind lower)' : `${r.keptUp ? 'yes' : 'NO '} lag p95 ${fmt(r.lagP95, 0)} ms, frame p95 ${fmt(r.frameP95, 0)} ms`);
    const rows = [['rate (msg/s)', 'ours: kept up? render lag, frame interval', 'theirs (share + filter)']];
    sustained.ours.byRate.forEach((r, i) => rows.push([fmt(r.rate), cell(r), cell(sustained.theirs.byRate[i]!)]));
    rows.push(['highest rate kept up', fmt(sustained.ours.highestKeptUp), fmt(sustained.theirs.highestKeptUp)]);
    out.push(table(rows));
    const topRate = Math.max(...plan.sustained.rates);
    const oursTop = sustained.ours.highestKeptUp ?? 0;
    const theirsTop = sustained.theirs.highestKeptUp ?? 0;
    const bound = oursTop >= topRate ? ' (ours kept up with the top rate tried: the ratio is a lower bound)' : '';
    targets.push({
      target: 'highest sustained rate kept up ≥ 5× theirs',
      met: theirsTop > 0 ? oursTop / theirsTop >= 5 : oursTop > 0 ? true : null,
      detail: `${fmt(oursTop)} vs ${fmt(theirsTop)} msg/s = ${theirsTop > 0 ? x(oursTop / theirsTop, 1) : '—'}${bound}`,
    });
    const heaps = sustained.ours.byRate.filter((r) => r.ran).map((r) => `${fmt(r.rate)}/s: ${fmt(r.heapAfterMB, 2)} MB`);
    out.push(`ours, JS heap after GC after each rate: ${heaps.join(', ')}`);
  }
  if (burst) {
    const heaps = Object.values(burst).filter((b) => b.workload['stream'] === 'multi' && b.workload['cards'] === plan.burst.cards);
    if (heaps.length >= 1 && sustained) {
      const values = [...heaps.map((b) => b.ours.heapAfterMB), ...sustained.ours.byRate.filter((r) => r.ran).map((r) => r.heapAfterMB)].filter((v): v is number => v !== null);
      const spread = Math.max(...values) - Math.min(...values);
      targets.push({ target: 'heap flat whatever the volume', met: spread < 1, detail: `ours after GC: ${fmt(Math.min(...values), 2)}–${fmt(Math.max(...values), 2)} MB across ${fmt(Math.min(...heaps.map((b) => b.workload['frames'] as number)))} to ${fmt(Math.max(...plan.sustained.rates) * plan.sustained.seconds)} frames` });
    }
  }

  const cardsOut = results['cards'] as Awaited<ReturnType<typeof runCards>> | undefined;
  if (cardsOut) {
    out.push('', cardsOut.title);
    const share = (ms: number | null, s: number | null, windowMs?: number | null) =>
      ms === null ? '—' : `${fmt(ms / 1000, 2)} s${windowMs ? ` of ${fmt(windowMs / 1000, 1)} s` : ''} (${fmt((s ?? 0) * 100, 1)} %)`;
    out.push('Burst (as fast as the server sends):');
    const burstRows = [['layer: what draws / feeds the card', 'renders / ideal', 'wall to final (DOM)', 'p95 frame', 'long tasks', 'heap after GC']];
    for (const r of cardsOut.rows) {
      const b = r.burst;
      burstRows.push([r.label, x(b.rendersPerIdeal), fmt(b.wallMs, 0, ' ms'), fmt(b.frameP95, 1, ' ms'), share(b.longTaskMs, b.longTaskShare), `${fmt(b.heapAfterMB, 2)} MB`]);
    }
    out.push(table(burstRows));
    out.push('Sustained:');
    const rateCell = (r: CardRateResult) =>
      !r.ran ? 'not run (fell behind lower)' : `${r.keptUp ? 'kept up' : 'BEHIND '} lag p95 ${fmt(r.lagP95, 0)} ms, frame p95 ${fmt(r.frameP95, 0)} ms, ${x(r.rendersPerIdeal)} ideal, long tasks ${fmt((r.longTaskShare ?? 0) * 100, 1)} %`;
    const sustainedRows = [['layer: what draws / feeds the card', ...plan.cards.rates.map((rate) => `${fmt(rate)} msg/s`), 'kept up to', 'smooth to']];
    for (const r of cardsOut.rows) sustainedRows.push([r.label, ...r.byRate.map(rateCell), fmt(r.highestKeptUp), fmt(r.highestSmooth)]);
    out.push(table(sustainedRows));
    const heaps = cardsOut.rows.map((r) => `${r.key} ${r.byRate.filter((b) => b.ran).map((b) => fmt(b.heapAfterMB, 2)).join('/')} MB`);
    out.push(`JS heap after GC after each rate run: ${heaps.join('; ')}`);
    const oc = cardsOut.rows.find((r) => r.key === 'components-ours')!;
    const hk = cardsOut.rows.find((r) => r.key === 'hooks-ours');
    const at2k = oc.byRate.find((r) => r.rate === 2_000);
    const ocRenders = at2k?.rendersPerIdeal ?? oc.burst.rendersPerIdeal;
    targets.push({ target: 'OrderCard + styles, per-order sockets: renders ≤ 1.05× ideal', met: ocRenders === null ? null : ocRenders <= 1.05, detail: `${x(ocRenders)} (burst ${x(oc.burst.rendersPerIdeal)})` });
    targets.push({ target: 'OrderCard + styles: keeps up at ≥ 10,000 msg/s', met: oc.highestKeptUp === null ? null : oc.highestKeptUp >= 10_000, detail: `kept up to ${fmt(oc.highestKeptUp)} msg/s` });
    targets.push({ target: 'OrderCard + styles: smooth (p95 frame ≤ 20 ms) at ≥ 5,000 msg/s', met: oc.highestSmooth === null ? null : oc.highestSmooth >= 5_000, detail: `smooth to ${fmt(oc.highestSmooth)} msg/s` });
    targets.push({ target: 'OrderCard + styles: long tasks at 2,000 msg/s < 5 % of the time', met: at2k?.longTaskShare == null ? null : at2k.longTaskShare < 0.05, detail: at2k?.ran ? share(at2k.longTaskMs, at2k.longTaskShare, at2k.windowMs) : 'not run' });
    if (hk) targets.push({ target: 'hooks, per-order sockets: smooth at ≥ 5,000 msg/s', met: hk.highestSmooth === null ? null : hk.highestSmooth >= 5_000, detail: `smooth to ${fmt(hk.highestSmooth)} msg/s` });
  }

  const floorOut = results['floor'] as FloorResult | undefined;
  if (floorOut) {
    out.push('', floorOut.title);
    const rows = [['rate', 'lag p95', 'p95 frame', 'long tasks', 'main thread per 1,000 frames', 'kept up', 'smooth']];
    for (const r of floorOut.byRate) {
      rows.push([`${fmt(r.rate)} msg/s`, fmt(r.lagP95, 0, ' ms'), fmt(r.frameP95, 0, ' ms'), `${fmt((r.longTaskShare ?? 0) * 100, 1)} %`, fmt(r.mainMsPer1000, 0, ' ms'), r.keptUp ? 'yes' : 'no', r.smooth ? 'yes' : 'no']);
    }
    out.push(table(rows));
    out.push(`The browser itself, on this machine, keeps up to ${fmt(floorOut.highestKeptUp)} msg/s and is smooth to ${fmt(floorOut.highestSmooth)} msg/s on these sockets: no layer above can do better.`);
  }

  const widgetsOut = results['widgets'] as WidgetsResult | undefined;
  if (widgetsOut) out.push('', ...widgetReport(widgetsOut));

  const size = results['size'] as Awaited<ReturnType<typeof measureSizes>> | undefined;
  if (size) {
    out.push('', `Size: ${size.method}`);
    const ruw = size.rows.find((r) => r.name === 'react-use-websocket (package)')!;
    const vs = (bytes: number) => x(bytes / ruw.gzipBytes);
    const rows = [['entry', 'min', 'min+gz', 'vs react-use-websocket']];
    for (const r of size.rows) {
      const theirs = r.name.startsWith('react-use');
      if (!r.css) {
        rows.push([r.name, fmt(r.minBytes), fmt(r.gzipBytes), theirs ? '' : vs(r.gzipBytes)]);
        continue;
      }
      rows.push([`${r.name}: JS`, fmt(r.minBytes), fmt(r.gzipBytes), vs(r.gzipBytes)]);
      rows.push([`${r.name}: CSS (dist/styles.css)`, fmt(r.css.minBytes), fmt(r.css.gzipBytes), '']);
      rows.push([`${r.name}: JS + CSS`, fmt(r.minBytes + r.css.minBytes), fmt(r.gzipBytes + r.css.gzipBytes), '']);
    }
    out.push(table(rows));
    const one = size.rows[0]!;
    out.push('', `${one.name} (${one.entry}), by module group: min bytes from esbuild's metafile, gzip in proportion`);
    out.push(table([['group', 'modules', 'min', '≈ min+gz'], ...size.breakdown.map((b) => [b.group, fmt(b.modules), fmt(b.minBytes), fmt(b.gzipEstimate)])]));
    const short = (m: { module: string; minBytes: number }) => `${m.module.replace(/^src\//, '').replace(/^node_modules\//, '')} ${fmt(m.minBytes)}`;
    out.push(`heaviest modules (min): ${size.modules.slice(0, 10).map(short).join(', ')}`);
    const other = size.modules.filter((m) => size.otherModules.includes(m.module));
    if (other.length) out.push(`in "other" (min): ${other.map(short).join(', ')}`);
    targets.push({
      target: `${one.name} (${one.entry.replace(/ from .*/, '')}) ≤ ${fmt(size.targetLimit / 1000)} kB min+gzip`,
      met: size.targetBytes <= size.targetLimit,
      detail: `${fmt(size.targetBytes)} B (react-use-websocket ${fmt(ruw.gzipBytes)} B)`,
    });
  }

  const sockets = results['sockets'] as SocketCheck[] | undefined;
  if (sockets) {
    out.push('', 'Sockets (per-order streams ws/orders/<id>/)');
    const rows = [['case', 'side', 'server connections', 'page: opened / failed', 'cards with data']];
    for (const c of sockets) rows.push([c.case, c.side + (c.share === false ? ' (no share)' : c.side === 'theirs' ? ' (share)' : ''), fmt(c.serverConnections), `${c.page.opened} / ${c.page.failed}`, `${c.cardsShowingData}/${c.cards}`]);
    out.push(table(rows));
    const budget = sockets.find((c) => c.side === 'ours' && c.afterUnmount);
    if (budget) {
      const message = budget.errors.find((e) => e.code === 'socket-budget');
      out.push(`ours at socket ${plan.sockets.perOrder + 1}: ${budget.serverConnections} connections; onError('socket-budget') ${budget.errors.filter((e) => e.code === 'socket-budget').length}×: "${message?.message ?? 'none'}"`);
      out.push(`after one card unmounted: ${budget.afterUnmount!.serverOpen} open, the waiting order ${budget.afterUnmount!.waitingOrderConnected ? 'got its socket' : 'did NOT get a socket'}${budget.afterUnmount!.cardShowing ? ' and its card shows data' : ''}`);
      if (!message) failures.push('sockets: the kit did not report socket-budget at the 201st per-order socket');
      if (budget.serverConnections > plan.sockets.perOrder) failures.push(`sockets: the kit opened ${budget.serverConnections} sockets, over its budget of ${plan.sockets.perOrder}`);
    }
  }

  const driver = results['driverCheck'] as Awaited<ReturnType<typeof driverCheck>> | undefined;
  if (driver) {
    out.push('', driver.title);
    out.push(`raw CDP, no domain enabled: ${fmt(driver.rawCdpWallMs)} ms; playwright (Network domain on): ${fmt(driver.playwrightWallMs)} ms = ${x(driver.playwrightSlowdown)} slower`);
  }

  if (targets.length) {
    out.push('', `Targets${quick ? ' (quick run: indicative only; the targets are for the full run)' : ''}`);
    out.push(table([['target', 'met', 'where we stand'], ...targets.map((t) => [t.target, t.met === null ? '—' : t.met ? 'yes' : 'NO', t.detail])]));
  }
  results['targets'] = targets;
  results['failures'] = failures;
  if (failures.length) out.push('', `BROKEN RUNS (${failures.length}):`, ...failures.map((f) => `  - ${f}`));
  out.push('', `Took ${results['durationSeconds']} s.`);

  // Only a complete full run replaces the committed figures; --only/--reps runs go aside.
  const partial = !quick && (argValue('--only') !== undefined || argValue('--reps') !== undefined);
  const file = fileURLToPath(new URL(`./results/${quick ? 'quick' : partial ? 'partial' : 'latest'}.json`, import.meta.url));
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  out.push(`Wrote ${file.replace(process.cwd() + '/', '')}`);
  console.log(out.join('\n'));
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
