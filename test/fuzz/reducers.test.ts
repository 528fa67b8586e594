// Every reducer, fed random sequences of well-typed events (as the dialects, the REST actions
// and the outbox make them) whose ids are hostile: prototype-member names, emoji, empty, long.
// No reducer throws, the invariants hold after every batch, every stored entity can be
// evicted, and nothing is written to a built-in prototype.
import fc from 'fast-check';
import type { RealtimeState, StoreEntry } from 'react-realtime-kit';
import { reduceBatch } from '../../src/core/store/createRealtimeStore';
import { initialState, slicesWith } from '../helpers/storeOf';
import { event } from './events';
import { brokenInvariants, fuzzLimits, PROTOTYPE_NAMES, prototypeChanges, prototypesNow, RUNS, TIMEOUT } from './hostile';

const slices = slicesWith(fuzzLimits);

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
