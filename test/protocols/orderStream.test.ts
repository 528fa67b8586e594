import { type RealtimeEvent, orderStreamDialect, orderStreamStatuses } from 'react-realtime-kit';
import { orderStreamPath } from '../../src/backends/orders/orderStreamDialect';
import { ordersSlice } from '../../src/backends/orders/ordersSlice';
import type { OrdersSlice } from '../../src/backends/orders/types';
import { toastEventsFromDiff } from '../../src/components/RealtimeToaster/toastEvents';
import type { RealtimeState } from '../../src/core/store/types';
import { oddFrames } from './oddFrames';

const NOW = '2030-05-06T07:08:09.000Z';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => vi.useRealTimers());

/** The document's example frame. */
const documented = {
  type: 'order.update', order_id: 123, status: 'Continue', progress: 75, booster_price: '85.50',
  actual_price: '100.00', booster_id: 456, booster_username: 'pro_booster', reached_rank: 'Platinum',
  reached_division: 2, reached_marks: 1, message: 'Order updated', timestamp: '2024-01-15T10:30:00Z',
};
const frame = (patch: Record<string, unknown>): string => JSON.stringify({ ...documented, ...patch });
const upsert = (order: Record<string, unknown>): RealtimeEvent[] => [{ kind: 'order/upsert', order: order as never }];
const full = {
  id: '123', source: 'orderStream', status: 'Continue', progress: 75, boosterPrice: 85.5, actualPrice: 100,
  boosterId: '456', boosterUsername: 'pro_booster', reachedRank: 'Platinum', reachedDivision: 2, reachedMarks: 1,
  message: 'Order updated', updatedAt: '2024-01-15T10:30:00.000Z',
};

describe('orderStreamDialect.parse: valid frames', () => {
  it.each<[string, unknown, RealtimeEvent[]]>([
    ['the documented frame', JSON.stringify(documented), upsert(full)],
    ['an already-decoded object', documented, upsert(full)],
    ['a snapshot before a booster is assigned (nulls)', frame({ status: 'New', progress: null, booster_price: null, booster_id: null, booster_username: null, reached_rank: null, reached_division: null, reached_marks: null }),
      upsert({ ...full, status: 'New', progress: null, boosterPrice: null, boosterId: null, boosterUsername: null, reachedRank: null, reachedDivision: null, reachedMarks: null })],
    ['numeric prices', frame({ booster_price: 85.5, actual_price: 100 }), upsert(full)],
    ['decimal strings with padding and no fraction', frame({ booster_price: ' 85.50 ', actual_price: '100' }), upsert(full)],
    ['the sic status "Droped"', frame({ status: 'Droped' }), upsert({ ...full, status: 'Droped' })],
    ['an unknown status, kept', frame({ status: 'OnHold' }), upsert({ ...full, status: 'OnHold' })],
    ['progress at the bounds', frame({ progress: 0 }), upsert({ ...full, progress: 0 })],
    ['progress 100', frame({ progress: 100 }), upsert({ ...full, progress: 100 })],
    ['fractional progress', frame({ progress: 37.5 }), upsert({ ...full, progress: 37.5 })],
    ['string ids', frame({ order_id: 'A-1', booster_id: 'b-9' }), upsert({ ...full, id: 'A-1', boosterId: 'b-9' })],
    ['a Python-style timestamp', frame({ timestamp: '2024-01-15 10:30:00.123456' }), upsert({ ...full, updatedAt: '2024-01-15T10:30:00.123Z' })],
    ['the quoted timestamp quirk', frame({ timestamp: '"2024-01-15 10:30:00.123456"' }), upsert({ ...full, updatedAt: '2024-01-15T10:30:00.123Z' })],
    ['an unparseable timestamp, kept as text', frame({ timestamp: 'around 5 pm' }), upsert({ ...full, updatedAt: 'around 5 pm' })],
    ['a timestamp of the wrong type (lenient: now)', frame({ timestamp: { at: 1 } }), upsert({ ...full, updatedAt: NOW })],
    ['a minimal frame: absent fields are left alone', '{"type":"order.update","order_id":7,"status":"Done"}', upsert({ id: '7', source: 'orderStream', status: 'Done', updatedAt: NOW })],
    ['unknown extra fields, ignored', frame({ extra: { a: 1 } }), upsert(full)],
  ])('%s', (_name, input, events) => {
    expect(orderStreamDialect.parse(input)).toStrictEqual({ ok: true, events });
  });
});

