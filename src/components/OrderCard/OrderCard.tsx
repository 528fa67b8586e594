import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useOrderSocket } from '../../backends/orders/useOrderSocket';
import { OrderCardView, type OrderCardViewProps } from './OrderCardView';

export interface OrderCardProps extends Omit<OrderCardViewProps, 'order' | 'status' | 'notFound' | 'error' | 'highlight' | 'orderId'> {
  /** The order to watch live on `ws/orders/<id>/` (one socket shared by every card on this id). */
  orderId: number | string | undefined;
  /** How long after the socket opened, with no snapshot, to leave Loading for "No data from the server", in ms. @default 5000 */
  notFoundAfter?: number;
  /** How long a change stays highlighted, in ms. 0 turns it off. @default 1500 */
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
  const [highlight, setHighlight] = useState(false);
  const seen = useRef(lastEvent);

  useEffect(() => {
    if (order || status !== 'open') return undefined;
    const timer = setTimeout(() => setNotFound(true), notFoundAfter);
    return () => clearTimeout(timer);
  }, [order, status, notFoundAfter]);

  useEffect(() => {
    // The first snapshot is not a change; later events are.
    const previous = seen.current;
    seen.current = lastEvent;
    if (!previous || !lastEvent || previous === lastEvent || highlightFor <= 0) return undefined;
    setHighlight(true);
    const timer = setTimeout(() => setHighlight(false), highlightFor);
    return () => clearTimeout(timer);
  }, [lastEvent, highlightFor]);

  return <OrderCardView {...rest} orderId={orderId} order={order} status={status} error={error} notFound={notFound && !order} highlight={highlight} />;
}
