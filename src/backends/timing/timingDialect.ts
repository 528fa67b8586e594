/**
 * The restaurant "Timing API" order feed (PROTOCOLS.md §2). Its document describes a raw
 * WebSocket (`newOrder`, `orderStatusUpdate`); the real server is Socket.IO, namespace
 * `/admin`, whose transport hands us `{ event, data }` objects. Both are accepted, as are
 * the REST bodies that carry orders.
 */
import type { StoreEvent } from '../../core/events';
import type { OrderItem, OrderPatch } from '../orders/types';
import type { Dialect, ParseResult } from '../../core/Dialect';
import { FieldReader, compact, decodeFrame, describe, decodeJson, guard, guardValue, isPlainObject, nowIso, preview, reject } from '../../validation/validate';
import type { MessageHandler } from '../../validation/validate';

/** The Timing server's statuses, in timeline order (`cancelled` last). */
export const timingStatuses = ['pending', 'preparing', 'ready', 'completed', 'cancelled'] as const;
/** A Timing order status. Unknown values are still kept by the parser. */
export type TimingStatus = (typeof timingStatuses)[number];

/**
 * The labels the Timing server's REST API translates statuses into (`?locale=` or
 * `Accept-Language`), by status key: English and Thai, from its locale files. Its socket sent
 * the keys themselves.
 */
export const timingStatusLabels: Readonly<Record<TimingStatus, readonly string[]>> = {
  pending: ['Pending', 'รอดำเนินการ'],
  preparing: ['Preparing', 'กำลังเตรียม'],
  ready: ['Ready', 'พร้อมรับ'],
  completed: ['Completed', 'เสร็จสิ้น'],
  cancelled: ['Cancelled', 'ยกเลิก'],
};

/** Labels of other locales, by status key: `{ ready: ['Prêt'] }`. Checked before the built-in ones. */
export type TimingStatusLabels = Readonly<Partial<Record<string, readonly string[]>>>;

const noLabels: TimingStatusLabels = {};

/**
 * The status key for a server status: a key as it is, a translated label as its key, anything
 * else unchanged. An order's `statusLabel` is the server's wording only while
 * `timingStatusKey(order.statusLabel) === order.status` (a later update may carry a bare key).
 */
export function timingStatusKey(raw: string, extra: TimingStatusLabels = noLabels): string {
  // A bare key, with no labels of other locales to look through first: itself.
  if (extra === noLabels && Object.hasOwn(timingStatusLabels, raw)) return raw;
  const text = raw.trim().toLowerCase();
  for (const labels of [extra, timingStatusLabels]) {
    for (const [key, names] of Object.entries(labels)) {
      if (key === text || names?.some((name) => name.toLowerCase() === text)) return key;
    }
  }
  return raw;
}

/** One order line, as the server sends it. */
export interface TimingOrderItem {
  id: number | string;
  menu_name: string;
  quantity: number;
  price: number | string | null;
}

/** An order as the real server sends it (the document nests the name as `customer_info.name`). */
export interface TimingOrder {
  id: number | string;
  customer_name?: string;
  customer_info?: { name?: string };
  /** Thai baht. */
  total?: number | string;
  items?: TimingOrderItem[];
  status?: string;
  created_at?: string;
  updated_at?: string;
}

/** Documented raw WebSocket: a new order. */
export interface NewOrderMessage { type: 'newOrder'; order: TimingOrder }
/** Documented raw WebSocket: a status change. */
export interface OrderStatusUpdateMessage { type: 'orderStatusUpdate'; order: TimingOrder; status: string }
/** Socket.IO `connected` data. */
export interface TimingConnectedData { message?: string; userId: number | string; username?: string }
/** Socket.IO `new_order` data. */
export interface TimingNewOrderData { type: 'new_order'; order: TimingOrder; timestamp?: string }
/** Socket.IO `order_status_update` data. */
export interface TimingStatusUpdateData { type: 'order_status_update'; order: TimingOrder; timestamp?: string }

/** Every message shape the Timing feed may deliver. */
export type TimingMessage =
  | NewOrderMessage
  | OrderStatusUpdateMessage
  | { event: 'connected'; data: TimingConnectedData }
  | { event: 'new_order'; data: TimingNewOrderData }
  | { event: 'order_status_update'; data: TimingStatusUpdateData };

/** The feed accepts no commands: status changes go through REST (`PUT /api/admin/orders/:id/status`). */
export type TimingCommand = never;

function readItem(r: FieldReader, index: number): OrderItem {
  const name = r.string('menu_name', 'optional') ?? r.string('name', 'optional');
  return {
    id: r.id('id', 'optional') ?? String(index),
    name: name ?? r.fail('menu_name', 'is required'),
    quantity: r.number('quantity', 'required', { min: 0 }),
    price: r.decimal('price', 'nullable'),
  };
}

/**
 * Normalise one Timing order (socket or REST). `updatedAt` falls back to `fallbackTime`,
 * then to `created_at`, then to now; `status` to `defaultStatus` when given.
 */
export function normalizeTimingOrder(r: FieldReader, fallbackTime: string | null = null, defaultStatus?: string, labels?: TimingStatusLabels): OrderPatch {
  const info = r.reader('customer_info', 'optional');
  const customerName = r.string('customer_name', 'optional') ?? info?.string('name', 'optional');
  const createdAt = r.timestamp('created_at', 'nullable');
  const raw = r.string('status', 'optional', { nonEmpty: true, max: 256 }) ?? defaultStatus;
  const status = raw === undefined ? undefined : timingStatusKey(raw, labels);
  return compact<OrderPatch>({
    id: r.id('id'),
    source: 'timing',
    status,
    // Translated by the server: keep its wording beside the key.
    statusLabel: raw === status ? undefined : raw,
    notes: r.string('notes', 'optional'),
    customerName,
    total: r.decimal('total', 'optional'),
    items: r.readers('items', 'optional')?.map(readItem),
    createdAt: r.has('created_at') ? createdAt : undefined,
    updatedAt: r.timestamp('updated_at', 'nullable') ?? fallbackTime ?? createdAt ?? nowIso(),
  });
}

