import { beforeEach, describe, expect, it } from 'vitest';
import { createRealtimeClient, noticesDialect, ordersBackend, timingBackend, type RealtimeClient, type RealtimeClientOptions } from 'react-realtime-kit';
import { socketIoTransport } from 'react-realtime-kit/socketio';
import { clientFor } from '../helpers/clientFor';
import type { TestWsServer } from '../helpers/startWsServer';
import { useWsServer } from '../helpers/useWsServer';

const live = useWsServer();
let server: TestWsServer;
const clients: RealtimeClient[] = [];
beforeEach(() => {
  server = live.current;
  return () => {
    for (const client of clients.splice(0)) client.dispose();
  };
});

const coreFor = (options: RealtimeClientOptions = {}) => clientFor(server, options);

const orderFrame = (id: number, status: string) =>
  JSON.stringify({ type: 'order.update', order_id: id, status, progress: 10, booster_price: '1.00', actual_price: '2.00', booster_id: 1, booster_username: 'b', reached_rank: null, reached_division: null, reached_marks: null, message: 'm', timestamp: '2024-01-15T10:30:00Z' });

describe('createRealtimeClient and backend definitions', () => {
  it('knows no backend by name until one is used: an unknown name throws the fix', () => {
    const { client } = coreFor();
    expect(() => client.subscribe('orders', 1)).toThrow('Unknown backend "orders". Pass its definition (the object exported as …Backend) instead of its name, or call client.use(definition) first.');
    expect('actions' in client).toBe(false);
    // Once a definition was used, its name is known too.
    client.subscribe(ordersBackend, 1)();
    expect(() => client.subscribe('ordrs')).toThrow('Unknown backend "ordrs"; did you mean "orders"? Pass its definition (the object exported as …Backend) instead of its name, or call client.use(definition) first.');
  });

  it('registers a slice the first time its backend is used, with its initial value in place', () => {
    const { client } = coreFor();
    expect('orders' in client.store.getState()).toBe(false);
    client.use(ordersBackend);
    expect(client.store.getState().orders).toEqual({ byId: {}, ids: [], lastEvent: {}, latestCreatedId: null });
    expect('chat' in client.store.getState()).toBe(false);
  });

  it('subscribes with a definition, registered under its name', async () => {
    const { client, errors } = coreFor();
    const release = client.subscribe(ordersBackend, 7);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'the socket');
    expect(new URL(socket!.url, 'ws://x').pathname).toBe('/ws/orders/7/');
    socket!.socket.send(orderFrame(7, 'Continue'));
    await server.waitFor(() => client.store.getState().orders.byId['7']?.status === 'Continue', 'the order');
    expect(client.store.getState().connections['orders:7']?.status).toBe('open');
    expect(client.connectionState(ordersBackend, 7)?.status).toBe('open');
    expect(client.connectionState('orders', 7)?.status).toBe('open');
    // The definition's checkParam still guards the parameter, and a path with {id} needs one.
    expect(() => client.subscribe({ ...ordersBackend, name: 'byId', checkParam: undefined })).toThrow('byId needs a parameter for {id} in ws/orders/{id}/: client.subscribe(backend, id).');
    expect(() => client.subscribe(ordersBackend, -1)).toThrow(TypeError);
    release();
    expect(errors).toEqual([]);
  });

  it("lets the app's backends option override a definition's path", async () => {
    const { client } = coreFor({ backends: { orders: { path: 'custom/orders/{id}/' } } });
    client.subscribe(ordersBackend, 9);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'the socket');
    expect(new URL(socket!.url, 'ws://x').pathname).toBe('/custom/orders/9/');
    socket!.socket.send(orderFrame(9, 'Done'));
    await server.waitFor(() => client.store.getState().orders.byId['9']?.status === 'Done', 'the order, through the definition\'s dialect');
  });
});

describe('unknown options fail loudly', () => {
  const url = 'ws://127.0.0.1:9';
  it.each<[string, RealtimeClientOptions, string]>([
    ['a top-level typo', { url, reconect: {} } as never, 'reconect is not an option; did you mean reconnect?'],
    ['a nested typo', { url, reconnect: { maxRetry: 3 } } as never, 'reconnect.maxRetry is not an option; did you mean reconnect.maxRetries?'],
    ['a heartbeat typo', { url, heartbeat: { intervl: 5 } } as never, 'heartbeat.intervl is not an option; did you mean heartbeat.interval?'],
    ['a guessed Socket.IO option on a backend', { url, backends: { timing: { namespace: '/admin' } } } as never, 'backends.timing.namespace is not an option; did you mean backends.timing.'],
    ['a backend option typo', { url, backends: { notifications: { dialct: noticesDialect } } } as never, 'backends.notifications.dialct is not an option; did you mean backends.notifications.dialect?'],
    ['the 0.1 name of backends', { url, endpoints: {} } as never, 'endpoints is not an option any more: use backends.'],
  ])('%s throws a TypeError naming the option and the nearest valid one', (_, options, message) => {
    expect(() => createRealtimeClient(options)).toThrow(TypeError);
    expect(() => createRealtimeClient(options)).toThrow(message);
  });

  it('refuses a backend definition without a name, a path or a dialect', () => {
    const client = createRealtimeClient({ url });
    clients.push(client);
    expect(() => client.use({} as never)).toThrow('A backend needs a name, a path and a dialect: { name, path, dialect } (got no name).');
    expect(() => client.subscribe({ name: 'ticker', path: 'ws/ticker/' } as never)).toThrow('A backend needs a name, a path and a dialect: { name, path, dialect } (got "ticker").');
    expect(() => client.use(null as never)).toThrow(TypeError);
  });

  it('names a misspelt backend the first time its backend is used', () => {
    const client = createRealtimeClient({ url, backends: { timng: { transport: socketIoTransport() } } });
    expect(() => client.use(timingBackend)).toThrow('backends.timng names no backend; did you mean backends.timing?');
    clients.push(client);
  });

  it("checks a backend's REST route names when it is used", () => {
    const client = createRealtimeClient({ url, backends: { timing: { restPaths: { order: '/x' } } } });
    expect(() => client.use(timingBackend)).toThrow('backends.timing.restPaths.order is not an option; did you mean backends.timing.restPaths.orders? Valid: orders, orderStatus, updateStatus.');
    const fine = createRealtimeClient({ url, backends: { timing: { restPaths: { orders: '/v2/orders' } } } });
    expect(fine.use(timingBackend).restPaths).toEqual({ orders: '/v2/orders', orderStatus: '/api/orders/{id}/status', updateStatus: '/api/admin/orders/{id}/status' });
    clients.push(client, fine);
  });
});
