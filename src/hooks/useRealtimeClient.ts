import { useContext } from 'react';
import type { RealtimeClient } from '../core/RealtimeClient';
import { RealtimeContext } from './RealtimeContext';

/**
 * The client of the nearest `<RealtimeProvider>`. Throws a message naming the fix outside one.
 * Typed as `RealtimeClient` for compatibility, but `actions` is there only when the provider
 * was given a `client` from `createRealtimeClient`: a provider created with `options` holds a
 * core client (`createRealtimeCore`) — call the action functions with it instead, e.g.
 * `approveUser(client, id)`.
 */
export function useRealtimeClient(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) {
    throw new Error(
      'useRealtimeClient must be used inside <RealtimeProvider>: wrap your app in <RealtimeProvider client={createRealtimeClient({ url, token })}> (react-realtime-kit).',
    );
  }
  return client as RealtimeClient;
}
