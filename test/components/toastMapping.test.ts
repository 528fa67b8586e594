// The toaster's pure parts: which store changes are events, what each event looks like, and
// the dedupe + rate-limit gate (time passed in, so no fake timers are needed).
import { createToastGate, notificationToastKind, orderStatusToastKind, toastEventsFromDiff, toastForEvent, type ToastEvent, type Order, type RealtimeEvent, type RealtimeState } from 'react-realtime-kit';
import { reduceBatch } from '../../src/core/store/createRealtimeStore';
import { initialState, slicesWith } from '../helpers/storeOf';
import { kindCases, notificationsOfEveryKind } from '../fixtures/notifications';

const apply = (state: RealtimeState, ...events: RealtimeEvent[]) => reduceBatch(state, events.map((event) => ({ endpoint: 'x', event })), slicesWith());
const order = (id: string, patch: Partial<Order> = {}): Order => ({ id, source: 'orderStream', status: 'Continue', progress: 10, updatedAt: '2025-03-14T10:00:00Z', ...patch });
const upsert = (o: Order): RealtimeEvent => ({ kind: 'order/upsert', order: o });

describe('toastEventsFromDiff', () => {
  it('ignores first snapshots (socket or list) and reports later status and progress changes', () => {
    const s0 = initialState();
    const s1 = apply(s0, upsert(order('1')), { kind: 'orders/snapshot', orders: [order('2')] });
    expect(toastEventsFromDiff(s0, s1)).toEqual([]);
    const s2 = apply(s1, upsert(order('1', { status: 'Done', progress: 100 })), upsert(order('2', { progress: 30 })));
    expect(toastEventsFromDiff(s1, s2).map((e) => [e.type, e.id, e.slot])).toEqual([
      ['order-status', 'order:1:status:Done', 'order:1:status'],
      ['order-progress', 'order:2:progress:30', 'order:2:progress'],
    ]);
    expect(toastEventsFromDiff(s2, apply(s2, upsert(order('1', { status: 'Done', progress: 100 }))))).toEqual([]);
  });

  it('reports orders announced as new, oldest first', () => {
    const s0 = initialState();
    const created = (id: string): RealtimeEvent => ({ kind: 'order/created', order: { ...order(id), source: 'timing' } });
    expect(toastEventsFromDiff(s0, apply(s0, created('12'), created('13'))).map((e) => e.id)).toEqual(['order:timing:12:created', 'order:timing:13:created']);
  });

  it('reports new unread notifications in arrival order, and approvals but not other activity', () => {
    const s0 = initialState();
    const added = notificationsOfEveryKind.map((notification): RealtimeEvent => ({ kind: 'notification/added', notification }));
    const s1 = apply(s0, ...added, { kind: 'admin/approval', action: 'rejected', user: { id: 'u', username: 'bob' }, performedBy: null, timestamp: 't', notes: null }, { kind: 'admin/newUser', user: { id: 'v', username: 'eve' }, timestamp: 't' });
    const events = toastEventsFromDiff(s0, s1);
    expect(events.map((e) => e.id)).toEqual(['notification:1', 'notification:2', 'notification:4', 'approval:rejected:u:t']);
  });
});

describe('toastForEvent', () => {
  it.each(kindCases.map((c) => [c.kind, c.toast] as const))('maps notification kind %j to %j', (kind, toastKind) => {
    expect(notificationToastKind(kind)).toBe(toastKind);
  });

  it.each([['Done', 'success'], ['completed', 'success'], ['Droped', 'error'], ['cancelled', 'error'], ['Extend', 'warning'], ['Continue', 'info'], ['ready', 'info'], ['on_hold', 'default']] as const)('maps order status %j to %j', (status, kind) => {
    expect(orderStatusToastKind(status)).toBe(kind);
  });

  it('builds each kind of toast', () => {
    const o = order('101', { status: 'Droped', message: null, progress: 40 });
    const cases: [ToastEvent, object][] = [
      [{ type: 'order-status', id: 'a', slot: 'a', order: o, previousStatus: 'Continue' }, { kind: 'error', title: 'Order #101 is now Dropped', message: 'Was Continue (40%)', toastId: 'a' }],
      [{ type: 'order-progress', id: 'b', slot: 'b', order: order('7', { progress: 55 }), previousProgress: 40 }, { kind: 'info', title: 'Order #7: 55% done' }],
      [{ type: 'order-created', id: 'c', slot: 'c', order: order('12', { customerName: 'Malee', total: 240, items: [{ id: '1', name: 'Pad thai', quantity: 2, price: 120 }] }) }, { title: 'New order #12 from Malee — ฿240.00', message: '2× Pad thai' }],
      [{ type: 'notification', id: 'd', slot: 'd', notification: notificationsOfEveryKind[2]! }, { kind: 'warning', title: 'Water off on Tuesday', message: 'Pipe repairs from 09:00 to 13:00.' }],
      [{ type: 'approval', id: 'e', slot: 'e', entry: { id: 'e', kind: 'approved', text: 'alice approved by admin', timestamp: 't' } }, { kind: 'success', title: 'User approved', message: 'alice approved by admin' }],
    ];
    for (const [event, expected] of cases) expect(toastForEvent(event, { locale: 'en-US' })).toMatchObject(expected);
  });
});

