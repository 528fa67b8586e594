import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { createSimulator, type Simulator } from 'react-realtime-kit/testing';
import { createSimulatorServer, type SimulatorServer } from 'react-realtime-kit/testing/server';

export const artifacts = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

export interface DemoRig {
  simulator: Simulator;
  server: SimulatorServer;
  vite: ViteDevServer;
  browser: Browser;
  url: string;
  /** Stop the simulator server (sockets drop), keeping its world. */
  stopBackend(): Promise<void>;
  /** Serve the same world again on the same port. */
  startBackend(): Promise<void>;
  close(): Promise<void>;
}

/** The simulator server and the demo's dev server on random ports, and Debian's Chromium. */
export async function startDemo(): Promise<DemoRig> {
  mkdirSync(artifacts, { recursive: true });
  const simulator = createSimulator({ seed: 1, botReplyDelayMs: 200 });
  let server = await createSimulatorServer({ port: 0, simulator });
  const port = server.port;
  process.env.VITE_WS_URL = server.url;
  process.env.VITE_API_URL = server.httpUrl;
  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url)),
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
    clearScreen: false,
  });
  await vite.listen();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rig: DemoRig = {
    simulator,
    get server() {
      return server;
    },
    vite,
    browser,
    url: vite.resolvedUrls!.local[0]!,
    async stopBackend() {
      await server.close();
    },
    async startBackend() {
      server = await createSimulatorServer({ port, simulator });
    },
    async close() {
      await browser.close();
      await vite.close();
      await server.close();
    },
  };
  return rig;
}
