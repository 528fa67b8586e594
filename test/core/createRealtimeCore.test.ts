import { beforeEach, describe, expect, it } from 'vitest';
import { createRealtimeCore, type RealtimeCore } from '../../src/core/createRealtimeCore';
import { ordersEndpoint } from '../../src/core/endpoints/ordersEndpoint';
import type { RealtimeClientOptions } from '../../src/core/RealtimeClient';
import type { RealtimeError } from '../../src/core/RealtimeError';
import { OriginWebSocket } from '../helpers/clientFor';
import type { TestWsServer } from '../helpers/startWsServer';
import { useWsServer } from '../helpers/useWsServer';

const live = useWsServer();
let server: TestWsServer;
const clients: RealtimeCore[] = [];
beforeEach(() => {
  server = live.current;
  return () => {
    for (const client of clients.splice(0)) client.dispose();
  };
});

function coreFor(options: RealtimeClientOptions = {}): { client: RealtimeCore; errors: RealtimeError[] } {
  const errors: RealtimeError[] = [];
  const client = createRealtimeCore({
    url: server.url,
    WebSocket: OriginWebSocket as never,
    reconnect: { minDelay: 20, maxDelay: 200, connectTimeout: 2000 },
    heartbeat: false,
    onError: (error) => errors.push(error),
    ...options,
  });
  clients.push(client);
  return { client, errors };
}

const orderFrame = (id: number, status: string) =>
  JSON.stringify({ type: 'order.update', order_id: id, status, progress: 10, booster_price: '1.00', actual_price: '2.00', booster_id: 1, booster_username: 'b', reached_rank: null, reached_division: null, reached_marks: null, message: 'm', timestamp: '2024-01-15T10:30:00Z' });

describe('createRealtimeCore', () => {
  it('knows no endpoint by name: an unknown name throws the fix, and has no actions', () => {
    const { client } = coreFor();
    expect(() => client.subscribe('orders', 1)).toThrow('Unknown endpoint "orders". Pass its definition (e.g. ordersEndpoint) instead of its name, or declare it in endpoints: { orders: { path, dialect } }.');
    expect('actions' in client).toBe(false);
    // Once a definition was used, its name is known too.
    client.subscribe(ordersEndpoint, 1)();
    expect(() => client.subscribe('ordrs')).toThrow('Unknown endpoint "ordrs". Use one of orders, or declare it in endpoints: { ordrs: { path, dialect } }.');
  });

  it('subscribes with a definition, registered under its name', async () => {
    const { client, errors } = coreFor();
    const release = client.subscribe(ordersEndpoint, 7);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'the socket');
    expect(new URL(socket!.url, 'ws://x').pathname).toBe('/ws/orders/7/');
    socket!.socket.send(orderFrame(7, 'Continue'));
    await server.waitFor(() => client.store.getState().orders.byId['7']?.status === 'Continue', 'the order');
    expect(client.store.getState().connections['orders:7']?.status).toBe('open');
    expect(client.connectionState(ordersEndpoint, 7)?.status).toBe('open');
    expect(client.connectionState('orders', 7)?.status).toBe('open');
    // The definition's checkParam still guards the parameter.
    expect(() => client.subscribe(ordersEndpoint, -1)).toThrow(TypeError);
    release();
    expect(errors).toEqual([]);
  });

  it("lets the user's endpoints option override a definition's path", async () => {
    const { client } = coreFor({ endpoints: { orders: { path: 'custom/orders/{id}/' } } });
    client.subscribe(ordersEndpoint, 9);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'the socket');
    expect(new URL(socket!.url, 'ws://x').pathname).toBe('/custom/orders/9/');
    socket!.socket.send(orderFrame(9, 'Done'));
    await server.waitFor(() => client.store.getState().orders.byId['9']?.status === 'Done', 'the order, through the definition\'s dialect');
  });
});
