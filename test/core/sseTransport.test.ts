// The Server-Sent Events transport against a real HTTP server on 127.0.0.1: events reach the
// dialect, the token goes in a header, a stream's end reconnects with backoff, a refusal stated
// by the server ends in `failed` after a bounded number of spaced attempts, and close() aborts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealtimeClient, sseTransport, type BackendDefinition, type Dialect, type RealtimeError, type StoreEvent } from 'react-realtime-kit';
import { until } from '../helpers/until';

interface Request {
  at: number;
  url: string;
  headers: IncomingMessage['headers'];
  res: ServerResponse;
  closed: boolean;
}

let server: Server;
let base: string;
const requests: Request[] = [];
let handler: (req: Request) => void = () => undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const entry: Request = { at: Date.now(), url: req.url ?? '', headers: req.headers, res, closed: false };
    res.on('close', () => (entry.closed = true));
    requests.push(entry);
    handler(entry);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const clients: { dispose(): void }[] = [];
beforeEach(() => {
  requests.length = 0;
  handler = () => undefined;
});
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

function stream(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
}

/** A test dialect: `tick` events carry `{n}`, `error` events refuse or report. */
const tickDialect: Dialect<never> = {
  name: 'ticks',
  token: 'header',
  parse(frame) {
    const { event, data } = frame as { event: string; data: string };
    let value: { n?: number; error?: string };
    try {
      value = JSON.parse(data) as typeof value;
    } catch {
      return { ok: false, error: `ticks: not JSON: ${data.slice(0, 20)}` };
    }
    if (event === 'tick') return { ok: true, events: [{ kind: 'tick', n: value.n }] };
    if (event === 'error') {
      return { ok: true, events: [value.error === 'Unauthorized' ? { kind: 'connection/refused', reason: value.error } : { kind: 'server/error', message: String(value.error) }] };
    }
    return { ok: true, events: [] };
  },
  encode: () => '',
};

const ticks: number[] = [];
const ticksBackend: BackendDefinition = {
  name: 'ticks',
  path: 'events/',
  dialect: tickDialect,
  slices: [
    {
      key: 'ticks',
      initial: null,
      reduce: (slice: unknown, entry: { event: StoreEvent }) => {
        if (entry.event.kind === 'tick') ticks.push(entry.event['n'] as number);
        return slice;
      },
    },
  ],
};

function clientOn(options: Parameters<typeof createRealtimeClient>[0] = {}) {
  const errors: RealtimeError[] = [];
  const client = createRealtimeClient({
    url: base.replace('http', 'ws'),
    token: 'k3y',
    authScheme: 'Token',
    transport: sseTransport(),
    reconnect: { minDelay: 100, maxDelay: 400, connectTimeout: 2000 },
    onError: (e) => errors.push(e),
    ...options,
  });
  clients.push(client);
  return { client, errors, status: () => client.connectionState(ticksBackend)?.status };
}

