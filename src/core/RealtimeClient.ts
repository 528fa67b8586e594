import type { StoreApi } from 'zustand/vanilla';
import type { ReconnectOptions } from './backoff';
import type { ConnectionState, HeartbeatOptions } from './createConnection';
import type { Dialect } from './Dialect';
import type { StoreEntry, StoreEvent } from './events';
import type { RealtimeError } from './RealtimeError';
import type { RealtimeState, SliceLimits, StoreSlice } from './store/types';
import type { TokenOption, TokenProvider } from './tokenProvider';
import type { TransportFactory } from './Transport';
import type { WebSocketConstructor } from './webSocketTransport';

/** Caps the core applies to every socket. Backends' list caps are set per backend (`backends.chat.limits`). */
export interface CoreLimits {
  /** Commands kept per socket while offline. @default 1000 */
  sendQueue?: number;
  /**
   * Largest frame accepted, in characters: at most 262144 (validation's `MAX_FRAME_CHARS`, the
   * cap every dialect decodes with), so a larger value throws rather than be silently ignored;
   * a smaller one tightens the cap (a transport that buffers stops there too). @default 262144
   */
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
  /**
   * Reconnect timing, and when to give up. @default 1 s min, 30 s max, growth 2; `failed` after
   * 60 s without a connection (`giveUpAfter`) or 3 refusals the server states (`maxRefusals`)
   */
  reconnect?: ReconnectOptions;
  /** Heartbeat for dialects with a ping, or `false` to switch it off. @default 25 s interval, 10 s timeout */
  heartbeat?: HeartbeatOptions | false;
  /** Caps on queues, frame size and sockets. */
  limits?: CoreLimits;
  /** Told about every problem: invalid frames, refused handshakes, REST failures, overflows. */
  onError?(error: RealtimeError): void;
  /**
   * Transport for every backend that does not set its own, e.g. the in-browser simulator's
   * `simulatorTransport(sim)`. @default `webSocketTransport` with `WebSocket`
   */
  transport?: TransportFactory;
  /** WebSocket constructor to use (e.g. `ws` in Node). @default globalThis.WebSocket */
  WebSocket?: WebSocketConstructor;
  /** fetch to use for REST and for `sseTransport`. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * The scheme of the `Authorization` header that carries the token on REST calls and on
   * transports that send headers: `'Bearer'` for JWTs, `'Token'` for Django REST framework's
   * auth-token keys (the ERP server refuses `Bearer` on REST). @default 'Bearer'
   */
  authScheme?: string;
  /** How long an unused socket lingers before closing, in ms. @default 0 */
  releaseDelay?: number;
  /** Random source for backoff jitter (tests make it repeatable). @default Math.random */
  random?: () => number;
}

/** A client's REST settings (`client.restConfig`), resolved from its options. */
export interface RestConfig {
  /** The REST base URL (the `apiUrl` option), or null when none was given. */
  readonly apiUrl: string | null;
  /** The client's token option as one async function; REST requests send it as `Authorization: <authScheme> …`. */
  readonly token: TokenProvider;
  /** The `authScheme` option. */
  readonly authScheme: string;
  /** The `fetch` option; `undefined` means `globalThis.fetch` at request time. */
  readonly fetch: typeof fetch | undefined;
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
 * The client: sockets (one per endpoint, shared), the store, REST settings and errors. It knows no
 * backend until one is used: pass a definition (`ordersBackend`) to `subscribe`/`use`, or
 * mount a hook, which does that for you.
 */
export interface RealtimeClient {
  readonly store: StoreApi<RealtimeState>;
  /**
   * What REST calls need, from the client's options: read by `restOf(client)`, which builds
   * the REST helper on first use (so a client whose backends make no REST call bundles none).
   */
  readonly restConfig: RestConfig;
  /** A snapshot of the counters. */
  readonly stats: RealtimeStats;
  /** True once `dispose()` was called. */
  readonly disposed: boolean;
  /**
   * Register a backend on this client (its slices appear in the store) and return it with
   * the app's `backends[name]` options applied. Idempotent; hooks call it for you (while
   * rendering, so it keeps working on a disposed client: it opens nothing). A backend name
   * must not contain `:` (it would collide with a parameter's endpoint key, `orders:42`), and
   * its path and url no `#`.
   */
  use<B extends BackendDefinition>(backend: B): ResolvedBackend<B>;
  /**
   * Hold a backend's socket open; returns the release. `param` fills `{id}` in its path: a
   * `param` that is `.` or `..` or holds `/ \ ? # %` or a control character throws a TypeError
   * (it could move the URL to another route). Sockets are shared: many subscriptions to one
   * endpoint open one socket. On a disposed client it opens nothing and returns a no-op
   * release (hooks call it from effects, which React may run after a dispose).
   */
  subscribe(backend: BackendRef, param?: string | number): () => void;
  /**
   * Send a command on a backend's socket (queued while offline). A `tag` comes back through the
   * backend's `onSent` when a queued command is finally written. Throws a `connection-failed`
   * RealtimeError when nothing is subscribed to the endpoint, and on a disposed client.
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
  /**
   * Close every socket and stop every timer. The client is unusable afterwards: `subscribe`
   * opens nothing, `send` (and the chat's `sendChat`) throw.
   */
  dispose(): void;
}

/** What a backend's `onOpen` can do to bring its data up to date. */
export interface ResyncContext {
  /** `true` when this is a reopen after a drop (something may have been missed). */
  reconnected: boolean;
  /** The subscription's parameter (what filled `{id}` in the path). */
  param: string | undefined;
  send(command: unknown): void;
  /** The client whose socket opened: pass it to the action functions (and to `restOf` for REST calls). */
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
  /** How to reach it. @default the client's transport (`webSocketTransport`) */
  readonly transport?: TransportFactory;
  /** REST routes its actions call, by name; `{id}` is replaced by an id. */
  readonly restPaths?: Readonly<Record<string, string>>;
  /** Advice for the app's developer, added to the errors where it helps. */
  readonly hints?: {
    /** Why a handshake is likely refused when the transport says nothing (e.g. Django Channels' 403). */
    readonly handshake?: string;
    /** What to do instead when the socket budget is spent, for backends with one socket per item. */
    readonly budget?: string;
  };
  /** Throws a TypeError naming the fix when a subscription's parameter is unusable. */
  checkParam?(param: string | number | undefined): void;
  /** Called each time a socket opens, to resync what may have been missed. */
  onOpen?(context: ResyncContext): void | Promise<void>;
  /**
   * Applies the settings only some backends take (`restPaths`, `timeZone`) to the definition
   * with the app's other settings merged in. Backends with REST routes or zoneless times use
   * `applyBackendSettings`; without it, those settings throw.
   */
  applySettings?<B extends BackendDefinition>(backend: B, settings: BackendOptions): B;
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
  /**
   * The server's zone (IANA name, e.g. `Asia/Kolkata`) for times it sends without one; for
   * backends whose dialect offers `withTimeZone`. @default UTC
   */
  timeZone?: string;
}

/** A backend whose actions call REST routes (`restPaths`), which the app may replace by name. */
export type RestBackendDefinition<Command = any> = BackendDefinition<Command> & { readonly restPaths: Readonly<Record<string, string>> };

/** A definition with the app's options for it merged on top: what the client actually uses. */
export type ResolvedBackend<B extends BackendDefinition = BackendDefinition> = B;
