/**
 * Their side of the component rows: react-use-websocket 4.13 feeding the kit's render-only
 * `OrderCardView`, so both sides put the same DOM on screen from the same frames. One socket
 * per order URL (`ws/orders/<id>/`, `share: true`, as their docs recommend for many consumers),
 * `lastJsonMessage` mapped to the card's order, `readyState` to its connection state.
 */
import { Fragment, useMemo, type ReactElement, type ReactNode } from 'react';
import { OrderCardView, type ConnectionStatus, type Order } from 'react-realtime-kit';
import { config } from '../harness';
import { useWebSocket } from '../ruwHook';

interface OrderFrame {
  order_id: number;
  status: string;
  progress: number | null;
  timestamp: string;
}

// react-use-websocket's ReadyState: CONNECTING 0, OPEN 1, CLOSING 2, CLOSED 3, UNINSTANTIATED -1.
const connection: Record<number, ConnectionStatus> = { [-1]: 'idle', 0: 'connecting', 1: 'open', 2: 'closed', 3: 'closed' };

export function Root({ children }: { children: ReactNode }): ReactElement {
  return <Fragment>{children}</Fragment>;
}

export function Card({ index, orderId }: { index: number; orderId: number }): ReactElement {
  const { lastJsonMessage, readyState } = useWebSocket<OrderFrame | null>(`${config.base}/ws/orders/${orderId}/`, { share: config.share });
  const order = useMemo<Order | undefined>(
    () => (lastJsonMessage ? { id: String(lastJsonMessage.order_id), status: lastJsonMessage.status, progress: lastJsonMessage.progress, updatedAt: lastJsonMessage.timestamp, source: 'orderStream' } : undefined),
    [lastJsonMessage],
  );
  return <OrderCardView orderId={orderId} order={order} status={connection[readyState] ?? 'idle'} data-card={index} />;
}
