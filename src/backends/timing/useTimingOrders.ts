import { useCallback } from 'react';
import { loadTimingOrders, updateOrderStatus as updateStatus } from './timingActions';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { timingBackend } from './timingBackend';
import type { Order } from '../orders/types';
import type { OrdersSlice } from '../orders/types';
import { useActionState } from '../../hooks/useActionState';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

const newestFirst = (a: Order, b: Order): number => (b.createdAt ?? '').localeCompare(a.createdAt ?? '');

// Derived once per orders slice (not per store change, nor per mounted board): chat or
// notification traffic leaves the slice, and so this list, untouched.
const derived = new WeakMap<OrdersSlice, Order[]>();
function timingOrdersOf(slice: OrdersSlice): Order[] {
  let list = derived.get(slice);
  if (!list) {
    list = slice.ids.filter((key) => key.startsWith('timing:')).map((key) => slice.byId[key]!).sort(newestFirst);
    derived.set(slice, list);
  }
  return list;
}

export interface TimingOrdersResult {
  /** Timing orders, newest first. */
  orders: Order[];
  /** The newest order announced live (for a "new order" banner), or undefined. */
  latestOrder: Order | undefined;
  status: ConnectionStatus;
  /** Change a status over REST: shown at once, rolled back if the server refuses. Resolves `true` on success. */
  updateOrderStatus(id: string | number, status: string): Promise<boolean>;
  /** Order ids whose status change is in flight. */
  pending: Record<string, boolean>;
  /** The last failure, worded for people, or null. */
  error: string | null;
  /** Reload the whole list over REST. */
  refresh(): Promise<boolean>;
}

/**
 * The Timing restaurant feed for admins: every order, live (`new_order`,
 * `order_status_update`), reloaded over REST on every (re)connect since the feed has no replay.
 * Needs `apiUrl` for actions and reloads; reach the real Socket.IO server with
 * `backends: { timing: { transport: socketIoTransport() } }`.
 */
export function useTimingOrders(): TimingOrdersResult {
  const client = useRealtimeClient();
  useSubscription(timingBackend);
  const orders = useRealtimeState((s) => timingOrdersOf(s.orders));
  const latestOrder = useRealtimeState((s) => (s.orders.latestCreatedId ? s.orders.byId[s.orders.latestCreatedId] : undefined));
  const status = useRealtimeState((s) => s.connections.timing?.status ?? 'idle');
  const { pending, error, run } = useActionState();
  const updateOrderStatus = useCallback((id: string | number, next: string) => run(String(id), () => updateStatus(client, id, next)), [client, run]);
  const refresh = useCallback(() => run('*', () => loadTimingOrders(client)), [client, run]);
  return { orders, latestOrder, status, updateOrderStatus, pending, error, refresh };
}
