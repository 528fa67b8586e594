/**
 * The simulator behind real sockets, for Node: one HTTP server on one port serving the
 * Django-style WebSocket endpoints, the Timing feed as a real Socket.IO `/admin` namespace,
 * the ERP chat's Server-Sent Events stream (chunked, one write per event), and every
 * backend's REST routes. `npm run server` runs it; tests start it on port 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSimulator, type Simulator } from './createSimulator';
import type { SimulatorOptions, SimFrame } from './types';

export interface SimulatorServerOptions extends SimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 8000 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /** Run the traffic scenario (`true`, or its options). @default false */
  scenario?: boolean | { ratePerSecond?: number };
  /** Serve this simulator instead of creating one from the options. */
  simulator?: Simulator;
}

export interface SimulatorServer {
  /** `ws://host:port`: the `url` to give createRealtimeClient. */
  readonly url: string;
  /** `http://host:port`: the `apiUrl`. */
  readonly httpUrl: string;
  readonly port: number;
  readonly simulator: Simulator;
  /** Push events as the real backends would (`emit.orderUpdate({...})`, `emit.notification(...)`, …). */
  readonly emit: Simulator['emit'];
  /** Drop connections, refuse handshakes, stop answering pings. */
  readonly faults: Simulator['faults'];
  /** Stop listening and close every socket. */
  close(): Promise<void>;
}

const CLOSE_ABRUPTLY = 1006;
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...CORS });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function requestHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return headers;
}

/**
 * Serve an event stream if the path is one: the head at once, then each event as its own
 * chunk. A client that disconnects removes its subscriber; `streams` lets the server end the
 * open ones when it stops. Returns false when the path is no stream.
 */
function serveStream(simulator: Simulator, req: IncomingMessage, res: ServerResponse, streams: Set<() => void>): boolean {
  const end = (): void => {
    streams.delete(stop);
    if (!res.writableEnded) res.end();
  };
  const stream = simulator.stream({ method: req.method ?? 'GET', path: req.url ?? '/', headers: requestHeaders(req) }, { write: (text) => void (res.writableEnded || res.write(text)), end });
  if (!stream) return false;
  function stop(): void {
    stream!.close();
    end();
  }
  streams.add(stop);
  res.on('close', stop);
  res.writeHead(stream.status, { ...stream.headers, ...CORS });
  res.flushHeaders();
  stream.start();
  return true;
}

function handleRest(simulator: Simulator, req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'OPTIONS') return sendJson(res, 204, undefined);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
    if (body.length > 1_000_000) req.destroy();
  });
  req.on('end', () => {
    try {
      const answer = simulator.rest({ method: req.method ?? 'GET', path: req.url ?? '/', headers: requestHeaders(req), body });
      sendJson(res, answer.status, answer.body);
    } catch (error) {
      sendJson(res, 500, { error: `simulator failure: ${(error as Error).message}` });
    }
  });
}

function refuseUpgrade(socket: NodeJS.WritableStream & { destroy(): void }, status: number): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[status] ?? 'Refused';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Start the simulator server. Resolves once it listens. */
export async function createSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const simulator = options.simulator ?? createSimulator(options);
  const streams = new Set<() => void>();
  const http = createServer((req, res) => {
    if (req.method !== 'OPTIONS' && serveStream(simulator, req, res, streams)) return;
    handleRest(simulator, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  const io = new SocketIoServer(http, { cors: { origin: true }, destroyUpgrade: false });
  const sockets = new Set<WebSocket>();

  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    if ((req.url ?? '').startsWith('/socket.io/')) return; // Socket.IO's own engine takes these
    socket.on('error', () => socket.destroy());
    let ws: WebSocket | undefined;
    const result = simulator.connect({ url: req.url ?? '/', origin: req.headers.origin, kind: 'websocket' }, {
      send: (frame) => ws?.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
      close: (code, reason) => (code === CLOSE_ABRUPTLY ? ws?.terminate() : ws?.close(code, reason)),
    });
    if (!result.ok) return refuseUpgrade(socket, result.status);
    wss.handleUpgrade(req, socket, head, (accepted) => {
      ws = accepted;
      sockets.add(accepted);
      accepted.on('message', (data, isBinary) => result.session.receive(isBinary ? '' : data.toString()));
      accepted.on('close', () => {
        sockets.delete(accepted);
        result.session.closed();
      });
      accepted.on('error', () => accepted.terminate());
      result.session.start();
    });
  });

  io.of('/admin').use((socket, next) => {
    const query = new URLSearchParams(socket.handshake.query as Record<string, string>);
    query.delete('EIO');
    query.delete('transport');
    const search = query.toString();
    const result = simulator.connect(
      { url: `/admin${search ? `?${search}` : ''}`, kind: 'socketio', auth: socket.handshake.auth as Record<string, unknown>, origin: socket.handshake.headers.origin },
      {
        send: (frame: SimFrame) => (typeof frame === 'string' ? socket.send(frame) : socket.emit(frame.event, frame.data)),
        close: () => socket.disconnect(true),
      },
    );
    if (!result.ok) return next(new Error(result.message));
    socket.data.session = result.session;
    next();
  });
  io.of('/admin').on('connection', (socket) => {
    const session = socket.data.session as import('./types').SimSession;
    socket.onAny((event: string, data: unknown) => session.receive({ event, data }));
    socket.on('disconnect', () => session.closed());
    session.start();
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 8000, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  if (options.scenario) simulator.scenario.start(options.scenario === true ? {} : options.scenario);

  let closing: Promise<void> | undefined;
  return {
    url: `ws://${host}:${address.port}`,
    httpUrl: `http://${host}:${address.port}`,
    port: address.port,
    simulator,
    emit: simulator.emit,
    faults: simulator.faults,
    close() {
      closing ??= (async () => {
        simulator.dispose();
        const streaming = streams.size > 0;
        for (const stop of [...streams]) stop();
        // Let the ended streams' last chunk go out before the connections are cut.
        if (streaming) await new Promise((resolve) => setImmediate(resolve));
        for (const ws of sockets) ws.terminate();
        io.disconnectSockets(true);
        // A connection whose stream the client aborted can linger for seconds; http.close() waits for it.
        http.closeAllConnections();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        http.closeAllConnections();
        await new Promise<void>((resolve) => (http.listening ? http.close(() => resolve()) : resolve()));
      })();
      return closing;
    },
  };
}
