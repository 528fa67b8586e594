import { reduceBatch } from '../../src/core/store/createRealtimeStore';
import { createRealtimeClient, ordersBackend, type RealtimeEvent, type StoreEntry as Entry } from 'react-realtime-kit';
import { createTestStore, initialState, slicesWith } from '../helpers/storeOf';
import { vi } from 'vitest';

type StoreEntry = Entry<RealtimeEvent>;

const upsert = (id: string, patch: Record<string, unknown> = {}): StoreEntry => ({
  endpoint: `orders:${id}`,
  event: { kind: 'order/upsert', order: { id, source: 'orderStream', status: 'New', updatedAt: '2024-01-15T10:30:00.000Z', ...patch } },
});

describe('createRealtimeStore batching', () => {
  it('applies 1,000 entries dispatched in one tick with one store notification', async () => {
    const { store, dispatch } = createTestStore();
    let notifications = 0;
    store.subscribe(() => (notifications += 1));
    for (let i = 0; i < 1000; i += 1) dispatch(upsert(String(i % 50), { progress: i % 101 }));
    expect(notifications).toBe(0);
    await Promise.resolve();
    expect(notifications).toBe(1);
    expect(store.getState().orders.ids).toHaveLength(50);
    expect(store.getState().orders.byId['49']!.progress).toBe(999 % 101);
  });

  it('keeps slice identity when a batch changes nothing (duplicates are common)', () => {
    const limits = slicesWith();
    const once = reduceBatch(initialState(), [upsert('7', { progress: 10 })], limits);
    const twice = reduceBatch(once, [upsert('7', { progress: 10 })], limits);
    expect(twice).toBe(once);
    const other = reduceBatch(once, [{ endpoint: 'notifications', event: { kind: 'notification/unreadCount', count: 3 } }], limits);
    expect(other.orders).toBe(once.orders);
    expect(other.notifications.unreadCount).toBe(3);
  });

  it('never lets an update erase a field it does not carry', () => {
    const limits = slicesWith();
    let state = reduceBatch(initialState(), [upsert('1', { boosterUsername: 'pro', progress: 40 })], limits);
    state = reduceBatch(state, [{ endpoint: 'admin', event: { kind: 'order/upsert', order: { id: '1', source: 'admin', status: 'Done', previousStatus: 'New', updatedAt: '2024-01-16T00:00:00.000Z' } } }], limits);
    expect(state.orders.byId['1']).toMatchObject({ status: 'Done', boosterUsername: 'pro', progress: 40, previousStatus: 'New', source: 'admin' });
  });

  it('caps every list', () => {
    const limits = slicesWith({ orders: { orders: 10 }, notifications: { notifications: 5 }, admin: { activity: 3 }, chat: { messages: 4 } });
    const entries: StoreEntry[] = [];
    for (let i = 0; i < 30; i += 1) {
      entries.push(upsert(String(i)));
      entries.push({ endpoint: 'notifications', event: { kind: 'notification/added', notification: { id: String(i), title: 't', body: 'b', kind: 'message', data: null, timestamp: '2024-01-01T00:00:00.000Z', read: false } } });
      entries.push({ endpoint: 'admin', event: { kind: 'admin/newUser', user: { id: `u${i}`, username: `user${i}` }, timestamp: '2024-01-01T00:00:00.000Z' } });
      entries.push({ endpoint: 'chat', event: { kind: 'chat/received', message: { id: String(i), clientId: `srv:${i}`, peerId: '9', own: false, senderName: 'x', text: 'hi', attachment: null, timestamp: `2024-01-01T00:00:${String(i).padStart(2, '0')}.000Z`, state: 'received' } } });
    }
    const state = reduceBatch(initialState(), entries, limits);
    expect(state.orders.ids).toHaveLength(10);
    expect(Object.keys(state.orders.byId)).toHaveLength(10);
    expect(state.orders.byId['29']).toBeDefined();
    expect(state.orders.byId['0']).toBeUndefined();
    expect(state.notifications.items).toHaveLength(5);
    expect(state.admin.activity).toHaveLength(3);
    expect(state.chat.byPeer['9']!.map((m) => m.id)).toEqual(['26', '27', '28', '29']);
  });

  it('matches chat acks to outstanding sends in order and orders the conversation by time', () => {
    const limits = slicesWith();
    const own = (clientId: string, ts: string): StoreEntry => ({
      endpoint: 'chat',
      event: { kind: 'chat/queued', message: { id: null, clientId, peerId: '5', own: true, senderName: null, text: clientId, attachment: null, timestamp: ts, state: 'queued' } },
    });
    let state = reduceBatch(
      initialState(),
      [
        own('a', '2024-01-01T00:00:01.000Z'),
        own('b', '2024-01-01T00:00:03.000Z'),
        { endpoint: 'chat', event: { kind: 'chat/sending', clientId: 'a' } },
        { endpoint: 'chat', event: { kind: 'chat/sending', clientId: 'b' } },
        { endpoint: 'chat', event: { kind: 'chat/received', message: { id: '70', clientId: 'srv:70', peerId: '5', own: false, senderName: 'Sam', text: 'reply', attachment: null, timestamp: '2024-01-01T00:00:02.000Z', state: 'received' } } },
        { endpoint: 'chat', event: { kind: 'chat/ack', serverId: '101' } },
        { endpoint: 'chat', event: { kind: 'chat/rejected', error: 'Failed to send message. Receiver not found.' } },
      ],
      limits,
    );
    const list = state.chat.byPeer['5']!;
    expect(list.map((m) => [m.clientId, m.state, m.id])).toEqual([
      ['a', 'sent', '101'],
      ['srv:70', 'received', '70'],
      ['b', 'failed', null],
    ]);
    expect(list[2]!.error).toBe('Failed to send message. Receiver not found.');
    expect(state.chat.awaitingAck).toEqual([]);
    state = reduceBatch(state, [own('b', '2024-01-01T00:00:04.000Z')], limits);
    expect(state.chat.byPeer['5']!.filter((m) => m.clientId === 'b')).toHaveLength(1);
    expect(state.chat.byPeer['5']!.find((m) => m.clientId === 'b')!.state).toBe('queued');
  });

  it('rejects unknown and non-positive limits with the fix, for the core and for a backend', () => {
    const ws = 'ws://127.0.0.1:9';
    expect(() => createRealtimeClient({ url: ws, limits: { sendQueue: 0 } })).toThrow('limits.sendQueue must be a whole number >= 1 (got 0).');
    expect(() => createRealtimeClient({ url: ws, limits: { sendQeue: 5 } as never })).toThrow('limits.sendQeue is not an option; did you mean limits.sendQueue? Valid: sendQueue, maxFrameChars, socketBudget.');
    const client = createRealtimeClient({ url: ws, backends: { orders: { limits: { order: 5 } } } });
    expect(() => client.subscribe(ordersBackend, 1)).toThrow('backends.orders.limits.order is not an option; did you mean backends.orders.limits.orders? Valid: orders.');
    const zero = createRealtimeClient({ url: ws, backends: { orders: { limits: { orders: 0 } } } });
    expect(() => zero.use(ordersBackend)).toThrow('backends.orders.limits.orders must be a whole number >= 1 (got 0).');
  });
});

