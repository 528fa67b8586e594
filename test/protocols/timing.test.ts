import { type OrderPatch, type RealtimeEvent, parseTimingOrder, parseTimingOrderList, timingDialect, timingStatuses, timingStatusKey } from 'react-realtime-kit';
import { oddFrames } from './oddFrames';

const NOW = '2030-05-06T07:08:09.000Z';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => vi.useRealTimers());

/** The real server's order, as carried by `new_order`. */
const realOrder = {
  id: 17, customer_name: 'Somchai', total: 250, status: 'pending', created_at: '2025-01-01T10:00:00.000Z',
  items: [{ id: 1, menu_name: 'Pad Thai', quantity: 2, price: 80 }, { id: 2, menu_name: 'Thai Tea', quantity: 1, price: '90.00' }],
};
const realPatch: OrderPatch = {
  id: '17', source: 'timing', status: 'pending', customerName: 'Somchai', total: 250,
  items: [{ id: '1', name: 'Pad Thai', quantity: 2, price: 80 }, { id: '2', name: 'Thai Tea', quantity: 1, price: 90 }],
  createdAt: '2025-01-01T10:00:00.000Z', updatedAt: '2025-01-01T10:00:01.000Z',
};
/** The document's order, with `customer_info.name`. */
const documentedOrder = { id: 'ord-9', customer_info: { name: 'Nok' }, total: '120.50', status: 'pending', created_at: '2025-01-02 09:00:00', items: [] };

const created = (order: OrderPatch): RealtimeEvent[] => [{ kind: 'order/created', order }];
const upsert = (order: OrderPatch): RealtimeEvent[] => [{ kind: 'order/upsert', order }];
const io = (event: string, data: unknown): unknown => ({ event, data });

describe('timingDialect.parse: valid frames', () => {
  it.each<[string, unknown, RealtimeEvent[]]>([
    ['Socket.IO connected', io('connected', { message: 'Connected to admin namespace', userId: 3, username: 'chef' }),
      [{ kind: 'session/established', userId: '3', username: 'chef' }]],
    ['Socket.IO connected without a name', io('connected', { userId: 'u-1' }), [{ kind: 'session/established', userId: 'u-1', username: null }]],
    ['Socket.IO new_order', io('new_order', { type: 'new_order', order: realOrder, timestamp: '2025-01-01T10:00:01.000Z' }), created(realPatch)],
    ['Socket.IO new_order without status (pending) or timestamp', io('new_order', { order: { id: 5, customer_name: 'A', total: '10' } }),
      created({ id: '5', source: 'timing', status: 'pending', customerName: 'A', total: 10, updatedAt: NOW })],
    ['Socket.IO new_order with null item price', io('new_order', { order: { id: 5, items: [{ id: 9, menu_name: 'Water', quantity: 1, price: null }], created_at: '2025-01-01 10:00:00.5' } }),
      created({ id: '5', source: 'timing', status: 'pending', items: [{ id: '9', name: 'Water', quantity: 1, price: null }], createdAt: '2025-01-01T10:00:00.500Z', updatedAt: '2025-01-01T10:00:00.500Z' })],
    ['Socket.IO order_status_update', io('order_status_update', { type: 'order_status_update', order: { id: 17, customer_name: 'Somchai', status: 'ready', updated_at: '2025-01-01T10:05:00.000Z' }, timestamp: '2025-01-01T10:05:01.000Z' }),
      upsert({ id: '17', source: 'timing', status: 'ready', customerName: 'Somchai', updatedAt: '2025-01-01T10:05:00.000Z' })],
    ['Socket.IO update with an unknown status, kept', io('order_status_update', { order: { id: 17, status: 'on_hold' }, timestamp: '2025-01-01T10:05:01Z' }),
      upsert({ id: '17', source: 'timing', status: 'on_hold', updatedAt: '2025-01-01T10:05:01.000Z' })],
    ['the real payload as JSON text (typed)', JSON.stringify({ type: 'new_order', order: realOrder, timestamp: '2025-01-01T10:00:01Z' }), created(realPatch)],
    ['the event shape as JSON text', JSON.stringify(io('new_order', { order: realOrder, timestamp: '2025-01-01T10:00:01Z' })), created(realPatch)],
    ['documented newOrder', JSON.stringify({ type: 'newOrder', order: documentedOrder }),
      created({ id: 'ord-9', source: 'timing', status: 'pending', customerName: 'Nok', total: 120.5, items: [], createdAt: '2025-01-02T09:00:00.000Z', updatedAt: '2025-01-02T09:00:00.000Z' })],
    ['documented orderStatusUpdate: the status beside the order wins', JSON.stringify({ type: 'orderStatusUpdate', order: documentedOrder, status: 'ready' }),
      upsert({ id: 'ord-9', source: 'timing', status: 'ready', customerName: 'Nok', total: 120.5, items: [], createdAt: '2025-01-02T09:00:00.000Z', updatedAt: '2025-01-02T09:00:00.000Z' })],
    ['documented orderStatusUpdate with a bare order', JSON.stringify({ type: 'orderStatusUpdate', order: { id: 4 }, status: 'cancelled' }),
      upsert({ id: '4', source: 'timing', status: 'cancelled', updatedAt: NOW })],
    ['a quoted timestamp', io('order_status_update', { order: { id: 1, status: 'ready' }, timestamp: '"2025-01-01 10:00:00.123456"' }),
      upsert({ id: '1', source: 'timing', status: 'ready', updatedAt: '2025-01-01T10:00:00.123Z' })],
    ['items with `name` instead of `menu_name`', io('new_order', { order: { id: 1, items: [{ name: 'Rice', quantity: 3, price: 10 }] } }),
      created({ id: '1', source: 'timing', status: 'pending', items: [{ id: '0', name: 'Rice', quantity: 3, price: 10 }], updatedAt: NOW })],
  ])('%s', (_name, input, events) => {
    expect(timingDialect.parse(input)).toStrictEqual({ ok: true, events });
  });
});

