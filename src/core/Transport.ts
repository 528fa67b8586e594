import type { IncomingFrame, OutgoingFrame } from './Dialect';

/** Where and how one connection attempt connects. */
export interface TransportAttempt {
  /** The full URL, including a `?token=` where the dialect carries it there. */
  url: string;
  /** The token, for transports that send it outside the URL (Socket.IO `auth`). */
  token: string | null;
  /** Headers for transports that can send them (`Authorization` for a `header` dialect). */
  headers: Record<string, string>;
}

export interface TransportCloseInfo {
  code: number;
  reason: string;
  /** Whether this socket had opened before it closed. `false` means the handshake failed. */
  wasOpen: boolean;
  /**
   * The attempt can never succeed as made (the platform refused the URL itself, e.g. a
   * `WebSocket` constructor that throws): the connection fails at once instead of retrying.
   */
  permanent?: boolean;
}

/** What a transport is given. The connection decides timing; the transport moves bytes. */
export interface TransportContext {
  /**
   * Wait for the next attempt (backoff delay, then the token). Resolves `null` when the
   * connection was closed meanwhile and no attempt should be made. Never rejects.
   */
  nextAttempt(): Promise<TransportAttempt | null>;
  /** How long one handshake may take, in ms. */
  connectTimeout: number;
  /** Largest frame the connection accepts, in characters: a transport that buffers may stop there. */
  maxFrameChars: number;
  /** The client's `fetch` option, for transports built on HTTP (`sseTransport`). */
  fetch?: typeof fetch;
  onOpen(): void;
  onFrame(frame: IncomingFrame): void;
  onClose(info: TransportCloseInfo): void;
}

/**
 * One logical, self-reconnecting socket. Implementations: `webSocketTransport`
 * (the platform's WebSocket), `sseTransport` (Server-Sent Events over `fetch`; receive only)
 * and `socketIoTransport` (socket.io-client, its own entry point).
 */
export interface Transport {
  /** Send now. Returns `false` when the socket is not open (the caller keeps the frame). */
  send(frame: OutgoingFrame): boolean;
  /** Drop the current socket and start a new attempt (used when a heartbeat goes unanswered). */
  reconnect(): void;
  /** Close for good. */
  close(): void;
}

export type TransportFactory = (context: TransportContext) => Transport;
