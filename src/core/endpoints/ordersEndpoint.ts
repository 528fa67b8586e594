import { orderStreamDialect, orderStreamPath } from '../../protocols/orderStream';
import type { EndpointDefinition } from '../endpoints';

/** The per-order stream, `ws/orders/{id}/`. It sends a snapshot on every connect, so a reopen resyncs by itself. */
export const ordersEndpoint: EndpointDefinition = {
  name: 'orders',
  path: 'ws/orders/{id}/',
  dialect: orderStreamDialect,
  checkParam: (id) => void orderStreamPath(id as number),
};
