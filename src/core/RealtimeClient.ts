import type { StoreApi } from 'zustand/vanilla';
import type { ReconnectOptions } from './backoff';
import type { ConnectionState, HeartbeatOptions } from './Connection';
import type { RealtimeActions } from './actionsFor';
import type { RestClient } from './createRestClient';
import type { EndpointConfig, EndpointDefinition, EndpointName } from './endpoints';
import type { RealtimeError } from './RealtimeError';
import type { RestPaths } from './restPaths';
import type { RealtimeLimits, RealtimeState, StoreEntry } from './store/types';
import type { TokenOption } from './tokenProvider';
import type { TransportFactory } from './Transport';
import type { WebSocketConstructor } from './webSocketTransport';

export interface RealtimeClientOptions {
  /** Base for endpoint paths, e.g. `ws://localhost:8000`. @default the page's origin with ws:/wss: */
  url?: string;
  /** REST base for actions and resync snapshots, e.g. `http://localhost:8000`. @default none */
  apiUrl?: string;
  /** A token, or a function called on every connect attempt (sync or async). @default none */
  token?: TokenOption;
  /**
   * Override or add endpoints: path, dialect, transport, resync. Merged on top of a definition
   * passed to `subscribe` (yours win). @default `createRealtimeClient`: the five built-in ones;
   * `createRealtimeCore`: none (the hooks pass the definitions they use)
   */
  endpoints?: Partial<Record<EndpointName, Partial<EndpointConfig>>> & Record<string, Partial<EndpointConfig>>;
  /** Reconnect timing. @default 1 s min, 30 s max, growth 2, unlimited retries */
  reconnect?: ReconnectOptions;
  /** Heartbeat for dialects with a ping, or `false` to switch it off. @default 25 s interval, 10 s timeout */
  heartbeat?: HeartbeatOptions | false;
  /** REST routes for actions and resync, when your backend differs. @default the documented routes */
  restPaths?: RestPaths;
  /** Caps on lists, queues, frame size and sockets. */
  limits?: RealtimeLimits;
  /** Told about every problem: invalid frames, refused handshakes, REST failures, overflows. */
  onError?(error: RealtimeError): void;
  /**
   * Transport for every endpoint that does not set its own, e.g. the in-browser simulator's
   * `simulatorTransport(sim)`. @default reconnecting-websocket with `WebSocket`
   */
  transport?: TransportFactory;
  /** WebSocket constructor to use (e.g. `ws` in Node). @default globalThis.WebSocket */
  WebSocket?: WebSocketConstructor;
  /** fetch to use for REST. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** How long an unused socket lingers before closing, in ms. @default 0 */
  releaseDelay?: number;
  /** Random source for backoff jitter (tests make it repeatable). @default Math.random */
  random?: () => number;
}

/** Counters for devtools and tests. Plain numbers; never a token. */
export interface RealtimeStats {
  framesIn: number;
  invalidFrames: number;
  reconnects: number;
  queuedCommands: number;
  openSockets: number;
  errors: number;
}

/**
 * A client from `createRealtimeCore`: sockets, store, REST, chat outbox — no built-in endpoint
 * by name and no `actions`. Subscribe with a definition (`client.subscribe(ordersEndpoint, 1)`)
 * and call the action functions with the client (`approveUser(client, id)`).
 */
export interface RealtimeCore {
  readonly store: StoreApi<RealtimeState>;
  readonly rest: RestClient;
  /** The REST routes the actions call: the documented ones with `options.restPaths` on top. */
  readonly restPaths: Required<RestPaths>;
  /** A snapshot of the counters. */
  readonly stats: RealtimeStats;
  /**
   * Hold the socket of an endpoint open; returns the release. `param` fills `{id}`. Takes a name
   * (declared in `endpoints`, or registered before) or a definition such as `ordersEndpoint`,
   * which is registered under its name with `options.endpoints[name]` merged on top.
   */
  subscribe(endpoint: string | EndpointDefinition, param?: string | number): () => void;
  /** Send a command on an endpoint's socket (queued while offline). */
  send(endpoint: string | EndpointDefinition, command: unknown, param?: string | number): 'sent' | 'queued';
  /** The endpoint's connection state, or undefined when nothing holds it. */
  connectionState(endpoint: string | EndpointDefinition, param?: string | number): ConnectionState | undefined;
  /** Send a chat message; it shows at once as queued/sending and resolves to its client id. */
  sendChat(peerId: string | number, text: string, options?: { attachment?: string | null }): string;
  /** Send a failed chat message again under the same client id. */
  retryChat(clientId: string): void;
  /** Apply entries to the store (for REST snapshots and optimistic updates). */
  dispatch(entry: StoreEntry): void;
  /** Apply what was dispatched to the store now, synchronously, instead of on the next frame. */
  flush(): void;
  /** Report a problem through `onError` and the error listeners (for components and extensions). */
  report(error: RealtimeError): void;
  /** Listen to errors; returns the unsubscribe. */
  addErrorListener(listener: (error: RealtimeError) => void): () => void;
  /** Start every connection that gave up (`failed`) again. */
  reconnect(): void;
  /** Close every socket and stop every timer. The client is unusable afterwards. */
  dispose(): void;
}

/** A client from `createRealtimeClient`: the core with the five endpoints by name and `actions`. */
export interface RealtimeClient extends RealtimeCore {
  /** REST actions with optimistic updates (Timing status, approvals) and snapshot loaders. */
  readonly actions: RealtimeActions;
}
