import { afterEach, describe, expect, it } from 'vitest';
import { parseTimingOrder, parseTimingOrderList, timingDialect } from 'react-realtime-kit';
import { type Simulator } from 'react-realtime-kit/testing';
import { attempt, checkedSimulator, join, RecordingSink } from './simHarness';

let sim: Simulator & { assertParsed(): number };
afterEach(() => {
  sim.assertParsed();
  sim.dispose();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const rest = (method: string, path: string, body: unknown = '', headers: Record<string, string> = {}) =>
  sim.rest({ method, path, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('order stream (§1)', () => {
  it('sends one order.update snapshot on start, with decimal-string prices', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/orders/102/');
    expect(a.sink.json()).toHaveLength(1);
    const snap = a.sink.last();
    expect(snap).toMatchObject({ type: 'order.update', order_id: 102, status: 'Continue' });
    expect(snap['booster_price']).toMatch(/^\d+\.\d{2}$/);
    expect(snap['actual_price']).toMatch(/^\d+\.\d{2}$/);
    expect(snap['timestamp']).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('seeds every status, with nulls where the real server has them', () => {
    sim = checkedSimulator();
    const orders = [...sim.world.boostOrders.values()];
    expect(orders.map((o) => o.order_id)).toEqual([101, 102, 103, 104, 105, 106]);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['New', 'Droped', 'Extend', 'Done', 'Continue']));
    expect(orders[0]).toMatchObject({ status: 'New', booster_id: null, booster_username: null, reached_rank: null });
  });

  it('sends nothing for an unknown order and ignores inbound frames', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/orders/999/');
    a.send({ type: 'ping' });
    a.send('not json');
    expect(a.sink.frames).toEqual([]);
    expect(a.sink.closes).toEqual([]);
  });

  it('broadcasts changes to every watcher of that order only', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/orders/103/');
    const b = join(sim, '/ws/orders/103/');
    const other = join(sim, '/ws/orders/104/');
    [a, b, other].forEach((c) => c.sink.clear());
    const order = sim.emit.orderUpdate({ order_id: 103, progress: 80, booster_price: '99.90' });
    expect(order.progress).toBe(80);
    for (const c of [a, b]) expect(c.sink.json()).toEqual([expect.objectContaining({ type: 'order.update', order_id: 103, progress: 80, booster_price: '99.90' })]);
    expect(other.sink.frames).toEqual([]);
  });

  it('an emit for an order nobody knew creates it; later watchers get its snapshot', () => {
    sim = checkedSimulator();
    sim.emit.orderUpdate({ order_id: 500, status: 'Continue', progress: 10 });
    expect(join(sim, '/ws/orders/500/').sink.last()).toMatchObject({ order_id: 500, status: 'Continue', progress: 10 });
  });

  it('needs no token but does check the Origin', () => {
    sim = checkedSimulator();
    expect(attempt(sim, '/ws/orders/101/', { origin: undefined })).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/orders/101/', { origin: 'https://evil.example' })).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/orders/abc/')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('Timing feed (§2), real Socket.IO shape', () => {
  const io = (auth?: Record<string, unknown>, url = '/admin') => {
    const sink = new RecordingSink();
    const result = sim.connect({ url, kind: 'socketio', ...(auth ? { auth } : {}) }, sink);
    return { sink, result };
  };

  it('greets with connected {message, userId, username} from the token in auth or the query', () => {
    sim = checkedSimulator();
    const { sink, result } = io({ token: 'demo' });
    expect(result.ok).toBe(true);
    if (result.ok) result.session.start();
    expect(sink.frames).toEqual([{ event: 'connected', data: { message: expect.any(String), userId: 1, username: 'demo' } }]);
    const viaQuery = io(undefined, '/admin?token=admin');
    expect(viaQuery.result.ok).toBe(true);
  });

  it('refuses a missing or bad token with the real connect_error messages', () => {
    sim = checkedSimulator();
    expect(io().result).toEqual({ ok: false, status: 401, message: 'Authentication error: No token provided' });
    expect(io({ token: 'nope' }).result).toEqual({ ok: false, status: 401, message: 'Authentication error: Invalid token' });
    expect(io({ token: 'demo' }, '/other').result).toMatchObject({ ok: false, status: 404 });
    // A raw WebSocket cannot reach the Socket.IO server.
    expect(attempt(sim, '/admin?token=demo')).toMatchObject({ ok: false, status: 404 });
  });

  it('broadcasts new_order and order_status_update shaped as §2', () => {
    sim = checkedSimulator();
    const { sink, result } = io({ token: 'admin' });
    if (result.ok) result.session.start();
    sink.clear();
    const order = sim.emit.timingNewOrder({ customer_name: 'Ploy', items: [{ menu_name: 'Pad Thai', quantity: 2, price: 120 }] });
    sim.emit.timingStatus(order.id, 'preparing');
    expect(sink.frames).toEqual([
      { event: 'new_order', data: { type: 'new_order', order: { id: order.id, customer_name: 'Ploy', total: 240, items: [{ id: expect.any(Number), menu_name: 'Pad Thai', quantity: 2, price: 120 }], created_at: expect.any(String), status: 'pending' }, timestamp: expect.any(String) } },
      { event: 'order_status_update', data: { type: 'order_status_update', order: { id: order.id, customer_name: 'Ploy', status: 'preparing', updated_at: expect.any(String) }, timestamp: expect.any(String) } },
    ]);
    for (const frame of sink.frames) expect(timingDialect.parse(frame).ok).toBe(true);
  });
});

describe('Timing feed, documented raw WebSocket shape', () => {
  it('speaks newOrder / orderStatusUpdate with customer_info on /admin?token=', () => {
    sim = checkedSimulator({ shapes: { timing: 'documented' } });
    expect(attempt(sim, '/admin')).toMatchObject({ ok: false, status: 401 });
    expect(attempt(sim, '/admin?token=bad')).toMatchObject({ ok: false, status: 401 });
    expect(sim.connect({ url: '/admin', kind: 'socketio', auth: { token: 'demo' } }, new RecordingSink())).toMatchObject({ ok: false, status: 404 });
    const a = join(sim, '/admin?token=demo', { origin: undefined });
    expect(a.sink.frames).toEqual([]);
    const order = sim.emit.timingNewOrder({ customer_name: 'Ploy' });
    sim.emit.timingStatus(order.id, 'ready');
    expect(a.sink.json()).toEqual([
      { type: 'newOrder', order: expect.objectContaining({ id: order.id, customer_info: { name: 'Ploy' }, status: 'pending' }) },
      { type: 'orderStatusUpdate', order: expect.objectContaining({ id: order.id, customer_info: { name: 'Ploy' }, status: 'ready' }), status: 'ready' },
    ]);
  });
});

describe('Timing REST', () => {
  it('POST /api/orders creates an order (201 {data}) and broadcasts new_order', () => {
    sim = checkedSimulator();
    const sink = new RecordingSink();
    const r = sim.connect({ url: '/admin', kind: 'socketio', auth: { token: 'demo' } }, sink);
    if (r.ok) r.session.start();
    sink.clear();
    const res = rest('POST', '/api/orders', { customer_name: 'Ploy', items: [{ menu_name: 'Som Tam', quantity: 1, price: 90 }, { menu_name: 'Thai Iced Tea', quantity: 2, price: 60 }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ data: { id: 6, customer_name: 'Ploy', total: 210, status: 'pending' } });
    expect(parseTimingOrder(res.body).ok).toBe(true);
    expect(sink.types()).toEqual(['new_order']);
  });

  it('answers 400 for bad bodies', () => {
    sim = checkedSimulator();
    expect(rest('POST', '/api/orders', '{oops')).toEqual({ status: 400, body: { error: 'Invalid JSON body' } });
    expect(rest('POST', '/api/orders', '')).toMatchObject({ status: 400 });
    expect(rest('POST', '/api/orders', { items: [] })).toEqual({ status: 400, body: { error: 'customer_name is required' } });
    expect(rest('POST', '/api/orders', { customer_name: 'X', items: [] })).toMatchObject({ status: 400, body: { error: 'items must be a non-empty array' } });
    expect(rest('POST', '/api/orders', { customer_name: 'X', items: [{ menu_name: 'A', quantity: 0, price: 1 }] })).toMatchObject({ status: 400, body: { error: 'items[0].quantity must be a positive integer' } });
    expect(rest('POST', '/api/orders', { customer_name: 'X', items: [{ menu_name: 'A', quantity: 1, price: 'free' }] })).toMatchObject({ status: 400 });
  });

  it('GET /api/orders/:id/status returns {data} or 404', () => {
    sim = checkedSimulator();
    const res = rest('GET', '/api/orders/2/status');
    expect(res).toMatchObject({ status: 200, body: { data: { id: 2, status: 'ready' } } });
    expect(parseTimingOrder(res.body).ok).toBe(true);
    expect(rest('GET', '/api/orders/99/status')).toEqual({ status: 404, body: { error: 'Order not found' } });
  });

  it('PUT /api/admin/orders/:id/status needs a Bearer token and a valid status, then broadcasts', () => {
    sim = checkedSimulator();
    const sink = new RecordingSink();
    const r = sim.connect({ url: '/admin', kind: 'socketio', auth: { token: 'admin' } }, sink);
    if (r.ok) r.session.start();
    sink.clear();
    expect(rest('PUT', '/api/admin/orders/4/status', { status: 'ready' })).toMatchObject({ status: 401, body: { detail: expect.any(String) } });
    expect(rest('PUT', '/api/admin/orders/4/status', { status: 'ready' }, bearer('forged'))).toMatchObject({ status: 401 });
    expect(rest('PUT', '/api/admin/orders/4/status', { status: 'eaten' }, bearer('admin'))).toMatchObject({ status: 400, body: { error: expect.stringContaining('pending, preparing, ready, completed, cancelled') } });
    expect(rest('PUT', '/api/admin/orders/4/status', '{', bearer('admin'))).toMatchObject({ status: 400 });
    expect(rest('PUT', '/api/admin/orders/99/status', { status: 'ready' }, bearer('admin'))).toMatchObject({ status: 404 });
    expect(sink.frames).toEqual([]);
    const ok = rest('PUT', '/api/admin/orders/4/status', { status: 'preparing' }, bearer('admin'));
    expect(ok).toMatchObject({ status: 200, body: { data: { id: 4, status: 'preparing' } } });
    expect(sink.json()).toEqual([{ event: 'order_status_update', data: expect.objectContaining({ order: expect.objectContaining({ id: 4, status: 'preparing' }) }) }]);
  });

  it('GET /api/admin/orders and websocket/stats', () => {
    sim = checkedSimulator();
    const list = rest('GET', '/api/admin/orders', '', bearer('demo'));
    expect(list.status).toBe(200);
    const parsed = parseTimingOrderList(list.body);
    expect(parsed.ok && parsed.orders.length).toBe(5);
    expect(rest('GET', '/api/admin/orders')).toMatchObject({ status: 401 });
    const r = sim.connect({ url: '/admin', kind: 'socketio', auth: { token: 'demo' } }, new RecordingSink());
    if (r.ok) r.session.start();
    expect(rest('GET', '/api/admin/websocket/stats', '', bearer('demo'))).toEqual({ status: 200, body: { adminConnections: 1, isInitialized: true } });
  });

  it('unknown routes are 404 {error}', () => {
    sim = checkedSimulator();
    expect(rest('GET', '/api/nothing')).toEqual({ status: 404, body: { error: 'Not found' } });
    expect(rest('DELETE', '/api/orders/1/status')).toEqual({ status: 404, body: { error: 'Not found' } });
  });
});
