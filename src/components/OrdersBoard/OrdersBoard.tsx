import type { ReactElement } from 'react';
import { useEventCallback } from '../../componentUtils/useEventCallback';
import { useConnectionStatus } from '../../hooks/useConnectionStatus';
import { useTimingOrders, type TimingOrdersOptions } from '../../backends/timing/useTimingOrders';
import type { TimingStatus } from '../../backends/timing/timingDialect';
import { OrdersBoardView, type OrdersBoardViewProps } from './OrdersBoardView';

/** Everything but the live data, which comes from `useTimingOrders()`. */
export type OrdersBoardProps = Omit<
  OrdersBoardViewProps,
  'orders' | 'latestOrder' | 'status' | 'attempt' | 'pending' | 'error' | 'onStatusChange' | 'onRetry'
> &
  TimingOrdersOptions;

/**
 * The Timing restaurant's admin board, live: every order from the `timing` feed where there is
 * a socket (reach a Socket.IO server with `backends: { timing: { transport: socketIoTransport() } }`),
 * polled over REST otherwise (today's server: `socket={false}`), status changes over REST
 * (`apiUrl`), shown at once and rolled back with the server's reason if refused. Needs a
 * `<RealtimeProvider>` and an admin token.
 */
export function OrdersBoard({ socket, pollInterval, ...props }: OrdersBoardProps): ReactElement {
  const { orders, latestOrder, status, updateOrderStatus, pending, error, refresh } = useTimingOrders({ socket, pollInterval });
  const { attempt } = useConnectionStatus('timing');
  // Stable across renders, so a status change re-renders only the row whose order changed.
  const onStatusChange = useEventCallback((id: string, next: TimingStatus) => void updateOrderStatus(id, next));
  const onRetry = useEventCallback(() => void refresh());
  return (
    <OrdersBoardView
      {...props}
      orders={orders}
      latestOrder={latestOrder}
      status={status}
      attempt={attempt}
      pending={pending}
      error={error}
      // The hook resolves false and sets `error` on failure, so nothing is left unhandled here.
      onStatusChange={onStatusChange}
      onRetry={onRetry}
    />
  );
}
