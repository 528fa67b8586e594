import type { ConnectionStatus } from '../core/ConnectionState';
import type { ConnectionEntry } from '../core/store/types';
import { useRealtimeShallow } from './useRealtimeState';

export interface ConnectionStatusResult {
  status: ConnectionStatus;
  /** Consecutive failed attempts (shown as "reconnecting, attempt 3"). */
  attempt: number;
  /** Commands waiting to be sent. */
  queued: number;
  error: string | null;
}

const severity: ConnectionStatus[] = ['failed', 'reconnecting', 'connecting', 'idle', 'open', 'closed'];
const none: ConnectionStatusResult = { status: 'idle', attempt: 0, queued: 0, error: null };

function pick(entry: ConnectionEntry | undefined): ConnectionStatusResult {
  return entry ? { status: entry.status, attempt: entry.attempt, queued: entry.queued, error: entry.error } : none;
}

function worst(entries: Record<string, ConnectionEntry>): ConnectionStatusResult {
  let found: ConnectionEntry | undefined;
  for (const entry of Object.values(entries)) {
    if (entry.status === 'closed') continue;
    if (!found || severity.indexOf(entry.status) < severity.indexOf(found.status)) found = entry;
  }
  return pick(found);
}

/**
 * The state of one backend's socket (`useConnectionStatus(ordersBackend, 42)`, or by name: `'orders'`), or, with no
 * argument, the worst state across every socket the client holds: for a page-wide indicator.
 */
export function useConnectionStatus(backend?: string | { readonly name: string }, param?: string | number): ConnectionStatusResult {
  const name = typeof backend === 'object' && backend !== null ? backend.name : backend;
  const key = name === undefined ? undefined : param === undefined ? name : `${name}:${param}`;
  return useRealtimeShallow((s) => (key === undefined ? worst(s.connections) : pick(s.connections[key])));
}
