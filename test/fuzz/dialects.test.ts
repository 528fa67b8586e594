// Every dialect, fed hostile frames (valid frames mutated field by field, random JSON, binary
// frames) and reduced into a store between two valid frames: parsing and reducing never throw,
// the valid frames of the batch always land, the store's invariants hold, and nothing is ever
// written to a built-in prototype.
import fc from 'fast-check';
import type { RealtimeState, StoreEntry } from 'react-realtime-kit';
import { reduceBatch } from '../../src/core/store/createRealtimeStore';
import { onTheWire, wireDialects, type WireDialect } from '../fixtures/wireFrames';
import { initialState, slicesWith } from '../helpers/storeOf';
import { binaryFrame, brokenInvariants, fuzzLimits, mutate, mutation, pathsOf, prototypeChanges, prototypesNow, randomJson, RUNS, TIMEOUT } from './hostile';

const slices = slicesWith(fuzzLimits);

const ENDPOINTS: Record<string, string> = { orderStream: 'orders:123', timing: 'timing', notifications: 'notifications', chat: 'chat', chatSse: 'chat', adminDashboard: 'admin' };

/** A valid frame whose effect on the store can be looked for, per dialect. */
const SENTINELS: Record<string, { frame: (id: string, day: number) => Record<string, unknown>; landed: (state: RealtimeState, id: string) => boolean }> = {
  orderStream: {
    frame: (id) => ({ type: 'order.update', order_id: id, status: 'New', progress: 5, timestamp: '2099-01-01T00:00:00Z' }),
    landed: (s, id) => Object.hasOwn(s.orders.byId, id) && s.orders.ids.includes(id),
  },
  timing: {
    frame: (id) => ({ type: 'newOrder', order: { id, status: 'pending', created_at: '2099-01-01T00:00:00Z' } }),
    landed: (s, id) => Object.hasOwn(s.orders.byId, `timing:${id}`),
  },
  notifications: {
    frame: (id) => ({ type: 'notification', notification_id: id, title: 'Sentinel', body: '', notification_type: 'info', data: null, timestamp: '2099-01-01T00:00:00Z' }),
    landed: (s, id) => s.notifications.items.some((n) => n.id === id),
  },
  chat: {
    frame: (id, day) => ({ type: 'chat_message', id, sender_id: `peer-${id}`, sender_name: 'S', message: 'hi', attachment: null, timestamp: `2099-01-0${day}T00:00:00Z` }),
    landed: (s, id) => (s.chat.byPeer[`peer-${id}`] ?? []).some((m) => m.id === id),
  },
  chatSse: {
    frame: (id, day) => ({ type: 'message', id, sender_id: `peer-${id}`, receiver_id: 'me', sender_name: 'S', message: 'hi', attachment: null, timestamp: `2099-01-0${day}T00:00:00Z`, is_read: false }),
    landed: (s, id) => (s.chat.byPeer[`peer-${id}`] ?? []).some((m) => m.id === id),
  },
  adminDashboard: {
    frame: (id) => ({ type: 'admin_joined', user_id: id, username: 'sentinel' }),
    landed: (s, id) => Object.hasOwn(s.admin.admins, id),
  },
};

function entriesOf(entry: WireDialect, frame: unknown): StoreEntry[] {
  const result = entry.dialect.parse(frame);
  return result.ok ? result.events.map((event) => ({ endpoint: ENDPOINTS[entry.name]!, event })) : [];
}

/** Deep-freeze: a reducer that changes state it was given (outside its batch's own copies) throws. */
function freeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) freeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}

/** A store already holding what every valid frame of every dialect brings: updates hit existing entries. */
function populated(): RealtimeState {
  const entries = wireDialects.flatMap((d) => d.frames.flatMap((f) => entriesOf(d, onTheWire(d, f))));
  return freeze(reduceBatch(initialState(), entries, slices));
}

const counts: string[] = [];
afterAll(() => {
  // The figures `npm run fuzz` prints.
  console.log(`fuzz (FUZZ_RUNS=${RUNS}):\n${counts.join('\n')}`);
});

