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

/**
 * Told when a reducer throws on an entry. The entry is skipped for that slice only: every other
 * entry of the batch, and every other slice, is still applied.
 */
export type ReducerErrorHandler = (error: unknown, entry: StoreEntry, sliceKey: string) => void;

/**
 * `sink`, told once per slice and error message (at most 100 causes): a reducer that throws on
 * every frame of a flood is one report, not thousands. Without a sink, the console.
 */
export function reportOnce(sink?: (message: string, error: unknown, entry: StoreEntry, sliceKey: string) => void): ReducerErrorHandler {
  const seen = new Set<string>();
  return (error, entry, sliceKey) => {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${sliceKey}\u0000${message}`;
    if (seen.has(key) || seen.size > 100) return;
    seen.add(key);
    if (sink) sink(message, error, entry, sliceKey);
    else console.error(`react-realtime-kit: the "${sliceKey}" reducer threw on a "${String(entry.event?.kind)}" event from "${entry.endpoint}"; that event was skipped, the rest of its batch applied: ${message}`);
  };
}

const defaultReport = reportOnce();

/**
 * Apply a batch with the registered reducers. Slices nothing touched keep their identity. Each
 * entry is reduced on its own: a reducer that throws on one entry (a bug, or a frame no test
 * foresaw) loses that entry for that slice only, reported to `onError`, never the batch.
 */
export function reduceBatch<E extends StoreEvent>(state: RealtimeState, entries: readonly StoreEntry<E>[], slices: Iterable<RegisteredSlice>, onError: ReducerErrorHandler = defaultReport): RealtimeState {
  return withBatchDraft(() => {
    const registered = [...slices];
    const record = state as unknown as Record<string, unknown>;
    let connections = state.connections;
    const next: unknown[] = registered.map(({ slice }) => record[slice.key] ?? slice.initial);
    const report = (error: unknown, entry: StoreEntry, key: string): void => {
      try {
        onError(error, entry, key);
      } catch {
        // A failing report must not lose the batch either.
      }
    };
    for (const entry of entries) {
      try {
        connections = connectionsReducer(connections, entry);
      } catch (error) {
        report(error, entry, 'connections');
      }
      for (let i = 0; i < registered.length; i += 1) {
        const { slice, limits } = registered[i]!;
        try {
          next[i] = slice.reduce(next[i], entry, limits);
        } catch (error) {
          report(error, entry, slice.key);
        }
      }
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
 * register, each with its pure reducer. A burst of N frames costs one `setState`. A reducer
 * that throws on an entry is reported to `onReducerError` (default: once per slice and message
 * on the console) and skips only that entry.
 */
export function createRealtimeStore(options: { onReducerError?: ReducerErrorHandler } = {}): RealtimeStore {
  const store = createStore<RealtimeState>()(() => ({ connections: {} }) as RealtimeState);
  const slices = new Map<string, RegisteredSlice>();
  // Server rendering and hydration read `getInitialState()`: it carries every registered
  // slice's initial value too, and keeps its identity until the next registration.
  let initial = store.getInitialState();
  store.getInitialState = () => initial;
  const batcher = createBatcher<StoreEntry>((entries) => {
    const current = store.getState();
    const next = reduceBatch(current, entries, slices.values(), options.onReducerError);
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