describe('sseTransport', () => {
  beforeEach(() => {
    ticks.length = 0;
  });

  it('delivers each event, split anyhow across chunks and lines, with the token in an Authorization header', async () => {
    handler = ({ res }) => {
      stream(res);
      res.write(': a comment\n\nevent: tick\r\ndata: {"n"');
      setTimeout(() => res.write(':1}\r\n\r'), 20);
      setTimeout(() => res.write('\nevent: tick\ndata: {"n":2}\n\nevent: other\ndata: {}\n\n'), 40);
    };
    const { client, status } = clientOn();
    client.subscribe(ticksBackend);
    await until(() => ticks.length === 2, 'two ticks');
    expect(ticks).toEqual([1, 2]);
    expect(status()).toBe('open');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.authorization).toBe('Token k3y');
    expect(requests[0]!.headers.accept).toBe('text/event-stream');
    expect(requests[0]!.url).toBe('/events/');
  });

  it('reconnects with backoff when the server ends the stream, sending Last-Event-ID once the server gave ids', async () => {
    handler = ({ res }) => {
      stream(res);
      res.end(`id: e${requests.length}\nevent: tick\ndata: {"n":${requests.length}}\n\n`);
    };
    const { client } = clientOn({ reconnect: { minDelay: 200, maxDelay: 200, connectTimeout: 2000 }, random: () => 1 });
    client.subscribe(ticksBackend);
    await until(() => ticks.length >= 3, 'three streams', 5000);
    expect(ticks.slice(0, 3)).toEqual([1, 2, 3]);
    expect(requests[0]!.headers['last-event-id']).toBeUndefined();
    expect(requests[1]!.headers['last-event-id']).toBe('e1');
    expect(requests[2]!.headers['last-event-id']).toBe('e2');
    // Spaced by the backoff, not a tight loop.
    expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(150);
  });

  it('ends in failed after maxRefusals refusals stated by the server, one attempt per backoff step, with one error per cause', async () => {
    const asked: boolean[] = [];
    handler = ({ res }) => {
      stream(res);
      res.end('event: error\ndata: {"error": "Unauthorized"}\n\n');
    };
    const { client, errors, status } = clientOn({
      token: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return 'k3y';
      },
      random: () => 1,
    });
    client.subscribe(ticksBackend);
    await until(() => status() === 'failed', 'failed', 5000);
    expect(requests).toHaveLength(3);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(90);
    expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(190);
    expect(asked).toEqual([false, true, true]);
    // One report per distinct cause: the same refusal again is not news; giving up is.
    expect(errors.map((e) => e.message.replace(base.replace('http', 'ws'), 'URL'))).toEqual([
      'ticks: the handshake to URL/events/ failed before the socket opened (Unauthorized).',
      'ticks: the server refused the credentials 3 times in a row (Unauthorized). Check the token, then call client.reconnect().',
    ]);
    expect(client.connectionState(ticksBackend)?.error).toContain('refused the credentials 3 times');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(requests).toHaveLength(3);
    // The app can try again.
    handler = ({ res }) => {
      stream(res);
      res.write('event: tick\ndata: {"n":7}\n\n');
    };
    client.reconnect();
    await until(() => ticks.includes(7), 'a tick after reconnect()');
    expect(status()).toBe('open');
  });

  it('reports a transient server error, shows it as the state error, and recovers by itself', async () => {
    let down = true;
    handler = ({ res }) => {
      stream(res);
      if (down) res.end('event: error\ndata: {"error": "Redis not available"}\n\n');
      else res.write('event: tick\ndata: {"n":1}\n\n');
    };
    const { client, errors, status } = clientOn();
    client.subscribe(ticksBackend);
    await until(() => requests.length >= 2, 'a retry');
    expect(client.connectionState(ticksBackend)?.error ?? 'open').toMatch(/Redis not available|open/);
    expect(errors.some((e) => e.code === 'server-error' && e.message.includes('Redis not available'))).toBe(true);
    await until(() => client.connectionState(ticksBackend)?.error === 'Redis not available', 'the error on the state');
    down = false;
    await until(() => ticks.includes(1), 'recovered', 5000);
    expect(status()).toBe('open');
  });

  it('treats an HTTP error or a non-stream answer as a refused handshake, naming it', async () => {
    handler = ({ res }) => {
      if (requests.length === 1) {
        res.writeHead(502);
        res.end('bad gateway');
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>login</html>');
      }
    };
    const { client, errors } = clientOn();
    client.subscribe(ticksBackend);
    await until(() => errors.length >= 2, 'two handshake errors');
    expect(errors[0]!.message).toContain('failed before the socket opened (HTTP 502)');
    expect(errors[1]!.message).toContain('not an event stream (Content-Type: text/html)');
  });

  it('rejects an event larger than limits.maxFrameChars without keeping it', async () => {
    handler = ({ res }) => {
      stream(res);
      res.write(`event: tick\ndata: {"n":1,"pad":"${'x'.repeat(5000)}"}\n\nevent: tick\ndata: {"n":2}\n\n`);
    };
    const { client, errors } = clientOn({ limits: { maxFrameChars: 1000 } });
    client.subscribe(ticksBackend);
    await until(() => ticks.includes(2), 'the next event');
    expect(ticks).toEqual([2]);
    expect(errors.map((e) => e.message)).toContain('ticks: frame is larger than 1000 characters');
  });

  it('aborts the request when the last subscriber leaves', async () => {
    handler = ({ res }) => stream(res);
    const { client, status } = clientOn();
    const release = client.subscribe(ticksBackend);
    await until(() => status() === 'open', 'open');
    release();
    await until(() => requests[0]!.closed, 'the server to see the request closed');
  });
});