describe('orderStreamDialect.parse: invalid frames (nothing applied)', () => {
  it.each<[string, unknown, string]>([
    ['not JSON', '{oops', 'orderStream: frame is not valid JSON: "{oops"'],
    ['not JSON with a token in it', 'GET /ws/orders/1/?token=s3cr3t&x=1', 'orderStream: frame is not valid JSON: "GET /ws/orders/1/?token=[redacte…"'],
    ['not JSON with a bearer value', 'Authorization: Bearer abc.def.ghi', 'orderStream: frame is not valid JSON: "Authorization: Bearer [redacted]"'],
    ['an array', '[1,2,3]', 'orderStream: frame must be a JSON object'],
    ['null', 'null', 'orderStream: frame must be a JSON object'],
    ['an undecoded non-string', 42, 'orderStream: frame must be a JSON object'],
    ['no type', '{"order_id":1}', 'orderStream: "type" is required'],
    ['a numeric type', '{"type":5}', 'orderStream: "type" must be a string (got number)'],
    ['an unknown type', '{"type":"order.deleted"}', 'orderStream: unknown message type "order.deleted"'],
    ['a prototype method as type', '{"type":"toString"}', 'orderStream: unknown message type "toString"'],
    ['missing order_id', frame({ order_id: undefined }), 'orderStream order.update: "order_id" is required'],
    ['order_id of the wrong type', frame({ order_id: true }), 'orderStream order.update: "order_id" must be a string or an integer (got boolean)'],
    ['fractional order_id', frame({ order_id: 1.5 }), 'orderStream order.update: "order_id" must be a string or an integer (got 1.5)'],
    ['a 1 MB message (over the frame cap)', frame({ message: 'x'.repeat(1_000_000) }), 'orderStream: frame is larger than 262144 characters'],
    ['a __proto__ key', '{"type":"order.update","__proto__":{"status":"Done"},"order_id":1,"status":"New"}', 'orderStream: frame contains the forbidden key "__proto__"'],
    ['a nested constructor key', '{"type":"order.update","order_id":1,"status":"New","meta":{"constructor":{}}}', 'orderStream: frame contains the forbidden key "constructor"'],
  ])('%s', (_name, input, error) => {
    expect(orderStreamDialect.parse(input)).toStrictEqual({ ok: false, error });
  });
});

/** `full` without the given fields: what a frame with those fields unusable still applies. */
const without = (...keys: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(full).filter(([k]) => !keys.includes(k)));
const kept = ' (the other fields were kept)';

describe('orderStreamDialect.parse: unusable fields (the rest applied, one error per frame)', () => {
  it.each<[string, unknown, string[], string]>([
    ['empty status', frame({ status: '' }), ['status'], '"status" must not be empty'],
    ['progress as a string', frame({ progress: '75' }), ['progress'], '"progress" must be a number or null (got string)'],
    ['progress above 100', frame({ progress: 150 }), ['progress'], '"progress" must be between 0 and 100 (got 150)'],
    ['negative progress', frame({ progress: -1 }), ['progress'], '"progress" must be between 0 and 100 (got -1)'],
    ['a non-decimal price', frame({ booster_price: 'abc' }), ['boosterPrice'], '"booster_price" must be a number or a decimal string or null (got "abc")'],
    ['a price object', frame({ actual_price: { amount: 1 } }), ['actualPrice'], '"actual_price" must be a number or a decimal string or null (got object)'],
    ['a fractional division', frame({ reached_division: 2.5 }), ['reachedDivision'], '"reached_division" must be an integer or null (got 2.5)'],
    ['marks as a string', frame({ reached_marks: '1' }), ['reachedMarks'], '"reached_marks" must be an integer or null (got string)'],
    ['a rank array', frame({ reached_rank: ['Gold'] }), ['reachedRank'], '"reached_rank" must be a string or null (got array)'],
    ['a 100 000-character message (under the frame cap)', frame({ message: 'x'.repeat(100_000) }), ['message'], '"message" is longer than 65536 characters'],
    ['a boolean status', frame({ status: true }), ['status'], '"status" must be a string or null (got boolean)'],
    // The deployed server: str() of a null float in both price positions.
    ['"None" prices (deployed)', frame({ booster_price: 'None', actual_price: 'None' }), ['boosterPrice', 'actualPrice'],
      '"booster_price" must be a number or a decimal string or null (got "None"); "actual_price" must be a number or a decimal string or null (got "None")'],
  ])('%s', (_name, input, dropped, problems) => {
    expect(orderStreamDialect.parse(input)).toStrictEqual({ ok: true, events: upsert(without(...dropped)), error: `orderStream order.update: ${problems}${kept}` });
  });

  it('reads the deployed server\'s frame: float strings, null status, a null message, the rest kept', () => {
    const deployed = { type: 'order.update', order_id: 7, status: null, progress: 0, booster_price: '42.35000000000001', actual_price: 'None', booster_id: null, booster_username: null, reached_rank: null, reached_division: null, reached_marks: null, message: null, timestamp: '2030-05-06T07:00:00.123456+00:00' };
    expect(orderStreamDialect.parse(JSON.stringify(deployed))).toStrictEqual({
      ok: true,
      events: upsert({ id: '7', source: 'orderStream', progress: 0, boosterPrice: 42.35000000000001, boosterId: null, boosterUsername: null, reachedRank: null, reachedDivision: null, reachedMarks: null, message: null, updatedAt: '2030-05-06T07:00:00.123Z' }),
      error: `orderStream order.update: "actual_price" must be a number or a decimal string or null (got "None")${kept}`,
    });
  });

  it('leaves the status alone when it is null or missing (the deployed column is nullable)', () => {
    expect(orderStreamDialect.parse(frame({ status: null }))).toStrictEqual({ ok: true, events: upsert(without('status')) });
    expect(orderStreamDialect.parse(frame({ status: undefined }))).toStrictEqual({ ok: true, events: upsert(without('status')) });
  });
});

