import { WebSocket } from 'ws';
import { createRealtimeClient, type RealtimeClientOptions, type RealtimeClient, type RealtimeError } from 'react-realtime-kit';
import type { TestWsServer } from './startWsServer';

/** `ws` does not send an Origin by default; Django Channels refuses such handshakes, so set one. */
export class OriginWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { origin: 'http://127.0.0.1' });
  }
}

export interface TestClient {
  client: RealtimeClient;
  errors: RealtimeError[];
  dispose(): void;
}

const live = new Set<TestClient>();

/** A client on a test server with fast timings; disposed by `disposeClients()`. */
export function clientFor(server: TestWsServer | { url: string }, options: RealtimeClientOptions = {}): TestClient {
  const errors: RealtimeError[] = [];
  const client = createRealtimeClient({
    url: server.url,
    WebSocket: OriginWebSocket as never,
    reconnect: { minDelay: 20, maxDelay: 200, connectTimeout: 2000 },
    heartbeat: false,
    ...options,
    onError: (error) => {
      errors.push(error);
      options.onError?.(error);
    },
  });
  const handle: TestClient = { client, errors, dispose: () => client.dispose() };
  live.add(handle);
  return handle;
}

export function disposeClients(): void {
  for (const handle of live) handle.dispose();
  live.clear();
}
