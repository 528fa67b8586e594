/**
 * The kit against a reference of the REAL Timing restaurant server (PROTOCOLS.md §2,
 * test/backends/timing/): Socket.IO namespace `/admin` behind an HS256 JWT middleware, not the
 * raw WebSocket its document describes. Everything here is what a user of the kit would see:
 * store contents, action results and the errors reported through onError.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import { type RealtimeClientOptions, type ConnectionStatus, timingBackend, loadTimingOrder, updateOrderStatus } from 'react-realtime-kit';
import { socketIoTransport } from 'react-realtime-kit/socketio';
import { clientFor, disposeClients, type TestClient } from '../helpers/clientFor';
import { until } from '../helpers/until';
import { createTimingServer, signHs256, TIMING_STATUSES, type TimingServer, type TimingServerOrder } from './timing/createTimingServer';

const SECRET = 'timing-test-secret';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let server: TimingServer;
let adminToken: string;
/** Every token a test handed out: none may show up in an error message or the store. */
const minted: string[] = [];
const live: TestClient[] = [];
const rawSockets: Socket[] = [];

function mint(payload: { id: number; username: string; exp?: number }, secret = SECRET): string {
  const token = secret === SECRET ? server.sign(payload) : signHs256({ exp: Math.floor(Date.now() / 1000) + 3600, ...payload }, secret);
  minted.push(token);
  return token;
}

/** A kit client on the Timing server: the real server needs the Socket.IO transport. */
function connect(options: RealtimeClientOptions = {}): TestClient {
  const handle = clientFor(server, { apiUrl: server.httpUrl, backends: { timing: { transport: socketIoTransport() } }, ...options });
  live.push(handle);
  return handle;
}

/** Every connection status a client's endpoint went through (to show one never opened). */
function statusesOf(handle: TestClient, endpoint: string): ConnectionStatus[] {
  const seen: ConnectionStatus[] = [];
  handle.client.store.subscribe((state) => {
    const status = state.connections[endpoint]?.status;
    if (status && seen.at(-1) !== status) seen.push(status);
  });
  return seen;
}