describe('orderStreamDialect', () => {
  it('has no token, no heartbeat, and statuses for the UI', () => {
    expect(orderStreamDialect.name).toBe('orderStream');
    expect(orderStreamDialect.token).toBe('none');
    expect(orderStreamDialect.heartbeat).toBeUndefined();
    expect(orderStreamStatuses).toEqual(['New', 'Droped', 'Extend', 'Done', 'Continue']);
  });

  it('encodes nothing (the server accepts no commands)', () => {
    expect(orderStreamDialect.encode(undefined as never)).toBe('');
  });

  it('never throws, whatever it is given', () => {
    for (const input of oddFrames(['order.update'])) {
      const result = orderStreamDialect.parse(input);
      expect(typeof result.ok).toBe('boolean');
      if (result.error !== undefined) expect(result.error).toMatch(/^orderStream/);
    }
  });
});

describe('orderStreamPath', () => {
  it.each<[number | string, string]>([
    [123, 'ws/orders/123/'],
    [1, 'ws/orders/1/'],
    ['42', 'ws/orders/42/'],
  ])('%j → %s', (id, path) => {
    expect(orderStreamPath(id)).toBe(path);
  });

  it.each<[unknown, string]>([
    [undefined, 'undefined'],
    [null, 'null'],
    [Number.NaN, 'NaN'],
    [-1, '-1'],
    [0, '0'],
    [1.5, '1.5'],
    ['abc', '"abc"'],
    ['12a', '"12a"'],
    ['', '""'],
    [{}, 'object'],
  ])('rejects %j', (id, got) => {
    expect(() => orderStreamPath(id as number)).toThrow(new TypeError(`orderId must be a positive integer (got ${got}). Pass the numeric id of the order to watch.`));
  });
});

describe('ordersSlice: a Done order\'s progress (the deployed snapshot says 0, updates said 100)', () => {
  const open = (status: 'open' | 'reconnecting', endpoint = 'orders:105') => ({ endpoint, event: { kind: 'connection/state', state: { status } } });
  const update = (order: Record<string, unknown>, endpoint = 'orders:105') => ({ endpoint, event: { kind: 'order/upsert', order: { id: '105', source: 'orderStream', updatedAt: NOW, ...order } } });
  const run = (entries: ReturnType<typeof open | typeof update>[], from: OrdersSlice = ordersSlice.initial) =>
    entries.reduce((slice, entry) => ordersSlice.reduce(slice, entry as never, ordersSlice.limits!), from);

  it('never moves a Done order back from 100 to a reconnect snapshot\'s 0, so no toast either', () => {
    const live = run([open('open'), update({ status: 'Done', progress: 0 }), update({ status: 'Done', progress: 100 })]);
    expect(live.byId['105']).toMatchObject({ status: 'Done', progress: 100 });
    const reconnected = run([open('reconnecting'), open('open'), update({ status: 'Done', progress: 0 })], live);
    expect(reconnected).toBe(live);
    expect(toastEventsFromDiff({ orders: live } as unknown as RealtimeState, { orders: reconnected } as unknown as RealtimeState)).toEqual([]);
  });

  it('shows a Done order first seen at 0 % (or null) as 100 %', () => {
    expect(run([update({ status: 'Done', progress: 0 })]).byId['105']).toMatchObject({ status: 'Done', progress: 100 });
    expect(run([update({ status: 'Done', progress: null })]).byId['105']).toMatchObject({ status: 'Done', progress: 100 });
    expect(run([update({ status: 'Done' })]).byId['105']).not.toHaveProperty('progress');
  });

  it('keeps the progress sent for orders that are not Done, and when an order leaves Done', () => {
    const slice = run([update({ status: 'Continue', progress: 40 }), update({ status: 'Continue', progress: 0 })]);
    expect(slice.byId['105']).toMatchObject({ status: 'Continue', progress: 0 });
    const done = run([update({ status: 'Done', progress: 100 })]);
    expect(run([update({ status: 'Continue', progress: 0 })], done).byId['105']).toMatchObject({ status: 'Continue', progress: 0 });
  });

  it('applies with a null status (the deployed column: the status is left alone) on a known Done order', () => {
    const live = run([update({ status: 'Done', progress: 100 })]);
    expect(run([update({ progress: 0 })], live)).toBe(live);
  });
});
