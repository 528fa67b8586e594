/**
 * The notification list's resync on reopen, without Python: what a client misses while its
 * socket moves to another server process (scaleOut.django.test.ts shows it on the real engine).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { noticesDialect, notificationsBackend } from 'react-realtime-kit';
import { clientFor, disposeClients } from '../helpers/clientFor';
import { startWsServer, type TestWsServer } from '../helpers/startWsServer';
import { until } from '../helpers/until';

let server: TestWsServer | undefined;

afterEach(async () => {
  disposeClients();
  await server?.stop();
  server = undefined;
});

interface Stored {
  id: number;
  title: string;
  is_read: boolean;
}

/** A SmartHunt server: greeting and unread count on connect, a REST list; `fetch` records the paths asked. */
async function smartHunt(): Promise<{ stored: Stored[]; push(n: Stored): void; fetch: typeof fetch; asked: string[] }> {
  server = await startWsServer();
  const stored: Stored[] = [];
  const asked: string[] = [];
  const unread = (): number => stored.filter((n) => !n.is_read).length;
  server.onConnection = ({ socket }) => {
    socket.send(JSON.stringify({ type: 'connection_established', user_id: 1, username: 'alice', timestamp: new Date().toISOString() }));
    socket.send(JSON.stringify({ type: 'unread_count', count: unread() }));
  };
  server.onMessage = ({ socket }, data) => {
    if ((JSON.parse(data) as { type?: string }).type === 'get_unread_count') socket.send(JSON.stringify({ type: 'unread_count', count: unread() }));
  };
  const at = (n: Stored): string => new Date(Date.UTC(2026, 0, 1, 10, n.id)).toISOString();
  const fetchStub = (async (input: string | URL | Request) => {
    const path = new URL(String(input)).pathname;
    asked.push(path);
    const body = path.endsWith('/stats/')
      ? { total: stored.length, unread: unread(), by_type: {} }
      : { count: stored.length, next: null, previous: null, results: [...stored].reverse().map((n) => ({ ...n, body: '', notification_type: 'system', created_at: at(n) })) };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return {
    stored,
    asked,
    fetch: fetchStub,
    push(n) {
      stored.push(n);
      for (const { socket } of server!.open()) {
        socket.send(JSON.stringify({ type: 'notification', notification_id: n.id, title: n.title, body: '', notification_type: 'system', data: null, timestamp: at(n) }));
        socket.send(JSON.stringify({ type: 'unread_count', count: unread() }));
      }
    },
  };
}

describe('notifications resync on reopen', () => {
  it('lists a notification pushed while the socket was away, once, with the server count', async () => {
    const sh = await smartHunt();
    const { client, errors } = clientFor(server!, { apiUrl: 'http://api.test', token: 'jwt', fetch: sh.fetch });
    client.subscribe(notificationsBackend);
    await until(() => client.store.getState().notifications.live, 'the greeting');
    sh.push({ id: 1, title: 'live', is_read: false });
    await until(() => client.store.getState().notifications.items.length === 1, 'the live notification');
    expect(sh.asked).toEqual([]); // the first open loads nothing (the hook polls while not live)

    // The socket's server process dies; one notification is saved meanwhile, pushed to no one.
    server!.refuse = () => 503;
    for (const { socket } of server!.open()) socket.terminate();
    await until(() => client.store.getState().connections['notifications']?.status !== 'open', 'the drop');
    sh.push({ id: 2, title: 'while away', is_read: false });
    server!.refuse = undefined;

    await until(() => client.store.getState().notifications.items.some((n) => n.id === '2'), 'the missed notification listed', 5000);
    const { items, unreadCount } = client.store.getState().notifications;
    expect(items.map((n) => n.id)).toEqual(['2', '1']);
    await until(() => client.store.getState().notifications.unreadCount === 2, 'the count');
    expect(unreadCount).toBeLessThanOrEqual(2);
    expect(sh.asked).toEqual(['/api/interactions/notifications/']); // the list only: the count comes over the socket
    // Asked on reopen, and again once the list is in (a push the list already held adds nothing to the count).
    await until(() => server!.connections.at(-1)!.received.filter((d) => d.includes('get_unread_count')).length === 2, 'the count asked again after the list');
    expect(errors.filter((e) => e.code !== 'handshake-failed')).toEqual([]);
  });

  it('asks no REST list of a server without one (the ERP notices) and none without apiUrl', async () => {
    for (const options of [{ apiUrl: 'http://api.test', backends: { notifications: { dialect: noticesDialect } } }, {}]) {
      const sh = await smartHunt();
      const { client, errors } = clientFor(server!, { token: 'key', fetch: sh.fetch, ...options });
      client.subscribe(notificationsBackend);
      await until(() => client.store.getState().connections['notifications']?.status === 'open', 'open');
      const reconnects = client.stats.reconnects;
      for (const { socket } of server!.open()) socket.terminate();
      await until(() => client.stats.reconnects > reconnects && client.store.getState().connections['notifications']?.status === 'open', 'open again', 5000);
      await new Promise((resolve) => setTimeout(resolve, 100)); // a REST call would have started by now
      expect(sh.asked).toEqual([]);
      expect(errors).toEqual([]);
      disposeClients();
      await server!.stop();
    }
  });
});
