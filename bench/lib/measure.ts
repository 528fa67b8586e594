/**
 * One measured page run: open a fresh tab on a variant's page, wait until every card is
 * mounted and its sockets are open, take the heap after GC, replay the workload from the
 * server, wait for the final state, collect the page's numbers, take the heap again.
 */
import type { Tab } from './chromium';

/** What a run needs from a browser tab: the raw-CDP Tab, or playwright's page (bench/driverCheck.ts). */
export type PageTab = Pick<Tab, 'eval' | 'waitFor' | 'heapAfterGc' | 'close' | 'send'>;
export interface PageOpener {
  open(url: string): Promise<PageTab>;
}
import { variantPage, type Variant } from './build';
import type { BenchServer } from './server';
import { expectedFinal } from './workload';

export type Side = 'ours' | 'theirs';
/** What draws the cards: `hooks` the minimal card fed by a hook, `components` the kit's order card with styles.css. */
export type Layer = 'hooks' | 'components';

export interface PageSpec {
  side: Side;
  stream: 'multi' | 'perOrder';
  cards: number;
  /** theirs: a filter per card (multi-order stream). */
  filter?: boolean;
  /** theirs: share: true. @default true */
  share?: boolean;
  sameOrder?: boolean;
  /** ours: limits.socketBudget. */
  budget?: number;
  /** @default 'hooks' */
  layer?: Layer;
  /** components, ours: OrderCard's highlightFor (its default when absent). */
  highlight?: number;
  /** components: load dist/styles.css. @default true */
  styles?: boolean;
}

export interface RunSpec extends PageSpec {
  /** Frame i is about order sequence[i]. */
  sequence: Int32Array;
  /** msg/s; none = as fast as the server can send. */
  rate?: number;
  /** How long to wait for the final state, from the first frame sent. */
  doneTimeoutMs: number;
  lag: boolean;
  /** Called right before the first frame is sent and right after the final state (profiling). */
  hooks?: { beforeSend?(tab: PageTab): Promise<void>; afterDone?(tab: PageTab): Promise<void> };
}

export interface RunResult {
  side: Side;
  ok: boolean;
  /** Why the run is broken (a wrong card, a timeout in a burst, no profiling build). */
  problem?: string;
  done: boolean;
  wallMs: number | null;
  sendMs: number;
  renders: number;
  ideal: number;
  rendersPerIdeal: number | null;
  frameP50: number | null;
  frameP95: number | null;
  lagP50: number | null;
  lagP95: number | null;
  lagMax: number | null;
  unshown: number;
  framesReceived: number;
  heapBefore: number;
  heapAfter: number;
  domWrong: number;
  domExamples: string[];
  visibility: string;
  /** Main-thread long tasks (≥ 50 ms each) between the first frame sent and the final state (or the end). */
  longTaskMs: number | null;
  /** longTaskMs over that window. */
  longTaskShare: number | null;
  windowMs: number | null;
}

export function variantOf(spec: Pick<PageSpec, 'side' | 'layer'>): Variant {
  if (spec.layer === 'components') return spec.side === 'ours' ? 'orderCard' : 'ruwOrderCard';
  return spec.side === 'ours' ? 'kit' : 'ruw';
}

export function pageUrl(server: BenchServer, spec: PageSpec): string {
  const variant = variantOf(spec);
  const q = new URLSearchParams({
    variant,
    stream: spec.stream,
    cards: String(spec.cards),
    sameOrder: spec.sameOrder ? '1' : '0',
    filter: spec.filter === false ? '0' : '1',
    share: spec.share === false ? '0' : '1',
    budget: String(spec.budget ?? 0),
    styles: spec.styles === false ? '0' : '1',
  });
  if (spec.highlight !== undefined) q.set('highlight', String(spec.highlight));
  return `http://127.0.0.1:${server.port}/${variant}/${variantPage[variant]}?${q}`;
}

/** Sockets the page should open before it counts as ready. */
function socketsFor(spec: PageSpec): number {
  if (spec.stream === 'multi') return 1;
  const orders = spec.sameOrder ? 1 : spec.cards;
  if (spec.side === 'theirs') return spec.share === false ? spec.cards : orders;
  return Math.min(orders, spec.budget || 200);
}

interface Ready {
  ok: boolean;
  mounted: number;
  opened: number;
  showing: number;
  visibility: string;
  profiling: boolean;
}

function brokenResult(side: Side, problem: string, visibility: string): RunResult {
  return {
    side,
    ok: false,
    problem,
    done: false,
    wallMs: null,
    sendMs: 0,
    renders: 0,
    ideal: 0,
    rendersPerIdeal: null,
    frameP50: null,
    frameP95: null,
    lagP50: null,
    lagP95: null,
    lagMax: null,
    unshown: 0,
    framesReceived: 0,
    heapBefore: 0,
    heapAfter: 0,
    domWrong: 0,
    domExamples: [],
    visibility,
    longTaskMs: null,
    longTaskShare: null,
    windowMs: null,
  };
}