describe('orders from two shops', () => {
  it('keeps a Timing order and a boosting order with the same id apart', () => {
    const limits = slicesWith();
    const state = reduceBatch(
      initialState(),
      [
        upsert('1', { status: 'Continue', progress: 40 }),
        { endpoint: 'timing', event: { kind: 'order/created', order: { id: '1', source: 'timing', status: 'pending', customerName: 'Malee', updatedAt: '2025-01-01T00:00:00.000Z' } } },
        { endpoint: 'admin', event: { kind: 'order/upsert', order: { id: '1', source: 'admin', status: 'Done', updatedAt: '2025-01-01T00:00:01.000Z' } } },
      ],
      limits,
    );
    expect(state.orders.byId['1']).toMatchObject({ status: 'Done', progress: 40 });
    expect(state.orders.byId['timing:1']).toMatchObject({ status: 'pending', customerName: 'Malee', source: 'timing' });
    expect(state.orders.latestCreatedId).toBe('timing:1');
  });
});

describe('copy-on-write inside a batch', () => {
  it('never changes the state a batch started from, however many entries it applies', () => {
    const limits = slicesWith({ orders: { orders: 5 } });
    const before = reduceBatch(initialState(), [upsert('1', { progress: 1 }), upsert('2', { progress: 2 })], limits);
    const frozen = JSON.stringify(before);
    const entries = Array.from({ length: 50 }, (_, i) => upsert(String(i % 8), { progress: i }));
    const after = reduceBatch(before, entries, limits);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(after.orders.ids).toHaveLength(5);
    expect(Object.keys(after.orders.byId)).toHaveLength(5);
    expect(after.orders.byId['1']!.progress).toBe(49);
    // A later batch starts from `after` and must leave it untouched too.
    const frozenAfter = JSON.stringify(after);
    reduceBatch(after, [upsert('1', { progress: 99 })], limits);
    expect(JSON.stringify(after)).toBe(frozenAfter);
  });
});

