import { fillPath } from '../../core/endpointUrl';
import { call } from '../../core/callRest';
import { restOf } from '../../core/restOf';
import type { RealtimeClient } from '../../core/RealtimeClient';
import { RealtimeError } from '../../core/RealtimeError';
import { loadNotifications, notificationsBackend } from './notificationsBackend';

export { loadNotifications } from './notificationsBackend';

/** The socket is unavailable (never opened, dropped, or open but silent) and there is a REST API to use instead. */
function overRest(client: RealtimeClient): boolean {
  const live = client.connectionState(notificationsBackend)?.status === 'open' && client.store.getState().notifications.live;
  return !live && Boolean(client.restConfig.apiUrl);
}

function markRead(client: RealtimeClient, id: string | null): void {
  client.dispatch({ endpoint: 'notifications', event: { kind: 'notification/readLocally', id } });
  client.flush();
  if (overRest(client)) {
    const paths = client.use(notificationsBackend).restPaths;
    const [method, path, body] = id === null ? (['POST', paths['markAllRead']!, {}] as const) : (['PATCH', fillPath(paths['detail']!, id), { is_read: true }] as const);
    // Reported through onError by call(); the local mark stays.
    void call(client, () => restOf(client).request(method, path, body), id === null ? 'marking all notifications read' : `marking notification ${id} read`).catch(() => undefined);
    return;
  }
  try {
    client.send(notificationsBackend, id === null ? { type: 'mark_all_read' } : { type: 'mark_read', notificationId: id });
  } catch (cause) {
    // The ERP and `notify`-only servers take no commands: marking read stays local there.
    // Anything else (nothing subscribed, a full queue) means the server won't hear of it.
    if (cause instanceof TypeError && /has no such command/.test(cause.message)) return;
    client.report(cause instanceof RealtimeError ? cause : new RealtimeError('connection-failed', `notifications: marking read was not sent: ${String((cause as Error)?.message ?? cause)}`, { cause }));
  }
}

/** Mark a notification read: at once here, and on the server (over the socket, or REST when the socket is unavailable). */
export function markNotificationRead(client: RealtimeClient, id: string): void {
  markRead(client, id);
}

/** Mark every notification read, likewise. */
export function markAllNotificationsRead(client: RealtimeClient): void {
  markRead(client, null);
}

const MAX_POLL_DELAY = 300_000;

/**
 * Load the notifications over REST now and then every `interval` ms (at least 1 s) until the
 * returned stop is called. One request at a time; failures back off (doubling, at most 5 min);
 * a 401, 403 or 404 stops the polling (the failure is reported once, through onError).
 */
export function pollNotifications(client: RealtimeClient, interval = 30_000): () => void {
  const every = Math.max(1000, Number(interval) || 30_000);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failures = 0;
  const tick = async (): Promise<void> => {
    try {
      await loadNotifications(client);
      failures = 0;
    } catch (error) {
      // No such API, or not allowed: asking again will not help.
      if ([401, 403, 404].includes((error as RealtimeError).status ?? 0)) stopped = true;
      failures += 1;
    }
    if (!stopped) timer = setTimeout(tick, Math.min(every * 2 ** failures, MAX_POLL_DELAY));
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
