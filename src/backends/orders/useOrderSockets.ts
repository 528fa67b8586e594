import { useEffect } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { ordersBackend } from './ordersBackend';
import type { Order } from './types';
import { orderIdError } from './useOrderSocket';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeShallow } from '../../hooks/useRealtimeState';

export interface OrderSocketsResult {
  /** One entry per usable id, in the order given; `undefined` until its snapshot arrived. */
  orders: (Order | undefined)[];
  /** Socket status per usable id. */
  statuses: ConnectionStatus[];
  /** The usable ids, as strings. */
  ids: string[];
  /** One message per id that was skipped. */
  errors: string[];
}

/**
 * Watch many orders, one per-order socket each (shared with any `useOrderSocket` on the same
 * id). For booster and manager boards of up to a few dozen orders. Beyond the client's socket
 * budget (default 200) sockets wait for a free slot: for hundreds of orders prefer a
 * multi-order stream (the admin dashboard's `order_update`, or the Timing feed).
 */
export function useOrderSockets(orderIds: readonly (number | string)[]): OrderSocketsResult {
  const client = useRealtimeClient();
  client.use(ordersBackend);
  const errors: string[] = [];
  const ids: string[] = [];
  for (const id of orderIds) {
    const error = orderIdError(id);
    if (error) errors.push(error);
    else if (!ids.includes(String(id))) ids.push(String(id));
  }
  const key = ids.join(',');
  useEffect(() => {
    const releases = key ? key.split(',').map((id) => client.subscribe(ordersBackend, id)) : [];
    return () => releases.forEach((release) => release());
  }, [client, key]);
  const orders = useRealtimeShallow((s) => ids.map((id) => s.orders.byId[id]));
  const statuses = useRealtimeShallow((s) => ids.map((id) => s.connections[`orders:${id}`]?.status ?? 'idle'));
  return { orders, statuses, ids, errors };
}
