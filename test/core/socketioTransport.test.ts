import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { until } from '../helpers/until';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { socketIoTransport } from 'react-realtime-kit/socketio';
import { clientFor, disposeClients } from '../helpers/clientFor';
import { timingBackend } from 'react-realtime-kit';

let io: Server;
let url: string;
let handshakes: { token: unknown }[];

beforeEach(async () => {
  handshakes = [];
  const http = createServer();
  io = new Server(http);
  const admin = io.of('/admin');
  admin.use((socket, next) => {
    const token = socket.handshake.auth.token ?? socket.handshake.query.token;
    handshakes.push({ token });
    if (!token) return next(new Error('Authentication error: No token provided'));
    if (token !== 'good-jwt') return next(new Error('Authentication error: Invalid token'));
    next();
  });
  admin.on('connection', (socket) => {
    socket.emit('connected', { message: 'Connected to admin notifications', userId: 1, username: 'admin' });
    socket.emit('new_order', {
      type: 'new_order',
      order: { id: 77, customer_name: 'Somchai', total: 240, items: [{ id: 1, menu_name: 'Pad Thai', quantity: 2, price: 120 }], created_at: '2025-01-01T10:00:00Z', status: 'pending' },
      timestamp: '2025-01-01T10:00:00Z',
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  disposeClients();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});


describe('socketIoTransport against a real Socket.IO server (Timing /admin)', () => {
  it('authenticates in the handshake and receives connected and new_order', async () => {
    const { client, errors } = clientFor({ url }, { token: 'good-jwt', backends: { timing: { transport: socketIoTransport() } } });
    client.subscribe(timingBackend);
    const order = await until(() => client.store.getState().orders.byId['timing:77'], 'the new order');
    expect(order).toMatchObject({ id: '77', status: 'pending', customerName: 'Somchai', total: 240, source: 'timing' });
    expect(order.items).toEqual([{ id: '1', name: 'Pad Thai', quantity: 2, price: 120 }]);
    expect(client.store.getState().orders.latestCreatedId).toBe('timing:77');
    expect(client.store.getState().connections.timing).toMatchObject({ status: 'open', user: { id: '1', username: 'admin' } });
    expect(handshakes).toEqual([{ token: 'good-jwt' }]);
    expect(errors).toEqual([]);
  });

  it('treats connect_error as a refused handshake and refreshes the token after two', async () => {
    const calls: boolean[] = [];
    const { client, errors } = clientFor(
      { url },
      {
        token: ({ forceRefresh }) => {
          calls.push(forceRefresh);
          return forceRefresh ? 'good-jwt' : 'expired-jwt';
        },
        backends: { timing: { transport: socketIoTransport() } },
      },
    );
    client.subscribe(timingBackend);
    await until(() => client.store.getState().connections.timing?.status === 'open', 'open');
    expect(calls).toEqual([false, false, true]);
    expect(errors[0]!.code).toBe('handshake-failed');
    expect(errors[0]!.message).toContain('(Authentication error: Invalid token)');
    expect(JSON.stringify(errors.map((e) => e.message))).not.toContain('expired-jwt');
  });
});
