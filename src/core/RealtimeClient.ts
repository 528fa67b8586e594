import type { StoreApi } from 'zustand/vanilla';
import type { ReconnectOptions } from './backoff';
import type { BackendDefinition, BackendOptions, ResolvedBackend } from './Backend';
import type { ConnectionState, HeartbeatOptions } from './Connection';
import type { RestClient } from './createRestClient';
import type { StoreEntry, StoreEvent } from './events';
import type { RealtimeError } from './RealtimeError';
import type { RealtimeState } from './store/types';
import type { TokenOption } from './tokenProvider';
import type { TransportFactory } from './Transport';
import type { WebSocketConstructor } from './webSocketTransport';

/** Caps the core applies to every socket. Backends' list caps are set per backend (`backends.chat.limits`). */
export interface CoreLimits {
  /** Commands kept per socket while offline. @default 1000 */
  sendQueue?: number;
  /** Largest frame accepted, in characters. @default 262144 */
  maxFrameChars?: number;
  /** Most sockets open at once per client. @default 200 */
  socketBudget?: number;
}

export interface RealtimeClientOptions {
  /** Base for endpoint paths, e.g. `ws://localhost:8000`. @default the page's origin with ws:/wss: */
  url?: string;
  /** REST base for actions and resync snapshots, e.g. `http://localhost:8000`. @default none */
  apiUrl?: string;
  /** A token, or a function called on every connect attempt (sync or async). @default none */
  token?: TokenOption;
  /**
   * Settings per backend, by its name: another path, dialect, transport, REST routes or caps,
   * e.g. `{ timing: { transport: socketIoTransport() }, notifications: { dialect: noticesDialect } }`.
   * Applied when the backend is first used. @default none (each backend's documented set-up)
   */
  backends?: Record<string, BackendOptions>;
  /** Reconnect timing. @default 1 s min, 30 s max, growth 2, unlimited retries */
  reconnect?: ReconnectOptions;
  /** Heartbeat for dialects with a ping, or `false` to switch it off. @default 25 s interval, 10 s timeout */
  heartbeat?: HeartbeatOptions | false;
  /** Caps on queues, frame size and sockets. */
  limits?: CoreLimits;
  /** Told about every problem: invalid frames, refused handshakes, REST failures, overflows. */
  onError?(error: RealtimeError): void;
  /**
   * Transport for every backend that does not set its own, e.g. the in-browser simulator's
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

/** A backend, or the name of one already used on this client. */
export type BackendRef = string | BackendDefinition;

/**
 * The client: sockets (one per endpoint, shared), the store, REST and errors. It knows no
 * backend until one is used: pass a definition (`ordersBackend`) to `subscribe`/`use`, or
 * mount a hook, which does that for you.
 */
export interface RealtimeClient {
  readonly store: StoreApi<RealtimeState>;
  readonly rest: RestClient;
  /** A snapshot of the counters. */
  readonly stats: RealtimeStats;
  /**
   * Register a backend on this client (its slices appear in the store) and return it with
   * the app's `backends[name]` options applied. Idempotent; hooks call it for you.
   */
  use<B extends BackendDefinition>(backend: B): ResolvedBackend<B>;
  /**
   * Hold a backend's socket open; returns the release. `param` fills `{id}` in its path.
   * Sockets are shared: many subscriptions to one endpoint open one socket.
   */
  subscribe(backend: BackendRef, param?: string | number): () => void;
  /**
   * Send a command on a backend's socket (queued while offline). A `tag` comes back through the
   * backend's `onSent` when a queued command is finally written.
   */
  send(backend: BackendRef, command: unknown, param?: string | number, tag?: string): 'sent' | 'queued';
  /** The endpoint's connection state, or undefined when nothing holds it. */
  connectionState(backend: BackendRef, param?: string | number): ConnectionState | undefined;
  /** Apply an entry to the store (REST snapshots, optimistic updates), on the next frame. */
  dispatch<E extends StoreEvent>(entry: StoreEntry<E>): void;
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
