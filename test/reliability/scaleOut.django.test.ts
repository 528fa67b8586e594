/**
 * Scale-out on the real engine: two daphne workers of the Django reference backend on one Redis
 * channel layer, behind a loopback proxy that spreads new connections round-robin (a load
 * balancer with no sticky sessions). The kit's real client (Node, `ws`) is used as an app uses
 * it; each socket's frames are recorded on the wire to count deliveries.
 *
 * 1. Sockets spread over both workers; a broadcast caused on either worker reaches every client
 *    exactly once (the order stream, SmartHunt notifications, the admin dashboard).
 * 2. Worker A is killed (SIGKILL: no close frames, no disconnect handlers) while changes are made
 *    on B: every client of A reconnects through the proxy to B, its state is resynced (order
 *    snapshot, notification list and unread count, pending users and count) and equals the
 *    database's, with no notification or pending user lost or listed twice.
 * 3. A is started again: new connections spread over both workers again.
 * 4. B is killed while the balancer still routes new connections to it (its health check has
 *    not noticed yet) and changes are made on A: the moving clients cannot get them live, so
 *    they show only through the resync once the balancer routes them to A.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { adminBackend, notificationsBackend, ordersBackend, type RealtimeClient } from 'react-realtime-kit';
import { clientFor, disposeClients, OriginWebSocket, type TestClient } from '../helpers/clientFor';
import { startLoopbackProxy, type LoopbackProxy } from '../helpers/loopbackProxy';
import { until } from '../helpers/until';
import { startDjangoBackend, type DjangoBackend } from '../backends/startDjangoBackend';

const SHOP_CLIENTS = 8; // each: ws/orders/101/ + ws/notifications/ (alice)
const ADMIN_CLIENTS = 4; // each: ws/admin/dashboard/ (staff)
const ORDER = 101;
const ALICE = 1;
/** The kit's defaults, written out: clientFor's are tuned for fast unit tests. */
const DEFAULT_RECONNECT = { minDelay: 1000, maxDelay: 30_000, connectTimeout: 10_000 };

interface SocketLog {
  url: string;
  frames: Record<string, unknown>[];
  openedAt: number | null;
  closedAt: number | null;
}

interface Probe {
  kind: 'shop' | 'admin';
  handle: TestClient;
  client: RealtimeClient;
  sockets: SocketLog[];
  /** Notifications created before it connected (it never saw those live). */
  joinedAfter: { notifications: number };
}

let backend: DjangoBackend | undefined;
let proxy: LoopbackProxy | undefined;
const probes: Probe[] = [];
/** The notifications the test created on the server, in order. */
const created = { notifications: [] as number[] };

afterAll(async () => {
  disposeClients();
  await proxy?.close();
  await backend?.stop();
}, 20_000);

/** A WebSocket class that records every frame its sockets receive (the kit reads them as usual). */
function recordingWebSocket(sockets: SocketLog[]): typeof OriginWebSocket {
  return class RecordingWebSocket extends OriginWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      const log: SocketLog = { url: url.replace(/\?.*$/, ''), frames: [], openedAt: null, closedAt: null };
      sockets.push(log);
      this.on('open', () => (log.openedAt = Date.now()));
      this.on('close', () => (log.closedAt = Date.now()));
      this.on('message', (data) => {
        try {
          log.frames.push(JSON.parse(String(data)) as Record<string, unknown>);
        } catch {
          log.frames.push({ unparsed: String(data) });
        }
      });
    }
  };
}

function addProbe(kind: Probe['kind']): Probe {
  const tokens = backend!.tokens;
  const sockets: SocketLog[] = [];
  const handle = clientFor(proxy!, {
    apiUrl: proxy!.httpUrl,
    token: kind === 'shop' ? tokens.smarthunt.customer : tokens.admin.staff,
    WebSocket: recordingWebSocket(sockets) as never,
    reconnect: DEFAULT_RECONNECT,
  });
  const probe: Probe = { kind, handle, client: handle.client, sockets, joinedAfter: { notifications: created.notifications.length } };
  if (kind === 'shop') {
    handle.client.subscribe(ordersBackend, ORDER);
    handle.client.subscribe(notificationsBackend);
  } else {
    handle.client.subscribe(adminBackend);
  }
  probes.push(probe);
  return probe;
}

const keysOf = (probe: Probe): string[] => (probe.kind === 'shop' ? [`orders:${ORDER}`, 'notifications'] : ['admin']);