describe('timingDialect.parse: invalid frames', () => {
  it.each<[string, unknown, string]>([
    ['not JSON', 'hello', 'timing: frame is not valid JSON: "hello"'],
    ['an array', [io('connected', {})], 'timing: frame must be a JSON object'],
    ['null', null, 'timing: frame must be a JSON object'],
    ['an unknown socket.io event', io('order_deleted', { id: 1 }), 'timing: unknown event "order_deleted"'],
    ['an inherited name as event', io('constructor', {}), 'timing: unknown event "constructor"'],
    ['an unknown type', '{"type":"orderDeleted"}', 'timing: unknown message type "orderDeleted"'],
    ['neither type nor event', '{"order":{}}', 'timing: "type" is required'],
    ['an event that is not a string', { event: 5, data: {} }, 'timing: "event" must be a string (got number)'],
    ['connected without data', { event: 'connected' }, 'timing connected: "data" is required'],
    ['connected with string data', io('connected', 'hi'), 'timing connected: "data" must be an object (got string)'],
    ['a boolean userId', io('connected', { userId: true }), 'timing connected: "userId" must be a string or an integer or null (got boolean)'],
    ['new_order without order', io('new_order', { type: 'new_order' }), 'timing new_order: "order" is required'],
    ['new_order with an array order', io('new_order', { order: [] }), 'timing new_order: "order" must be an object (got array)'],
    ['an order without id', io('new_order', { order: { customer_name: 'A' } }), 'timing new_order: "order.id" is required'],
    ['a numeric customer_name', io('new_order', { order: { id: 1, customer_name: 7 } }), 'timing new_order: "order.customer_name" must be a string or null (got number)'],
    ['a customer_info string', JSON.stringify({ type: 'newOrder', order: { id: 1, customer_info: 'Nok' } }), 'timing newOrder: "order.customer_info" must be an object or null (got string)'],
    ['a non-decimal total', io('new_order', { order: { id: 1, total: '฿250' } }), 'timing new_order: "order.total" must be a number or a decimal string or null (got "฿250")'],
    ['items as an object', io('new_order', { order: { id: 1, items: {} } }), 'timing new_order: "order.items" must be an array or null (got object)'],
    ['an item that is a string', io('new_order', { order: { id: 1, items: ['rice'] } }), 'timing new_order: "order.items[0]" must be an object (got string)'],
    ['an item without a name', io('new_order', { order: { id: 1, items: [{ id: 1, quantity: 1 }] } }), 'timing new_order: "order.items[0].menu_name" is required'],
    ['an item with a negative quantity', io('new_order', { order: { id: 1, items: [{ menu_name: 'x', quantity: -2 }] } }), 'timing new_order: "order.items[0].quantity" must be at least 0 (got -2)'],
    ['an item with a string quantity', io('new_order', { order: { id: 1, items: [{ menu_name: 'x', quantity: '2' }] } }), 'timing new_order: "order.items[0].quantity" must be a number (got string)'],
    ['a status update with no status anywhere', io('order_status_update', { order: { id: 1 } }), 'timing order_status_update: "status" is required'],
    ['an empty status', io('order_status_update', { order: { id: 1, status: '' } }), 'timing order_status_update: "order.status" must not be empty'],
    ['documented update with a numeric status', JSON.stringify({ type: 'orderStatusUpdate', order: { id: 1 }, status: 3 }), 'timing orderStatusUpdate: "status" must be a string or null (got number)'],
    ['a 100 000-character customer name (under the frame cap)', io('new_order', { order: { id: 1, customer_name: 'x'.repeat(100_000) } }), 'timing new_order: "order.customer_name" is longer than 65536 characters'],
    ['a 1 MB customer name (over the frame cap)', io('new_order', { order: { id: 1, customer_name: 'x'.repeat(1_000_000) } }), 'timing: frame is larger than 262144 characters'],
    ['a 1 MB JSON frame', JSON.stringify({ type: 'newOrder', order: { id: 1, customer_name: 'x'.repeat(1_000_000) } }), 'timing: frame is larger than 262144 characters'],
    ['a __proto__ key in the order', '{"type":"newOrder","order":{"id":1,"__proto__":{"isAdmin":true}}}', 'timing: frame contains the forbidden key "__proto__"'],
    ['a __proto__ key in decoded socket.io data', { event: 'new_order', data: JSON.parse('{"order":{"id":1,"__proto__":{}}}') }, 'timing: frame contains the forbidden key "__proto__"'],
  ])('%s', (_name, input, error) => {
    expect(timingDialect.parse(input)).toStrictEqual({ ok: false, error });
  });
});