/** One measured workload on a page that is ready: heap, replay, final state, numbers, heap. */
async function measureOnTab(tab: PageTab, server: BenchServer, spec: RunSpec, expected: number[], visibility: string, seqBase = 0): Promise<RunResult> {
  const heapBefore = await tab.heapAfterGc();
  await tab.eval(`__bench.start(${JSON.stringify(expected)})`);
  await spec.hooks?.beforeSend?.(tab);
  const sending = server.replay(spec.stream, spec.sequence, spec.rate, seqBase);
  const done = await tab.eval<{ done: boolean; doneAt: number }>(`__bench.whenDone(${spec.doneTimeoutMs})`, spec.doneTimeoutMs + 60_000);
  const sent = await sending;
  await spec.hooks?.afterDone?.(tab);
  const page = await tab.eval<Record<string, any>>(`__bench.collect(${JSON.stringify({ lag: spec.lag, from: sent.startedAt })})`, 120_000);
  await tab.eval('__bench.clear()');
  const heapAfter = await tab.heapAfterGc();
  const domWrong = page['dom'].wrong as number;
  let problem: string | undefined;
  if (done.done && domWrong > 0) problem = `${domWrong} cards show a wrong value after the final state was reached: ${page['dom'].examples.join('; ')}`;
  else if (!done.done && spec.rate === undefined) problem = `the final state was not shown within ${spec.doneTimeoutMs} ms (${page['matched']}/${spec.cards} cards final)`;
  else if ((page['errors'] as { code: string }[]).some((e) => e.code === 'page')) problem = `the page threw: ${JSON.stringify(page['errors'])}`;
  else if (page['framesParsed'] !== spec.sequence.length && done.done) problem = `the page received ${page['framesParsed']} of ${spec.sequence.length} frames`;
  const renders = page['renders'] as number;
  const ideal = page['ideal'] as number;
  return {
    side: spec.side,
    ok: problem === undefined,
    problem,
    done: done.done,
    wallMs: done.done ? done.doneAt - sent.startedAt : null,
    sendMs: sent.endedAt - sent.startedAt,
    renders,
    ideal,
    rendersPerIdeal: ideal > 0 ? renders / ideal : null,
    frameP50: page['frameP50'],
    frameP95: page['frameP95'],
    lagP50: page['lagP50'],
    lagP95: page['lagP95'],
    lagMax: page['lagMax'],
    unshown: page['unshown'],
    framesReceived: page['framesReceived'],
    heapBefore,
    heapAfter,
    domWrong,
    domExamples: page['dom'].examples,
    visibility,
    longTaskMs: page['longTaskMs'],
    longTaskShare: page['longTaskShare'],
    windowMs: page['windowMs'],
  };
}

export async function runPage(browser: PageOpener, server: BenchServer, spec: RunSpec): Promise<RunResult> {
  server.dropAll();
  server.resetCounts();
  const initial = spec.stream === 'perOrder' ? 0 : -1;
  const expected = expectedFinal(spec.sequence, spec.cards, initial, spec.sameOrder);
  const tab = await browser.open(pageUrl(server, spec));
  try {
    await tab.waitFor('window.__bench');
    const ready = await tab.eval<Ready>(`__bench.whenReady(${socketsFor(spec)}, ${initial})`);
    if (!ready.ok) return brokenResult(spec.side, `page not ready: ${JSON.stringify(ready)} ${JSON.stringify(await tab.eval('__bench.errors.slice(0, 3)'))}`, ready.visibility);
    if (!ready.profiling) return brokenResult(spec.side, 'React <Profiler> reported no mount: the page is not on the profiling build', ready.visibility);
    return await measureOnTab(tab, server, spec, expected, ready.visibility);
  } finally {
    await tab.close();
    server.dropAll();
  }
}

/**
 * One page for several workloads in a row (the card rows: a burst, then each sustained rate).
 * Opening 200 per-order sockets takes Chromium about 5 s, so the page and its sockets stay;
 * each run's frames carry sequence numbers above the previous run's, so no card can show a
 * value of this run before it was sent, and a card this run leaves alone must keep its value.
 */
export class PageSession {
  /** Pause between two runs on one page: longer than OrderCard's default highlightFor (1.5 s). */
  static readonly SETTLE_MS = 2_000;
  private shown: number[] = [];
  private seqBase = 0;
  private runs = 0;
  private constructor(
    private readonly tab: PageTab,
    private readonly server: BenchServer,
    readonly spec: PageSpec,
    readonly ready: Ready,
  ) {
    this.shown = new Array<number>(spec.cards).fill(spec.stream === 'perOrder' ? 0 : -1);
  }

