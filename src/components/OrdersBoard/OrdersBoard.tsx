import type { ReactElement } from 'react';
import { useConnectionStatus } from '../../hooks/useConnectionStatus';
import { useTimingOrders } from '../../backends/timing/useTimingOrders';
import { OrdersBoardView, type OrdersBoardViewProps } from './OrdersBoardView';

/** Everything but the live data, which comes from `useTimingOrders()`. */
export type OrdersBoardProps = Omit<
  OrdersBoardViewProps,
  'orders' | 'latestOrder' | 'status' | 'attempt' | 'pending' | 'error' | 'onStatusChange' | 'onRetry'
>;

/**
 * The Timing restaurant's admin board, live: every order from the `timing` feed (reach the
 * real Socket.IO server with `backends: { timing: { transport: socketIoTransport() } }`),
 * status changes over REST (`apiUrl`), shown at once and rolled back with the server's
 * reason if refused. Needs a `<RealtimeProvider>` and an admin token.
 */
export function OrdersBoard(props: OrdersBoardProps): ReactElement {
  const { orders, latestOrder, status, updateOrderStatus, pending, error, refresh } = useTimingOrders();
  const { attempt } = useConnectionStatus('timing');
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
      onStatusChange={(id, next) => void updateOrderStatus(id, next)}
      onRetry={() => void refresh()}
    />
  );
}
