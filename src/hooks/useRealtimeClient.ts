import { useContext } from 'react';
import type { RealtimeCore } from '../core/RealtimeClient';
import { RealtimeContext } from './RealtimeContext';

/**
 * The client of the nearest `<RealtimeProvider>`. Throws a message naming the fix outside one.
 * Typed as the core client, which every provider holds: call the action functions with it
 * (`approveUser(client, id)`), which work whichever way the client was made.
 */
export function useRealtimeClient(): RealtimeCore {
  const client = useContext(RealtimeContext);
  if (!client) {
    throw new Error(
      'useRealtimeClient must be used inside <RealtimeProvider>: wrap your app in <RealtimeProvider client={createRealtimeClient({ url, token })}> (react-realtime-kit).',
    );
  }
  return client;
}
