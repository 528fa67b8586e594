import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientFor, disposeClients } from '../helpers/clientFor';
import { startWsServer, type TestWsServer } from '../helpers/startWsServer';
import { useWsServer } from '../helpers/useWsServer';
import { ordersBackend, notificationsBackend, chatBackend, adminBackend, sendChat, retryChat, restOf } from 'react-realtime-kit';

const live = useWsServer();
let server: TestWsServer;
beforeEach(() => {
  server = live.current;
});

describe('batching against a real server', () => {
  it('turns 1,000 frames sent in one tick into a handful of store notifications', async () => {
    const { client } = clientFor(server);
    client.subscribe(ordersBackend, 3);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'socket');
    let notifications = 0;
    client.store.subscribe(() => (notifications += 1));
    for (let i = 0; i < 1000; i += 1) {
      socket!.socket.send(JSON.stringify({ type: 'order.update', order_id: 3, status: 'Continue', progress: i % 100, booster_price: '1.00', actual_price: '2.00', booster_id: 1, booster_username: 'b', reached_rank: null, reached_division: null, reached_marks: null, message: `m${i}`, timestamp: '2024-01-15T10:30:00Z' }));
    }
    await server.waitFor(() => client.store.getState().orders.byId['3']?.message === 'm999', 'the last frame');
    expect(client.stats.framesIn).toBe(1000);
    expect(notifications).toBeLessThanOrEqual(100);
  });
});

