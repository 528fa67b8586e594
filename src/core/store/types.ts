import type { ConnectionState } from '../ConnectionState';
import type { StoreEntry } from '../events';

/** A connection's state plus who the server says we are, if it said. */
export interface ConnectionEntry extends ConnectionState {
  user: { id: string | null; username: string | null } | null;
}

/**
 * The slices backends add to the store, by key. Empty here: each backend declares its own by
 * declaration merging (as zustand's `StoreMutators` does), e.g.
 * `declare module 'react-realtime-kit' { interface RealtimeSlices { ticker: TickerSlice } }`.
 * A slice exists in the state once its backend was first used (a hook rendered, or
 * `client.use(backend)`).
 */
export interface RealtimeSlices {}

/** The whole store: connection states by endpoint key, plus every registered slice. */
export type RealtimeState = { connections: Record<string, ConnectionEntry> } & RealtimeSlices;

/** Caps a slice applies, by name (`{ messages: 500 }`). */
export type SliceLimits = Record<string, number>;

/**
 * One part of the store that a backend owns: a key, an initial value, and a pure reducer that
 * sees every entry of every batch (so one backend can feed another's slice, as the admin
 * dashboard's order updates feed the orders slice).
 */
export interface StoreSlice<S = any> {
  /** The key in the state (`state.orders`). */
  readonly key: string;
  readonly initial: S;
  /** Caps with their defaults; the app overrides them per backend (`backends: { chat: { limits } }`). */
  readonly limits?: SliceLimits;
  /** Return `slice` itself when nothing changed, so selectors keep their identity. */
  reduce(slice: S, entry: StoreEntry, limits: SliceLimits): S;
}
