/**
 * Their side: react-use-websocket 4.13 as its docs recommend for many consumers: `share: true`
 * (one socket per URL) and a `filter` per component so that only the card whose order the
 * message is about updates; `lastJsonMessage` for the value.
 */
import { Fragment, useRef, type ReactElement, type ReactNode } from 'react';
import { config } from '../harness';
import { useWebSocket } from '../ruwHook';

interface OrderFrame {
  order_id: number;
  status: string;
}

const multiUrl = `${config.base}/ws/admin/dashboard/`;

export function Root({ children }: { children: ReactNode }): ReactElement {
  return <Fragment>{children}</Fragment>;
}

function useFiltered(orderId: number): string | undefined {
  const { lastJsonMessage } = useWebSocket<OrderFrame | null>(multiUrl, {
    share: config.share,
    filter: (message) => (JSON.parse(message.data as string) as OrderFrame).order_id === orderId,
  });
  return lastJsonMessage?.status;
}

/** Without a filter every card gets every message and keeps the last one about its order. */
function useUnfiltered(orderId: number): string | undefined {
  const { lastJsonMessage } = useWebSocket<OrderFrame | null>(multiUrl, { share: config.share });
  const mine = useRef<string | undefined>(undefined);
  if (lastJsonMessage && lastJsonMessage.order_id === orderId) mine.current = lastJsonMessage.status;
  return mine.current;
}

function usePerOrder(orderId: number): string | undefined {
  const { lastJsonMessage } = useWebSocket<OrderFrame | null>(`${config.base}/ws/orders/${orderId}/`, { share: config.share });
  return lastJsonMessage?.status;
}

export const useCardStatus = config.stream === 'perOrder' ? usePerOrder : config.filter ? useFiltered : useUnfiltered;
