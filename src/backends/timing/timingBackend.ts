import type { RestBackendDefinition } from '../../core/RealtimeClient';
import { applyBackendSettings } from '../../core/applyBackendSettings';
import { call, invalidBody } from '../../core/callRest';
import { restOf } from '../../core/restOf';
import type { RealtimeClient } from '../../core/RealtimeClient';
import { ordersSlice } from '../orders/ordersSlice';
import { parseTimingOrderList, timingDialect, type TimingCommand, type TimingStatusLabels } from './timingDialect';

/**
 * The Timing restaurant feed, `admin`: the documented raw-WebSocket shape (the real Socket.IO
 * server needs `backends: { timing: { transport: socketIoTransport() } }`). The feed has no
 * replay, so every open reloads the order list when there is a REST base. Its orders live in
 * the orders slice under `timing:<id>`.
 */
export const timingBackend: RestBackendDefinition<TimingCommand> = {
  name: 'timing',
  path: 'admin',
  dialect: timingDialect,
  slices: [ordersSlice],
  applySettings: applyBackendSettings,
  restPaths: {
    /** List every order (admin). */
    orders: '/api/admin/orders',
    /** One order's status, for customer tracking. */
    orderStatus: '/api/orders/{id}/status',
    /** Change an order's status (admin, PUT `{status}`). */
    updateStatus: '/api/admin/orders/{id}/status',
  },
  onOpen: ({ client }) => (client.restConfig.apiUrl ? loadTimingOrders(client) : undefined),
};

/** Load the Timing admin order list into the store (also the resync after every reconnect). */
export function loadTimingOrders(client: RealtimeClient): Promise<void> {
  const { restPaths, dialect } = client.use(timingBackend);
  const path = restPaths['orders']!;
  return call(client, async () => {
    const result = parseTimingOrderList(await restOf(client).request('GET', path), labelsOf(dialect));
    if (!result.ok) invalidBody(`GET ${path}`, result.error);
    client.dispatch({ endpoint: 'timing', event: { kind: 'orders/snapshot', orders: result.orders } });
  }, 'loading the Timing orders');
}

/** An app's own status labels, set on the dialect: `backends: { timing: { dialect: { ...timingDialect, statusLabels } } }`. */
export function labelsOf(dialect: object): TimingStatusLabels | undefined {
  return (dialect as { statusLabels?: TimingStatusLabels }).statusLabels;
}
