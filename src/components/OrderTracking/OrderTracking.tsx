import type { ReactElement } from 'react';
import { useOrderTracking } from '../../backends/timing/useOrderTracking';
import { OrderTrackingView, type OrderTrackingViewProps } from './OrderTrackingView';

export interface OrderTrackingProps extends Omit<OrderTrackingViewProps, 'orderId' | 'order' | 'mode' | 'loading' | 'error' | 'notFound' | 'onRefresh'> {
  /** The Timing order to follow. */
  orderId: string | number | undefined;
  /**
   * Also listen on the Timing socket (the real feed is admin-only, so customers usually
   * poll). @default false
   */
  socket?: boolean;
  /** How often to poll `GET /api/orders/:id/status` while no socket is open, in ms (also shown as "Updated every …"). @default 30000 */
  pollInterval?: number;
}

// The hook reports failures as text; the REST client words a missing order as
// "GET /api/orders/9/status answered 404: …", which is the only not-found signal it gives.
const NOT_FOUND = /\banswered 404\b/;

/**
 * A customer's live timeline for one Timing order: from the socket when `socket` is set and
 * open, otherwise polled over REST (`apiUrl`) every `pollInterval` ms. Needs a `<RealtimeProvider>`.
 */
export function OrderTracking({ orderId, socket = false, pollInterval = 30_000, ...rest }: OrderTrackingProps): ReactElement {
  const { order, mode, loading, error, refresh } = useOrderTracking(orderId, { socket, pollInterval });
  return (
    <OrderTrackingView
      {...rest}
      orderId={orderId}
      order={order}
      mode={mode}
      loading={loading}
      error={error}
      notFound={!order && error !== null && NOT_FOUND.test(error)}
      pollInterval={pollInterval}
      onRefresh={mode === 'polling' ? refresh : undefined}
    />
  );
}
