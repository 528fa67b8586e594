import { chatOverSse, createRealtimeClient, type RealtimeClient, type RealtimeClientOptions } from 'react-realtime-kit';
import { socketIoTransport } from 'react-realtime-kit/socketio';
import { createSimulator, demoUsers, simulatorFetch, simulatorTransport, type Simulator } from 'react-realtime-kit/testing';

/**
 * Where the demo's data comes from:
 * - `server` (npm start): the simulator server, or your own backend via VITE_WS_URL,
 *   VITE_API_URL and VITE_TOKEN (plus VITE_ADMIN_TOKEN for the admin view);
 * - `browser` (npm run build:demo): the same simulator running inside the page, no server.
 */
export const mode: 'server' | 'browser' = import.meta.env.VITE_BACKEND === 'browser' ? 'browser' : 'server';

const env = import.meta.env;
const wsUrl = env.VITE_WS_URL || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.hostname}:8000`;
const apiUrl = env.VITE_API_URL || wsUrl.replace(/^ws/, 'http');

let simulator: Simulator | null = null;
/** The in-page simulator (browser mode only), shared by every client of the page. */
export function pageSimulator(): Simulator {
  if (!simulator) {
    simulator = createSimulator({ seed: 1 });
    simulator.scenario.start({ ratePerSecond: 2 });
  }
  return simulator;
}

/** Tokens per role. Defaults are the simulator's demo tokens. */
export const tokens = {
  customer: env.VITE_TOKEN || 'demo',
  peer: env.VITE_PEER_TOKEN || 'peer',
  admin: env.VITE_ADMIN_TOKEN || 'admin',
  classmate: env.VITE_CLASSMATE_TOKEN || 'classmate',
};

/** The two people of the chat view on the ERP chat (UUIDs, as that server's ids are). */
export const chatUsers = {
  left: { token: tokens.customer, id: env.VITE_CHAT_USER_ID || demoUsers.demo.uuid, name: 'Demo' },
  right: { token: tokens.classmate, id: env.VITE_CHAT_PEER_ID || demoUsers.classmate.uuid, name: 'Noor' },
};

/** A client for one signed-in user. Each view gets its own, as separate users would. */
export function clientFor(token: string, onError?: RealtimeClientOptions['onError']): RealtimeClient {
  if (mode === 'browser') {
    const sim = pageSimulator();
    return createRealtimeClient({ url: 'ws://simulator.local', apiUrl: 'http://simulator.local', token, transport: simulatorTransport(sim), fetch: simulatorFetch(sim), onError });
  }
  return createRealtimeClient({
    url: wsUrl,
    apiUrl,
    token,
    onError,
    reconnect: { maxDelay: 5000 },
    backends: { timing: { transport: socketIoTransport() } },
  });
}

/**
 * A client for the chat view: the ERP chat as its server runs today (Server-Sent Events plus
 * REST, DRF `Token` keys), on the simulator or on your server (VITE_API_URL).
 */
export function chatClientFor(token: string, onError?: RealtimeClientOptions['onError']): RealtimeClient {
  const browser = mode === 'browser';
  const base = browser ? 'http://simulator.local' : apiUrl;
  return createRealtimeClient({
    url: base,
    apiUrl: base,
    token,
    authScheme: 'Token',
    onError,
    reconnect: { maxDelay: 5000 },
    fetch: browser ? simulatorFetch(pageSimulator()) : undefined,
    backends: { chat: chatOverSse() },
  });
}
