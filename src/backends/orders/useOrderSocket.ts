import type { ConnectionStatus } from '../../core/ConnectionState';
import { ordersBackend } from './ordersBackend';
import type { Order, OrderEvent } from './types';
import { orderStreamPath } from './orderStreamDialect';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

export interface OrderSocketResult {
  /** The order, or `undefined` until its snapshot arrived (or when it does not exist). */
  order: Order | undefined;
  status: ConnectionStatus;
  /** The last event applied to this order (`order/upsert` from any source). */
  lastEvent: OrderEvent | undefined;
  /** Set when `orderId` is unusable; no socket is opened then. */
  error: string | null;
}

/** Why an order id cannot be watched, or null when it can. */
export function orderIdError(orderId: unknown): string | null {
  try {
    orderStreamPath(orderId as number);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Watch one order live on `ws/orders/<id>/`. Every component watching the same id shares one
 * socket, and re-renders only when that order (or its socket's status) changed. An unusable
 * id (undefined while a route loads, NaN, negative) opens nothing and returns `error`.
 */
export function useOrderSocket(orderId: number | string | undefined): OrderSocketResult {
  const error = orderIdError(orderId);
  const id = error ? '' : String(orderId);
  useSubscription(ordersBackend, error ? undefined : id, !error);
  // With an unusable id, `id` is '': no order, socket or event has that key.
  const order = useRealtimeState((s) => s.orders.byId[id]);
  const status = useRealtimeState((s) => s.connections[`orders:${id}`]?.status ?? 'idle');
  const lastEvent = useRealtimeState((s) => s.orders.lastEvent[id]);
  return { order, status, lastEvent, error };
}
