import { useEffect, useState, type ReactElement } from 'react';
import { useOrderSocket } from '../../backends/orders/useOrderSocket';
import { OrderCardView, type OrderCardViewProps } from './OrderCardView';

export interface OrderCardProps extends Omit<OrderCardViewProps, 'order' | 'status' | 'notFound' | 'error' | 'highlight' | 'changeKey' | 'highlightFor' | 'orderId'> {
  /** The order to watch live on `ws/orders/<id>/` (one socket shared by every card on this id). */
  orderId: number | string | undefined;
  /** How long after the socket opened, with no snapshot, to leave Loading for "No data from the server", in ms. @default 5000 */
  notFoundAfter?: number;
  /**
   * How long a change stays highlighted, in ms: `data-changed` is set in the render that shows
   * the change (no second render) and removed this long after the latest change, when the ring
   * fades out (reduced motion: no fade). 0 turns it off. @default 1500
   */
  highlightFor?: number;
}

/**
 * A live card for one order: status, progress, booster price, booster, reached rank, last
 * update, and the socket's state. It re-renders only when this order or its socket changed.
 */
export function OrderCard(props: OrderCardProps): ReactElement {
  // A new id is a new card: its not-found timer and change highlight start afresh.
  return <LiveOrderCard key={String(props.orderId)} {...props} />;
}

function LiveOrderCard({ orderId, notFoundAfter = 5000, highlightFor = 1500, ...rest }: OrderCardProps): ReactElement {
  const { order, status, lastEvent, error } = useOrderSocket(orderId);
  const [notFound, setNotFound] = useState(false);

  useEffect(() => {
    if (order || status !== 'open') return undefined;
    const timer = setTimeout(() => setNotFound(true), notFoundAfter);
    return () => clearTimeout(timer);
  }, [order, status, notFoundAfter]);

  // The first snapshot is not a change: the view highlights from the second value of changeKey on.
  return <OrderCardView {...rest} orderId={orderId} order={order} status={status} error={error} notFound={notFound && !order} changeKey={lastEvent} highlightFor={highlightFor} />;
}
