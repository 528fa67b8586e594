import type { RealtimeClient } from 'react-realtime-kit';
import { chatClientFor, clientFor } from './backend';

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

/** The chat view's client for one user (the ERP chat over SSE + REST), kept like the others. */
export function useChatClient(token: string): RealtimeClient {
  const key = `chat:${token}`;
  let client = clients.get(key);
  if (!client) {
    client = chatClientFor(token, (error) => console.warn(`[demo] ${error.code}: ${error.message}`));
    clients.set(key, client);
  }
  return client;
}