describe('createToastGate', () => {
  it('drops an id its slot just showed, but shows a slot that comes back to an earlier value', () => {
    const gate = createToastGate();
    const offer = (id: string, slot: string, now: number) => gate.offer(id, slot, now, 100);
    expect(offer('order:1:status:Extend', 'order:1:status', 0)).toBe('show');
    expect(offer('order:1:status:Extend', 'order:1:status', 10)).toBe('duplicate');
    expect(offer('order:1:status:Continue', 'order:1:status', 20)).toBe('show');
    expect(offer('order:1:status:Extend', 'order:1:status', 30)).toBe('show');
  });

  it('allows maxPerSecond per second, counts the rest, and keeps a steady flood in the summary', () => {
    const gate = createToastGate();
    const burst = (from: number, count: number, now: number) => Array.from({ length: count }, (_, i) => gate.offer(`e${from + i}`, `e${from + i}`, now, 3));
    expect(burst(0, 5, 0)).toEqual(['show', 'show', 'show', 'overflow', 'overflow']);
    expect(gate.overflowCount).toBe(2);
    expect(burst(5, 5, 1000)).toEqual(Array(5).fill('overflow')); // the flood goes on
    expect(burst(10, 2, 2000)).toEqual(['overflow', 'overflow']); // the window after a flood
    expect(burst(12, 3, 3000)).toEqual(['show', 'show', 'show']); // calm again
    expect(gate.overflowCount).toBe(9);
    gate.resetOverflow();
    expect(gate.overflowCount).toBe(0);
  });

  it('forgets the oldest slots beyond its memory', () => {
    const gate = createToastGate(2);
    gate.offer('a', 'a', 0, Infinity);
    gate.offer('b', 'b', 0, Infinity);
    gate.offer('c', 'c', 0, Infinity);
    expect(gate.offer('a', 'a', 0, Infinity)).toBe('show');
    expect(gate.offer('c', 'c', 0, Infinity)).toBe('duplicate');
  });

  it('lets an update to a toast on screen through without counting it against the rate, but still drops a repeat', () => {
    const gate = createToastGate();
    expect(gate.offer('order:1:progress:10', 'order:1:progress', 0, 1)).toBe('show');
    for (const p of [20, 30, 40]) expect(gate.offer(`order:1:progress:${p}`, 'order:1:progress', 10, 1, true)).toBe('show');
    expect(gate.offer('order:1:progress:40', 'order:1:progress', 20, 1, true)).toBe('duplicate');
    expect(gate.overflowCount).toBe(0);
    expect(gate.offer('order:2:progress:10', 'order:2:progress', 30, 1)).toBe('overflow');
  });
});

describe('toastForEvent groups', () => {
  it("puts an order's status and progress toasts in one group per order, and nothing else in a group", () => {
    const o = order('105', { progress: 44 });
    expect(toastForEvent({ type: 'order-progress', id: 'x', slot: 'x', order: o, previousProgress: 28 }).group).toBe('order:105');
    expect(toastForEvent({ type: 'order-status', id: 'y', slot: 'y', order: o, previousStatus: 'New' }).group).toBe('order:105');
    expect(toastForEvent({ type: 'notification', id: 'd', slot: 'd', notification: notificationsOfEveryKind[0]! }).group).toBeUndefined();
  });
});
