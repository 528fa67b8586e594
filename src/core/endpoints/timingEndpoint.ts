import { timingDialect } from '../../protocols/timing';
import { loadTimingOrders } from '../actions/timingActions';
import type { EndpointDefinition } from '../endpoints';

/**
 * The Timing restaurant feed, `admin`: the documented raw-WebSocket shape (the real Socket.IO
 * server needs socketIoTransport). The feed has no replay, so every open reloads the order list
 * when there is a REST base.
 */
export const timingEndpoint: EndpointDefinition = {
  name: 'timing',
  path: 'admin',
  dialect: timingDialect,
  onOpen: ({ rest, client }) => (rest.baseUrl ? loadTimingOrders(client) : undefined),
};
