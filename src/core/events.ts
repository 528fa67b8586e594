import type { ConnectionState } from './ConnectionState';

/**
 * An event in the store: plain, serialisable data (no functions, no class instances) so a
 * batch can cross a worker boundary unchanged. `kind` is namespaced by what it feeds
 * (`order/upsert`, `chat/ack`, …); each backend declares its own kinds.
 */
export type StoreEvent = { readonly kind: string; readonly [field: string]: unknown };

/** The events the core itself understands, whatever the backend. */
export type CoreEvent =
  | { kind: 'connection/state'; state: ConnectionState }
  /** The server said who we are (a greeting). Any dialect may emit it. */
  | { kind: 'session/established'; userId: string | null; username: string | null; user?: Record<string, unknown> }
  | { kind: 'pong'; timestamp: string | null }
  | { kind: 'server/error'; message: string }
  /**
   * The server refused this connection's credentials after accepting the stream (e.g. an SSE
   * `error` event saying "Unauthorized"): the connection treats it as a refused handshake.
   */
  | { kind: 'connection/refused'; reason: string };

/** One entry of a batch: which endpoint it came from (`orders:42`), and what happened. */
export interface StoreEntry<E extends StoreEvent = StoreEvent> {
  endpoint: string;
  event: E;
}
