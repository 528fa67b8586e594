import { useEffect } from 'react';
import { useRealtimeClient } from './useRealtimeClient';

/**
 * Hold an endpoint's socket open while mounted (shared through the client's pool). Runs only
 * in effects, so server rendering opens nothing. `enabled: false` holds nothing.
 */
export function useSubscription(endpoint: string, param?: string | number, enabled = true): void {
  const client = useRealtimeClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return client.subscribe(endpoint, param);
  }, [client, endpoint, param, enabled]);
}
