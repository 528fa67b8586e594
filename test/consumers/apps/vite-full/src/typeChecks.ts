// Type-checked, never bundled (main.tsx does not import it): the kit's types are real types,
// not `any`, so each @ts-expect-error below must meet an error.
import type { ComponentProps } from 'react';
import { createRealtimeClient, OrderCard, statusInfo, useOrderSocket, type Order, type RealtimeClient, type StatusInfo } from 'react-realtime-kit';

export function makeClient(): RealtimeClient {
  const client = createRealtimeClient({ url: 'ws://127.0.0.1:8000', token: 'demo' });
  // @ts-expect-error the client has no such method
  client.notAMethod();
  return client;
}

export const done: StatusInfo = statusInfo('Done');
export const doneLabel: string = done.label;
// @ts-expect-error a StatusInfo's label is a string
export const notANumber: number = statusInfo('Done').label;

export const cardProps: ComponentProps<typeof OrderCard> = { orderId: 101 };
// @ts-expect-error an order id is a number or a string
export const badCardProps: ComponentProps<typeof OrderCard> = { orderId: { id: 101 } };

export function useOrderStatus(id: number): string | undefined {
  const { order }: { order: Order | undefined } = useOrderSocket(id);
  return order?.status;
}
