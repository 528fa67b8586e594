import type { RealtimeEvent } from '../core/events';

/** The result of parsing one incoming frame. Never thrown: always returned. */
export type ParseResult =
  | { ok: true; events: RealtimeEvent[] }
  | { ok: false; error: string };

/** Which of the five backends a dialect speaks. */
export type DialectName = 'orderStream' | 'timing' | 'notifications' | 'chat' | 'adminDashboard';

/** Where a dialect carries the auth token. */
export type TokenPlacement = 'none' | 'query' | 'socketio-auth';

/**
 * A wire frame as a transport delivers it. Raw WebSockets deliver strings; the Socket.IO
 * transport delivers `{ event, data }` objects (the event name and its first argument).
 */
export type IncomingFrame = string | { event: string; data: unknown };

/** A frame to send. Raw WebSockets send strings; Socket.IO emits an event. */
export type OutgoingFrame = string | { event: string; data: unknown };

/**
 * One backend protocol. A dialect is pure: it holds no state, opens nothing, and never
 * throws from `parse` or `encode`.
 */
export interface Dialect<Command = never> {
  readonly name: DialectName;
  /** Where the token travels. */
  readonly token: TokenPlacement;
  /** Validate one frame and normalise it into domain events, or explain exactly why not. */
  parse(frame: unknown): ParseResult;
  /** Build the outgoing frame for a command. */
  encode(command: Command): OutgoingFrame;
  /**
   * Present when the protocol has an application-level ping. `isPong` tells the
   * connection's heartbeat that the server answered.
   */
  readonly heartbeat?: {
    ping(): OutgoingFrame;
    isPong(event: RealtimeEvent): boolean;
  };
}