describe('one bad entry never loses its batch', () => {
  const boom = { key: 'boom', initial: 0, reduce: (n: number, entry: Entry) => (entry.event.kind === 'boom' ? (() => { throw new Error('reducer exploded'); })() : n + 1) };

  it('applies every other entry when a reducer throws on one, and reports it', () => {
    const reports: [string, string, string][] = [];
    const state = reduceBatch(
      initialState(),
      [upsert('1'), ({ endpoint: 'x', event: { kind: 'boom' } } as unknown as StoreEntry), upsert('2')],
      [...slicesWith(), { slice: boom, limits: {} }],
      (error, entry, key) => reports.push([(error as Error).message, entry.event.kind, key]),
    );
    expect(state.orders.ids).toEqual(['2', '1']);
    expect((state as unknown as Record<string, number>)['boom']).toBe(2);
    expect(reports).toEqual([['reducer exploded', 'boom', 'boom']]);
  });

  it('reports a throwing reducer on the console once by default, and keeps dispatching', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const store = createTestStore();
      store.register(boom, {});
      for (let i = 0; i < 3; i += 1) store.dispatch(({ endpoint: 'x', event: { kind: 'boom' } } as unknown as StoreEntry));
      store.dispatch(upsert('9'));
      store.flush();
      expect(store.store.getState().orders.ids).toEqual(['9']);
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0]![0])).toContain('the "boom" reducer threw on a "boom" event from "x"');
    } finally {
      error.mockRestore();
    }
  });

  it('keeps every message of a batch with a chat from "constructor" and an order "__proto__"', () => {
    const chat = (id: string, peerId: string): StoreEntry => ({ endpoint: 'chat', event: { kind: 'chat/received', message: { id, clientId: `srv:${id}`, peerId, own: false, senderName: null, text: id, attachment: null, timestamp: `2024-01-01T00:00:0${id}.000Z`, state: 'received' } } });
    const reports: unknown[] = [];
    const state = reduceBatch(initialState(), [chat('1', '5'), chat('2', 'constructor'), upsert('__proto__', { progress: 3 }), chat('3', 'toString'), chat('4', '5')], slicesWith(), (e) => reports.push(e));
    expect(reports).toEqual([]);
    expect(state.chat.byPeer['5']!.map((m) => m.id)).toEqual(['1', '4']);
    expect(state.chat.byPeer['constructor']!.map((m) => m.id)).toEqual(['2']);
    expect(state.chat.byPeer['toString']!.map((m) => m.id)).toEqual(['3']);
    expect(Object.getPrototypeOf(state.orders.byId)).toBeNull();
    expect(Object.keys(state.orders.byId)).toEqual(['__proto__']);
    expect(state.orders.ids).toEqual(['__proto__']);
    expect(state.orders.byId['__proto__']).toMatchObject({ id: '__proto__', progress: 3 });
  });
});

describe('admins online', () => {
  it('applies 50,000 joins and leaves in one batch within the cap, keeping this user and the latest listed', () => {
    const limits = slicesWith({ admin: { admins: 100 } });
    const entries: StoreEntry[] = [{ endpoint: 'admin', event: { kind: 'session/established', userId: 'me', username: 'me', user: { id: 'me', username: 'me' } } }];
    for (let i = 0; i < 50_000; i += 1) entries.push({ endpoint: 'admin', event: { kind: i % 3 === 2 ? 'admin/left' : 'admin/joined', userId: `u${i % 3 === 2 ? i - 1 : i}`, username: `u${i}` } });
    const state = reduceBatch(initialState(), entries, limits);
    const ids = Object.keys(state.admin.admins);
    // Trimmed a tenth of the cap at a time.
    expect(ids.length).toBeLessThanOrEqual(100);
    expect(ids.length).toBeGreaterThanOrEqual(90);
    expect(ids).toContain('me');
    expect(ids).toContain('u49998');
    expect(state.admin.admins['u49998']).toEqual({ id: 'u49998', username: 'u49998' });
  });
});

describe('chat peers', () => {
  it('forgets the conversation with the oldest newest message past the peers cap', () => {
    const limits = slicesWith({ chat: { messages: 10, peers: 2 } });
    const at = (peerId: string, minute: number): StoreEntry => ({ endpoint: 'chat', event: { kind: 'chat/received', message: { id: `${peerId}-${minute}`, clientId: `srv:${peerId}-${minute}`, peerId, own: false, senderName: null, text: 'x', attachment: null, timestamp: `2024-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`, state: 'received' } } });
    let state = reduceBatch(initialState(), [at('a', 1), at('b', 2), at('a', 3), { endpoint: 'chat', event: { kind: 'chat/typing', peerId: 'b', name: null, typing: true, at: 1 } }], limits);
    state = reduceBatch(state, [at('c', 4)], limits);
    expect(Object.keys(state.chat.byPeer).sort()).toEqual(['a', 'c']);
    expect(Object.keys(state.chat.typing)).toEqual([]);
  });
});