describe('chat through the client', () => {
  it('shows a sent message at once, marks it sent on its ack, failed on error, and retries under the same id', async () => {
    server.onMessage = (connection, data) => {
      const frame = JSON.parse(data);
      if (String(frame.receiver_id) === '404') connection.socket.send(JSON.stringify({ type: 'error', error: 'Failed to send message. Receiver not found.' }));
      else connection.socket.send(JSON.stringify({ type: 'message_sent', id: 500 + connection.received.length }));
    };
    const { client } = clientFor(server, { token: 'erp-key' });
    client.subscribe(chatBackend);
    const first = sendChat(client, 7, 'queued while connecting');
    // A person's own message is in the store at once, not on the next frame.
    expect(client.store.getState().chat.byPeer['7']![0]).toMatchObject({ clientId: first, state: 'queued', own: true });
    await server.waitFor(() => client.store.getState().chat.byPeer['7']![0]!.state === 'sent', 'the ack');
    expect(client.store.getState().chat.byPeer['7']![0]!.id).toBe('501');
    // The client id rides along as the idempotency key (`client_id`).
    expect(JSON.parse(server.connections[0]!.received[0]!)).toEqual({ receiver_id: 7, message: 'queued while connecting', client_id: first });

    const bad = sendChat(client, 404, 'to nobody');
    await server.waitFor(() => client.store.getState().chat.byPeer['404']?.[0]?.state === 'failed', 'the failure');
    expect(client.store.getState().chat.byPeer['404']![0]!.error).toBe('Failed to send message. Receiver not found.');
    retryChat(client, bad);
    await server.waitFor(() => server.connections[0]!.received.length === 3, 'the retry on the wire');
    // The retry is the same send: same client id.
    expect(JSON.parse(server.connections[0]!.received[2]!)).toEqual({ receiver_id: 404, message: 'to nobody', client_id: bad });
    await server.waitFor(() => client.store.getState().chat.byPeer['404']![0]!.state === 'failed', 'failed again');
    expect(client.store.getState().chat.byPeer['404']).toHaveLength(1);
  });

  it('matches an ack and a refusal that name their send to it, whatever order they come in', async () => {
    const pending: { client_id: string; receiver_id: number }[] = [];
    server.onMessage = (connection, data) => {
      pending.push(JSON.parse(data));
      if (pending.length < 2) return;
      // The second send is refused before the first is acked.
      connection.socket.send(JSON.stringify({ type: 'error', error: 'Failed to send message. Receiver not found.', client_id: pending[1]!.client_id }));
      connection.socket.send(JSON.stringify({ type: 'message_sent', id: 900, client_id: pending[0]!.client_id }));
    };
    const { client } = clientFor(server, { token: 'erp-key' });
    client.subscribe(chatBackend);
    const first = sendChat(client, 7, 'to a friend');
    const second = sendChat(client, 404, 'to nobody');
    await server.waitFor(() => client.store.getState().chat.byPeer['7']?.[0]?.state === 'sent', 'the ack');
    expect(client.store.getState().chat.byPeer['7']![0]).toMatchObject({ clientId: first, state: 'sent', id: '900' });
    expect(client.store.getState().chat.byPeer['404']![0]).toMatchObject({ clientId: second, state: 'failed', error: 'Failed to send message. Receiver not found.' });
  });

  it('gives client ids that two pages of one user cannot share, even sending in the same millisecond', async () => {
    // Two tabs or devices: two copies of the kit, each counting its clients and sends from 1.
    vi.spyOn(Date, 'now').mockReturnValue(1_767_225_600_000);
    const ids: string[] = [];
    for (let page = 0; page < 2; page++) {
      vi.resetModules();
      const kit = await import('react-realtime-kit');
      const client = kit.createRealtimeClient({ url: server.url, token: 'erp-key', reconnect: { minDelay: 10_000, maxDelay: 10_000 } });
      for (let i = 0; i < 50; i++) ids.push(kit.sendChat(client, 7, `hello ${i}`));
      client.dispose();
    }
    vi.restoreAllMocks();
    expect(new Set(ids).size).toBe(100);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(64);
  });

  it('fails messages whose ack never came when the socket closes, and keeps queued ones queued', async () => {
    const { client } = clientFor(server, { token: 'erp-key' });
    client.subscribe(chatBackend);
    await server.waitFor(() => server.open().length === 1, 'open');
    await server.waitFor(() => client.store.getState().connections.chat?.status === 'open', 'open in the store');
    const id = sendChat(client, 9, 'no ack for this one');
    await server.waitFor(() => server.connections[0]!.received.length === 1, 'the frame');
    server.refuse = () => 403;
    server.connections[0]!.socket.close(1011);
    await server.waitFor(() => client.store.getState().chat.byPeer['9']?.[0]?.state === 'failed', 'failed');
    expect(client.store.getState().chat.byPeer['9']![0]!.error).toBe('The connection closed before the server confirmed this message.');
    const later = sendChat(client, 9, 'written offline');
    await server.waitFor(() => client.store.getState().chat.byPeer['9']!.some((m) => m.clientId === later), 'queued');
    expect(client.store.getState().chat.byPeer['9']!.find((m) => m.clientId === later)!.state).toBe('queued');
    expect(client.store.getState().chat.byPeer['9']!.find((m) => m.clientId === id)!.state).toBe('failed');
  });
});

describe('resync after reconnect', () => {
  it('asks for the unread count again when the notifications socket comes back', async () => {
    const { client } = clientFor(server, { token: 'jwt' });
    client.subscribe(notificationsBackend);
    await server.waitFor(() => server.open().length === 1, 'open');
    expect(server.connections[0]!.received).toEqual([]);
    server.connections[0]!.socket.close(1011);
    await server.waitFor(() => server.connections.length === 2 && server.connections[1]!.received.length === 1, 'the resync command');
    expect(JSON.parse(server.connections[1]!.received[0]!)).toEqual({ type: 'get_unread_count' });
  });

  it('asks the admin dashboard for stats and the pending count on every open', async () => {
    const { client } = clientFor(server, { token: 'jwt' });
    client.subscribe(adminBackend);
    await server.waitFor(() => server.connections[0]?.received.length === 2, 'two commands');
    expect(server.connections[0]!.received.map((f) => JSON.parse(f).type)).toEqual(['get_stats', 'get_pending_count']);
  });
});

