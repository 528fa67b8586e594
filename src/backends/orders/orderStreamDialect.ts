/**
 * The per-order stream of the game-boosting shop (PROTOCOLS.md §1): one socket per order at
 * `ws/orders/<id>/`, no auth, a snapshot `order.update` on connect, nothing accepted inbound.
 */
import type { OrderPatch } from './types';
import type { Dialect, ParseResult } from '../../core/Dialect';
import { parseTypedWith, preview, ScalarFieldReader } from '../../validation/validate';

/** The only message: the order's current state. Sent on connect and after every change. */
export interface OrderUpdateMessage {
  type: 'order.update';
  order_id: number | string;
  /** `New`, `Droped` (sic), `Extend`, `Done`, `Continue`; unknown values are kept. Null (deployed server) leaves it alone. */
  status: string | null;
  /** 0..100. */
  progress: number | null;
  /**
   * Decimal string, e.g. `"85.50"` (numbers accepted too). The deployed server sends `str(float)`:
   * `"42.35000000000001"` reads as a number, `"None"` is reported and leaves the price alone.
   */
  booster_price: string | number | null;
  actual_price: string | number | null;
  booster_id: number | string | null;
  booster_username: string | null;
  reached_rank: string | null;
  reached_division: number | null;
  reached_marks: number | null;
  message: string | null;
  timestamp: string;
}

/** Every message the order stream sends. */
export type OrderStreamMessage = OrderUpdateMessage;

/** The order stream accepts no commands. */
export type OrderStreamCommand = never;

/** The order status values the real server uses. Others are kept and rendered neutrally. */
export const orderStreamStatuses = ['New', 'Droped', 'Extend', 'Done', 'Continue'] as const;

// `<wire key>:<reader>`, read in this order; the patch key is the wire key in camelCase.
const FIELDS = 'status:string progress:number booster_price:decimal actual_price:decimal booster_id:id booster_username:string reached_rank:string reached_division:integer reached_marks:integer message:string';
const OPTIONS: Record<string, object> = { status: { nonEmpty: true, max: 256 }, progress: { min: 0, max: 100 } };

// Only the id is required: any other unusable field (the deployed server's `"None"` price, say)
// is left out of the patch and reported once with the frame, and the rest is applied.
// [wire key, reader, patch key], split once: this runs for every frame of every order socket.
const FIELD_LIST = FIELDS.split(' ').map((field) => {
  const [key, type] = field.split(':') as [string, 'string'];
  return [key, type, key.replace(/_(.)/g, (_, c: string) => c.toUpperCase())] as const;
});

function orderUpdate(r: ScalarFieldReader): OrderPatch {
  const patch: Record<string, unknown> = { id: r.id('order_id'), source: 'orderStream' };
  for (const [key, type, name] of FIELD_LIST) {
    // An absent field leaves the order's value alone: nothing to read (most frames carry a few).
    if (r.raw(key) === undefined) continue;
    const value = r.soft(() => r[type](key, 'optional', OPTIONS[key]));
    // A null status (the deployed server's column is nullable) leaves the status alone.
    if (value !== undefined && (value !== null || key !== 'status')) patch[name] = value;
  }
  patch.updatedAt = r.timestamp('timestamp');
  return patch as OrderPatch;
}

/** Parse one order-stream frame. Never throws. */
export function parseOrderStream(frame: unknown): ParseResult {
  // Scalars only: the lighter reader keeps FieldReader's nested readers out of orders-only bundles.
  return parseTypedWith(ScalarFieldReader, 'orderStream', frame, {
    'order.update': (r) => [{ kind: 'order/upsert', order: orderUpdate(r) }],
  });
}

/** The per-order stream dialect: no token, no heartbeat, no commands. */
export const orderStreamDialect: Dialect<OrderStreamCommand> = {
  name: 'orderStream',
  token: 'none',
  parse: parseOrderStream,
  // Nothing can be sent; the server ignores inbound frames anyway.
  encode: () => '',
};

function describeId(value: unknown): string {
  if (typeof value === 'string') return preview(value);
  if (typeof value === 'number' || value === undefined || value === null) return String(value);
  return typeof value;
}

/**
 * The socket path for one order, `ws/orders/<id>/`.
 * @param orderId a positive integer, or its decimal text (e.g. a route parameter)
 * @throws TypeError naming the fix when `orderId` is not a positive integer
 */
export function orderStreamPath(orderId: number | string): string {
  const ok =
    (typeof orderId === 'number' && Number.isSafeInteger(orderId) && orderId > 0) ||
    (typeof orderId === 'string' && /^[1-9]\d{0,15}$/.test(orderId) && Number.isSafeInteger(Number(orderId)));
  if (!ok) {
    throw new TypeError(`orderId must be a positive integer (got ${describeId(orderId)}). Pass the numeric id of the order to watch.`);
  }
  return `ws/orders/${String(orderId)}/`;
}
