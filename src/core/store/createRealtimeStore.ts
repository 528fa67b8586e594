import { createStore, type StoreApi } from 'zustand/vanilla';
import { createBatcher } from '../createBatcher';
import { adminReducer, initialAdmin } from './adminReducer';
import { withBatchDraft } from './batchDraft';
import { chatReducer, initialChat } from './chatReducer';
import { connectionsReducer } from './connectionsReducer';
import { initialNotifications, notificationsReducer } from './notificationsReducer';
import { initialOrders, ordersReducer } from './ordersReducer';
import type { RealtimeLimits, RealtimeState, ResolvedLimits, StoreEntry } from './types';

export const limitDefaults: ResolvedLimits = {
  orders: 1000,
  notifications: 200,
  chatMessages: 500,
  activity: 100,
  pendingUsers: 1000,
  bookings: 100,
  sendQueue: 1000,
  maxFrameChars: 262_144,
  socketBudget: 200,
};

export function resolveLimits(limits: RealtimeLimits = {}): ResolvedLimits {
  const out = { ...limitDefaults };
  for (const [key, value] of Object.entries(limits) as [keyof ResolvedLimits, unknown][]) {
    if (value === undefined) continue;
    if (!(key in limitDefaults)) throw new TypeError(`limits.${key} is not a known limit. Known limits: ${Object.keys(limitDefaults).join(', ')}.`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new TypeError(`limits.${key} must be a positive integer (got ${String(value)}).`);
    }
    out[key] = value;
  }
  return out;
}

export function initialState(): RealtimeState {
  return { connections: {}, orders: initialOrders, notifications: initialNotifications, chat: initialChat, admin: initialAdmin };
}

/** Apply a batch to a state with the pure reducers. Slices nothing touched keep their identity. */
export function reduceBatch(state: RealtimeState, entries: StoreEntry[], limits: ResolvedLimits): RealtimeState {
  return withBatchDraft(() => reduceEntries(state, entries, limits));
}

function reduceEntries(state: RealtimeState, entries: StoreEntry[], limits: ResolvedLimits): RealtimeState {
  let { connections, orders, notifications, chat, admin } = state;
  const notificationCaps = { notifications: limits.notifications, bookings: limits.bookings };
  const adminCaps = { activity: limits.activity, pendingUsers: limits.pendingUsers };
  for (const entry of entries) {
    connections = connectionsReducer(connections, entry);
    orders = ordersReducer(orders, entry, limits.orders);
    notifications = notificationsReducer(notifications, entry, notificationCaps);
    chat = chatReducer(chat, entry, limits.chatMessages);
    admin = adminReducer(admin, entry, adminCaps);
  }
  if (connections === state.connections && orders === state.orders && notifications === state.notifications && chat === state.chat && admin === state.admin) {
    return state;
  }
  return { connections, orders, notifications, chat, admin };
}

export interface RealtimeStore {
  /** The zustand vanilla store. Read it with selectors. */
  store: StoreApi<RealtimeState>;
  /** Queue an entry; entries are applied together once per frame (microtask outside a browser). */
  dispatch(entry: StoreEntry): void;
  /** Apply everything queued now. */
  flush(): void;
  /** Drop anything queued and stop scheduling. */
  dispose(): void;
}

/**
 * A zustand vanilla store with one slice per domain and one pure reducer each. A burst of
 * N frames costs one `setState`.
 */
export function createRealtimeStore(limits: RealtimeLimits = {}): RealtimeStore {
  const resolved = resolveLimits(limits);
  const store = createStore<RealtimeState>()(() => initialState());
  const batcher = createBatcher<StoreEntry>((entries) => {
    const current = store.getState();
    const next = reduceBatch(current, entries, resolved);
    if (next !== current) store.setState(next, true);
  });
  return { store, dispatch: batcher.push, flush: batcher.flushNow, dispose: batcher.cancel };
}
