import type { Dialect } from './Dialect';
import type { StoreEvent } from './events';
import type { RestClient } from './createRestClient';
import type { RealtimeClient } from './RealtimeClient';
import type { SliceLimits, StoreSlice } from './store/types';
import type { TransportFactory } from './Transport';

/** What a backend's `onOpen` can do to bring its data up to date. */
export interface ResyncContext {
  /** `true` when this is a reopen after a drop (something may have been missed). */
  reconnected: boolean;
  /** The subscription's parameter (what filled `{id}` in the path). */
  param: string | undefined;
  send(command: unknown): void;
  rest: RestClient;
  /** The client whose socket opened: pass it to the action functions. */
  client: RealtimeClient;
}

/** What a backend's `onSent` and `onClosed` get: the endpoint key and a way to change the store. */
export interface BackendEventContext {
  /** The endpoint key (`chat`, `orders:42`). */
  endpoint: string;
  dispatch<E extends StoreEvent>(event: E): void;
}

/**
 * Everything the core needs to know about one backend. The core names no backend: each
 * backend (built in or your own) is one of these, passed to `client.subscribe`, `client.use`
 * or a hook, and registered on the client the first time it is used.
 */
export interface BackendDefinition<Command = any> {
  /** The endpoint's name: the key prefix of its sockets (`orders:42`) and of `backends` options. */
  readonly name: string;
  /** Path under the client's `url`; `{id}` is replaced by the subscription's parameter. */
  readonly path: string;
  /** The wire protocol spoken there. */
  readonly dialect: Dialect<Command, any>;
  /** The store slices this backend's events feed. Registered when the backend is first used. */
  readonly slices?: readonly StoreSlice[];
  /** A different socket base for this backend (e.g. a separate Socket.IO server). @default the client's url */
  readonly url?: string;
  /** How to reach it. @default the client's transport (reconnecting-websocket) */
  readonly transport?: TransportFactory;
  /** REST routes its actions call, by name; `{id}` is replaced by an id. */
  readonly restPaths?: Readonly<Record<string, string>>;
  /** Throws a TypeError naming the fix when a subscription's parameter is unusable. */
  checkParam?(param: string | number | undefined): void;
  /** Called each time a socket opens, to resync what may have been missed. */
  onOpen?(context: ResyncContext): void | Promise<void>;
  /** A queued command sent with a tag (`client.send(…, { tag })`) was written to the socket. */
  onSent?(tag: string, context: BackendEventContext): void;
  /** An open socket closed (a drop, or the last release). */
  onClosed?(context: BackendEventContext): void;
}

/**
 * Per-backend settings an app passes by the backend's name:
 * `createRealtimeClient({ backends: { timing: { transport: socketIoTransport() } } })`.
 */
export interface BackendOptions {
  /** Another path (e.g. `erp/ws/notifications/`). */
  path?: string;
  /** Another dialect (e.g. `noticesDialect` for the ERP's notices). */
  dialect?: Dialect<any, any>;
  /** Another socket base URL. */
  url?: string;
  /** Another transport (e.g. `socketIoTransport()` for the Timing server). */
  transport?: TransportFactory;
  /** Other REST routes, by the backend's route names. */
  restPaths?: Record<string, string>;
  /** Caps of the backend's slice, by name (e.g. `{ messages: 1000 }` for chat). */
  limits?: SliceLimits;
  /** Replace the resync on open; `undefined` switches it off. */
  onOpen?: BackendDefinition['onOpen'];
}

/** The option names `BackendOptions` accepts (checked at client creation). */
export const backendOptionNames: readonly (keyof BackendOptions)[] = ['path', 'dialect', 'url', 'transport', 'restPaths', 'limits', 'onOpen'];

/** A definition with the app's options for it merged on top: what the client actually uses. */
export type ResolvedBackend<B extends BackendDefinition = BackendDefinition> = B & { readonly restPaths: Readonly<Record<string, string>> };

/** Replace `{id}` in a path template by the URI-encoded id. */
export function fillPath(template: string, id: string | number): string {
  return template.replace('{id}', encodeURIComponent(String(id)));
}

/** Join an endpoint path onto a socket base URL. */
export function endpointUrl(base: string, path: string, param: string | undefined): string {
  const filled = param === undefined ? path : fillPath(path, param);
  if (/^wss?:\/\//i.test(filled) || /^https?:\/\//i.test(filled)) return filled;
  return new URL(filled.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
}
