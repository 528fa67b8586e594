import type { Dialect } from '../protocols/Dialect';
import { adminDashboardDialect } from '../protocols/adminDashboard';
import { chatDialect } from '../protocols/chat';
import { notificationsDialect } from '../protocols/notifications';
import { orderStreamDialect, orderStreamPath } from '../protocols/orderStream';
import { timingDialect } from '../protocols/timing';
import type { RealtimeActions } from './createActions';
import type { RestClient } from './createRestClient';
import type { TransportFactory } from './Transport';

/** The five endpoints the kit knows by name. */
export type EndpointName = 'orders' | 'timing' | 'notifications' | 'chat' | 'admin';

/** What an endpoint's `onOpen` can do to bring its data up to date. */
export interface ResyncContext {
  /** `true` when this is a reopen after a drop (something may have been missed). */
  reconnected: boolean;
  /** The subscription's parameter (the order id for `orders`). */
  param: string | undefined;
  send(command: unknown): void;
  rest: RestClient;
  actions: RealtimeActions;
}

export interface EndpointConfig {
  /** Path under the client's `url`; `{id}` is replaced by the subscription's parameter. */
  path: string;
  /** The wire protocol spoken there. */
  dialect: Dialect<any>;
  /** A different socket base for this endpoint (e.g. a separate Socket.IO server). @default the client's url */
  url?: string;
  /** How to reach it. @default reconnecting-websocket with the client's WebSocket */
  transport?: TransportFactory;
  /** Throws a TypeError naming the fix when a subscription's parameter is unusable. */
  checkParam?(param: string | number | undefined): void;
  /** Called each time a socket opens, to resync what may have been missed. */
  onOpen?(context: ResyncContext): void | Promise<void>;
}

export const defaultEndpoints: Record<EndpointName, EndpointConfig> = {
  // The order stream sends a snapshot on every connect, so a reopen resyncs by itself.
  orders: { path: 'ws/orders/{id}/', dialect: orderStreamDialect, checkParam: (id) => void orderStreamPath(id as number) },
  // The documented raw-WebSocket shape; the real Socket.IO server needs socketIoTransport.
  // The feed has no replay, so every open reloads the order list when there is a REST base.
  timing: {
    path: 'admin',
    dialect: timingDialect,
    onOpen: ({ rest, actions }) => (rest.baseUrl ? actions.loadTimingOrders() : undefined),
  },
  notifications: {
    path: 'ws/notifications/',
    dialect: notificationsDialect,
    onOpen: ({ reconnected, send }) => {
      if (reconnected) send({ type: 'get_unread_count' });
    },
  },
  chat: { path: 'ws/chat/', dialect: chatDialect },
  admin: {
    path: 'ws/admin/dashboard/',
    dialect: adminDashboardDialect,
    onOpen: ({ send, rest, actions }) => {
      send({ type: 'get_stats' });
      send({ type: 'get_pending_count' });
      return rest.baseUrl ? actions.loadPendingUsers() : undefined;
    },
  },
};

/** Join an endpoint path onto a socket base URL. */
export function endpointUrl(base: string, path: string, param: string | undefined): string {
  const filled = param === undefined ? path : path.replace('{id}', encodeURIComponent(param));
  if (/^wss?:\/\//i.test(filled) || /^https?:\/\//i.test(filled)) return filled;
  return new URL(filled.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
}