async function api<T = unknown>(method: string, path: string, init: { token?: string; body?: unknown; raw?: string } = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (init.token) headers['Authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined || init.raw !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.httpUrl}${path}`, { method, headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

async function placeOrder(customer_name: string, items: { menu_name: string; quantity: number; price: number }[]): Promise<TimingServerOrder> {
  const { status, body } = await api<{ data: TimingServerOrder }>('POST', '/api/orders', { body: { customer_name, items } });
  expect(status).toBe(201);
  return body.data;
}

const PAD_THAI = { menu_name: 'Pad Thai', quantity: 2, price: 120 };
const THAI_TEA = { menu_name: 'Thai Iced Tea', quantity: 1, price: 45.5 };

/** A raw socket.io-client on `/admin` (what the server itself accepts, without the kit). */
function rawAdmin(options: { auth?: Record<string, unknown>; query?: Record<string, string> }): Promise<{ ok: true; connected: unknown } | { ok: false; message: string }> {
  const socket = ioClient(`${server.httpUrl}/admin`, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  rawSockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connected', (data: unknown) => resolve({ ok: true, connected: data }));
    socket.once('connect_error', (error: Error) => resolve({ ok: false, message: error.message }));
  });
}

beforeEach(async () => {
  server = await createTimingServer({ port: 0, secret: SECRET });
  adminToken = mint({ id: 1, username: 'admin' });
});

afterEach(async () => {
  for (const handle of live.splice(0)) {
    const state = JSON.stringify(handle.client.store.getState());
    for (const token of minted) {
      for (const error of handle.errors) expect(`${error.message} ${error.endpoint ?? ''}`).not.toContain(token);
      expect(state).not.toContain(token);
    }
  }
  minted.length = 0;
  for (const socket of rawSockets.splice(0)) socket.disconnect();
  disposeClients();
  await server.close();
});

describe('the Timing reference server, on the wire', () => {
  it('creates orders (ids from 1, totals in baht) and answers the public and admin routes with { data }', async () => {
    const first = await placeOrder('Somchai', [PAD_THAI, THAI_TEA]);
    expect(first).toMatchObject({ id: 1, customer_name: 'Somchai', total: 285.5, status: 'pending' });
    expect(first.items).toEqual([
      { id: 1, menu_name: 'Pad Thai', quantity: 2, price: 120 },
      { id: 2, menu_name: 'Thai Iced Tea', quantity: 1, price: 45.5 },
    ]);
    expect(first.created_at).toMatch(ISO);
    const second = await placeOrder('Malee', [THAI_TEA]);
    expect(second.id).toBe(2);

    expect(await api('GET', '/api/orders/1/status')).toMatchObject({ status: 200, body: { data: first } });
    expect(await api('GET', '/api/orders/99/status')).toMatchObject({ status: 404, body: { error: 'Order not found' } });
    expect(await api('GET', '/api/admin/orders')).toMatchObject({ status: 401, body: { error: 'Access token required' } });
    expect(await api('GET', '/api/admin/orders', { token: mint({ id: 1, username: 'admin' }, 'another-secret') })).toMatchObject({ status: 401, body: { error: 'Invalid or expired token' } });
    const list = await api<{ data: TimingServerOrder[] }>('GET', '/api/admin/orders', { token: adminToken });
    expect(list.body.data.map((o) => o.id)).toEqual([2, 1]);
    expect(await api('PUT', '/api/admin/orders/1/status', { body: { status: 'ready' } })).toMatchObject({ status: 401 });
    expect(await api('PUT', '/api/admin/orders/1/status', { token: adminToken, body: { status: 'burnt' } })).toMatchObject({
      status: 400, body: { error: `Invalid status. Must be one of: ${TIMING_STATUSES.join(', ')}` },
    });
    expect(await api('PUT', '/api/admin/orders/99/status', { token: adminToken, body: { status: 'ready' } })).toMatchObject({ status: 404 });
    expect(await api('GET', '/api/admin/websocket/stats', { token: adminToken })).toMatchObject({ status: 200, body: { adminConnections: 0, isInitialized: true } });
  });

  it('answers bad JSON and bad orders with 400 { error }, and sends CORS headers', async () => {
    expect(await api('POST', '/api/orders', { raw: '{"customer_name": ' })).toMatchObject({ status: 400, body: { error: 'Invalid JSON' } });
    expect(await api('POST', '/api/orders', { body: { items: [PAD_THAI] } })).toMatchObject({ status: 400, body: { error: 'customer_name is required' } });
    expect(await api('POST', '/api/orders', { body: { customer_name: 'Somchai', items: [] } })).toMatchObject({ status: 400 });
    expect(await api('POST', '/api/orders', { body: { customer_name: 'Somchai', items: [{ ...PAD_THAI, quantity: 0 }] } })).toMatchObject({ status: 400 });
    const got = await api('GET', '/api/orders/1/status');
    expect(got.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${server.httpUrl}/api/admin/orders/1/status`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PUT' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(server.orders()).toEqual([]);
  });

  it('takes the JWT from auth.token or ?token=, and refuses with the two exact connect_error messages', async () => {
    expect(await rawAdmin({ auth: { token: adminToken } })).toEqual({ ok: true, connected: { message: 'Connected to admin notifications', userId: 1, username: 'admin' } });
    expect(await rawAdmin({ query: { token: adminToken } })).toMatchObject({ ok: true });
    expect(await rawAdmin({})).toEqual({ ok: false, message: 'Authentication error: No token provided' });
    expect(await rawAdmin({ auth: { token: 'not-a-jwt' } })).toEqual({ ok: false, message: 'Authentication error: Invalid token' });
    const expired = mint({ id: 1, username: 'admin', exp: Math.floor(Date.now() / 1000) - 60 });
    expect(await rawAdmin({ auth: { token: expired } })).toEqual({ ok: false, message: 'Authentication error: Invalid token' });
    // A token whose header claims another algorithm is refused even with a valid HMAC.
    const [, body] = adminToken.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${body}.`;
    expect(await rawAdmin({ auth: { token: none } })).toEqual({ ok: false, message: 'Authentication error: Invalid token' });
  });

  it('an older build reads only auth.token', async () => {
    await server.close();
    server = await createTimingServer({ secret: SECRET, acceptQueryToken: false });
    const token = mint({ id: 1, username: 'admin' });
    expect(await rawAdmin({ query: { token } })).toEqual({ ok: false, message: 'Authentication error: No token provided' });
    expect(await rawAdmin({ auth: { token } })).toMatchObject({ ok: true });
  });
});

describe('the kit against the Timing reference server', () => {
  it('opens with a valid token: the session user from `connected`, and the order list loaded over REST', async () => {
    const a = await placeOrder('Somchai', [PAD_THAI]);
    const b = await placeOrder('Malee', [THAI_TEA]);
    const { client, errors } = connect({ token: adminToken });
    client.subscribe(timingBackend);
    const connection = await until(() => {
      const c = client.store.getState().connections['timing'];
      return c?.status === 'open' && c.user && c;
    }, 'the connected event');
    expect(connection.user).toEqual({ id: '1', username: 'admin' });

    const [first, second] = await until(() => {
      const { byId } = client.store.getState().orders;
      return byId[`timing:${a.id}`] && byId[`timing:${b.id}`] && [byId[`timing:${a.id}`]!, byId[`timing:${b.id}`]!];
    }, 'the order list');
    expect(first).toMatchObject({ id: '1', source: 'timing', status: 'pending', customerName: 'Somchai', total: 240, createdAt: a.created_at });
    expect(first.items).toEqual([{ id: String(a.items[0]!.id), name: 'Pad Thai', quantity: 2, price: 120 }]);
    expect(second).toMatchObject({ id: '2', customerName: 'Malee', total: 45.5 });
    // A REST snapshot is not a "new order": no banner for orders that were already there.
    expect(client.store.getState().orders.latestCreatedId).toBeNull();
    expect(await api('GET', '/api/admin/websocket/stats', { token: adminToken })).toMatchObject({ body: { adminConnections: 1, isInitialized: true } });
    expect(errors).toEqual([]);
    expect(client.stats.invalidFrames).toBe(0);
  });

  it('shows a POSTed order live as a new order', async () => {
    const { client, errors } = connect({ token: adminToken });
    client.subscribe(timingBackend);
    await until(() => client.store.getState().connections['timing']?.user, 'the connected event');
    const placed = await placeOrder('Niran', [PAD_THAI, THAI_TEA]);
    const key = `timing:${placed.id}`;
    await until(() => client.store.getState().orders.latestCreatedId === key, 'the new_order event');
    const order = client.store.getState().orders.byId[key]!;
    expect(order).toMatchObject({ id: String(placed.id), source: 'timing', status: 'pending', customerName: 'Niran', total: 285.5, createdAt: placed.created_at });
    expect(order.items).toEqual(placed.items.map((i) => ({ id: String(i.id), name: i.menu_name, quantity: i.quantity, price: i.price })));
    expect(client.store.getState().orders.lastEvent[key]).toMatchObject({ kind: 'order/created' });
    expect(errors).toEqual([]);
  });

  it('updateOrderStatus: shown at once, accepted by the server, and confirmed by the broadcast', async () => {
    const placed = await placeOrder('Somchai', [PAD_THAI]);
    const key = `timing:${placed.id}`;
    const actor = connect({ token: adminToken });
    const observer = connect({ token: mint({ id: 2, username: 'kitchen' }) });
    actor.client.subscribe(timingBackend);
    observer.client.subscribe(timingBackend);
    await until(() => actor.client.store.getState().orders.byId[key], 'the order in the list');
    await until(() => observer.client.store.getState().orders.byId[key], "the observer's order list");

    const framesBefore = actor.client.stats.framesIn;
    const done = updateOrderStatus(actor.client, placed.id, 'ready');
    // Optimistic: in the store before the request has even left.
    expect(actor.client.store.getState().orders.byId[key]).toMatchObject({ status: 'ready', previousStatus: 'pending' });
    await done;
    expect(server.orders()[0]!.status).toBe('ready');

    // The broadcast reaches every admin: the other one sees the change...
    const seen = await until(() => {
      const o = observer.client.store.getState().orders.byId[key];
      return o?.status === 'ready' && o;
    }, "the observer's order_status_update");
    expect(seen.updatedAt).toBe(server.orders()[0]!.updated_at);
    expect(observer.client.store.getState().orders.lastEvent[key]).toMatchObject({ kind: 'order/upsert', order: { status: 'ready' } });
    // ...and the actor gets it too, agreeing with what it already shows.
    await until(() => actor.client.stats.framesIn > framesBefore, "the actor's order_status_update");
    expect(actor.client.store.getState().orders.byId[key]).toMatchObject({ status: 'ready', previousStatus: 'pending', customerName: 'Somchai' });
    // The change's time, not the one from before it (that broadcast is a duplicate for the actor).
    await until(() => actor.client.store.getState().orders.byId[key]!.updatedAt === server.orders()[0]!.updated_at, "the actor's order to carry the change's time");
    expect(actor.errors).toEqual([]);
    expect(observer.errors).toEqual([]);
  });

  it("a bad status is refused with the server's 400 text and rolled back", async () => {
    const placed = await placeOrder('Somchai', [PAD_THAI]);
    const key = `timing:${placed.id}`;
    const { client, errors } = connect({ token: adminToken });
    client.subscribe(timingBackend);
    await until(() => client.store.getState().orders.byId[key], 'the order in the list');
    const before = client.store.getState().orders.byId[key]!;

    const done = updateOrderStatus(client, placed.id, 'burnt');
    expect(client.store.getState().orders.byId[key]!.status).toBe('burnt');
    await expect(done).rejects.toMatchObject({ code: 'rest', status: 400 });
    expect(client.store.getState().orders.byId[key]).toEqual(before);
    expect(errors.map((e) => e.message)).toEqual([
      `PUT /api/admin/orders/${placed.id}/status answered 400: Invalid status. Must be one of: pending, preparing, ready, completed, cancelled`,
    ]);
    expect(server.orders()[0]!.status).toBe('pending');
  });

  it('an invalid token: handshake-failed with the server\'s reason, reported once, and the socket never opens', async () => {
    const handle = connect({ token: mint({ id: 1, username: 'admin' }, 'not-the-server-secret') });
    const seen = statusesOf(handle, 'timing');
    handle.client.subscribe(timingBackend);
    await until(() => (handle.client.store.getState().connections['timing']?.attempt ?? 0) >= 3, 'three refused attempts');
    const refusals = handle.errors.filter((e) => e.code === 'handshake-failed');
    expect(refusals).toHaveLength(1); // reported once per cause, not per attempt
    expect(refusals[0]!.message).toContain('(Authentication error: Invalid token)');
    expect(refusals[0]!.endpoint).toBe('timing');
    expect(handle.errors.every((e) => e.code === 'handshake-failed')).toBe(true);
    expect(seen).not.toContain('open');
    expect(handle.client.store.getState().connections['timing']?.user).toBeNull();
    expect(handle.client.store.getState().orders.ids).toEqual([]);
  });

  it('no token at all: handshake-failed with "No token provided"', async () => {
    const handle = connect();
    const seen = statusesOf(handle, 'timing');
    handle.client.subscribe(timingBackend);
    const error = await until(() => handle.errors.find((e) => e.code === 'handshake-failed'), 'handshake-failed');
    expect(error.message).toContain('(Authentication error: No token provided)');
    expect(seen).not.toContain('open');
  });

  it('asks the token function for a fresh token after two refusals, and opens with it', async () => {
    const stale = mint({ id: 1, username: 'admin' }, 'last-months-secret');
    const calls: boolean[] = [];
    const handle = connect({
      token: ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return forceRefresh ? adminToken : stale;
      },
    });
    handle.client.subscribe(timingBackend);
    await until(() => handle.client.store.getState().connections['timing']?.user, 'the connected event');
    expect(calls.slice(0, 3)).toEqual([false, false, true]);
    expect(handle.errors.filter((e) => e.code === 'handshake-failed')).toHaveLength(1);
    expect(handle.errors[0]!.message).toContain('(Authentication error: Invalid token)');
    // Once open, the REST resync's token comes from the same function (without forceRefresh).
    await placeOrder('Somchai', [PAD_THAI]);
    await until(() => handle.client.store.getState().orders.byId['timing:1'], 'the order');
  });

  it('an expired token is refused like an invalid one, over the socket and over REST', async () => {
    const expired = mint({ id: 1, username: 'admin', exp: Math.floor(Date.now() / 1000) - 5 });
    const placed = await placeOrder('Somchai', [PAD_THAI]);
    const handle = connect({ token: expired });
    const seen = statusesOf(handle, 'timing');
    handle.client.subscribe(timingBackend);
    const refused = await until(() => handle.errors.find((e) => e.code === 'handshake-failed'), 'handshake-failed');
    expect(refused.message).toContain('(Authentication error: Invalid token)');

    // The customer route needs no token; the admin one refuses the expired token.
    await loadTimingOrder(handle.client, placed.id);
    await expect(updateOrderStatus(handle.client, placed.id, 'preparing')).rejects.toMatchObject({ code: 'rest', status: 401 });
    expect(handle.client.store.getState().orders.byId[`timing:${placed.id}`]!.status).toBe('pending');
    expect(handle.errors.find((e) => e.code === 'rest')!.message).toBe(
      `PUT /api/admin/orders/${placed.id}/status answered 401: Invalid or expired token (check the token and that the user may do this)`,
    );
    expect(seen).not.toContain('open');
  });

  it('customer tracking without a socket: loadTimingOrder polls GET /api/orders/:id/status', async () => {
    const placed = await placeOrder('Malee', [THAI_TEA]);
    const { client, errors } = connect(); // a customer: no token, no subscription

    const first = await loadTimingOrder(client, placed.id);
    expect(first).toMatchObject({ id: String(placed.id), source: 'timing', status: 'pending', customerName: 'Malee', total: 45.5, createdAt: placed.created_at });
    expect(client.store.getState().orders.byId[`timing:${placed.id}`]).toBe(first);

    // The kitchen moves it on; the next poll sees it.
    expect(await api('PUT', `/api/admin/orders/${placed.id}/status`, { token: adminToken, body: { status: 'preparing' } })).toMatchObject({ status: 200 });
    const next = await loadTimingOrder(client, placed.id);
    expect(next).toMatchObject({ status: 'preparing' });
    expect(next!.updatedAt).toBe(server.orders()[0]!.updated_at);

    await expect(loadTimingOrder(client, 404)).rejects.toMatchObject({ code: 'rest', status: 404 });
    expect(errors.map((e) => e.message)).toEqual(['GET /api/orders/404/status answered 404: Order not found']);
    expect(client.stats.openSockets).toBe(0);
    expect(client.stats.framesIn).toBe(0);
    expect(client.store.getState().connections).toEqual({});
  });

  it('the documented raw WebSocket (`/admin?token=`) cannot connect to the real server', async () => {
    const handle = connect({ token: adminToken, backends: {} }); // the default transport: a plain WebSocket
    const seen = statusesOf(handle, 'timing');
    handle.client.subscribe(timingBackend);
    const error = await until(() => handle.errors.find((e) => e.code === 'handshake-failed'), 'handshake-failed');
    // engine.io drops an upgrade outside /socket.io/ (after its 1 s destroyUpgradeTimeout):
    // the auth middleware is never reached, so there is no server reason to show.
    expect(error.message).toContain(`the handshake to ${server.url}/admin failed before the socket opened`);
    expect(error.message).not.toContain('Authentication error');
    expect(seen).not.toContain('open');
  });
});
