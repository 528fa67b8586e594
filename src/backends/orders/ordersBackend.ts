import type { BackendDefinition } from '../../core/RealtimeClient';
import { originHint } from '../djangoChannelsHints';
import { orderStreamDialect, orderStreamPath, type OrderStreamCommand } from './orderStreamDialect';
import { ordersSlice } from './ordersSlice';

/**
 * The boosting shop's per-order stream, `ws/orders/{id}/`. It sends a snapshot on every
 * connect, so a reopen resyncs by itself.
 */
export const ordersBackend: BackendDefinition<OrderStreamCommand> = {
  name: 'orders',
  path: 'ws/orders/{id}/',
  dialect: orderStreamDialect,
  slices: [ordersSlice],
  checkParam: (id) => void orderStreamPath(id as number),
  hints: {
    handshake: originHint,
    budget: "Watch many orders on one stream (the admin dashboard's order_update, the Timing feed)",
  },
};
