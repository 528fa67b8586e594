import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, resolveReconnect } from '../../src/core/backoff';
import { SILENT_PINGS } from '../../src/core/createHeartbeat';
import { clientFor, disposeClients } from '../helpers/clientFor';
import { startWsServer, type TestWsServer } from '../helpers/startWsServer';
import { useWsServer } from '../helpers/useWsServer';
import { ordersBackend, notificationsBackend, chatBackend, adminBackend } from 'react-realtime-kit';

const live = useWsServer();
let server: TestWsServer;
beforeEach(() => {
  server = live.current;
});

const statusOf = (client: ReturnType<typeof clientFor>['client'], key = 'admin') => client.store.getState().connections[key]?.status;
const noResync = { admin: { onOpen: undefined } };

describe('Connection: reconnect and the send queue', () => {
  it('retries a refused handshake with growing delays, then flushes the queue in order, exactly once', async () => {
    const randomCalls: number[] = [];
    const { client } = clientFor(server, {
      backends: noResync,
      reconnect: { minDelay: 40, maxDelay: 10_000, growth: 2 },
      random: () => {
        randomCalls.push(1);
        return 0.999;
      },
    });
    server.refuse = () => 403;
    client.subscribe(adminBackend);
    for (let i = 1; i <= 5; i += 1) expect(client.send(adminBackend, { type: 'ping', timestamp: `q${i}` })).toBe('queued');
    await server.waitFor(() => server.handshakes.length >= 5, 'five refused handshakes');
    server.refuse = undefined;
    const [connection] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'an accepted socket');
    await server.waitFor(() => connection!.received.length >= 5, 'the flushed queue');
    expect(client.send(adminBackend, { type: 'ping', timestamp: 'after' })).toBe('sent');
    await server.waitFor(() => connection!.received.length >= 6, 'the next command');
    expect(connection!.received.map((f) => JSON.parse(f).timestamp)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'after']);

    const options = resolveReconnect({ minDelay: 40, maxDelay: 10_000, growth: 2 });
    const gaps = server.handshakes.slice(1, 5).map((h, i) => h.at - server.handshakes[i]!.at);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(backoffDelay(i + 1, options, () => 0.999) - 5));
    expect(gaps[3]!).toBeGreaterThan(gaps[0]!);
    expect(randomCalls.length).toBeGreaterThanOrEqual(5);
    expect(client.stats.queuedCommands).toBe(0);
  });

  it('comes back after the server dies and restarts on the same port', async () => {
    const { client } = clientFor(server, { backends: noResync });
    client.subscribe(adminBackend);
    await server.waitFor(() => statusOf(client) === 'open', 'open');
    await server.stop();
    await server.waitFor(() => statusOf(client) === 'reconnecting', 'reconnecting');
    client.send(adminBackend, { type: 'ping', timestamp: 'while-down-1' });
    client.send(adminBackend, { type: 'ping', timestamp: 'while-down-2' });
    expect(client.stats.queuedCommands).toBe(2);
    await server.restart();
    await server.waitFor(() => statusOf(client) === 'open', 'open again');
    const latest = server.open().at(-1)!;
    await server.waitFor(() => latest.received.length >= 2, 'flushed commands');
    expect(latest.received.map((f) => JSON.parse(f).timestamp)).toEqual(['while-down-1', 'while-down-2']);
    expect(client.stats.reconnects).toBe(1);
  });

  it('fails visibly once retries are exhausted', async () => {
    const { client, errors } = clientFor(server, { reconnect: { minDelay: 5, maxDelay: 10, maxRetries: 2 } });
    server.refuse = () => 403;
    client.subscribe(adminBackend);
    await server.waitFor(() => statusOf(client) === 'failed', 'failed');
    expect(server.handshakes).toHaveLength(3);
    expect(errors.at(-1)!.code).toBe('connection-failed');
    expect(errors.at(-1)!.message).toBe('admin: gave up after 3 failed attempts. Call client.reconnect() or raise reconnect.maxRetries.');
    expect(() => client.send(adminBackend, { type: 'get_stats' })).toThrow('admin: cannot send, the connection is failed.');
  });

  it('turns a full send queue into an error the caller sees', async () => {
    const { client, errors } = clientFor(server, { limits: { sendQueue: 2 } });
    server.refuse = () => 403;
    client.subscribe(adminBackend);
    client.send(adminBackend, { type: 'get_stats' });
    client.send(adminBackend, { type: 'get_stats' });
    expect(() => client.send(adminBackend, { type: 'get_stats' })).toThrow(
      'admin: the send queue is full (2 commands waiting for the socket). Raise limits.sendQueue or wait for the connection to open.',
    );
    expect(errors.some((e) => e.code === 'queue-overflow')).toBe(true);
    expect(client.stats.queuedCommands).toBe(2);
  });
});

