import { useEffect } from 'react';
import type { BackendDefinition } from '../core/RealtimeClient';
import { useRealtimeClient } from './useRealtimeClient';

/**
 * Hold a backend's socket open while mounted (shared through the client's pool), and register
 * the backend on the client at once, so its slice is in the store before the first selector
 * reads it. The socket opens only in an effect, so server rendering opens nothing.
 * `enabled: false` holds nothing.
 */
export function useSubscription(backend: string | BackendDefinition, param?: string | number, enabled = true): void {
  const client = useRealtimeClient();
  if (typeof backend !== 'string') client.use(backend);
  useEffect(() => {
    if (!enabled) return undefined;
    return client.subscribe(backend, param);
  }, [client, backend, param, enabled]);
}
