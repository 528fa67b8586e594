import { spawn } from 'node:child_process';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSimulatorServer, type SimulatorServer } from 'react-realtime-kit/testing/server';

let server: SimulatorServer;
const open: { close(): void }[] = [];

beforeEach(async () => {
  server = await createSimulatorServer({ port: 0, seed: 3 });
});
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await server.close();
});

/** A raw `ws` client that records frames; resolves once the handshake settles. */
function connect(path: string, origin: string | null = 'http://localhost:5173'): Promise<{ ws: WebSocket; frames: any[]; status: number | null; next(count: number): Promise<any[]> }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url}${path}`, origin ? { origin } : {});
    const frames: any[] = [];
    const waiters: (() => void)[] = [];
    const handle = {
      ws,
      frames,
      status: null as number | null,
      next(count: number) {
        return new Promise<any[]>((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`timed out waiting for ${count} frames on ${path}; got ${JSON.stringify(frames)}`)), 5000);
          const check = (): void => {
            if (frames.length >= count) {
              clearTimeout(timer);
              done(frames.slice(0, count));
            } else waiters.push(check);
          };
          check();
        });
      },
    };
    open.push(ws);
    ws.on('message', (data) => {
      frames.push(JSON.parse(data.toString()));
      waiters.splice(0).forEach((w) => w());
    });
    ws.on('open', () => resolve(handle));
    ws.on('unexpected-response', (_req, res) => {
      handle.status = res.statusCode ?? null;
      resolve(handle);
    });
    ws.on('error', () => resolve(handle));
  });
}

describe('the simulator server', () => {
  it('greets a ws client (with an Origin) on every Django-style endpoint', async () => {
    const order = await connect('/ws/orders/101/');
    expect((await order.next(1))[0]).toMatchObject({ type: 'order.update', order_id: 101 });
    const notifications = await connect('/ws/notifications/?token=demo');
    const [hello, unread] = await notifications.next(2);
    expect(hello).toMatchObject({ type: 'connection_established', username: 'demo' });
    expect(unread).toMatchObject({ type: 'unread_count' });
    const admin = await connect('/ws/admin/dashboard/?token=admin');
    expect((await admin.next(1))[0]).toMatchObject({ type: 'connection_established', user: { username: 'admin', is_staff: true } });
    const chat = await connect('/ws/chat/?token=demo');
    expect(chat.ws.readyState).toBe(WebSocket.OPEN);
    chat.ws.send(JSON.stringify({ receiver_id: 2, message: 'hello sam' }));
    expect((await chat.next(1))[0]).toMatchObject({ type: 'message_sent' });
  });

  it('refuses handshakes as Django Channels does: 403 for a bad token or a missing Origin, 404 for unknown paths', async () => {
    expect((await connect('/ws/notifications/?token=nope')).status).toBe(403);
    expect((await connect('/ws/notifications/?token=demo', null)).status).toBe(403);
    expect((await connect('/ws/notifications/?token=demo', 'http://evil.example')).status).toBe(403);
    expect((await connect('/ws/admin/dashboard/?token=demo')).status).toBe(403);
    expect((await connect('/ws/admin/dashboard/?token=malformed.x')).status).toBe(500);
    expect((await connect('/ws/nothing/')).status).toBe(404);
  });

  it('serves the Timing feed as a real Socket.IO /admin namespace', async () => {
    const socket: Socket = ioClient(`${server.httpUrl}/admin`, { auth: { token: 'admin' }, transports: ['websocket'], reconnection: false });
    open.push({ close: () => socket.close() });
    const events: [string, any][] = [];
    socket.onAny((event, data) => events.push([event, data]));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const created = await fetch(`${server.httpUrl}/api/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer_name: 'Malee', items: [{ menu_name: 'Som Tam', quantity: 1, price: 60 }] }),
    });
    expect(created.status).toBe(201);
    const { data: order } = (await created.json()) as { data: { id: number } };
    const deadline = Date.now() + 5000;
    while (!events.some(([e]) => e === 'new_order') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(events[0]![0]).toBe('connected');
    expect(events.find(([e]) => e === 'new_order')![1]).toMatchObject({ type: 'new_order', order: { id: order.id, customer_name: 'Malee' } });

    const refused = ioClient(`${server.httpUrl}/admin`, { auth: { token: 'wrong' }, transports: ['websocket'], reconnection: false });
    open.push({ close: () => refused.close() });
    const error = await new Promise<Error>((resolve) => refused.on('connect_error', resolve));
    expect(error.message).toBe('Authentication error: Invalid token');
  });

  it('answers bad REST bodies with 400 and a JSON error', async () => {
    const bad = await fetch(`${server.httpUrl}/api/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toHaveProperty('error');
    const missing = await fetch(`${server.httpUrl}/api/nowhere`);
    expect(missing.status).toBe(404);
  });

  it('pushes events from the test helpers to the right sockets', async () => {
    const order = await connect('/ws/orders/102/');
    await order.next(1);
    server.emit.orderUpdate({ order_id: 102, status: 'Done', progress: 100 });
    const frames = await order.next(2);
    expect(frames[1]).toMatchObject({ type: 'order.update', order_id: 102, status: 'Done', progress: 100 });
    const dropped = server.faults.dropAll();
    expect(dropped).toBeGreaterThanOrEqual(1);
  });
});

describe('npm run server', () => {
  it('prints its endpoints and demo tokens, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/bin/server.ts', '--port', '0', '--quiet-traffic'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 15_000;
    while (!output.includes('Ctrl-C stops') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toContain('/ws/notifications/?token=<token>');
    expect(output).toMatch(/admin\s+/);
    expect(output).toMatch(/demo\s+/);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
