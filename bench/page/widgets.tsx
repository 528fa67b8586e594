/**
 * The per-component bench page: one of the kit's live components, as an app drops it in
 * (`dist/styles.css`, `createRealtimeClient` + `RealtimeProvider`), fed by the kit's in-page
 * simulator (`react-realtime-kit/testing`: the real servers' frame shapes, delivered through
 * the client's transport and REST as a socket would). `?widget=`:
 *
 * - `board`: `OrdersBoard` (Timing, admin) with `size` orders; `count` status changes at `rate`/s.
 * - `dashboard`: `RealTimeDashboard` (admin); a burst of `count` events as fast as the page
 *   can emit them: order status changes, new registrations, and approvals of them.
 * - `bell`: `NotificationBell`, opened, holding `size` notifications; `count` new ones at `rate`/s.
 * - `chat`: `ChatPanel` with Sam, the conversation holding `size` messages; `count` new ones at `rate`/s.
 *
 * The driver (bench/lib/widgets.ts) calls `__widgets.ready()`, `prefill()`, then `run()`:
 * renders (`<Profiler>` commits), settle time (first event → the final state checked in the
 * DOM, once per animation frame after the last event), animation-frame intervals and long tasks
 * over that window. The simulator runs in the page, so its work is part of the measured load.
 */
import { Profiler, type ProfilerOnRenderCallback, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatPanel, createRealtimeClient, NotificationBell, OrdersBoard, RealtimeProvider, RealTimeDashboard } from 'react-realtime-kit';
import { createSimulator, demoUsers, simulatorFetch, simulatorTransport } from 'react-realtime-kit/testing';
import styles from '@kit-styles?inline';
import { bench } from './harness';

const style = document.createElement('style');
style.textContent = styles;
document.head.append(style);

const q = new URLSearchParams(location.search);
type Widget = 'board' | 'dashboard' | 'bell' | 'chat';
const widget = (q.get('widget') ?? 'board') as Widget;
const size = Number(q.get('size') ?? 100);
const count = Number(q.get('count') ?? 100);
const rate = Number(q.get('rate') ?? 100);

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const macrotask = () => new Promise((r) => setTimeout(r, 0));

const simulator = createSimulator({ seed: 7, botReplyDelayMs: false });
const token = widget === 'board' || widget === 'dashboard' ? 'admin' : 'demo';
if (widget === 'board') {
  // The board's orders are there before it loads them (REST), as on a busy evening.
  const customers = ['Somchai P.', 'Niran K.', 'Malee S.', 'Anong T.', 'Kittisak W.', 'Pim R.', 'Alex M.', 'Jordan L.'];
  let i = 0;
  while (simulator.world.timingOrders.size < size) simulator.world.addTimingOrder(customers[i++ % customers.length]!, simulator.world.randomLines());
}

const client = createRealtimeClient({
  url: 'ws://simulator.local',
  // REST only where the component loads its snapshot from it (the board's orders, the dashboard's
  // stats and pending users); the bell and the chat get everything over their socket here.
  apiUrl: widget === 'board' || widget === 'dashboard' ? 'http://simulator.local' : undefined,
  token,
  transport: simulatorTransport(simulator, { latency: 1 }),
  fetch: simulatorFetch(simulator),
  backends: {
    chat: { limits: { messages: size + count + 100 } },
    notifications: { limits: { notifications: size + count + 100 } },
  },
  onError: (error) => bench.error(error.code, error.message),
});

let renders = 0;
let measuring = false;
const onRender: ProfilerOnRenderCallback = (_id, phase) => {
  if (measuring && phase !== 'mount') renders += 1;
};

function Widget(): ReactElement {
  switch (widget) {
    case 'board':
      return <OrdersBoard />;
    case 'dashboard':
      return <RealTimeDashboard />;
    case 'bell':
      return <NotificationBell />;
    case 'chat':
      return (
        <div className="bench-chat">
          <ChatPanel peerId={demoUsers.peer.id} peerName="Sam" />
        </div>
      );
  }
}

