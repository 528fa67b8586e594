// Node-only entry: `import { createSimulatorServer } from 'react-realtime-kit/testing/server'`.
// The server runs on the optional peers `ws` and `socket.io`: when either is missing, say so
// and how to install it, rather than failing with a bare ERR_MODULE_NOT_FOUND from inside.
import type { createSimulatorServer as CreateSimulatorServer } from './createSimulatorServer';

async function load(): Promise<typeof import('./createSimulatorServer')> {
  const missing: string[] = [];
  for (const peer of ['ws', 'socket.io']) {
    try {
      await import(/* @vite-ignore */ peer);
    } catch {
      missing.push(peer);
    }
  }
  if (missing.length) {
    throw new Error(
      `react-realtime-kit/testing/server needs the optional peer dependencies ${missing.join(' and ')}: npm install --save-dev ${missing.join(' ')}`,
    );
  }
  return import('./createSimulatorServer');
}

/** Start the simulator of every backend on a real HTTP + WebSocket (+ Socket.IO) server. */
export const createSimulatorServer: typeof CreateSimulatorServer = (await load()).createSimulatorServer;
export type { SimulatorServer, SimulatorServerOptions } from './createSimulatorServer';