describe('Connection: heartbeat', () => {
  it('replaces a socket whose server stops answering pings', async () => {
    let answer = true;
    server.onMessage = (connection, data) => {
      const frame = JSON.parse(data);
      if (frame.type === 'ping' && answer) connection.socket.send(JSON.stringify({ type: 'pong', timestamp: frame.timestamp }));
    };
    const { client, errors } = clientFor(server, { backends: noResync, heartbeat: { interval: 40, timeout: 150 } });
    client.subscribe(adminBackend);
    const [first] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'first socket');
    await server.waitFor(() => first!.received.length >= 3, 'three answered pings');
    expect(server.connections).toHaveLength(1);
    answer = false;
    await server.waitFor(() => server.connections.length === 2 && server.open().length === 1, 'a replacement socket');
    expect(first!.socket.readyState).not.toBe(1);
    expect(errors.map((e) => e.code)).toContain('heartbeat-timeout');
    expect(errors.find((e) => e.code === 'heartbeat-timeout')!.message).toBe('admin: no pong within 150 ms; replacing the socket.');
  });

  it('stops pinging a socket that never answered a ping, reports it once, and does not replace it', async () => {
    server.onMessage = () => undefined; // a shadowed route: it takes pings and says nothing
    const { client, errors } = clientFor(server, { backends: noResync, heartbeat: { interval: 20, timeout: 40 } });
    client.subscribe(adminBackend);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'socket');
    await server.waitFor(() => errors.some((e) => e.code === 'heartbeat-timeout'), 'the report');
    const pings = socket!.received.filter((f) => f.includes('"ping"')).length;
    expect(pings).toBe(SILENT_PINGS);
    await new Promise((resolve) => setTimeout(resolve, 300)); // many intervals and timeouts
    expect(socket!.received.filter((f) => f.includes('"ping"'))).toHaveLength(pings);
    expect(server.connections).toHaveLength(1);
    expect(socket!.socket.readyState).toBe(1);
    expect(errors.filter((e) => e.code === 'heartbeat-timeout').map((e) => e.message)).toEqual([
      `admin: the server never answered a ping (${SILENT_PINGS} sent, 40 ms each); pinging stops, and a dead socket is noticed only when it closes.`,
    ]);
  });

  it('sends no ping on a protocol without one', async () => {
    const { client } = clientFor(server, { heartbeat: { interval: 20, timeout: 50 } });
    client.subscribe(ordersBackend, 5);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'socket');
    client.subscribe(adminBackend);
    await server.waitFor(() => server.open().length === 2 && server.open()[1]!.received.some((f) => f.includes('"ping"')), 'an admin ping');
    expect(socket!.received).toEqual([]);
  });
});

describe('Connection: token provider', () => {
  it('is called on every attempt, and with forceRefresh after two refused handshakes', async () => {
    const calls: boolean[] = [];
    server.refuse = (url) => (url.includes('token=stale') ? 403 : undefined);
    const { client, errors } = clientFor(server, {
      token: async ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return forceRefresh ? 'fresh-secret' : 'stale';
      },
    });
    client.subscribe(notificationsBackend);
    await server.waitFor(() => client.store.getState().connections.notifications?.status === 'open', 'open');
    expect(calls).toEqual([false, false, true]);
    expect(server.open()[0]!.url).toBe('/ws/notifications/?token=fresh-secret');
    server.open()[0]!.socket.close(1011);
    await server.waitFor(() => calls.length === 4, 'a token call for the next attempt');
    const shown = JSON.stringify([errors.map((e) => e.message), client.stats, client.store.getState()]);
    expect(shown).not.toContain('stale');
    expect(shown).not.toContain('fresh-secret');
    expect(errors[0]!.message).toContain('A Django Channels server answers a bad token or a foreign Origin with HTTP 403');
  });

  it('reports a throwing token function and keeps retrying', async () => {
    let fail = true;
    const { client, errors } = clientFor(server, {
      token: () => {
        if (fail) {
          fail = false;
          throw new Error('refresh endpoint down');
        }
        return 'ok';
      },
    });
    client.subscribe(chatBackend);
    await server.waitFor(() => server.open().length === 1, 'open after the retry');
    expect(errors[0]!.code).toBe('token-provider');
    expect(errors[0]!.message).toBe('chat: the token function failed: refresh endpoint down');
  });
});

describe('Heartbeat', () => {
  it('keeps one ping outstanding at most, and declares the socket dead only when its pong is late', async () => {
    const { createHeartbeat } = await import('../../src/core/createHeartbeat');
    vi.useFakeTimers();
    try {
      let pings = 0;
      let dead = 0;
      const beat = createHeartbeat({ interval: 100, timeout: 250 }, () => (pings += 1) > 0, () => (dead += 1));
      beat.start();
      vi.advanceTimersByTime(100);
      expect(pings).toBe(1);
      vi.advanceTimersByTime(200); // two more ticks while the pong is awaited: no new ping
      expect(pings).toBe(1);
      beat.pong();
      vi.advanceTimersByTime(100);
      expect(pings).toBe(2);
      vi.advanceTimersByTime(250);
      expect(dead).toBe(1);
      vi.advanceTimersByTime(1000); // stopped after death: the connection replaces the socket and starts anew
      expect(pings).toBe(2);
      beat.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