describe('timingDialect', () => {
  it('carries the token in the Socket.IO handshake and has no ping', () => {
    expect(timingDialect.name).toBe('timing');
    expect(timingDialect.token).toBe('socketio-auth');
    expect(timingDialect.heartbeat).toBeUndefined();
    expect(timingDialect.encode(undefined as never)).toBe('');
    expect(timingStatuses).toEqual(['pending', 'preparing', 'ready', 'completed', 'cancelled']);
  });

  it('never throws, whatever it is given', () => {
    for (const input of oddFrames(['newOrder', 'orderStatusUpdate', 'new_order', 'order_status_update', 'connected'])) {
      const result = timingDialect.parse(input);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error).toMatch(/^timing/);
    }
  });
});

describe('parseTimingOrder (REST)', () => {
  const order = { id: 17, customer_name: 'Somchai', status: 'ready', updated_at: '2025-01-01T10:05:00Z' };
  const patch: OrderPatch = { id: '17', source: 'timing', status: 'ready', customerName: 'Somchai', updatedAt: '2025-01-01T10:05:00.000Z' };

  it.each<[string, unknown, unknown]>([
    ['{ data: order } as text', JSON.stringify({ data: order }), { ok: true, order: patch }],
    ['{ success, data } decoded', { success: true, data: order }, { ok: true, order: patch }],
    ['a bare order', order, { ok: true, order: patch }],
    ['the documented shape', { data: documentedOrder }, { ok: true, order: { id: 'ord-9', source: 'timing', status: 'pending', customerName: 'Nok', total: 120.5, items: [], createdAt: '2025-01-02T09:00:00.000Z', updatedAt: '2025-01-02T09:00:00.000Z' } }],
    ['not JSON', '<html>', { ok: false, error: 'timing order: frame is not valid JSON: "<html>"' }],
    ['an array', [order], { ok: false, error: 'timing order: body must be a JSON object (got array)' }],
    ['data that is a string', { data: 'x' }, { ok: false, error: 'timing order: "data" must be an object (got string)' }],
    ['an order without id', { data: { status: 'ready' } }, { ok: false, error: 'timing order: "data.id" is required' }],
  ])('%s', (_name, body, expected) => {
    expect(parseTimingOrder(body)).toStrictEqual(expected);
  });
});

