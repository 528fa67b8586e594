/**
 * The kit against the reference server in deployed mode: SmartHunt
 * (`MukhongoVivian-prog/smarter` at its latest commit, PROTOCOLS.md last section). Its
 * ws/notifications/ route is the chatbot's consumer (no greeting, no unread_count, no pong;
 * 1011 on chat/booking events), nothing is pushed, and notifications exist over REST.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type RealtimeClientOptions, loadNotifications, markAllNotificationsRead, notificationsBackend, pollNotifications } from 'react-realtime-kit';
import { clientFor, type TestClient } from '../helpers/clientFor';
import { until } from '../helpers/until';
import type { DjangoBackend, DjangoTokens } from './startDjangoBackend';
import { useDjangoBackend } from './useDjangoBackend';

const live = useDjangoBackend('deployed');
let backend: DjangoBackend;
let tokens: DjangoTokens;
beforeAll(() => void ({ backend, tokens } = live));

function connect(options: RealtimeClientOptions = {}): TestClient {
  return clientFor(backend, { apiUrl: backend.httpUrl, token: tokens.smarthunt.customer, ...options });
}

describe('deployed SmartHunt notifications (REFSITE_MODE=deployed)', () => {

  it('loads the notifications and the unread count over REST (a DRF page and stats/)', async () => {
    await backend.control(`notify/${tokens.users.customer.id}/`, { title: 'Over REST', body: 'Pulled, not pushed', notification_type: 'booking' });
    const handle = connect();
    await loadNotifications(handle.client);
    const { items, unreadCount } = handle.client.store.getState().notifications;
    expect(items.find((n) => n.title === 'Over REST')).toMatchObject({ body: 'Pulled, not pushed', kind: 'booking', read: false });
    expect(unreadCount).toBe(items.filter((n) => !n.read).length);
    expect(handle.errors).toEqual([]);
  });

  it('the shadowed socket opens but never greets: polling REST brings notifications, mark-all-read goes over REST, stop ends the polling', async () => {
    const handle = connect();
    handle.client.subscribe(notificationsBackend);
    await until(() => handle.client.store.getState().connections['notifications']?.status === 'open', 'the socket open');
    const state = () => handle.client.store.getState().notifications;
    expect(state().live).toBe(false); // no greeting, no unread_count: useNotifications polls (its `polling` is true)
    const stop = pollNotifications(handle.client, 1000);
    await until(() => state().items.length > 0, 'the first poll');
    // Something new arrives only by the next poll: nothing is pushed on this server.
    await backend.control(`notify/${tokens.users.customer.id}/`, { title: 'Polled later', notification_type: 'message' });
    await until(() => state().items.some((n) => n.title === 'Polled later'), 'the next poll', 5000);
    expect(state().unreadCount).toBeGreaterThan(0);

    markAllNotificationsRead(handle.client);
    expect(state().unreadCount).toBe(0);
    const unreadOnServer = async () =>
      ((await fetch(`${backend.httpUrl}/api/interactions/notifications/stats/`, { headers: { Authorization: `Bearer ${tokens.smarthunt.customer}` } }).then((r) => r.json())) as { unread: number }).unread;
    for (let i = 0; (await unreadOnServer()) !== 0; i++) {
      if (i > 50) throw new Error('mark-all-read never reached the server');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(handle.client.connectionState(notificationsBackend)!.queued).toBe(0); // nothing waits on the silent socket

    stop();
    await backend.control(`notify/${tokens.users.customer.id}/`, { title: 'After stop' });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(state().items.some((n) => n.title === 'After stop')).toBe(false);
    expect(handle.errors).toEqual([]);
  });

  it('a socket that never answers a ping is pinged twice, reported once, and not replaced every interval', async () => {
    const handle = connect({ heartbeat: { interval: 100, timeout: 200 } });
    handle.client.subscribe(notificationsBackend);
    await until(() => handle.errors.some((e) => e.code === 'heartbeat-timeout'), 'the report', 5000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(handle.errors.filter((e) => e.code === 'heartbeat-timeout')).toHaveLength(1);
    expect(handle.errors[0]!.message).toContain('never answered a ping');
    expect(handle.client.stats.reconnects).toBe(0);
    expect(handle.client.connectionState(notificationsBackend)!.status).toBe('open');
  });

  it('a booking_update reaching the shadowing consumer closes it with 1011; the kit reconnects', async () => {
    const handle = connect();
    handle.client.subscribe(notificationsBackend);
    await until(() => handle.client.store.getState().connections['notifications']?.status === 'open', 'open');
    await backend.control(`smarthunt/bookings/${tokens.bookings[0]}/`, { status: 'confirmed' });
    await until(() => handle.client.stats.reconnects >= 1, 'the reconnect after 1011');
    await until(() => handle.client.store.getState().connections['notifications']?.status === 'open', 'open again');
    expect(handle.client.store.getState().notifications.bookings).toEqual([]);
  });
});
