import type { StoreSlice } from '../../core/store/types';
import { writable } from '../../core/store/batchDraft';
import { draftRecord, own, put, record, remove } from '../../core/store/records';
import { nowIso } from '../../validation/normalizeTimestamp';
import type { Order, OrderEvent, OrderPatch, OrdersSlice } from './types';

declare module '../../core/store/types' {
  interface RealtimeSlices {
    /** Orders from every backend that carries them (order stream, Timing, admin dashboard). */
    orders: OrdersSlice;
  }
}

/**
 * The store key of an order. The boosting shop's per-order stream and the admin dashboard's
 * `order_update` describe the same orders, so they share plain ids; the Timing restaurant is
 * another shop whose ids would collide, so its orders live under `timing:<id>`.
 */
export function orderKey(order: { source: OrderPatch['source']; id: string }): string {
  if (order.source === 'timing') return `timing:${order.id}`;
  // An id that itself reads `timing:…` (or starts with the escape) is escaped with `~`, so no
  // other shop's order can take a Timing order's key.
  return order.id.startsWith('timing:') || order.id.startsWith('~') ? `~${order.id}` : order.id;
}

/**
 * Order ids come from the wire and may be any string (`"__proto__"`, `"constructor"`): `byId`
 * and `lastEvent` have no prototype (`core/store/records`), so such an id is stored, listed
 * and evicted like any other and never touches a prototype.
 */
export const initialOrders: OrdersSlice = { byId: record(), ids: [], lastEvent: record(), latestCreatedId: null };

/** Merge a patch; return the same object when nothing changed (duplicates are common on the wire). */
export function mergeOrder(current: Order | undefined, patch: OrderPatch): Order {
  // Copied once something differs, not before: a duplicate frame costs no copy.
  let next: Record<string, unknown> | undefined = current ? undefined : {};
  const fields = patch as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined || key === 'updatedAt' || key === 'source') continue;
    if (!sameValue((next ?? (current as unknown as Record<string, unknown>))[key], value)) {
      next ??= { ...current };
      next[key] = value;
    }
  }
  if (!next) return current!;
  next.source = patch.source;
  next.updatedAt = patch.updatedAt ?? current?.updatedAt ?? nowIso();
  next.status ??= 'unknown';
  return next as unknown as Order;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

function upsert(slice: OrdersSlice, patch: OrderPatch, cap: number): OrdersSlice {
  const key = orderKey(patch);
  const current = own(slice.byId, key);
  // A Done order's progress never goes down, and reads 100 when first seen lower: the deployed
  // order stream's snapshot on every connect says 0 for a finished order that its updates sent
  // as 100 (percent_for_view vs is_done), so a reconnect must not move the bar back or toast.
  const floor = current?.progress ?? 100;
  if ((patch.status ?? current?.status) === 'Done' && patch.progress !== undefined && patch.progress! < floor) patch = { ...patch, progress: floor };
  const order = mergeOrder(current, patch);
  if (order === current) return slice;
  const byId = draftRecord(slice.byId);
  put(byId, key, order);
  let ids = slice.ids;
  let lastEvent = slice.lastEvent;
  if (!current) {
    ids = writable(ids);
    ids.unshift(key);
  }
  if (ids.length > cap) {
    const evicted = ids.splice(Math.max(0, cap));
    lastEvent = draftRecord(lastEvent);
    for (const id of evicted) {
      remove(byId, id);
      remove(lastEvent, id);
    }
  }
  return { ...slice, byId, ids, lastEvent };
}

function reduce(slice: OrdersSlice, event: OrderEvent, cap: number): OrdersSlice {
  switch (event.kind) {
    case 'order/upsert':
    case 'order/created': {
      const next = upsert(slice, event.order, cap);
      if (next === slice) return slice;
      const key = orderKey(event.order);
      next.lastEvent = draftRecord(next.lastEvent);
      put(next.lastEvent, key, event);
      if (event.kind === 'order/created') next.latestCreatedId = key;
      return next;
    }
    case 'orders/snapshot':
      return event.orders.reduce((acc, patch) => upsert(acc, patch, cap), slice);
    case 'order/replace': {
      const key = orderKey(event.order);
      if (!own(slice.byId, key)) return slice;
      const byId = draftRecord(slice.byId);
      put(byId, key, event.order);
      return { ...slice, byId };
    }
    default:
      return slice;
  }
}

/** The orders slice: `state.orders`. Caps: `backends: { orders: { limits: { orders } } }`. */
export const ordersSlice: StoreSlice<OrdersSlice> = {
  key: 'orders',
  initial: initialOrders,
  limits: { orders: 1000 },
  reduce: (slice, entry, limits) => reduce(slice, entry.event as OrderEvent, limits['orders']!),
};