describe('parseTimingOrderList (REST)', () => {
  const a = { id: 1, status: 'pending', created_at: '2025-01-01T00:00:00Z' };
  const b = { id: 2, status: 'ready', updated_at: '2025-01-01T01:00:00Z' };
  const pa: OrderPatch = { id: '1', source: 'timing', status: 'pending', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
  const pb: OrderPatch = { id: '2', source: 'timing', status: 'ready', updatedAt: '2025-01-01T01:00:00.000Z' };

  it.each<[string, unknown, unknown]>([
    ['an array', [a, b], { ok: true, orders: [pa, pb], invalid: [] }],
    ['{ data: [...] } as text', JSON.stringify({ data: [a, b] }), { ok: true, orders: [pa, pb], invalid: [] }],
    ['an empty list', { data: [] }, { ok: true, orders: [], invalid: [] }],
    ['bad entries skipped, good ones kept', [a, { status: 'x' }, 'junk', b],
      { ok: true, orders: [pa, pb], invalid: ['timing order list: "[1].id" is required', 'timing order list: "[2]" must be an object (got string)'] }],
    ['bad entries in { data }', { data: [{ id: {} }] }, { ok: true, orders: [], invalid: ['timing order list: "data[0].id" must be a string or an integer (got object)'] }],
    ['a body over 256 KB is fine for REST', { data: Array.from({ length: 3000 }, (_, i) => ({ id: i + 1, status: 'pending', customer_name: 'x'.repeat(100), updated_at: '2025-01-01T00:00:00Z' })) }, expect.objectContaining({ ok: true, invalid: [] })],
    ['no list at all', { orders: [] }, { ok: false, error: 'timing order list: "data" is required' }],
    ['data that is not a list', { data: 'x' }, { ok: false, error: 'timing order list: "data" must be an array or { orders: [...] } (got string)' }],
    ['data without orders', { success: true, data: { count: 0 } }, { ok: false, error: 'timing order list: "data.orders" is required' }],
    ['a number', 5, { ok: false, error: 'timing order list: frame must be a JSON object' }],
    ['JSON null', 'null', { ok: false, error: 'timing order list: body must be an array or { data: [...] } (got null)' }],
    ['a __proto__ key', '[{"id":1,"__proto__":{}}]', { ok: false, error: 'timing order list: frame contains the forbidden key "__proto__"' }],
  ])('%s', (_name, body, expected) => {
    expect(parseTimingOrderList(body)).toStrictEqual(expected);
  });
});

describe('the Timing REST API as it runs today', () => {
  const today = (status: string, extra: Record<string, unknown> = {}) => ({
    id: 7, status, created_at: '2026-11-30T10:00:00.000Z', updated_at: '2026-11-30T10:05:00.000Z',
    total: '150.00', customer_info: { name: 'Malee', phone: '0800000000' }, notes: 'no ice',
    items: [{ id: 1, menu_id: 3, menu_name: 'Thai tea', menu_name_th: 'ชาไทย', quantity: 2, price: '75.00' }], ...extra,
  });

  it.each([
    ['Pending', 'pending'], ['Preparing', 'preparing'], ['Ready', 'ready'], ['Completed', 'completed'], ['Cancelled', 'cancelled'],
    ['รอดำเนินการ', 'pending'], ['กำลังเตรียม', 'preparing'], ['พร้อมรับ', 'ready'], ['เสร็จสิ้น', 'completed'], ['ยกเลิก', 'cancelled'],
  ])('reads the translated status %j as the key %j and keeps the label', (label, key) => {
    const result = parseTimingOrderList({ success: true, data: { orders: [today(label)], count: 1 } });
    expect(result).toEqual({ ok: true, invalid: [], orders: [expect.objectContaining({ id: '7', status: key, statusLabel: label, notes: 'no ice', customerName: 'Malee', total: 150 })] });
  });

  it('keeps a key as it is (no label), an unknown status unchanged, and app labels before the built-in ones', () => {
    expect(parseTimingOrder({ success: true, data: today('ready') })).toEqual({ ok: true, order: expect.not.objectContaining({ statusLabel: expect.anything() }) });
    const unknown = parseTimingOrder({ data: today('On the way') });
    expect(unknown.ok && unknown.order.status).toBe('On the way');
    expect(unknown.ok && 'statusLabel' in unknown.order).toBe(false);
    expect(parseTimingOrder({ data: today('Prêt') }, { ready: ['Prêt'] })).toEqual({ ok: true, order: expect.objectContaining({ status: 'ready', statusLabel: 'Prêt' }) });
    expect(timingStatusKey('  PENDING ')).toBe('pending');
  });

  it('skips a bad entry of today\'s list shape and names it by its path', () => {
    const result = parseTimingOrderList({ success: true, data: { orders: [today('Ready'), { id: 'x', items: 'none' }], count: 2 } });
    expect(result).toMatchObject({ ok: true, orders: [{ id: '7', status: 'ready' }], invalid: ['timing order list: "data.orders[1].items" must be an array or null (got string)'] });
  });
});
