/**
 * The measuring side of the bench page, identical for every variant. It taps every WebSocket
 * (arrival time of each frame), records each card's commits (layout effects), counts renders
 * (React <Profiler>, profiling build), records animation frames, and exposes it all on
 * `window.__bench` for the driver (bench/run.ts), which speaks raw CDP to this page.
 *
 * Nothing here runs per frame except two array pushes in the tap, so it weighs the same on
 * both sides and never decides which card renders.
 */

export type Stream = 'multi' | 'perOrder';

export interface BenchConfig {
  variant: string;
  /** `multi`: one order_update stream for all cards; `perOrder`: ws/orders/<id>/ per card. */
  stream: Stream;
  cards: number;
  /** Every card watches order 1 (the "many cards, one order" socket check). */
  sameOrder: boolean;
  /** react-use-websocket only: a `filter` per card. */
  filter: boolean;
  /** react-use-websocket only: `share: true`. */
  share: boolean;
  /** The kit only: limits.socketBudget, 0 for the default. */
  budget: number;
  /** ws://127.0.0.1:<port> */
  base: string;
}

function readConfig(): BenchConfig {
  const q = new URLSearchParams(location.search);
  const flag = (name: string, fallback: boolean) => (q.has(name) ? q.get(name) === '1' : fallback);
  return {
    variant: q.get('variant') ?? 'unknown',
    stream: q.get('stream') === 'perOrder' ? 'perOrder' : 'multi',
    cards: Number(q.get('cards') ?? 100),
    sameOrder: flag('sameOrder', false),
    filter: flag('filter', true),
    share: flag('share', true),
    budget: Number(q.get('budget') ?? 0),
    base: `ws://${location.host}`,
  };
}

export const config = readConfig();

/** Epoch milliseconds with sub-millisecond resolution; the server stamps `sent_at` the same way. */
const now = (): number => performance.timeOrigin + performance.now();

/** `#123` → 123, the snapshot `New` → 0, nothing yet → -1. */
export function seqOf(status: string | undefined | null): number {
  if (typeof status !== 'string') return -1;
  if (status.charCodeAt(0) === 35 /* # */) return Number(status.slice(1));
  return status === 'New' ? 0 : -2;
}

