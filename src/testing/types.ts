/**
 * The simulator's seams. The simulation core (world + the rules of the five backends) knows
 * nothing about sockets: a transport (the Node server, or the in-memory browser transport)
 * turns real connections into `connect()` calls and frames into `receive()` calls.
 */

export type SimBackendName = 'orderStream' | 'timing' | 'notifications' | 'chat' | 'admin';

/** A frame as it crosses the simulator's edge: text for raw WebSockets, an event for Socket.IO. */
export type SimFrame = string | { event: string; data: unknown };

export interface SimConnectRequest {
  /** Path and query, e.g. `/ws/notifications/?token=demo`; for Socket.IO the namespace, `/admin`. */
  url: string;
  /** The handshake's Origin header, if any. */
  origin?: string;
  /** `websocket` for raw sockets, `socketio` for a Socket.IO namespace connection. */
  kind: 'websocket' | 'socketio';
  /** The Socket.IO handshake's `auth` object. */
  auth?: Record<string, unknown>;
}

/** How the simulator talks back to one connection. Each transport implements it. */
export interface SimSink {
  send(frame: SimFrame): void;
  /** Close with a WebSocket close code (Socket.IO transports disconnect). */
  close(code: number, reason?: string): void;
}

export type SimConnectResult =
  | { ok: true; session: SimSession }
  /**
   * Refused before accept. Raw WebSockets answer the handshake with `status` (403 for auth or
   * Origin, 404 for an unknown path, 500 for a crash). Socket.IO emits `connect_error` with
   * `message` (e.g. `Authentication error: Invalid token`).
   */
  | { ok: false; status: number; message: string };

export interface SimSession {
  readonly id: number;
  readonly backend: SimBackendName;
  /** Called by the transport once the socket is accepted: sends the greeting, joins groups. */
  start(): void;
  /** Called by the transport for every frame the client sends. Never throws. */
  receive(frame: SimFrame): void;
  /** Called by the transport when the client went away (or the transport closed it). */
  closed(): void;
}

export interface SimRestRequest {
  method: string;
  /** Path and query, e.g. `/api/orders/7/status`. */
  path: string;
  headers: Record<string, string | undefined>;
  /** The raw body text ('' when none). */
  body: string;
}

export interface SimRestResponse {
  status: number;
  /** JSON-serialisable body. */
  body: unknown;
}

/** A request for a Server-Sent Events stream (the ERP chat's `sse/events/`). */
export interface SimStreamRequest {
  /** @default 'GET' */
  method?: string;
  /** Path and query, e.g. `/api/v1/communication/sse/events/?token=demo`. */
  path: string;
  headers: Record<string, string | undefined>;
}

/** Where a stream's bytes go. Each transport implements it. */
export interface SimStreamSink {
  /** Write one piece of the body (a whole `event: …\ndata: …\n\n` block), flushed at once. */
  write(text: string): void;
  /** The server ended the response. */
  end(): void;
}

/** One streaming response: answer with `status` and `headers`, then call `start()`. */
export interface SimStream {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Writes the first event (or the error event, then ends). Call once the head is sent. */
  start(): void;
  /** The client went away (aborted, disconnected): the subscriber is removed. Idempotent. */
  close(): void;
}

/** Which shapes each backend speaks. The defaults are the real servers'. */
export interface SimShapes {
  /** `real`: Socket.IO `/admin` with `new_order`; `documented`: raw WebSocket `/admin?token=` with `newOrder`. @default 'real' */
  timing?: 'real' | 'documented';
  /**
   * `smarthunt`: the SmartHunt consumer; `notify`: SmartHunt's second variant (type `notify`,
   * non-ISO timestamps, no greeting, 1011 on any inbound frame); `erp`: the college ERP's
   * `notify` (id/message fields, inbound ignored). @default 'smarthunt'
   */
  notifications?: 'smarthunt' | 'notify' | 'erp';
}

export interface SimulatorOptions {
  /** Seed of the random source; the same seed gives the same world and event sequence. @default 1 */
  seed?: number;
  /** Start of the simulated clock (ISO). @default now ('real' clock), '2025-01-01T10:00:00.000Z' ('manual') */
  startTime?: string;
  /**
   * `real`: simulated time flows with the wall clock, so timestamps agree with the browser's
   * (demos, app tests). `manual`: it moves only with the scenario's steps and `clock.advance()`,
   * so every timestamp is repeatable. @default 'real'
   */
  clock?: 'real' | 'manual';
  shapes?: SimShapes;
  /**
   * Allowed Origin hosts, as Django's ALLOWED_HOSTS (`'*'` allows any, but a missing Origin is
   * still refused). `false` switches the check off. @default ['localhost', '127.0.0.1', '[::1]']
   */
  allowedOrigins?: string[] | false;
}