describe('REST helper', () => {
  it('sends the bearer token and turns an error answer into a RealtimeError without it', async () => {
    const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
    const http = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
        if (req.url!.includes('reject')) {
          res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ detail: 'You do not have permission to perform this action.' }));
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true }));
        }
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/v1/admin-dashboard`;
    try {
      const { client } = clientFor(server, { apiUrl, token: 'secret-jwt' });
      expect(client.restConfig.apiUrl).toBe(apiUrl);
      expect(restOf(client)).toBe(restOf(client)); // one REST helper per client, built on first use
      await expect(restOf(client).request('POST', 'users/u1/approve/', { notes: 'ok' })).resolves.toEqual({ ok: true });
      expect(seen[0]).toEqual({ method: 'POST', url: '/api/v1/admin-dashboard/users/u1/approve/', auth: 'Bearer secret-jwt', body: '{"notes":"ok"}' });
      const error = (await restOf(client).request('POST', '/users/u1/reject/').then(
        () => new Error('expected a rejection'),
        (e: unknown) => e,
      )) as Error & { status: number; code: string };
      expect(error).toMatchObject({ code: 'rest', status: 403 });
      expect(error.message).toBe('POST /users/u1/reject/ answered 403: You do not have permission to perform this action. (check the token and that the user may do this)');
      expect(error.message).not.toContain('secret-jwt');
    } finally {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });

  it('names the fix when no apiUrl was given', async () => {
    const { client } = clientFor(server);
    await expect(restOf(client).request('GET', 'dashboard/')).rejects.toThrow('No REST base URL: pass apiUrl to createRealtimeClient to call GET dashboard/.');
  });
});

describe('backends.<name>.timeZone', () => {
  it("reads a backend's times without a zone in that zone; refuses it where the protocol has none, and bad names", async () => {
    const { createRealtimeClient, adminBackend, ordersBackend } = await import('react-realtime-kit');
    const client = createRealtimeClient({ url: 'ws://127.0.0.1:1', backends: { admin: { timeZone: 'Asia/Kolkata' } } });
    const { dialect } = client.use(adminBackend);
    expect(dialect.parse(JSON.stringify({ type: 'pong', timestamp: '2025-01-01 10:00:00' }))).toMatchObject({ events: [{ timestamp: '2025-01-01T04:30:00.000Z' }] });
    client.dispose();
    const orders = createRealtimeClient({ url: 'ws://127.0.0.1:1', backends: { orders: { timeZone: 'Asia/Kolkata' } } });
    expect(() => orders.use(ordersBackend)).toThrow('backends.orders.timeZone: this backend takes no such setting.');
    const routes = createRealtimeClient({ url: 'ws://127.0.0.1:1', backends: { orders: { restPaths: { list: '/x' } } } });
    expect(() => routes.use(ordersBackend)).toThrow('backends.orders.restPaths: this backend takes no such setting.');
    const bad = createRealtimeClient({ url: 'ws://127.0.0.1:1', backends: { admin: { timeZone: 'Asia/Nowhere' } } });
    expect(() => bad.use(adminBackend)).toThrow('timeZone must be an IANA zone name');
  });
});

describe('a reducer that throws', () => {
  it('loses its one event, not the batch, and is reported to onError once per cause', async () => {
    const { client, errors } = clientFor(server);
    const fragile = {
      name: 'fragile',
      path: 'ws/fragile/',
      dialect: { name: 'fragile', token: 'none' as const, parse: () => ({ ok: true as const, events: [] }), encode: () => '' },
      slices: [{
        key: 'fragile',
        initial: [] as string[],
        reduce: (slice: string[], entry: { event: { kind: string; [k: string]: unknown } }) => {
          if (entry.event.kind !== 'fragile/add') return slice;
          if (entry.event['text'] === 'boom') throw new Error('cannot take boom');
          return [...slice, entry.event['text'] as string];
        },
      }],
    };
    client.use(fragile);
    for (const text of ['a', 'boom', 'b', 'boom', 'c']) client.dispatch({ endpoint: 'fragile', event: { kind: 'fragile/add', text } });
    client.flush();
    expect((client.store.getState() as unknown as { fragile: string[] }).fragile).toEqual(['a', 'b', 'c']);
    expect(errors.map((e) => [e.code, e.message])).toEqual([['reducer', 'fragile: the fragile slice could not apply a fragile/add event (cannot take boom); it was skipped.']]);
  });
});