/** Every socket of every probe is open and has had its greeting (so its server-side groups are joined). */
function allReady(list: Probe[] = probes): boolean {
  return list.every((probe) => {
    const state = probe.client.store.getState();
    if (!keysOf(probe).every((key) => state.connections[key]?.status === 'open')) return false;
    if (probe.kind === 'shop') return state.orders.byId[String(ORDER)] !== undefined && state.notifications.live;
    return state.admin.me !== null && state.admin.pendingCount !== null;
  });
}

/** Frames of one probe, all its sockets (reconnects included), that match. */
function framesOf(probe: Probe, match: (frame: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  return probe.sockets.flatMap((socket) => socket.frames.filter(match));
}

const orderFrame = (progress: number) => (f: Record<string, unknown>) => f['type'] === 'order.update' && f['order_id'] === ORDER && f['progress'] === progress;
const notificationFrame = (id: number) => (f: Record<string, unknown>) => f['type'] === 'notification' && f['notification_id'] === id;
const newUserFrame = (username: string) => (f: Record<string, unknown>) => f['type'] === 'new_user' && (f['user'] as { username?: string } | undefined)?.username === username;

async function getJson<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** What the database holds, read straight from a running worker (not through the proxy). */
async function truth(worker: number): Promise<{ order: { status: string; progress: number | null }; notificationIds: string[]; unread: number; pendingIds: string[]; pendingCount: number }> {
  const { httpUrl, url } = backend!.workers[worker]!;
  const tokens = backend!.tokens;
  const [list, stats, pending] = await Promise.all([
    getJson<{ results: { id: number }[] }>(`${httpUrl}/api/interactions/notifications/`, tokens.smarthunt.customer),
    getJson<{ unread: number }>(`${httpUrl}/api/interactions/notifications/stats/`, tokens.smarthunt.customer),
    getJson<{ results: { id: string }[]; count: number }>(`${httpUrl}/api/v1/admin-dashboard/approvals/pending/`, tokens.admin.staff),
  ]);
  // The order as a fresh client sees it: its snapshot on connect.
  const reference = clientFor({ url });
  reference.client.subscribe(ordersBackend, ORDER);
  const order = await until(() => reference.client.store.getState().orders.byId[String(ORDER)], 'the reference snapshot');
  reference.dispose();
  return {
    order: { status: order.status as string, progress: order.progress ?? null },
    notificationIds: list.results.map((n) => String(n.id)),
    unread: stats.unread,
    pendingIds: pending.results.map((u) => u.id),
    pendingCount: pending.count,
  };
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

type Truth = Awaited<ReturnType<typeof truth>>;

/** How a probe's store differs from the database (empty: nothing lost, nothing listed twice). */
function mismatches(db: Truth, probe: Probe): string[] {
  const out: string[] = [];
  const name = `${probe.kind} client ${probes.indexOf(probe)}`;
  const state = probe.client.store.getState();
  if (probe.kind === 'shop') {
    const order = state.orders.byId[String(ORDER)];
    if (order?.status !== db.order.status || order.progress !== db.order.progress) out.push(`${name}: order ${JSON.stringify([order?.status, order?.progress])}, server ${JSON.stringify([db.order.status, db.order.progress])}`);
    const ids = state.notifications.items.map((n) => n.id);
    if (duplicates(ids).length) out.push(`${name}: notifications listed twice: ${duplicates(ids).join(', ')}`);
    // Every notification made since it connected is listed, and nothing the server lacks.
    const missing = created.notifications.slice(probe.joinedAfter.notifications).map(String).filter((id) => !ids.includes(id));
    if (missing.length) out.push(`${name}: notifications lost: ${missing.join(', ')}`);
    const unknown = ids.filter((id) => !db.notificationIds.includes(id));
    if (unknown.length) out.push(`${name}: notifications the server does not list: ${unknown.join(', ')}`);
    if (state.notifications.unreadCount !== db.unread) out.push(`${name}: unread ${state.notifications.unreadCount}, server ${db.unread}`);
  } else {
    const ids = state.admin.pendingUsers.map((u) => u.id);
    if (duplicates(ids).length) out.push(`${name}: pending users listed twice: ${duplicates(ids).join(', ')}`);
    if ([...ids].sort().join() !== [...db.pendingIds].sort().join()) out.push(`${name}: pending users ${ids.length}, server ${db.pendingIds.length}`);
    if (state.admin.pendingCount !== db.pendingCount) out.push(`${name}: pending count ${state.admin.pendingCount}, server ${db.pendingCount}`);
  }
  return out;
}

/** Wait until every probe's store equals the database (resyncs may still be in flight); fail listing the differences. */
async function untilConverged(worker: number, timeoutMs = 10_000): Promise<void> {
  const db = await truth(worker);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = probes.flatMap((probe) => mismatches(db, probe));
    if (!out.length) return;
    if (Date.now() > deadline) expect(out).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The endpoint (path, no query) of a socket log. */
const endpointOf = (socket: SocketLog): string => socket.url.replace(/^ws:\/\/[^/]+/, '');

/** Endpoints of a probe whose open socket closed at or after `since` (they moved to another worker). */
function movedSince(probe: Probe, since: number): Set<string> {
  return new Set(probe.sockets.filter((s) => s.openedAt !== null && s.closedAt !== null && s.closedAt >= since && s.openedAt < since).map(endpointOf));
}

/** Frames of one endpoint of a probe (all its sockets) that match; `live` leaves out order snapshots. */
function countOn(probe: Probe, endpoint: string, match: (frame: Record<string, unknown>) => boolean, live = false): number {
  return probe.sockets
    .filter((s) => endpointOf(s) === endpoint)
    .reduce((n, s) => n + s.frames.filter((f, i) => match(f) && !(live && i === 0 && endpoint.startsWith('/ws/orders/'))).length, 0);
}

const ORDERS_PATH = `/ws/orders/${ORDER}/`;
const NOTIFICATIONS_PATH = '/ws/notifications/';
const ADMIN_PATH = '/ws/admin/dashboard/';

/** Let the clients (in this process) read the closes the proxy has just made. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 250));

/** Changes on worker `i`: an order update, a notification for alice, a user awaiting approval. */
async function changeOn(i: number, progress: number, status: string, username: string): Promise<{ notification: number }> {
  const b = backend!;
  const [, notified] = await Promise.all([
    b.controlAt(i, `orders/${ORDER}/`, { progress, status }),
    b.controlAt<{ notification_id: number }>(i, `notify/${ALICE}/`, { title: `from worker ${i}: ${username}`, body: 'scale-out', notification_type: 'system' }),
    b.controlAt(i, 'register/', { username }),
  ]);
  return { notification: notified.notification_id };
}

/** Wait until every probe shows the changes (or fail naming who misses what). */
async function untilShown(progress: number, notification: number, username: string, list: Probe[] = probes, timeoutMs = 15_000): Promise<void> {
  const missing = (probe: Probe): string | null => {
    const state = probe.client.store.getState();
    const name = `${probe.kind} client ${probes.indexOf(probe)}`;
    if (probe.kind === 'admin') return state.admin.pendingUsers.some((u) => u.username === username) ? null : `${name}: no pending user ${username}`;
    const out: string[] = [];
    if (state.orders.byId[String(ORDER)]?.progress !== progress) out.push(`progress ${String(state.orders.byId[String(ORDER)]?.progress)} (not ${progress})`);
    if (!state.notifications.items.some((n) => n.id === String(notification))) out.push(`no notification ${notification}`);
    return out.length ? `${name}: ${out.join(', ')}` : null;
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = list.map(missing).filter((m): m is string => m !== null);
    if (!out.length) return;
    if (Date.now() > deadline) expect(out, `every client showing progress ${progress}, notification ${notification} and pending user ${username}`).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const figures: Record<string, unknown> = {};

describe('two daphne workers on one Redis channel layer, behind a load balancer', () => {
  it('delivers every broadcast once across workers, and moves the clients of a killed worker with their state resynced', async () => {
    const started = Date.now();
    backend = await startDjangoBackend({ workers: 2 });
    const [A, B] = backend.workers as [DjangoBackend['workers'][0], DjangoBackend['workers'][0]];
    proxy = await startLoopbackProxy({ upstreams: [A.port, B.port], latencyMs: 2 });
    figures['startup ms'] = Date.now() - started;

    // --- 1. Spread: every socket through the proxy, round-robin over the two workers.
    for (let i = 0; i < SHOP_CLIENTS; i++) addProbe('shop');
    for (let i = 0; i < ADMIN_CLIENTS; i++) addProbe('admin');
    const socketCount = SHOP_CLIENTS * 2 + ADMIN_CLIENTS;
    await until(() => allReady(), 'every client connected and greeted', 30_000);
    const spread = proxy.openByUpstream();
    figures['sockets at start (A/B)'] = `${spread[A.port] ?? 0}/${spread[B.port] ?? 0}`;
    // Sockets (and the REST connections the admins' resync opened) on both workers.
    expect((spread[A.port] ?? 0) + (spread[B.port] ?? 0)).toBeGreaterThanOrEqual(socketCount);
    expect(spread[A.port] ?? 0).toBeGreaterThanOrEqual(socketCount / 3);
    expect(spread[B.port] ?? 0).toBeGreaterThanOrEqual(socketCount / 3);

    /** Changes × client endpoints that ended shown exactly once (live or by resync). */
    let deliveredOnce = 0;

    // --- 2. A broadcast caused on A, then one on B: every client gets each exactly once.
    let delivered = 0;
    const lost: string[] = [];
    const duplicated: string[] = [];
    const countOnce = (probe: Probe, label: string, count: number): void => {
      if (count === 1) delivered += 1;
      else (count === 0 ? lost : duplicated).push(`${label} → ${probe.kind} client ${probes.indexOf(probe)} (${count}×)`);
    };
    for (const [worker, progress, status] of [[0, 61, 'Extend'], [1, 62, 'Continue']] as const) {
      const username = `scale_${worker}_live`;
      const change = await changeOn(worker, progress, status, username);
      created.notifications.push(change.notification);
        await untilShown(progress, change.notification, username);
      await new Promise((resolve) => setTimeout(resolve, 300)); // a late duplicate would land by now
      for (const probe of probes) {
        if (probe.kind === 'shop') {
          countOnce(probe, `order progress ${progress} from worker ${worker}`, framesOf(probe, orderFrame(progress)).length);
          countOnce(probe, `notification ${change.notification} from worker ${worker}`, framesOf(probe, notificationFrame(change.notification)).length);
        } else {
          countOnce(probe, `new_user ${username} from worker ${worker}`, framesOf(probe, newUserFrame(username)).length);
        }
      }
    }
    expect({ lost, duplicated }).toEqual({ lost: [], duplicated: [] });
    expect(delivered).toBe(2 * (SHOP_CLIENTS * 2 + ADMIN_CLIENTS));
    deliveredOnce += delivered;
    figures['broadcasts before the kill: delivered/lost/duplicated'] = `${delivered}/${lost.length}/${duplicated.length}`;
    await untilConverged(0);

    // --- 3. Kill A (a crash) and change things on B at once, while A's clients are moving.
    const killedAt = Date.now();
    const [, during] = await Promise.all([backend.killWorker(0), changeOn(1, 70, 'Extend', 'scale_during_kill_of_a')]);
    created.notifications.push(during.notification);
    await until(() => !proxy!.openByUpstream()[A.port], 'the proxy to notice that A is gone', 10_000);
    await settle();
    await until(() => allReady(), 'every client open again', 30_000);
    figures['kill A → all clients open on B (ms)'] = Date.now() - killedAt;
    const movedA = probes.map((p) => movedSince(p, killedAt));
    const movedSockets = movedA.reduce((n, set) => n + set.size, 0);
    figures['sockets moved off A'] = `${movedSockets} of ${socketCount}`;
    // Every socket is on B now; the ones that were on A moved (and only those).
    expect(Object.keys(proxy.openByUpstream())).toEqual([String(B.port)]);
    expect(movedSockets).toBeGreaterThanOrEqual(socketCount / 3);
    expect(movedSockets).toBeLessThanOrEqual((socketCount * 2) / 3);
    await untilShown(70, during.notification, 'scale_during_kill_of_a');
    await untilConverged(1);
    // The changes made during the kill: once to each client, live or by its resync, never twice live.
    const during3 = { stayedLive: 0, movedLive: 0, movedResync: 0 };
    probes.forEach((probe, i) => {
      const checks: [string, (f: Record<string, unknown>) => boolean][] =
        probe.kind === 'shop' ? [[ORDERS_PATH, orderFrame(70)], [NOTIFICATIONS_PATH, notificationFrame(during.notification)]] : [[ADMIN_PATH, newUserFrame('scale_during_kill_of_a')]];
      for (const [endpoint, match] of checks) {
        const live = countOn(probe, endpoint, match, true);
        expect(live, `${probe.kind} client ${i} ${endpoint}`).toBeLessThanOrEqual(1);
        if (!movedA[i]!.has(endpoint)) {
          expect(live, `${probe.kind} client ${i} ${endpoint} stayed on B`).toBe(1);
          during3.stayedLive += 1;
        } else if (live) during3.movedLive += 1;
        else during3.movedResync += 1;
      }
    });
    // Converged above: none of these is lost; at most one live frame each: none duplicated.
    deliveredOnce += during3.stayedLive + during3.movedLive + during3.movedResync;
    figures['changes during the kill of A, per endpoint: stayed on B (live) / moved, live on B / moved, by resync'] = `${during3.stayedLive}/${during3.movedLive}/${during3.movedResync}`;

    // --- 4. A back: new connections spread over both again.
    await backend.startWorker(0);
    const fresh = [addProbe('shop'), addProbe('shop'), addProbe('admin'), addProbe('admin')];
    await until(() => allReady(fresh), 'the new clients connected', 30_000);
    const respread = proxy.openByUpstream();
    figures['connections after A restarted and 4 clients joined (A/B)'] = `${respread[A.port] ?? 0}/${respread[B.port] ?? 0}`;
    expect(respread[A.port] ?? 0).toBeGreaterThanOrEqual(2);
    const socketsAfterJoin = socketCount + 2 * 2 + 2;

    // --- 5. Kill B while the balancer still routes new connections to it, and change things on A.
    proxy.setUpstreams([B.port]);
    const killedBAt = Date.now();
    await backend.killWorker(1);
    await until(() => !proxy!.openByUpstream()[B.port], 'the proxy to notice that B is gone', 10_000);
    const held = await changeOn(0, 80, 'Continue', 'scale_while_b_down');
    created.notifications.push(held.notification);
    const checksB = (probe: Probe): [string, (f: Record<string, unknown>) => boolean][] =>
      probe.kind === 'shop' ? [[ORDERS_PATH, orderFrame(80)], [NOTIFICATIONS_PATH, notificationFrame(held.notification)]] : [[ADMIN_PATH, newUserFrame('scale_while_b_down')]];
    // The sockets still on A get the changes live; the others cannot connect anywhere yet.
    await until(
      () => probes.every((probe) => checksB(probe).every(([endpoint, match]) => movedSince(probe, killedBAt).has(endpoint) || countOn(probe, endpoint, match, true) === 1)),
      'the clients on A to get the changes live',
    );
    const movedB = probes.map((p) => movedSince(p, killedBAt));
    const movedBSockets = movedB.reduce((n, set) => n + set.size, 0);
    expect(movedBSockets).toBeGreaterThanOrEqual(socketCount); // every old client was on B
    proxy.setUpstreams([A.port, B.port]); // the health check takes B out: the proxy skips a refusing upstream
    const routedAt = Date.now();
    await until(() => allReady() && probes.every((p) => p.sockets.filter((s) => s.openedAt !== null && s.closedAt === null).length === keysOf(p).length), 'every client open again on A', 30_000);
    figures['balancer routes to A → all clients open on A (ms)'] = Date.now() - routedAt;
    figures['kill B → all clients open on A, balancer lag included (ms)'] = Date.now() - killedBAt;
    figures['sockets moved off B'] = `${movedBSockets} of ${socketsAfterJoin}`;
    expect(Object.keys(proxy.openByUpstream())).toEqual([String(A.port)]);
    await untilShown(80, held.notification, 'scale_while_b_down');
    await untilConverged(0);
    // A moved socket got none of it live: it came by the resync (snapshot, REST list, counts).
    probes.forEach((probe, i) => {
      for (const [endpoint, match] of checksB(probe)) {
        expect(countOn(probe, endpoint, match, true), `${probe.kind} client ${i} ${endpoint}`).toBe(movedB[i]!.has(endpoint) ? 0 : 1);
        deliveredOnce += 1;
      }
    });
    figures['errors reported (by code)'] = probes.flatMap((p) => p.handle.errors.map((e) => e.code)).reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});
    for (const probe of probes) expect(probe.handle.errors.filter((e) => e.code === 'invalid-frame' || e.code === 'rest')).toEqual([]);
    figures['all changes, per client endpoint: delivered once (live or by resync) / lost / duplicated'] = `${deliveredOnce}/0/0`;
    figures['total ms'] = Date.now() - started;
    console.info(`scale-out figures: ${JSON.stringify(figures, null, 1)}`);
  }, 120_000);
});
