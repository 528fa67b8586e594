import { useCallback, useState } from 'react';
import { usePoll } from '../../hooks/usePoll';
import { useMountedRef } from '../../hooks/useMountedRef';
import { loadTimingOrder } from './timingActions';
import { timingBackend } from './timingBackend';
import type { Order } from '../orders/types';
import { orderKey } from '../orders/ordersSlice';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

export interface OrderTrackingOptions {
  /**
   * Also listen on the Timing socket. The real Timing feed is admin-only, so customers poll;
   * pass `true` when the viewer may join it. @default false
   */
  socket?: boolean;
  /**
   * How often to poll `GET /api/orders/:id/status` while no socket is open, in ms. After a
   * failure the poll waits longer (twice each time, at most 8×), and a 429 at least its
   * `Retry-After`. @default 30000
   */
  pollInterval?: number;
}

export interface OrderTrackingResult {
  order: Order | undefined;
  /** `live` while the socket is open, `polling` otherwise, `idle` for an unusable id. */
  mode: 'live' | 'polling' | 'idle';
  /** True until the first answer (socket or poll) arrived. */
  loading: boolean;
  /** The last failure (a bad id, a failed poll), or null. */
  error: string | null;
  /** Poll now. */
  refresh(): void;
}

/**
 * A customer's view of one Timing order: live from the socket when one is open, otherwise
 * polled over REST (needs `apiUrl`) every `pollInterval` — so it keeps working when no
 * socket can be had.
 */
export function useOrderTracking(orderId: string | number | undefined, options: OrderTrackingOptions = {}): OrderTrackingResult {
  const { socket = false } = options;
  // 0, a negative number or NaN would poll the REST API in a tight loop: use the default.
  const pollInterval = typeof options.pollInterval === 'number' && options.pollInterval > 0 ? options.pollInterval : 30_000;
  const client = useRealtimeClient();
  const id = orderId === undefined || orderId === null || String(orderId).trim() === '' ? null : String(orderId);
  useSubscription(timingBackend, undefined, socket && id !== null);
  const order = useRealtimeState((s) => (id === null ? undefined : s.orders.byId[orderKey({ source: 'timing', id })]));
  const live = useRealtimeState((s) => socket && s.connections.timing?.status === 'open');
  const [error, setError] = useState<string | null>(null);
  const mounted = useMountedRef();
  const load = useCallback(
    (key: string) =>
      loadTimingOrder(client, key).then(
        () => void (mounted.current && setError(null)),
        (cause: Error) => {
          if (mounted.current) setError(cause.message);
          throw cause; // the poll backs off (and honours a 429's Retry-After)
        },
      ),
    [client],
  );
  // Also works while live: a one-off reload, on demand (its failure shows in `error`).
  const refresh = useCallback(() => void (id !== null && load(id).catch(() => undefined)), [id, load]);
  usePoll(() => (id === null ? Promise.resolve() : load(id)), pollInterval, id !== null && !live, id);

  if (id === null) return { order: undefined, mode: 'idle', loading: false, error: 'orderId is required: pass the id of the order to track.', refresh };
  return { order, mode: live ? 'live' : 'polling', loading: order === undefined && error === null, error, refresh };
}
