import { useCallback, useState } from 'react';
import { loadTimingOrders, updateOrderStatus as updateStatus } from './timingActions';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { timingBackend } from './timingBackend';
import type { Order } from '../orders/types';
import type { OrdersSlice } from '../orders/types';
import { useActionState } from '../../hooks/useActionState';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { usePoll } from '../../hooks/usePoll';
import { useSubscription } from '../../hooks/useSubscription';

const newestFirst = (a: Order, b: Order): number => (b.createdAt ?? '').localeCompare(a.createdAt ?? '');

// Derived once per orders slice (not per store change, nor per mounted board): chat or
// notification traffic leaves the slice, and so this list, untouched.
const derived = new WeakMap<OrdersSlice, Order[]>();
function timingOrdersOf(slice: OrdersSlice): Order[] {
  let list = derived.get(slice);
  if (!list) {
    list = slice.ids.filter((key) => key.startsWith('timing:')).map((key) => slice.byId[key]!).filter((order) => order?.source === 'timing').sort(newestFirst);
    derived.set(slice, list);
  }
  return list;
}

export interface TimingOrdersOptions {
  /**
   * Listen on the Timing socket. Today's Timing server has none (REST only): pass `false` and
   * the board polls; with a socket, it still polls while the socket is not open. @default true
   */
  socket?: boolean;
  /**
   * How often to reload the list while no socket is open, in ms. The server allows 100
   * requests per 15 minutes per IP; unchanged lists cost no body (`If-None-Match`), and a 429
   * waits as long as its `Retry-After` says. @default 15000
   */
  pollInterval?: number;
}

export interface TimingOrdersResult {
  /** Timing orders, newest first. */
  orders: Order[];
  /** The newest order announced live (for a "new order" banner), or undefined. */
  latestOrder: Order | undefined;
  /**
   * The socket's state; with `socket: false`, the polling's: `connecting` until the first
   * answer, then `open` after a successful poll and `reconnecting` after a failed one.
   */
  status: ConnectionStatus;
  /** `live` while the socket is open, `polling` otherwise. */
  mode: 'live' | 'polling';
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
 * The Timing restaurant feed for admins: every order, live from the socket where there is one
 * (`new_order`, `order_status_update`; reloaded over REST on every reconnect since the feed has
 * no replay), polled over REST otherwise. Needs `apiUrl`. Reach a Socket.IO server with
 * `backends: { timing: { transport: socketIoTransport() } }`; today's server has no socket:
 * `useTimingOrders({ socket: false })`.
 */
export function useTimingOrders(options: TimingOrdersOptions = {}): TimingOrdersResult {
  const { socket = true } = options;
  const pollInterval = typeof options.pollInterval === 'number' && options.pollInterval > 0 ? options.pollInterval : 15_000;
  const client = useRealtimeClient();
  useSubscription(timingBackend, undefined, socket);
  const orders = useRealtimeState((s) => timingOrdersOf(s.orders));
  const latestOrder = useRealtimeState((s) => (s.orders.latestCreatedId ? s.orders.byId[s.orders.latestCreatedId] : undefined));
  const socketStatus = useRealtimeState((s) => s.connections.timing?.status ?? 'idle');
  const live = socket && socketStatus === 'open';
  const [polled, setPolled] = useState<ConnectionStatus>('connecting');
  const { pending, error, run } = useActionState();
  usePoll(
    () =>
      loadTimingOrders(client).then(
        () => setPolled('open'),
        (cause: unknown) => {
          setPolled('reconnecting');
          throw cause;
        },
      ),
    pollInterval,
    !live,
  );
  const status = socket ? socketStatus : polled;
  const updateOrderStatus = useCallback((id: string | number, next: string) => run(String(id), () => updateStatus(client, id, next)), [client, run]);
  const refresh = useCallback(() => run('*', () => loadTimingOrders(client)), [client, run]);
  return { orders, latestOrder, status, mode: live ? 'live' : 'polling', updateOrderStatus, pending, error, refresh };
}
