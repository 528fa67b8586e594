import { fillPath } from '../../core/endpointUrl';
import { call, invalidBody } from '../../core/callRest';
import { restOf } from '../../core/restOf';
import type { RealtimeClient } from '../../core/RealtimeClient';
import { own } from '../../core/store/records';
import { orderKey } from '../orders/ordersSlice';
import type { Order, OrderEvent } from '../orders/types';
import { labelsOf, timingBackend } from './timingBackend';
import { parseTimingOrder } from './timingDialect';

export { loadTimingOrders } from './timingBackend';

function dispatchOrders(client: RealtimeClient, event: OrderEvent): void {
  client.dispatch({ endpoint: 'timing', event });
}

/** Load one Timing order (customer tracking, and its polling fallback). */
export function loadTimingOrder(client: RealtimeClient, id: string | number): Promise<Order | undefined> {
  const rest = restOf(client);
  const { flush } = client;
  const { restPaths: paths, dialect } = client.use(timingBackend);
  return call(client, async () => {
    const path = fillPath(paths['orderStatus']!, id);
    const result = parseTimingOrder(await rest.request('GET', path), labelsOf(dialect));
    if (!result.ok) invalidBody(`GET ${path}`, result.error);
    dispatchOrders(client, { kind: 'orders/snapshot', orders: [result.order] });
    flush();
    return own(client.store.getState().orders.byId, orderKey(result.order));
  }, `loading order ${id}`);
}

/**
 * Change a Timing order's status: shown at once, rolled back if the server refuses (the
 * failure is reported through `onError` and the promise rejects).
 */
export async function updateOrderStatus(client: RealtimeClient, id: string | number, status: string): Promise<void> {
  const rest = restOf(client);
  const { flush } = client;
  const paths = client.use(timingBackend).restPaths;
  const getState = () => client.store.getState();
  flush();
  const key = orderKey({ source: 'timing', id: String(id) });
  const before = own(getState().orders.byId, key);
  // The server's translated label described the old status: drop it with the change.
  if (before) dispatchOrders(client, { kind: 'order/replace', order: { ...before, status, previousStatus: before.status, statusLabel: undefined } });
  flush(); // a person's own action shows at once, not on the next frame
  let answer: unknown;
  try {
    answer = await call(client, () => rest.request('PUT', fillPath(paths['updateStatus']!, id), { status }), `updating order ${id} to ${status}`);
  } catch (error) {
    flush();
    // Roll back only our own optimistic change, not a newer one the socket brought meanwhile.
    if (before && own(getState().orders.byId, key)?.status === status) dispatchOrders(client, { kind: 'order/replace', order: before });
    throw error;
  }
  // The broadcast confirming our own change equals what the store already shows, so it is
  // merged as a duplicate and the order would keep its time from before the change: take
  // the change's time from the server's answer (`{ data: order }`), only ever forwards.
  const confirmed = parseTimingOrder(answer);
  flush();
  const current = own(getState().orders.byId, key);
  if (confirmed.ok && confirmed.order.status === status && current?.status === status && confirmed.order.updatedAt && Date.parse(confirmed.order.updatedAt) > Date.parse(current.updatedAt)) {
    dispatchOrders(client, { kind: 'order/replace', order: { ...current, updatedAt: confirmed.order.updatedAt } });
  }
}
