/**
 * `npm start`: the simulator server with live traffic and the demo's dev server, together.
 * Prints the URL to open and the demo tokens; Ctrl-C stops both. With VITE_WS_URL set, only
 * the demo starts, pointed at your backend.
 */
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { createSimulatorServer, type SimulatorServer } from '../src/testing/createSimulatorServer';

const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const simPort = Number(process.env.SIM_PORT ?? 8000);

async function startSimulator(): Promise<SimulatorServer> {
  try {
    return await createSimulatorServer({ port: simPort, scenario: { ratePerSecond: 2 } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${simPort} is taken; the simulator takes a free one instead.`);
    return createSimulatorServer({ port: 0, scenario: { ratePerSecond: 2 } });
  }
}

const simulator = process.env.VITE_WS_URL ? null : await startSimulator();
if (simulator) {
  process.env.VITE_WS_URL = simulator.url;
  process.env.VITE_API_URL = simulator.httpUrl;
}

const vite = await createViteServer({
  configFile: fileURLToPath(new URL('../demo/vite.config.ts', import.meta.url)),
  server: { port: demoPort, host: '127.0.0.1', strictPort: false },
  logLevel: 'warn',
  clearScreen: false,
});
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${demoPort}/`;

console.log(`
  react-realtime-kit demo

  Open ${url}
  Views: ${url}#/customer  ${url}#/board  ${url}#/admin  ${url}#/chat
  Backend: ${simulator ? `simulator at ${simulator.httpUrl} (live traffic, seed 1)` : `${process.env.VITE_WS_URL} (your own)`}
  Tokens: demo (customer, user 1), peer (Sam, user 2), admin (staff)

  Ctrl-C stops everything.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void Promise.all([vite.close(), simulator?.close()]).then(() => process.exit(0));
  });
}