function textOf(seq: number): string {
  return seq > 0 ? `#${seq}` : seq === 0 ? 'New' : '—';
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

const round = (v: number | null, digits = 1): number | null => (v === null || !Number.isFinite(v) ? v : Number(v.toFixed(digits)));

class Harness {
  readonly config = config;
  // Sockets, counted by the tap.
  created = 0;
  opened = 0;
  failed = 0;
  closed = 0;
  // Frames received while measuring: raw data and arrival time.
  private tapData: string[] = [];
  private tapAt: number[] = [];
  // Commits while measuring: card index, sequence number shown, time.
  private commitCard: number[] = [];
  private commitSeq: number[] = [];
  private commitAt: number[] = [];
  private frames: number[] = [];
  private shown = new Int32Array(config.cards).fill(-1);
  private expected: Int32Array | null = null;
  private matched = 0;
  private doneAt = 0;
  private onDone: (() => void) | null = null;
  measuring = false;
  mounted = 0;
  mountRenders = 0;
  renders = 0;
  errors: { code: string; message: string }[] = [];
  warnings: string[] = [];
  private removed = new Set<number>();
  private removedListeners = new Set<() => void>();
  /** Main-thread long tasks (PerformanceObserver 'longtask'): start (epoch ms) and duration. */
  private longTaskAt: number[] = [];
  private longTaskDuration: number[] = [];
  /** What a card shows, read from its element (`[data-card]`); a page with another card markup replaces it. */
  cardText: (card: HTMLElement) => string = (card) => card.querySelector('b')?.textContent ?? '';

  /** React <Profiler onRender>: one call per card per commit that rendered it. */
  onRender = (_id: string, phase: string): void => {
    if (phase === 'mount') this.mountRenders += 1;
    else if (this.measuring) this.renders += 1;
  };

  /** A card's layout effect: it committed showing `status`. */
  committed(index: number, status: string | undefined): void {
    const seq = seqOf(status);
    this.shown[index] = seq;
    if (!this.measuring) return;
    this.commitCard.push(index);
    this.commitSeq.push(seq);
    this.commitAt.push(now());
    const expected = this.expected;
    if (expected && seq === expected[index] && this.doneAt === 0) {
      this.matched += 1;
      if (this.matched === config.cards) {
        this.doneAt = now();
        this.onDone?.();
      }
    }
  }

  /** A card's mount effect. */
  mountedCard(): void {
    this.mounted += 1;
  }

  longTask(startTime: number, duration: number): void {
    this.longTaskAt.push(performance.timeOrigin + startTime);
    this.longTaskDuration.push(duration);
  }

  /** Long-task time (ms, whole tasks) that started within [from, until], epoch ms. */
  longTasksBetween(from: number, until: number): { ms: number; count: number } {
    let ms = 0;
    let count = 0;
    for (let i = 0; i < this.longTaskAt.length; i++) {
      const at = this.longTaskAt[i]!;
      if (at < from || at > until) continue;
      // A task that runs past the window counts up to its end of the window only.
      ms += Math.min(this.longTaskDuration[i]!, until - at);
      count += 1;
    }
    return { ms, count };
  }

  tap(data: unknown): void {
    if (!this.measuring) return;
    this.tapData.push(data as string);
    this.tapAt.push(now());
  }

  error(code: string, message: string): void {
    this.errors.push({ code, message });
  }

  /** Resolves once every card is mounted, `sockets` sockets opened and every card shows `initial`. */
  async whenReady(sockets: number, initial: number, timeoutMs = 30_000): Promise<{ ok: boolean; mounted: number; opened: number; showing: number; visibility: string; profiling: boolean }> {
    const deadline = performance.now() + timeoutMs;
    const showing = () => this.shown.reduce((n, s) => n + (s === initial ? 1 : 0), 0);
    for (;;) {
      const ok = this.mounted >= config.cards - this.removed.size && this.opened >= sockets && showing() >= config.cards - this.removed.size;
      if (ok || performance.now() > deadline) {
        // Let the mount settle (effects, socket state renders) before measuring.
        await new Promise((r) => setTimeout(r, 200));
        return { ok, mounted: this.mounted, opened: this.opened, showing: showing(), visibility: document.visibilityState, profiling: this.mountRenders > 0 };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Start measuring: `expected[i]` is the sequence number card i must end on. */
  start(expected: number[]): void {
    this.expected = Int32Array.from(expected);
    this.matched = 0;
    for (let i = 0; i < config.cards; i++) if (this.shown[i] === this.expected[i]) this.matched += 1;
    this.doneAt = this.matched === config.cards ? now() : 0;
    this.renders = 0;
    this.measuring = true;
    const tick = () => {
      if (!this.measuring) return;
      this.frames.push(now());
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  /** Resolves when every card shows its expected value, or after `timeoutMs`. */
  whenDone(timeoutMs: number): Promise<{ done: boolean; doneAt: number; matched: number }> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.onDone = null;
        resolve({ done: this.doneAt > 0, doneAt: this.doneAt, matched: this.matched });
      };
      const timer = setTimeout(finish, timeoutMs);
      if (this.doneAt > 0) finish();
      else this.onDone = finish;
    });
  }

  /** Stop measuring and reduce what was recorded to numbers. */
  collect(options: { lag: boolean; from: number; until?: number }): Record<string, unknown> {
    this.measuring = false;
    const collectedAt = now();
    const until = options.until ?? (this.doneAt || collectedAt);
    // Frame intervals between the first frame sent and the final state (or the end).
    const intervals: number[] = [];
    const inWindow = this.frames.filter((t) => t >= options.from && t <= until);
    for (let i = 1; i < inWindow.length; i++) intervals.push(inWindow[i]! - inWindow[i - 1]!);
    intervals.sort((a, b) => a - b);

    // Decode the tapped frames once, after the fact.
    const n = this.tapData.length;
    const msgOrder = new Int32Array(n);
    const msgSeq = new Int32Array(n);
    const msgSent = new Float64Array(n);
    let parsed = 0;
    for (let i = 0; i < n; i++) {
      try {
        const m = JSON.parse(this.tapData[i]!) as { order_id?: number; status?: string; sent_at?: number };
        if (typeof m.sent_at !== 'number') continue;
        msgOrder[i] = Number(m.order_id);
        msgSeq[i] = seqOf(m.status);
        msgSent[i] = m.sent_at;
        parsed += 1;
      } catch {
        /* not a bench frame */
      }
    }
    const cardsOf = (orderId: number): number[] => (config.sameOrder ? Array.from({ length: config.cards }, (_, i) => i) : orderId >= 1 && orderId <= config.cards ? [orderId - 1] : []);

    // Ideal renders: one per changed card per animation frame. A frame received between two
    // rAF callbacks is applied by the later one; every frame changes its card (unique seq).
    let ideal = 0;
    {
      const frames = this.frames;
      let k = 0;
      let seen = new Set<number>();
      for (let i = 0; i < n; i++) {
        if (msgSent[i] === 0) continue;
        const at = this.tapAt[i]!;
        let moved = false;
        while (k < frames.length && frames[k]! < at) {
          k += 1;
          moved = true;
        }
        if (moved) {
          for (const order of seen) ideal += cardsOf(order).length;
          seen = new Set();
        }
        seen.add(msgOrder[i]!);
      }
      for (const order of seen) ideal += cardsOf(order).length;
    }

    // Render lag: server send time → first commit of the card showing that value or a later one.
    const lags: number[] = [];
    let unshown = 0;
    if (options.lag && !config.sameOrder) {
      const byCard: number[][] = Array.from({ length: config.cards }, () => []);
      for (let j = 0; j < this.commitCard.length; j++) byCard[this.commitCard[j]!]!.push(j);
      const cursor = new Int32Array(config.cards);
      for (let i = 0; i < n; i++) {
        if (msgSent[i] === 0) continue;
        const card = msgOrder[i]! - 1;
        const commits = byCard[card];
        if (!commits) continue;
        let c = cursor[card]!;
        while (c < commits.length && this.commitSeq[commits[c]!]! < msgSeq[i]!) c += 1;
        cursor[card] = c;
        if (c < commits.length) lags.push(this.commitAt[commits[c]!]! - msgSent[i]!);
        else {
          unshown += 1;
          lags.push(collectedAt - msgSent[i]!);
        }
      }
      lags.sort((a, b) => a - b);
    }

    const dom = this.checkDom();
    const windowMs = until - options.from;
    const longTasks = this.longTasksBetween(options.from, until);
    return {
      windowMs: round(windowMs),
      longTaskMs: round(longTasks.ms),
      longTasks: longTasks.count,
      longTaskShare: windowMs > 0 ? round(longTasks.ms / windowMs, 4) : null,
      renders: this.renders,
      ideal,
      framesReceived: n,
      framesParsed: parsed,
      animationFrames: inWindow.length,
      frameP50: round(quantile(intervals, 0.5)),
      frameP95: round(quantile(intervals, 0.95)),
      frameMax: round(intervals.length ? intervals[intervals.length - 1]! : null),
      lagP50: round(quantile(lags, 0.5)),
      lagP95: round(quantile(lags, 0.95)),
      lagMax: round(lags.length ? lags[lags.length - 1]! : null),
      lagSamples: lags.length,
      unshown,
      doneAt: this.doneAt,
      matched: this.matched,
      dom,
      sockets: { created: this.created, opened: this.opened, failed: this.failed, closed: this.closed },
      errors: this.errors.slice(0, 5),
      errorCount: this.errors.length,
      warnings: this.warnings.slice(0, 5),
    };
  }

  /** Every card in the DOM shows the value it was last sent (or its expected initial value). */
  checkDom(): { checked: number; wrong: number; examples: string[] } {
    const expected = this.expected;
    const examples: string[] = [];
    let checked = 0;
    let wrong = 0;
    for (const el of document.querySelectorAll<HTMLElement>('[data-card]')) {
      const index = Number(el.dataset['card']);
      const want = textOf(expected ? expected[index]! : -1);
      const got = this.cardText(el);
      checked += 1;
      if (got !== want) {
        wrong += 1;
        if (examples.length < 5) examples.push(`card ${index}: shows ${got}, expected ${want}`);
      }
    }
    const missing = config.cards - this.removed.size - checked;
    if (missing !== 0) {
      wrong += Math.abs(missing);
      examples.push(`${checked} cards in the DOM, expected ${config.cards - this.removed.size}`);
    }
    return { checked, wrong, examples };
  }

  /** Drop the tapped data so heap after GC measures the data flow, not the recorder. */
  clear(): void {
    this.tapData = [];
    this.tapAt = [];
    this.commitCard = [];
    this.commitSeq = [];
    this.commitAt = [];
    this.frames = [];
    this.longTaskAt = [];
    this.longTaskDuration = [];
  }

  /** Unmount card `index` (the socket budget check frees a slot this way). */
  unmount(index: number): void {
    this.removed = new Set(this.removed).add(index);
    for (const l of this.removedListeners) l();
  }

  subscribeRemoved = (listener: () => void): (() => void) => {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  };

  getRemoved = (): ReadonlySet<number> => this.removed;
}

export const bench = new Harness();

// Tap every socket the variant opens: one listener added first, so it sees each frame before
// the variant's own handler. Counts handshakes that succeed and fail.
const NativeWebSocket = window.WebSocket;
class TapWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    bench.created += 1;
    this.addEventListener('message', (event) => bench.tap(event.data));
    this.addEventListener('open', () => (bench.opened += 1));
    this.addEventListener('error', () => (bench.failed += 1));
    this.addEventListener('close', () => (bench.closed += 1));
  }
}
window.WebSocket = TapWebSocket;

const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  bench.warnings.push(args.map(String).join(' '));
  warn(...args);
};

declare global {
  interface Window {
    __bench: Harness;
  }
}
window.__bench = bench;

// Main-thread long tasks (≥ 50 ms), kept with their start so a run sums those in its window.
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTask(entry.startTime, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
} catch {
  /* no Long Tasks API: longTaskMs stays 0 */
}

// Any uncaught error in the page is reported with the run (and makes it count as broken).
window.addEventListener('error', (event) => bench.error('page', String(event.error?.stack ?? event.message)));
window.addEventListener('unhandledrejection', (event) => bench.error('page', String((event.reason as Error)?.stack ?? event.reason)));
