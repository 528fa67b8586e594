import { parseTimingOrder, parseTimingOrderList } from '../../protocols/timing';
import type { Order } from '../events';
import { fillPath } from '../restPaths';
import { orderKey } from '../store/ordersReducer';
import { call, invalidBody, type ActionClient } from './callRest';

/** Load the Timing admin order list into the store (also used to resync after a reconnect). */
export function loadTimingOrders(client: ActionClient): Promise<void> {
  const { rest, restPaths: paths, dispatch } = client;
  return call(client, async () => {
    const result = parseTimingOrderList(await rest.request('GET', paths.timingOrders));
    if (!result.ok) invalidBody(`GET ${paths.timingOrders}`, result.error);
    dispatch({ endpoint: 'timing', event: { kind: 'orders/snapshot', orders: result.orders } });
  }, 'loading the Timing orders');
}

/** Load one Timing order (customer tracking, and its polling fallback). */
export function loadTimingOrder(client: ActionClient, id: string | number): Promise<Order | undefined> {
  const { rest, restPaths: paths, dispatch, flush } = client;
  return call(client, async () => {
    const path = fillPath(paths.timingOrderStatus, id);
    const result = parseTimingOrder(await rest.request('GET', path));
    if (!result.ok) invalidBody(`GET ${path}`, result.error);
    dispatch({ endpoint: 'timing', event: { kind: 'orders/snapshot', orders: [result.order] } });
    flush();
    return client.store.getState().orders.byId[orderKey(result.order)];
  }, `loading order ${id}`);
}

/**
 * Change a Timing order's status: shown at once, rolled back if the server refuses (the
 * failure is reported through `onError` and the promise rejects).
 */
export async function updateOrderStatus(client: ActionClient, id: string | number, status: string): Promise<void> {
  const { rest, restPaths: paths, dispatch, flush } = client;
  const getState = () => client.store.getState();
  flush();
  const key = orderKey({ source: 'timing', id: String(id) });
  const before = getState().orders.byId[key];
  if (before) dispatch({ endpoint: 'timing', event: { kind: 'order/replace', order: { ...before, status, previousStatus: before.status } } });
  flush(); // a person's own action shows at once, not on the next frame
  let answer: unknown;
  try {
    answer = await call(client, () => rest.request('PUT', fillPath(paths.timingUpdateStatus, id), { status }), `updating order ${id} to ${status}`);
  } catch (error) {
    flush();
    // Roll back only our own optimistic change, not a newer one the socket brought meanwhile.
    if (before && getState().orders.byId[key]?.status === status) dispatch({ endpoint: 'timing', event: { kind: 'order/replace', order: before } });
    throw error;
  }
  // The broadcast confirming our own change equals what the store already shows, so it is
  // merged as a duplicate and the order would keep its time from before the change: take
  // the change's time from the server's answer (`{ data: order }`), only ever forwards.
  const confirmed = parseTimingOrder(answer);
  flush();
  const current = getState().orders.byId[key];
  if (confirmed.ok && confirmed.order.status === status && current?.status === status && confirmed.order.updatedAt && Date.parse(confirmed.order.updatedAt) > Date.parse(current.updatedAt)) {
    dispatch({ endpoint: 'timing', event: { kind: 'order/replace', order: { ...current, updatedAt: confirmed.order.updatedAt } } });
  }
}
