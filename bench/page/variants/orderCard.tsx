/**
 * Our side of the component rows: the kit's drop-in `OrderCard`, as an app drops it in (its own
 * per-order socket through `useOrderSocket`, change highlight on by default), with
 * `dist/styles.css` (bench/page/components.tsx loads it).
 */
import type { ReactElement, ReactNode } from 'react';
import { createRealtimeClient, OrderCard, RealtimeProvider } from 'react-realtime-kit';
import { bench, config } from '../harness';

const client = createRealtimeClient({
  url: config.base,
  heartbeat: false,
  limits: config.budget > 0 ? { socketBudget: config.budget } : undefined,
  onError: (error) => bench.error(error.code, error.message),
});

export function Root({ children }: { children: ReactNode }): ReactElement {
  return <RealtimeProvider client={client}>{children}</RealtimeProvider>;
}

/** `highlight=<ms>` in the page's query sets highlightFor (the default, 1500 ms, when absent). */
const highlight = new URLSearchParams(location.search).get('highlight');
const highlightFor = highlight === null ? undefined : Number(highlight);

export function Card({ index, orderId }: { index: number; orderId: number }): ReactElement {
  return <OrderCard orderId={orderId} data-card={index} {...(highlightFor === undefined ? {} : { highlightFor })} />;
}