describe.each(wireDialects.map((d) => [d.name, d] as const))('hostile frames: %s', (name, entry) => {
  it(`never throws, never loses the batch, keeps every invariant, never touches a prototype (${RUNS} runs)`, { timeout: TIMEOUT }, () => {
    const start = populated();
    const prototypes = prototypesNow();
    const sentinel = SENTINELS[name]!;
    const wire = entry.frames.map((f) => onTheWire(entry, f));
    const texts = wire.filter((w): w is string => typeof w === 'string');
    // Id-like fields are mutated three times as often as the others.
    const pathsPerFrame = entry.frames.map((f) => {
      const all = pathsOf(f);
      const ids = all.filter((p) => entry.idFields.includes(p.join('.')));
      return [...all, ...ids, ...ids];
    });
    const mutated = fc.tuple(fc.nat(entry.frames.length - 1), fc.nat(), mutation).map(([i, p, m]) => {
      const paths = pathsPerFrame[i]!;
      return { kind: 'mutated' as const, frame: onTheWire(entry, paths.length ? mutate(entry.frames[i]!, paths[p % paths.length]!, m) : entry.frames[i]!) };
    });
    const types = entry.frames.map((f) => String(f['type']));
    const input = fc.oneof(
      { weight: 6, arbitrary: mutated },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...types), randomJson(types)).map(([event, frame]) => ({ kind: 'random' as const, frame: entry.sse ? { event, data: typeof frame === 'string' ? frame : JSON.stringify(frame) } : frame })) },
      { weight: 1, arbitrary: binaryFrame(texts.length ? texts : ['{}']).map((frame) => ({ kind: 'binary' as const, frame: entry.sse ? { event: types[0]!, data: frame } : frame })) },
    );
    const tally = { mutated: 0, random: 0, binary: 0, accepted: 0, rejected: 0 };
    let n = 0;
    const began = performance.now();
    fc.assert(
      fc.property(input, ({ kind, frame }) => {
        tally[kind] += 1;
        n += 1;
        const result = entry.dialect.parse(frame);
        // Plain checks rather than `expect` per run: 10,000 runs per dialect stay cheap.
        if (result.ok) {
          tally.accepted += 1;
          if (!Array.isArray(result.events) || !result.events.every((event) => typeof event.kind === 'string')) throw new Error(`parse returned events without a kind: ${JSON.stringify(result)}`);
        } else {
          tally.rejected += 1;
          if (result.ok !== false || typeof result.error !== 'string') throw new Error(`parse returned neither events nor an error: ${String(result)}`);
        }
        const before = `s${n}a`;
        const after = `s${n}b`;
        const batch = [
          ...entriesOf(entry, onTheWire(entry, sentinel.frame(before, 1))),
          ...(result.ok ? result.events.map((event) => ({ endpoint: ENDPOINTS[name]!, event })) : []),
          ...entriesOf(entry, onTheWire(entry, sentinel.frame(after, 2))),
        ];
        const thrown: unknown[] = [];
        const state = reduceBatch(start, batch, slices, (error) => thrown.push(error));
        if (thrown.length) throw new Error(`a reducer threw: ${String(thrown[0])}`);
        if (!sentinel.landed(state, before)) throw new Error('the valid frame before the hostile one was lost');
        if (!sentinel.landed(state, after)) throw new Error('the valid frame after the hostile one was lost');
        const broken = brokenInvariants(state);
        if (broken.length) throw new Error(`broken invariants: ${broken.join('; ')}`);
        // Pollution stays: looking every 50 runs (and at the end) finds it at a tenth of the cost.
        if (n % 50 === 0 && prototypeChanges(prototypes).length) throw new Error(`a prototype changed: ${prototypeChanges(prototypes).join(', ')}`);
      }),
      { numRuns: RUNS },
    );
    expect(prototypeChanges(prototypes)).toEqual([]);
    counts.push(`  ${name}: ${RUNS} frames (${tally.mutated} mutated, ${tally.random} random JSON, ${tally.binary} binary; ${tally.accepted} accepted, ${tally.rejected} rejected) in ${Math.round(performance.now() - began)} ms`);
  });
});