// A new order without a status is, by definition, pending.
const created: MessageHandler = (r) => [
  { kind: 'order/created', order: normalizeTimingOrder(r.reader('order'), r.timestamp('timestamp', 'nullable'), 'pending') },
];

const statusChanged: MessageHandler = (r) => {
  const order = normalizeTimingOrder(r.reader('order'), r.timestamp('timestamp', 'nullable'));
  // The document puts the new status beside the order; the real server inside it.
  const status = r.string('status', 'optional', { nonEmpty: true, max: 256 }) ?? order.status ?? r.fail('status', 'is required');
  return [{ kind: 'order/upsert', order: { ...order, status } }];
};

const connected: MessageHandler = (r) => [
  { kind: 'session/established', userId: r.id('userId', 'nullable'), username: r.string('username', 'nullable') },
];

const handlers: Readonly<Record<string, MessageHandler>> = {
  newOrder: created,
  orderStatusUpdate: statusChanged,
  new_order: created,
  order_status_update: statusChanged,
  connected,
};

/** Parse one Timing frame: JSON text or a Socket.IO `{ event, data }` object. Never throws. */
export function parseTiming(frame: unknown): ParseResult {
  return guard('timing', (): StoreEvent[] => {
    const decoded = decodeFrame(frame, 'timing');
    if (!decoded.ok) return reject(decoded.error);
    const root = new FieldReader(decoded.value, 'timing');
    // Socket.IO: the event name selects the handler and `data` is the message.
    const isEvent = root.has('event') && !root.has('type');
    const name = isEvent ? root.string('event', 'required', { max: 128 }) : root.string('type', 'required', { max: 128 });
    if (!Object.hasOwn(handlers, name)) reject(`timing: unknown ${isEvent ? 'event' : 'message type'} ${preview(name)}`);
    const message = new FieldReader(decoded.value, `timing ${name}`);
    return handlers[name]!(isEvent ? new FieldReader(message.object('data'), `timing ${name}`) : message);
  });
}

/** The Timing feed dialect: token in the Socket.IO handshake, no application ping. */
export const timingDialect: Dialect<TimingCommand> = {
  name: 'timing',
  token: 'socketio-auth',
  parse: parseTiming,
  encode: () => '',
};

/** A parsed REST order, or why not. */
export type TimingOrderResult = { ok: true; order: OrderPatch } | { ok: false; error: string };
/** A parsed REST order list; `invalid` holds the errors of entries that were skipped. */
export type TimingOrderListResult = { ok: true; orders: OrderPatch[]; invalid: string[] } | { ok: false; error: string };

/** Parse `GET /api/orders/:id/status` (`{ data: order }`, with `success` today) or a bare order. Never throws. */
export function parseTimingOrder(body: unknown, labels?: TimingStatusLabels): TimingOrderResult {
  const result = guardValue('timing order', () => {
    const decoded = decodeJson(body, 'timing order');
    if (!isPlainObject(decoded)) return reject(`timing order: body must be a JSON object (got ${describe(decoded)})`);
    const root = new FieldReader(decoded, 'timing order');
    return normalizeTimingOrder(root.has('data') ? root.reader('data') : root, null, undefined, labels);
  });
  return result.ok ? { ok: true, order: result.value } : result;
}

/**
 * Parse `GET /api/admin/orders`: an array, `{ data: [...] }` (the document), or
 * `{ success, data: { orders: [...], count } }` (the server today). A bad entry is skipped and
 * reported in `invalid` rather than losing the whole list. Never throws.
 */
export function parseTimingOrderList(body: unknown, labels?: TimingStatusLabels): TimingOrderListResult {
  const label = 'timing order list';
  const result = guardValue(label, () => {
    const decoded = decodeJson(body, label);
    const wrapped = isPlainObject(decoded);
    let list: unknown = decoded;
    let nested = false;
    if (wrapped) {
      const root = new FieldReader(decoded, label);
      const data = root.raw('data');
      if (data === undefined || data === null) root.fail('data', 'is required');
      nested = isPlainObject(data);
      list = nested ? root.reader('data').array('orders') : data;
      if (!Array.isArray(list)) root.fail('data', `must be an array or { orders: [...] } (got ${describe(data)})`);
    } else if (!Array.isArray(list)) reject(`${label}: body must be an array or { data: [...] } (got ${describe(decoded)})`);
    const orders: OrderPatch[] = [];
    const invalid: string[] = [];
    (list as unknown[]).forEach((entry, i) => {
      const path = `${nested ? 'data.orders' : wrapped ? 'data' : ''}[${i}].`;
      const one = guardValue(label, () =>
        isPlainObject(entry) ? normalizeTimingOrder(new FieldReader(entry, label, path), null, undefined, labels) : reject(`${label}: "${path.slice(0, -1)}" must be an object (got ${describe(entry)})`),
      );
      if (one.ok) orders.push(one.value);
      else invalid.push(one.error);
    });
    return { orders, invalid };
  });
  return result.ok ? { ok: true, ...result.value } : result;
}
