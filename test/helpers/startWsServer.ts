import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface ServerConnection {
  socket: WebSocket;
  url: string;
  origin: string | undefined;
  received: string[];
}

export interface TestWsServer {
  port: number;
  url: string;
  connections: ServerConnection[];
  /** Every handshake seen, accepted or refused, with its URL and time. */
  handshakes: { url: string; at: number; refused: boolean }[];
  /** Decide per handshake: return an HTTP status to refuse it. */
  refuse: ((url: string) => number | undefined) | undefined;
  /** Hold handshakes unanswered (the client stays CONNECTING); counts the ones the client abandoned. */
  stall: boolean;
  abandoned: number;
  onConnection: ((connection: ServerConnection) => void) | undefined;
  onMessage: ((connection: ServerConnection, data: string) => void) | undefined;
  waitFor<T>(predicate: () => T | undefined | false, what: string, timeoutMs?: number): Promise<T>;
  open(): ServerConnection[];
  /** Kill every socket abruptly and stop listening. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  restart(): Promise<void>;
}

/** A real `ws` server on 127.0.0.1 and a random port, for the kit's tests. */
export async function startWsServer(port = 0): Promise<TestWsServer> {
  let http: Server;
  let wss: WebSocketServer;
  const server: TestWsServer = {
    port: 0,
    url: '',
    connections: [],
    handshakes: [],
    refuse: undefined,
    stall: false,
    abandoned: 0,
    onConnection: undefined,
    onMessage: undefined,
    waitFor(predicate, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = (): void => {
          const value = predicate();
          if (value !== undefined && value !== false) return resolve(value as never);
          if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
          setTimeout(tick, 5);
        };
        tick();
      });
    },
    open() {
      return server.connections.filter((c) => c.socket.readyState === WebSocket.OPEN);
    },
    async stop() {
      for (const c of server.connections) c.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
    async restart() {
      await listen(server.port);
    },
  };

  async function listen(onPort: number): Promise<void> {
    http = createServer((_req, res) => res.writeHead(404).end());
    wss = new WebSocketServer({ noServer: true });
    http.on('upgrade', (req, socket, head) => {
      const status = server.refuse?.(req.url ?? '');
      server.handshakes.push({ url: req.url ?? '', at: Date.now(), refused: status !== undefined });
      if (server.stall) {
        // The HTTP server's sockets allow half-open: the client's FIN arrives as 'end'.
        socket.once('end', () => {
          server.abandoned += 1;
          socket.destroy();
        });
        return;
      }
      if (status !== undefined) {
        socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const connection: ServerConnection = { socket: ws, url: req.url ?? '', origin: req.headers.origin, received: [] };
        server.connections.push(connection);
        ws.on('message', (data) => {
          const text = data.toString();
          connection.received.push(text);
          server.onMessage?.(connection, text);
        });
        server.onConnection?.(connection);
      });
    });
    await new Promise<void>((resolve) => http.listen(onPort, '127.0.0.1', resolve));
    server.port = (http.address() as AddressInfo).port;
    server.url = `ws://127.0.0.1:${server.port}`;
  }

  await listen(port);
  return server;
}
