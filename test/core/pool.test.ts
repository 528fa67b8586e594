import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFor, disposeClients } from '../helpers/clientFor';
import { startWsServer, type TestWsServer } from '../helpers/startWsServer';
import { useWsServer } from '../helpers/useWsServer';
import { ordersBackend, adminBackend } from 'react-realtime-kit';

const live = useWsServer();
let server: TestWsServer;
beforeEach(() => {
  server = live.current;
});

describe('Pool', () => {
  it('gives five subscribers to one URL one server connection, and closes it after the last leaves', async () => {
    const { client } = clientFor(server);
    const releases = Array.from({ length: 5 }, () => client.subscribe(ordersBackend, 42));
    await server.waitFor(() => client.connectionState(ordersBackend, 42)?.status === 'open', 'open');
    expect(server.connections).toHaveLength(1);
    expect(server.connections[0]!.url).toBe('/ws/orders/42/');
    releases.slice(0, 4).forEach((release) => release());
    releases[0]!(); // releasing twice is harmless
    const [only] = server.connections;
    expect(only!.socket.readyState).toBe(1);
    releases[4]!();
    await server.waitFor(() => only!.socket.readyState === 3, 'the server to see the close');
    expect(client.connectionState(ordersBackend, 42)).toBeUndefined();
  });

  it('opens no second socket for a release followed at once by an acquire (StrictMode)', async () => {
    const { client } = clientFor(server, { backends: { admin: { onOpen: undefined } } });
    const release = client.subscribe(adminBackend);
    await server.waitFor(() => server.open().length === 1, 'open');
    release();
    const again = client.subscribe(adminBackend);
    client.send(adminBackend, { type: 'get_pending_count' });
    await server.waitFor(() => server.connections[0]!.received.length === 1, 'the command on the same socket');
    expect(server.connections).toHaveLength(1);
    expect(server.connections[0]!.socket.readyState).toBe(1);
    again();
  });

  it('keeps different URLs on different sockets and two clients apart', async () => {
    const a = clientFor(server).client;
    const b = clientFor(server).client;
    a.subscribe(ordersBackend, 1);
    a.subscribe(ordersBackend, 2);
    b.subscribe(ordersBackend, 1);
    await server.waitFor(() => server.open().length === 3, 'three sockets');
    server.open()[0]!.socket.send(JSON.stringify({ type: 'order.update', order_id: 1, status: 'Done', progress: 100, booster_price: '10.00', actual_price: '12.00', booster_id: null, booster_username: null, reached_rank: null, reached_division: null, reached_marks: null, message: '', timestamp: '2024-01-15T10:30:00Z' }));
    await server.waitFor(() => a.store.getState().orders.byId['1'], 'the order in client a');
    expect(b.store.getState().orders.byId['1']).toBeUndefined();
  });

  it('never goes over the socket budget, says so, and opens the waiting socket when one frees', async () => {
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { client, errors } = clientFor(server, { limits: { socketBudget: 2 } });
      const r1 = client.subscribe(ordersBackend, 1);
      client.subscribe(ordersBackend, 2);
      client.subscribe(ordersBackend, 3);
      await server.waitFor(() => server.open().length === 2, 'two sockets');
      expect(client.connectionState(ordersBackend, 3)?.status).toBe('idle');
      expect(errors.map((e) => e.code)).toEqual(['socket-budget']);
      expect(errors[0]!.message).toMatch(/^orders:3: the socket budget \(2\) is spent, so this subscription waits until another socket closes\. Watch many orders on one stream \(the admin dashboard's order_update, the Timing feed\), or raise limits\.socketBudget/);
      expect(warnings[0]).toContain('[react-realtime-kit] orders:3: the socket budget (2) is spent');
      r1();
      await server.waitFor(() => client.connectionState(ordersBackend, 3)?.status === 'open', 'the waiting socket to open');
      expect(server.open().map((c) => c.url).sort()).toEqual(['/ws/orders/2/', '/ws/orders/3/']);
    } finally {
      console.warn = originalWarn;
    }
  });
});

describe('closing a socket that is still connecting', () => {
  it('is quiet in Node, as in a browser, on release and on a handshake timeout', async () => {
    server.stall = true;
    const { client } = clientFor(server, { reconnect: { minDelay: 5, maxDelay: 10, connectTimeout: 50 } });
    const release = client.subscribe(ordersBackend, 5);
    await server.waitFor(() => server.handshakes.length === 1, 'the handshake to start');
    expect(client.connectionState(ordersBackend, 5)?.status).toBe('connecting');
    // The handshake times out: the transport forgets the socket and aborts it, and
    // Node's ws reports the abort as an error event on the next tick.
    await server.waitFor(() => server.abandoned >= 1 && server.handshakes.length >= 2, 'a timed-out handshake and a retry');
    release();
    await server.waitFor(() => server.abandoned === server.handshakes.length, 'every handshake abandoned');
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.connectionState(ordersBackend, 5)).toBeUndefined();
  });
});
