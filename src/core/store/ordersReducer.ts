import type { Order, OrderPatch } from '../events';
import type { OrdersSlice, StoreEntry } from './types';

export const initialOrders: OrdersSlice = { byId: {}, ids: [], lastEvent: {}, latestCreatedId: null };

/** Merge a patch; return the same object when nothing changed (duplicates are common on the wire). */
export function mergeOrder(current: Order | undefined, patch: OrderPatch): Order {
  let changed = current === undefined;
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === 'updatedAt' || key === 'source') continue;
    if (!sameValue(next[key], value)) {
      next[key] = value;
      changed = true;
    }
  }
  if (!changed) return current!;
  next.source = patch.source;
  next.updatedAt = patch.updatedAt ?? current?.updatedAt ?? new Date().toISOString();
  next.status ??= 'unknown';
  return next as unknown as Order;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

function upsert(slice: OrdersSlice, patch: OrderPatch, cap: number): OrdersSlice {
  const current = slice.byId[patch.id];
  const order = mergeOrder(current, patch);
  if (order === current) return slice;
  const byId = { ...slice.byId, [patch.id]: order };
  let ids = current ? slice.ids : [patch.id, ...slice.ids];
  let lastEvent = slice.lastEvent;
  if (ids.length > cap) {
    const evicted = ids.slice(cap);
    ids = ids.slice(0, cap);
    lastEvent = { ...lastEvent };
    for (const id of evicted) {
      delete byId[id];
      delete lastEvent[id];
    }
  }
  return { ...slice, byId, ids, lastEvent };
}

export function ordersReducer(slice: OrdersSlice, entry: StoreEntry, cap: number): OrdersSlice {
  const { event } = entry;
  switch (event.kind) {
    case 'order/upsert':
    case 'order/created': {
      const next = upsert(slice, event.order, cap);
      if (next === slice) return slice;
      next.lastEvent = { ...next.lastEvent, [event.order.id]: event };
      if (event.kind === 'order/created') next.latestCreatedId = event.order.id;
      return next;
    }
    case 'orders/snapshot':
      return event.orders.reduce((acc, patch) => upsert(acc, patch, cap), slice);
    case 'order/replace': {
      if (!slice.byId[event.order.id]) return slice;
      return { ...slice, byId: { ...slice.byId, [event.order.id]: event.order } };
    }
    default:
      return slice;
  }
}
