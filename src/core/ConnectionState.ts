export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed' | 'failed';

/** A connection's state as the store and `useConnectionStatus` see it. Plain data. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** Consecutive failed attempts since the socket was last stable (0 while healthy). */
  attempt: number;
  /** Commands waiting for the socket to open. */
  queued: number;
  /** The last problem, token-free, or null. */
  error: string | null;
}
