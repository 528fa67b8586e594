import type { IncomingFrame, OutgoingFrame } from './Dialect';

/** Where and how one connection attempt connects. */
export interface TransportAttempt {
  /** The full URL, including a `?token=` where the dialect carries it there. */
  url: string;
  /** The token, for transports that send it outside the URL (Socket.IO `auth`). */
  token: string | null;
}

export interface TransportCloseInfo {
  code: number;
  reason: string;
  /** Whether this socket had opened before it closed. `false` means the handshake failed. */
  wasOpen: boolean;
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
  onOpen(): void;
  onFrame(frame: IncomingFrame): void;
  onClose(info: TransportCloseInfo): void;
}

/**
 * One logical, self-reconnecting socket. Implementations: `webSocketTransport`
 * (the platform's WebSocket) and `socketIoTransport` (socket.io-client, its own entry point).
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
