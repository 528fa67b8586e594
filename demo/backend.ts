import { createRealtimeClient, type RealtimeClient, type RealtimeClientOptions } from 'react-realtime-kit';
import { socketIoTransport } from 'react-realtime-kit/socketio';
import { createSimulator, simulatorFetch, simulatorTransport, type Simulator } from 'react-realtime-kit/testing';

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
