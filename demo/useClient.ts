import type { RealtimeClient } from 'react-realtime-kit';
import { clientFor } from './backend';

const clients = new Map<string, RealtimeClient>();

/**
 * One client per signed-in user for the page's lifetime, so switching views keeps sockets
 * and data (the pool closes sockets nobody watches).
 */
export function useClient(token: string): RealtimeClient {
  let client = clients.get(token);
  if (!client) {
    client = clientFor(token, (error) => console.warn(`[demo] ${error.code}: ${error.message}`));
    clients.set(token, client);
  }
  return client;
}
