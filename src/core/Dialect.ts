import type { ParseResult } from '../validation/decode';
import type { Heartbeat } from './createHeartbeat';
import type { StoreEvent } from './events';

export type { ParseResult };

/**
 * Where a dialect carries the auth token: not at all, in a `?token=` query parameter, in
 * Socket.IO's `auth`, or in an `Authorization: <authScheme> <token>` header (transports that
 * can send headers, such as `sseTransport`).
 */
export type TokenPlacement = 'none' | 'query' | 'socketio-auth' | 'header';

/**
 * A wire frame as a transport delivers it. Raw WebSockets deliver strings; the Socket.IO
 * transport delivers `{ event, data }` objects (the event name and its first argument), and
 * the Server-Sent Events transport `{ event, data }` with the event's name and its data text.
 */
export type IncomingFrame = string | { event: string; data: unknown };

/** A frame to send. Raw WebSockets send strings; Socket.IO emits an event. */
export type OutgoingFrame = string | { event: string; data: unknown };

/**
 * One wire protocol. A dialect is pure: it holds no state, opens nothing, and never throws
 * from `parse` or `encode`.
 */
export interface Dialect<Command = never, E extends StoreEvent = StoreEvent> {
  /** Used in error messages (`orderStream: "status" must be a string`). */
  readonly name: string;
  /** Where the token travels. */
  readonly token: TokenPlacement;
  /** Validate one frame and normalise it into store events, or explain exactly why not. */
  parse(frame: unknown): ParseResult<E>;
  /** Build the outgoing frame for a command. */
  encode(command: Command): OutgoingFrame;
  /**
   * Present when the protocol has an application-level ping: build it with
   * `pingPong(ping, isPong)`. `isPong` tells the connection's heartbeat that the server answered.
   */
  readonly heartbeat?: DialectHeartbeat;
  /**
   * Present when the protocol can carry times without a zone: the same dialect reading them as
   * local times of an IANA zone (the `timeZone` backend option). Build it with `inTimeZone`.
   */
  withTimeZone?(timeZone: string): Dialect<Command, E>;
}

/** A dialect's ping and pong, and the timer that watches them (see `pingPong`). */
export interface DialectHeartbeat {
  ping(): OutgoingFrame;
  isPong(event: StoreEvent): boolean;
  /** Starts the interval and timeout (`createHeartbeat`); brought by the dialect so apps on dialects without a ping do not bundle it. */
  monitor(schedule: { interval: number; timeout: number }, ping: () => boolean, onDead: (silent?: string) => void): Heartbeat;
}
