import { useEffect } from 'react';
import type { EndpointDefinition } from '../core/endpoints';
import { useRealtimeClient } from './useRealtimeClient';

/**
 * Hold an endpoint's socket open while mounted (shared through the client's pool). Runs only
 * in effects, so server rendering opens nothing. `enabled: false` holds nothing. Pass a
 * definition (`ordersEndpoint`) to work with any client, or a name the client knows.
 */
export function useSubscription(endpoint: string | EndpointDefinition, param?: string | number, enabled = true): void {
  const client = useRealtimeClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return client.subscribe(endpoint, param);
  }, [client, endpoint, param, enabled]);
}
