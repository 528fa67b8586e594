/** Our side: the kit's client, provider and hooks, as an app would use them. */
import type { ReactElement, ReactNode } from 'react';
import { adminBackend, createRealtimeClient, RealtimeProvider, useOrderSocket, useRealtimeState, useSubscription } from 'react-realtime-kit';
import { bench, config } from '../harness';

const client = createRealtimeClient({
  url: config.base,
  heartbeat: false,
  // The bench server has no REST API and sends nothing on request.
  backends: { admin: { onOpen: undefined } },
  limits: config.budget > 0 ? { socketBudget: config.budget } : undefined,
  onError: (error) => bench.error(error.code, error.message),
});

export function Root({ children }: { children: ReactNode }): ReactElement {
  return <RealtimeProvider client={client}>{children}</RealtimeProvider>;
}

/** Many orders on one socket: the admin dashboard's order_update stream, one selector per card. */
function useMultiOrder(orderId: number): string | undefined {
  useSubscription(adminBackend); // registers the admin backend, whose order_update feeds the orders slice
  return useRealtimeState((s) => s.orders.byId[orderId])?.status;
}

/** One order per socket: ws/orders/<id>/, shared by every card on that id. */
function usePerOrder(orderId: number): string | undefined {
  return useOrderSocket(orderId).order?.status;
}

export const useCardStatus = config.stream === 'multi' ? useMultiOrder : usePerOrder;
