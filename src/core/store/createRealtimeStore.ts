import { createStore, type StoreApi } from 'zustand/vanilla';
import { createBatcher } from '../createBatcher';
import type { StoreEntry, StoreEvent } from '../events';
import { withBatchDraft } from './batchDraft';
import { connectionsReducer } from './connectionsReducer';
import type { RealtimeState, SliceLimits, StoreSlice } from './types';

/** A registered slice with the caps resolved for this client. */
export interface RegisteredSlice {
  slice: StoreSlice;
  limits: SliceLimits;
}

/** Apply a batch with the registered reducers. Slices nothing touched keep their identity. */
export function reduceBatch<E extends StoreEvent>(state: RealtimeState, entries: readonly StoreEntry<E>[], slices: Iterable<RegisteredSlice>): RealtimeState {
  return withBatchDraft(() => {
    const registered = [...slices];
    const record = state as unknown as Record<string, unknown>;
    let connections = state.connections;
    const next: unknown[] = registered.map(({ slice }) => record[slice.key] ?? slice.initial);
    for (const entry of entries) {
      connections = connectionsReducer(connections, entry);
      for (let i = 0; i < registered.length; i += 1) next[i] = registered[i]!.slice.reduce(next[i], entry, registered[i]!.limits);
    }
    let changed = connections !== state.connections;
    for (let i = 0; i < registered.length && !changed; i += 1) changed = next[i] !== record[registered[i]!.slice.key];
    if (!changed) return state;
    const out: Record<string, unknown> = { ...record, connections };
    registered.forEach(({ slice }, i) => (out[slice.key] = next[i]));
    return out as unknown as RealtimeState;
  });
}

export interface RealtimeStore {
  /** The zustand vanilla store. Read it with selectors. */
  store: StoreApi<RealtimeState>;
  /**
   * Add a slice (once per key; later calls are no-ops). Its initial value is in the state at
   * once, so a selector that reads it right after never sees it missing.
   */
  register(slice: StoreSlice, limits: SliceLimits): void;
  /** Queue an entry; entries are applied together once per frame (microtask outside a browser). */
  dispatch(entry: StoreEntry): void;
  /** Apply everything queued now. */
  flush(): void;
  /** Drop anything queued and stop scheduling. */
  dispose(): void;
}

/**
 * A zustand vanilla store that knows no backend: connection states, plus the slices backends
 * register, each with its pure reducer. A burst of N frames costs one `setState`.
 */
export function createRealtimeStore(): RealtimeStore {
  const store = createStore<RealtimeState>()(() => ({ connections: {} }) as RealtimeState);
  const slices = new Map<string, RegisteredSlice>();
  // Server rendering and hydration read `getInitialState()`: it carries every registered
  // slice's initial value too, and keeps its identity until the next registration.
  let initial = store.getInitialState();
  store.getInitialState = () => initial;
  const batcher = createBatcher<StoreEntry>((entries) => {
    const current = store.getState();
    const next = reduceBatch(current, entries, slices.values());
    if (next !== current) store.setState(next, true);
  });
  return {
    store,
    register(slice, limits) {
      if (slices.has(slice.key)) return;
      slices.set(slice.key, { slice, limits });
      initial = { ...initial, [slice.key]: slice.initial };
      if (!(slice.key in store.getState())) store.setState({ [slice.key]: slice.initial } as Partial<RealtimeState>);
    },
    dispatch: batcher.push,
    flush: batcher.flushNow,
    dispose: batcher.cancel,
  };
}