createRoot(document.getElementById('root')!).render(
  <RealtimeProvider client={client}>
    <Profiler id={widget} onRender={onRender}>
      <Widget />
    </Profiler>
  </RealtimeProvider>,
);

const root = document.getElementById('root')!;
const text = (label: string) => `«bench ${label}»`;
const has = (label: string) => (root.textContent ?? '').includes(text(label));

/** Wait until `check()` is true, testing once per animation frame. */
function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs;
    const tick = () => {
      if (check()) resolve(true);
      else if (performance.now() > deadline) resolve(false);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const boardIds = [...simulator.world.timingOrders.keys()];
const TIMING_CYCLE = ['preparing', 'ready', 'pending'];
const rows = () => [...root.querySelectorAll<HTMLElement>('[data-order-id]')];
const timingStatusOf = (id: string) => simulator.world.timingOrders.get(Number(id))?.status;
const pendingUsers = () => simulator.world.usersWith('pending').length;
const userKey = String(demoUsers.demo.id);

/** The final state, checked in the DOM against the simulated world. */
function finalProblem(lastLabel: string | null): string | null {
  switch (widget) {
    case 'board': {
      const shown = rows();
      if (shown.length === 0) return 'no order row in the DOM';
      const wrong = shown.filter((row) => (row.dataset['status'] ?? '').toLowerCase() !== timingStatusOf(row.dataset['orderId'] ?? ''));
      return wrong.length ? `${wrong.length}/${shown.length} rows show a stale status, e.g. order ${wrong[0]!.dataset['orderId']} ${wrong[0]!.dataset['status']} (server: ${timingStatusOf(wrong[0]!.dataset['orderId'] ?? '')})` : null;
    }
    case 'dashboard': {
      const counts = [...root.querySelectorAll<HTMLElement>('[data-count]')].map((el) => el.dataset['count']);
      const want = String(pendingUsers());
      if (counts.length === 0) return `no pending count in the DOM (server: ${want})`;
      return counts.every((c) => c === want) ? null : `pending count shows ${counts.join('/')}, server ${want}`;
    }
    case 'bell': {
      if (lastLabel !== null && !has(lastLabel)) return `the newest notification ${text(lastLabel)} is not in the open list`;
      const unread = root.querySelector<HTMLElement>('[data-unread]')?.dataset['unread'];
      const want = String(simulator.world.unreadCount(userKey));
      return unread === undefined || unread === want ? null : `unread count shows ${unread}, server ${want}`;
    }
    case 'chat':
      return lastLabel !== null && !has(lastLabel) ? `the newest message ${text(lastLabel)} is not in the conversation` : null;
  }
}

let seq = 0;
/** One event of the measured workload (or of the prefill); returns its label when it has one. */
function emitOne(): string | null {
  const i = ++seq;
  switch (widget) {
    case 'board': {
      const id = boardIds[(i * 7919) % boardIds.length]!;
      simulator.emit.timingStatus(id, TIMING_CYCLE[i % TIMING_CYCLE.length]!);
      return null;
    }
    case 'dashboard': {
      // 7 in 10 an order status change, 2 a new registration, 1 an approval of one of them.
      const kind = i % 10;
      if (kind < 7) {
        const ids = [...simulator.world.boostOrders.keys()];
        simulator.emit.adminOrderUpdate(ids[i % ids.length]!, ['Continue', 'Extend', 'Done', 'New'][i % 4]!);
      } else if (kind < 9) simulator.emit.newUser();
      else {
        const pending = simulator.world.usersWith('pending');
        if (pending.length) simulator.emit.approval(pending[0]!.id, 'approved');
      }
      return null;
    }
    case 'bell':
      simulator.emit.notification(userKey, { title: text(String(i)), body: `Bench notification ${i}`, notification_type: 'general' });
      return String(i);
    case 'chat':
      simulator.emit.chatMessage(demoUsers.peer.id, demoUsers.demo.id, text(String(i)));
      return String(i);
  }
}

const frames: number[] = [];
function recordFrames(): () => void {
  let on = true;
  const tick = () => {
    if (!on) return;
    frames.push(now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => (on = false);
}

function quantile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const api = {
  /** The component is connected and shows its starting state. */
  async ready(timeoutMs = 30_000): Promise<{ ok: boolean; detail: string }> {
    const ok = await until(() => {
      switch (widget) {
        case 'board':
          return rows().length > 0 && finalProblem(null) === null;
        case 'dashboard':
          return finalProblem(null) === null && client.connectionState('admin')?.status === 'open';
        case 'bell':
          return client.connectionState('notifications')?.status === 'open' && root.querySelector('[aria-expanded]') !== null;
        case 'chat':
          return client.connectionState('chat')?.status === 'open';
      }
    }, timeoutMs);
    if (ok && widget === 'bell') {
      const button = root.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
      if (button.getAttribute('aria-expanded') !== 'true') button.click();
    }
    await sleep(300);
    return { ok, detail: `${rows().length} order rows, ${root.querySelectorAll('li').length} list items, ${widget === 'board' ? 'timing' : widget === 'dashboard' ? 'admin' : widget === 'bell' ? 'notifications' : 'chat'} ${client.connectionState(widget === 'board' ? 'timing' : widget === 'dashboard' ? 'admin' : widget === 'bell' ? 'notifications' : 'chat')?.status ?? 'no connection'}` };
  },

  /** The bell's and the chat's starting `size` items, sent before measuring (not measured). */
  async prefill(timeoutMs = 120_000): Promise<{ ok: boolean; ms: number; items: number }> {
    const t0 = performance.now();
    if (widget !== 'bell' && widget !== 'chat') return { ok: true, ms: 0, items: 0 };
    let last: string | null = null;
    // In a few large chunks: the client applies what arrived in one store update per frame, so
    // the component renders the starting list a few times rather than once per item.
    for (let i = 0; i < size; i++) {
      last = emitOne();
      if (i % 2500 === 2499) await macrotask();
    }
    const ok = await until(() => finalProblem(last) === null, timeoutMs);
    await sleep(500);
    return { ok, ms: performance.now() - t0, items: root.querySelectorAll('li').length };
  },

  /**
   * Emit `count` events (at `rate`/s; the dashboard: as fast as possible) and wait for the final
   * state in the DOM. Returns the figures over [first event, settled].
   */
  async run(timeoutMs = 60_000) {
    frames.length = 0;
    renders = 0;
    measuring = true;
    const stop = recordFrames();
    const startedAt = now();
    let last: string | null = null;
    let sent = 0;
    if (widget === 'dashboard') {
      for (; sent < count; sent++) {
        last = emitOne() ?? last;
        if (sent % 50 === 49) await macrotask();
      }
    } else {
      while (sent < count) {
        const due = Math.min(count, Math.floor(((now() - startedAt) / 1000) * rate) + 1);
        for (; sent < due; sent++) last = emitOne() ?? last;
        await sleep(1);
      }
    }
    const sentAt = now();
    const settled = await until(() => finalProblem(last) === null, timeoutMs);
    const settledAt = now();
    measuring = false;
    stop();
    const intervals: number[] = [];
    for (let i = 1; i < frames.length; i++) intervals.push(frames[i]! - frames[i - 1]!);
    intervals.sort((a, b) => a - b);
    const longTasks = bench.longTasksBetween(startedAt, settledAt);
    return {
      settled,
      problem: settled ? null : finalProblem(last),
      events: count,
      sendMs: sentAt - startedAt,
      settleMs: settledAt - startedAt,
      afterLastMs: settledAt - sentAt,
      renders,
      frameP50: quantile(intervals, 0.5),
      frameP95: quantile(intervals, 0.95),
      frameMax: intervals.length ? intervals[intervals.length - 1]! : null,
      longTaskMs: longTasks.ms,
      longTasks: longTasks.count,
      longTaskShare: longTasks.ms / Math.max(1, settledAt - startedAt),
      listItems: root.querySelectorAll('li').length,
      errors: bench.errors.slice(0, 5),
    };
  },
};

declare global {
  interface Window {
    __widgets: typeof api;
  }
}
window.__widgets = api;
