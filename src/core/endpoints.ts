// Types and endpointUrl only: no dialect is imported here, so anything can import this module.
// The built-in endpoints are one module each under ./endpoints/, collected in defaultEndpoints.
import type { Dialect } from '../protocols/Dialect';
import type { RestClient } from './createRestClient';
import type { RealtimeCore } from './RealtimeClient';
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
  /** The client whose socket opened: pass it to the action functions, e.g. `loadPendingUsers(client)`. */
  client: RealtimeCore;
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

/**
 * An endpoint with its name, e.g. `ordersEndpoint`: pass it to `client.subscribe`, `send` or
 * `connectionState` instead of the name and the client registers it (so only the dialects you
 * use are bundled). The client's `endpoints` option for that name is merged on top and wins.
 */
export type EndpointDefinition = EndpointConfig & { name: string };

/** Join an endpoint path onto a socket base URL. */
export function endpointUrl(base: string, path: string, param: string | undefined): string {
  const filled = param === undefined ? path : path.replace('{id}', encodeURIComponent(param));
  if (/^wss?:\/\//i.test(filled) || /^https?:\/\//i.test(filled)) return filled;
  return new URL(filled.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
}
