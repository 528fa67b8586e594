import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRealtimeClient, ordersBackend, adminBackend } from 'react-realtime-kit';
import { clientFor, disposeClients } from '../helpers/clientFor';
import { startWsServer, type TestWsServer } from '../helpers/startWsServer';
import { useWsServer } from '../helpers/useWsServer';

const live = useWsServer();
let server: TestWsServer;
beforeEach(() => {
  server = live.current;
});

const valid = (progress: number) =>
  JSON.stringify({ type: 'order.update', order_id: 9, status: 'Continue', progress, booster_price: '85.50', actual_price: '100.00', booster_id: 456, booster_username: 'pro_booster', reached_rank: 'Platinum', reached_division: 2, reached_marks: 1, message: 'Order updated', timestamp: '2024-01-15T10:30:00Z' });

describe('bad input from the wire', () => {
  it('counts each invalid frame, reports it once with the dialect, and changes no state', async () => {
    const { client, errors } = clientFor(server);
    client.subscribe(ordersBackend, 9);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'socket');
    socket!.socket.send(valid(75));
    await server.waitFor(() => client.store.getState().orders.byId['9'], 'the first update');
    const before = client.store.getState().orders;
    const bad = ['not json', '{"type":"nope"}', JSON.stringify({ type: 'order.update', order_id: 9, status: 5 }), '{"type":"order.update","__proto__":{"polluted":true}}', 'x'.repeat(300_000), '[]'];
    for (const frame of bad) socket!.socket.send(frame);
    socket!.socket.send(valid(80));
    await server.waitFor(() => client.store.getState().orders.byId['9']!.progress === 80, 'the valid frame after the bad ones');
    expect(client.stats.invalidFrames).toBe(bad.length);
    expect(client.stats.framesIn).toBe(bad.length + 2);
    const invalid = errors.filter((e) => e.code === 'invalid-frame');
    expect(invalid).toHaveLength(bad.length);
    expect(invalid.every((e) => e.dialect === 'orderStream' && e.endpoint === 'orders:9')).toBe(true);
    expect(invalid[0]!.message).toBe('orderStream: frame is not valid JSON: "not json"');
    expect(invalid[4]!.message).toBe('orderStream: frame is larger than 262144 characters');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = client.store.getState().orders.byId['9']!;
    expect({ ...after, progress: 75, updatedAt: before.byId['9']!.updatedAt }).toEqual(before.byId['9']);
  });

  it('reports server error frames through onError', async () => {
    const { client, errors } = clientFor(server);
    client.subscribe(adminBackend);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'socket');
    socket!.socket.send(JSON.stringify({ type: 'error', message: 'Unknown message type: X' }));
    await server.waitFor(() => errors.length === 1, 'the error');
    expect(errors[0]!.code).toBe('server-error');
    expect(errors[0]!.message).toBe('admin: the server said: Unknown message type: X');
  });
});

describe('bad options', () => {
  it.each([
    [{ url: undefined }, "createRealtimeClient needs a url where there is no page origin: pass { url: 'ws://localhost:8000' }."],
    [{ url: 'localhost:8000' }, 'url must start with ws://, wss://, http:// or https:// (got "localhost:8000").'],
    [{ url: 'ws://x', token: 42 }, 'token must be a string or a function returning a string or a Promise of one (got number). Example: token: () => auth.getAccessToken()'],
    [{ url: 'ws://x', reconnect: { minDelay: -5 } }, 'reconnect.minDelay must be a number >= 0 (got -5).'],
    [{ url: 'ws://x', heartbeat: { interval: 0 } }, 'heartbeat.interval must be a whole number >= 1 (got 0).'],
    [{ url: 'ws://x', heartbeat: { timeout: Infinity } }, 'heartbeat.timeout must be at most 2147483647: a longer timer fires at once (got Infinity).'],
    [{ url: 'ws://x', heartbeat: { timeout: 2 ** 31 } }, 'heartbeat.timeout must be at most 2147483647: a longer timer fires at once (got 2147483648).'],
    [{ url: 'ws://x', heartbeat: { interval: 1e12 } }, 'heartbeat.interval must be at most 2147483647: a longer timer fires at once (got 1000000000000).'],
    [{ url: 'ws://x', heartbeat: { timeout: 1.5 } }, 'heartbeat.timeout must be a whole number >= 1 (got 1.5).'],
    [{ url: 'ws://x', reconnect: { connectTimeout: 1e10 } }, 'reconnect.connectTimeout must be at most 2147483647: a longer timer fires at once (got 10000000000).'],
    [{ url: 'ws://x', reconnect: { giveUpAfter: -1 } }, 'reconnect.giveUpAfter must be a number >= 0, or Infinity for no limit (got -1).'],
    [{ url: 'ws://x', releaseDelay: 2 ** 40 }, 'releaseDelay must be a number of ms from 0 to 2147483647 (got 1099511627776).'],
    [{ url: 'ws://x', limits: { maxFrameChars: 262_145 } }, "limits.maxFrameChars must be at most 262144: the dialects' cap (MAX_FRAME_CHARS) (got 262145)."],
    [{ url: 'ws://x#top' }, 'url must not contain "#": a socket URL has no fragment (got "ws://x#top").'],
    [{ url: 'ws://x', limits: { socketBudget: 0 } }, 'limits.socketBudget must be a whole number >= 1 (got 0).'],
  ])('%o throws a message naming the fix', (options, message) => {
    expect(() => createRealtimeClient(options as never)).toThrow(message);
  });

  it('names the fix for an unknown endpoint and for sending before subscribing', () => {
    const client = createRealtimeClient({ url: 'ws://127.0.0.1:9' });
    expect(() => client.subscribe('ordrs')).toThrow('Unknown backend "ordrs". Pass its definition (the object exported as …Backend) instead of its name, or call client.use(definition) first.');
    expect(() => client.send(adminBackend, { type: 'get_stats' })).toThrow('admin: nothing is subscribed to this endpoint; mount its hook (or call client.subscribe) before sending.');
    client.dispose();
  });
});

describe('bad subscription parameters', () => {
  it.each([
    [undefined, 'orderId must be a positive integer (got undefined). Pass the numeric id of the order to watch.'],
    [Number.NaN, 'orderId must be a positive integer (got NaN). Pass the numeric id of the order to watch.'],
    [-4, 'orderId must be a positive integer (got -4). Pass the numeric id of the order to watch.'],
    ['abc', 'orderId must be a positive integer (got "abc"). Pass the numeric id of the order to watch.'],
  ])('orders %s is refused before any socket opens', async (id, message) => {
    const server = await startWsServer();
    try {
      const { client } = clientFor(server);
      expect(() => client.subscribe(ordersBackend, id as number)).toThrow(message);
      expect(client.connectionState(ordersBackend, id as number)).toBeUndefined();
      expect(server.handshakes).toEqual([]);
    } finally {
      disposeClients();
      await server.stop();
    }
  });
});

describe('commands a protocol does not have', () => {
  it('throws instead of sending an empty frame', async () => {
    const server = await startWsServer();
    try {
      const { client } = clientFor(server);
      client.subscribe(ordersBackend, 1);
      expect(() => client.send(ordersBackend, { type: 'ping' }, 1)).toThrow('orders:1: the orderStream protocol has no such command ({"type":"ping"}); see its Command type.');
    } finally {
      disposeClients();
      await server.stop();
    }
  });
});
