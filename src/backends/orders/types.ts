/** Where an order update came from. */
export type OrderSource = 'orderStream' | 'timing' | 'admin';

/** One line of a Timing order. */
export interface OrderItem {
  id: string;
  name: string;
  quantity: number;
  /** Unit price as sent (Thai baht on the Timing server). */
  price: number | null;
}

/**
 * An order, normalised across the three order sources (the per-order stream, the Timing feed,
 * the admin dashboard). Only fields a source knows are set; an update never erases a field it
 * does not carry.
 */
export interface Order {
  id: string;
  status: string;
  previousStatus?: string | null;
  progress?: number | null;
  boosterPrice?: number | null;
  actualPrice?: number | null;
  boosterId?: string | null;
  boosterUsername?: string | null;
  reachedRank?: string | null;
  reachedDivision?: number | null;
  reachedMarks?: number | null;
  message?: string | null;
  /** The server's own wording of `status` when it differs (a translated label such as "กำลังเตรียม"); show it if you like. */
  statusLabel?: string | null;
  /** The customer's note on the order (Timing). */
  notes?: string | null;
  customerName?: string | null;
  total?: number | null;
  items?: OrderItem[];
  createdAt?: string | null;
  /** ISO time of the last change, or the server's text when it could not be parsed. */
  updatedAt: string;
  source: OrderSource;
}

/** A partial order as carried by one frame. `id` and `source` are always set. */
export type OrderPatch = Partial<Order> & Pick<Order, 'id' | 'source'>;

/** Events that feed the orders slice (from any backend that carries orders). */
export type OrderEvent =
  | { kind: 'order/upsert'; order: OrderPatch }
  | { kind: 'order/created'; order: OrderPatch }
  /** Local: a REST snapshot of orders. */
  | { kind: 'orders/snapshot'; orders: OrderPatch[] }
  /** Local: an optimistic change or its rollback. */
  | { kind: 'order/replace'; order: Order };

export interface OrdersSlice {
  /** Orders by store key: the id, or `timing:<id>` for the Timing shop (see `orderKey`). */
  byId: Record<string, Order>;
  /** Store keys, newest first seen first. */
  ids: string[];
  /** The last event applied to each order, by store key. */
  lastEvent: Record<string, OrderEvent>;
  /** Store key of the newest order announced as created (Timing `new_order`). */
  latestCreatedId: string | null;
}
