import { useContext } from 'react';
import type { RealtimeClient } from '../core/RealtimeClient';
import { RealtimeContext } from './RealtimeContext';

/**
 * The client of the nearest `<RealtimeProvider>`. Throws a message naming the fix outside one.
 * Pass it to the action functions (`approveUser(client, id)`).
 */
export function useRealtimeClient(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) {
    throw new Error(
      'useRealtimeClient must be used inside <RealtimeProvider>: wrap your app in <RealtimeProvider client={createRealtimeClient({ url, token })}> (react-realtime-kit).',
    );
  }
  return client;
}
