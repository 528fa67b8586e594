// Every reducer, fed random sequences of well-typed events (as the dialects, the REST actions
// and the outbox make them) whose ids are hostile: prototype-member names, emoji, empty, long.
// No reducer throws, the invariants hold after every batch, every stored entity can be
// evicted, and nothing is written to a built-in prototype.
import fc from 'fast-check';
import type { RealtimeState, StoreEntry } from 'react-realtime-kit';
import { reduceBatch } from '../../src/core/store/createRealtimeStore';
import { initialState, slicesWith } from '../helpers/storeOf';
import { brokenInvariants, fuzzLimits, PROTOTYPE_NAMES, prototypeChanges, prototypesNow, RUNS, TIMEOUT } from './hostile';

const slices = slicesWith(fuzzLimits);

const id = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 3, arbitrary: fc.constantFrom('1', '2', '3', '10', 'a', 'b') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '', ' ', 'e\u0301', 'x'.repeat(300), 'timing:1', 'anon:1', 'srv:1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_NAMES));
// Chat times are always ISO by the time they reach the store (dialects and REST normalise them).
const isoTime = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }).map((ms) => new Date(ms).toISOString());
const time = fc.oneof(isoTime, fc.constantFrom('2025-01-01T00:00:00.000Z', '2025-01-01 00:00', 'not a time', ''));
const state = fc.constantFrom('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'received') as fc.Arbitrary<'sent'>;
const message = fc.record({ id: fc.option(id), clientId: id, peerId: id, own: fc.boolean(), senderName: fc.option(text), text, attachment: fc.constant(null), timestamp: isoTime, state, seen: fc.boolean() });
const user = fc.record({ id, username: text });
const order = fc.record({ id, source: fc.constantFrom('orderStream', 'timing', 'admin') as fc.Arbitrary<'admin'>, status: fc.oneof(text, fc.constantFrom('New', 'Done')), progress: fc.option(fc.integer({ min: 0, max: 100 })), previousStatus: fc.option(text), updatedAt: time });
const notification = fc.record({ id: fc.oneof(id, id.map((i) => `anon:${i}`)), title: text, body: text, kind: id, data: fc.constant(null), timestamp: time, read: fc.boolean() });
const conversation = fc.record({ id, peerId: id, name: text, username: fc.option(text), avatar: fc.constant(null), online: fc.option(fc.boolean()), lastMessage: fc.option(text), lastMessageAt: fc.option(isoTime), lastMessageByMe: fc.boolean(), unread: fc.nat(5) });

const event: fc.Arbitrary<StoreEntry> = fc.oneof<fc.Arbitrary<StoreEntry>[]>(
  // Orders
  order.map((o) => ({ endpoint: 'orders:1', event: { kind: 'order/upsert', order: o } })),
  order.map((o) => ({ endpoint: 'timing', event: { kind: 'order/created', order: o } })),
  fc.array(order, { maxLength: 8 }).map((orders) => ({ endpoint: 'timing', event: { kind: 'orders/snapshot', orders } })),
  order.map((o) => ({ endpoint: 'timing', event: { kind: 'order/replace', order: o } })),
  // Chat
  fc.tuple(message, fc.option(id, { nil: undefined })).map(([m, receiverId]) => ({ endpoint: 'chat', event: { kind: 'chat/received', message: m, receiverId } })),
  // An own message is queued before the server numbered it.
  message.map((m) => ({ endpoint: 'chat', event: { kind: 'chat/queued', message: { ...m, id: null, own: true, state: 'queued' } } })),
  fc.tuple(id, fc.boolean()).map(([clientId, rest]) => ({ endpoint: 'chat', event: { kind: 'chat/sending', clientId, rest } })),
  fc.tuple(id, fc.option(id, { nil: undefined }), fc.option(isoTime, { nil: undefined })).map(([serverId, clientId, timestamp]) => ({ endpoint: 'chat', event: { kind: 'chat/ack', serverId, clientId, timestamp } })),
  fc.tuple(text, fc.option(id, { nil: undefined })).map(([error, clientId]) => ({ endpoint: 'chat', event: { kind: 'chat/rejected', error, clientId } })),
  fc.oneof(fc.constant('awaiting' as const), fc.array(id, { maxLength: 3 })).map((clientIds) => ({ endpoint: 'chat', event: { kind: 'chat/failed', clientIds, error: 'x' } })),
  fc.record({ peerId: id, messages: fc.array(message, { maxLength: 6 }), hasMore: fc.option(fc.boolean(), { nil: undefined }), older: fc.boolean(), online: fc.option(fc.boolean()), name: fc.option(text) }).map((e) => ({ endpoint: 'chat', event: { kind: 'chat/history', ...e, messages: e.messages.map((m) => ({ ...m, peerId: e.peerId })) } })),
  fc.tuple(id, fc.constantFrom('idle', 'loading', 'loaded', 'error') as fc.Arbitrary<'loading'>).map(([peerId, status]) => ({ endpoint: 'chat', event: { kind: 'chat/historyState', peerId, status } })),
  fc.tuple(id, fc.option(text), fc.boolean()).map(([peerId, name, typing]) => ({ endpoint: 'chat', event: { kind: 'chat/typing', peerId, name, typing, at: 1 } })),
  fc.array(id, { maxLength: 4 }).map((serverIds) => ({ endpoint: 'chat', event: { kind: 'chat/read', serverIds, readAt: '2025-01-01T00:00:00.000Z' } })),
  fc.tuple(id, fc.array(id, { maxLength: 4 })).map(([peerId, serverIds]) => ({ endpoint: 'chat', event: { kind: 'chat/seen', peerId, serverIds } })),
  fc.array(conversation, { maxLength: 6 }).map((items) => ({ endpoint: 'chat', event: { kind: 'chat/conversations', items } })),
  fc.constantFrom('idle', 'loading', 'loaded', 'error').map((status) => ({ endpoint: 'chat', event: { kind: 'chat/conversationsState', status } })),
  fc.dictionary(id, fc.boolean(), { maxKeys: 6 }).map((online) => ({ endpoint: 'chat', event: { kind: 'chat/presence', online } })),
  // Notifications
  notification.map((n) => ({ endpoint: 'notifications', event: { kind: 'notification/added', notification: n } })),
  fc.array(notification, { maxLength: 8 }).map((notifications) => ({ endpoint: 'notifications', event: { kind: 'notification/loaded', notifications } })),
  fc.nat(20).map((count) => ({ endpoint: 'notifications', event: { kind: 'notification/unreadCount', count } })),
  fc.tuple(id, fc.boolean()).map(([nid, success]) => ({ endpoint: 'notifications', event: { kind: 'notification/markedRead', id: nid, success } })),
  fc.option(id).map((nid) => ({ endpoint: 'notifications', event: { kind: 'notification/readLocally', id: nid } })),
  fc.constant({ endpoint: 'notifications', event: { kind: 'notification/allMarkedRead', markedCount: 1 } }),
  fc.constant({ endpoint: 'notifications', event: { kind: 'notification/socketClosed' } }),
  fc.record({ bookingId: id, action: text, status: text, propertyId: fc.option(id), propertyTitle: fc.option(text), tenantId: fc.option(id), landlordId: fc.option(id), timestamp: time }).map((booking) => ({ endpoint: 'notifications', event: { kind: 'booking/updated', booking } })),
  // Admin
  fc.dictionary(id, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((stats) => ({ endpoint: 'admin', event: { kind: 'admin/stats', stats } })),
  fc.nat(50).map((count) => ({ endpoint: 'admin', event: { kind: 'admin/pendingCount', count } })),
  fc.array(user, { maxLength: 8 }).map((users) => ({ endpoint: 'admin', event: { kind: 'admin/pendingUsers', users } })),
  id.map((userId) => ({ endpoint: 'admin', event: { kind: 'admin/pendingRemoved', userId } })),
  fc.tuple(user, fc.integer({ min: -2, max: 10 })).map(([u, index]) => ({ endpoint: 'admin', event: { kind: 'admin/pendingRestored', user: u, index } })),
  fc.tuple(user, fc.constantFrom('approved', 'rejected') as fc.Arbitrary<'approved'>, fc.option(text), time).map(([u, action, performedBy, timestamp]) => ({ endpoint: 'admin', event: { kind: 'admin/approval', action, user: u, performedBy, timestamp, notes: null } })),
  fc.tuple(user, time).map(([u, timestamp]) => ({ endpoint: 'admin', event: { kind: 'admin/newUser', user: u, timestamp } })),
  fc.tuple(id, text, fc.boolean()).map(([userId, username, joined]) => ({ endpoint: 'admin', event: { kind: joined ? 'admin/joined' : 'admin/left', userId, username } })),
  // Sessions, on every endpoint
  fc.tuple(fc.constantFrom('chat', 'admin', 'notifications', 'timing'), user).map(([endpoint, u]) => ({ endpoint, event: { kind: 'session/established', userId: u.id, username: u.username, user: u } })),
);

/** `cap` fresh entities of each capped kind: afterwards nothing stored before may remain. */
function evictAll(s: RealtimeState): RealtimeState {
  const entries: StoreEntry[] = [];
  const n = Math.max(fuzzLimits.orders.orders, fuzzLimits.chat.peers, fuzzLimits.admin.admins, fuzzLimits.notifications.notifications);
  for (let i = 0; i < n; i += 1) {
    entries.push({ endpoint: 'orders:1', event: { kind: 'order/upsert', order: { id: `zz-${i}`, source: 'orderStream', status: 'New', updatedAt: '2099-01-01T00:00:00.000Z' } } });
    entries.push({ endpoint: 'chat', event: { kind: 'chat/received', message: { id: `zz-${i}`, clientId: `srv:zz-${i}`, peerId: `zz-${i}`, own: false, senderName: null, text: 'x', attachment: null, timestamp: `2099-01-01T00:00:0${i}.000Z`, state: 'received' } } });
    entries.push({ endpoint: 'admin', event: { kind: 'admin/joined', userId: `zz-${i}`, username: 'z' } });
    entries.push({ endpoint: 'notifications', event: { kind: 'notification/added', notification: { id: `zz-${i}`, title: '', body: '', kind: 'info', data: null, timestamp: '2099-01-01T00:00:00.000Z', read: true } } });
  }
  return reduceBatch(s, entries, slices);
}

describe('hostile events: every reducer', () => {
  it(`never throws, keeps every invariant, evicts everything it stored, never touches a prototype (${RUNS} runs)`, { timeout: TIMEOUT }, () => {
    const prototypes = prototypesNow();
    let events = 0;
    let runs = 0;
    const began = performance.now();
    fc.assert(
      fc.property(fc.array(fc.array(event, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), (batches) => {
        let s = initialState();
        for (const batch of batches) {
          events += batch.length;
          const thrown: unknown[] = [];
          s = reduceBatch(s, batch, slices, (error) => thrown.push(error));
          // Plain checks rather than `expect` per run: 10,000 runs stay cheap.
          if (thrown.length) throw new Error(`a reducer threw: ${String(thrown[0])}`);
          const broken = brokenInvariants(s);
          if (broken.length) throw new Error(`broken invariants: ${broken.join('; ')}`);
        }
        const me = s.admin.me?.id;
        const evicted = evictAll(s);
        const kept = [
          ...brokenInvariants(evicted),
          ...evicted.orders.ids.filter((k) => !k.startsWith('zz-')).map((k) => `order ${k}`),
          ...Object.keys(evicted.chat.byPeer).filter((k) => !k.startsWith('zz-')).map((k) => `peer ${k}`),
          // This user stays listed among the admins online.
          ...Object.keys(evicted.admin.admins).filter((k) => !k.startsWith('zz-') && k !== me).map((k) => `admin ${k}`),
          ...evicted.notifications.items.filter((n) => !n.id.startsWith('zz-')).map((n) => `notification ${n.id}`),
        ];
        if (kept.length) throw new Error(`not evicted or broken after eviction: ${kept.join('; ')}`);
        // Pollution stays: looking every 50 runs (and at the end) finds it at a tenth of the cost.
        if (runs++ % 50 === 0 && prototypeChanges(prototypes).length) throw new Error(`a prototype changed: ${prototypeChanges(prototypes).join(', ')}`);
      }),
      { numRuns: RUNS },
    );
    expect(prototypeChanges(prototypes)).toEqual([]);
    console.log(`fuzz (FUZZ_RUNS=${RUNS}): reducers: ${RUNS} runs, ${events} events in ${Math.round(performance.now() - began)} ms`);
  });

  it.each(PROTOTYPE_NAMES)('stores, lists and evicts "%s" like any other id, in every slice', (name) => {
    const batch: StoreEntry[] = [
      { endpoint: 'orders:1', event: { kind: 'order/upsert', order: { id: name, source: 'orderStream', status: 'New', progress: 10, updatedAt: '2025-01-01T00:00:00.000Z' } } },
      { endpoint: 'chat', event: { kind: 'chat/received', message: { id: name, clientId: `srv:${name}`, peerId: name, own: false, senderName: name, text: 'hi', attachment: null, timestamp: '2025-01-01T00:00:00.000Z', state: 'received' } } },
      { endpoint: 'chat', event: { kind: 'chat/typing', peerId: name, name, typing: true, at: 1 } },
      { endpoint: 'chat', event: { kind: 'chat/presence', online: { [name]: true } } },
      { endpoint: 'admin', event: { kind: 'admin/joined', userId: name, username: name } },
      { endpoint: 'notifications', event: { kind: 'notification/added', notification: { id: name, title: name, body: '', kind: name, data: null, timestamp: '2025-01-01T00:00:00.000Z', read: false } } },
    ];
    const thrown: unknown[] = [];
    const s = reduceBatch(initialState(), batch, slices, (error) => thrown.push(error));
    expect(thrown).toEqual([]);
    expect(s.orders.ids).toEqual([name]);
    expect(Object.keys(s.orders.byId)).toEqual([name]);
    expect(s.orders.byId[name]).toMatchObject({ id: name, progress: 10 });
    expect(Object.getPrototypeOf(s.orders.byId)).toBeNull();
    expect(s.chat.byPeer[name]!.map((m) => m.id)).toEqual([name]);
    expect(Object.keys(s.chat.typing)).toEqual([name]);
    expect(s.chat.presence[name]).toBe(true);
    expect(Object.keys(s.admin.admins)).toEqual([name]);
    expect(s.notifications.items.map((n) => n.id)).toEqual([name]);
    expect(brokenInvariants(s)).toEqual([]);
    const evicted = evictAll(s);
    expect(Object.hasOwn(evicted.orders.byId, name)).toBe(false);
    expect(Object.hasOwn(evicted.chat.byPeer, name)).toBe(false);
    expect(Object.hasOwn(evicted.admin.admins, name)).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