  static async open(browser: PageOpener, server: BenchServer, spec: PageSpec): Promise<PageSession | { problem: string }> {
    server.dropAll();
    server.resetCounts();
    const tab = await browser.open(pageUrl(server, spec));
    await tab.waitFor('window.__bench');
    const ready = await tab.eval<Ready>(`__bench.whenReady(${socketsFor(spec)}, ${spec.stream === 'perOrder' ? 0 : -1})`);
    const problem = !ready.ok
      ? `page not ready: ${JSON.stringify(ready)} ${JSON.stringify(await tab.eval('__bench.errors.slice(0, 3)'))}`
      : !ready.profiling
        ? 'React <Profiler> reported no mount: the page is not on the profiling build'
        : null;
    if (problem) {
      await tab.close();
      server.dropAll();
      return { problem };
    }
    return new PageSession(tab, server, spec, ready);
  }

  async run(run: Pick<RunSpec, 'sequence' | 'rate' | 'doneTimeoutMs' | 'lag'>): Promise<RunResult> {
    // What the previous run left running (OrderCard's change highlight ends 1.5 s after the last
    // change, with a render) must not land in this run's renders and frames.
    if (this.runs++ > 0) await new Promise((r) => setTimeout(r, PageSession.SETTLE_MS));
    const spec: RunSpec = { ...this.spec, ...run };
    const seqBase = this.seqBase;
    const expected = expectedFinal(spec.sequence, spec.cards, -1, spec.sameOrder).map((seq, i) => (seq > 0 ? seq + seqBase : this.shown[i]!));
    const result = await measureOnTab(this.tab, this.server, spec, expected, this.ready.visibility, seqBase);
    this.shown = expected;
    this.seqBase += spec.sequence.length;
    return result;
  }

  async close(): Promise<void> {
    await this.tab.close();
    this.server.dropAll();
  }
}

export { brokenResult };

export interface SocketCheck {
  side: Side;
  case: string;
  cards: number;
  orders: number;
  share?: boolean;
  /** Handshakes the server accepted. */
  serverConnections: number;
  /** Sockets open on the server once the page settled. */
  serverOpen: number;
  /** Sockets the page created, opened, and saw fail. */
  page: { created: number; opened: number; failed: number };
  cardsShowingData: number;
  errors: { code: string; message: string }[];
  errorCount: number;
  warnings: string[];
  /** The 201st check: after one card unmounts, does the waiting subscription get its socket? */
  afterUnmount?: { serverOpen: number; waitingOrderConnected: boolean; cardShowing: boolean };
}

/** Mount `cards` cards on per-order streams and count the sockets on both ends. */
export async function socketCheck(browser: PageOpener, server: BenchServer, spec: PageSpec & { case: string; settleMs: number; unmountFirst?: boolean }): Promise<SocketCheck> {
  server.dropAll();
  server.resetCounts();
  const tab = await browser.open(pageUrl(server, spec));
  try {
    await tab.waitFor('window.__bench');
    const ready = await tab.eval<Ready>(`__bench.whenReady(${socketsFor(spec)}, 0, ${spec.settleMs})`);
    // Settle: no new handshake for 500 ms.
    let last = -1;
    for (let i = 0; i < 40 && last !== server.handshakes; i++) {
      last = server.handshakes;
      await new Promise((r) => setTimeout(r, 500));
    }
    const page = await tab.eval<{ sockets: { created: number; opened: number; failed: number }; errors: { code: string; message: string }[]; errorCount: number; warnings: string[] }>(
      '__bench.collect({ lag: false, from: 0 })',
    );
    const result: SocketCheck = {
      side: spec.side,
      case: spec.case,
      cards: spec.cards,
      orders: spec.sameOrder ? 1 : spec.cards,
      share: spec.side === 'theirs' ? spec.share !== false : undefined,
      serverConnections: server.handshakes,
      serverOpen: server.open(),
      page: page.sockets,
      cardsShowingData: ready.showing,
      errors: page.errors,
      errorCount: page.errorCount,
      warnings: page.warnings,
    };
    if (spec.unmountFirst) {
      const waitingPath = `/ws/orders/${spec.cards}/`;
      await tab.eval('__bench.unmount(0)');
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && server.open(waitingPath) === 0) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      const shows = await tab.eval<string>(`document.querySelector('[data-card="${spec.cards - 1}"] b')?.textContent ?? ''`);
      result.afterUnmount = { serverOpen: server.open(), waitingOrderConnected: server.open(waitingPath) > 0, cardShowing: shows === 'New' };
    }
    return result;
  } finally {
    await tab.close();
    server.dropAll();
  }
}
