import type { RealtimeClient, RestBackendDefinition } from '../../core/RealtimeClient';
import { applyBackendSettings } from '../../core/applyBackendSettings';
import { call, invalidBody } from '../../core/callRest';
import { restOf } from '../../core/restOf';
import { tokenOrOriginHint } from '../djangoChannelsHints';
import { notificationsDialect, parseNotificationList, type NotificationsCommand } from './notificationsDialect';
import { chatSlice } from '../chat/chatSlice';
import { notificationsSlice } from './notificationsSlice';
import type { Notification } from './types';

/**
 * SmartHunt notifications, `ws/notifications/`; a reopen asks for the unread count again and,
 * with an `apiUrl`, reloads the list over REST (a notification pushed while the socket was
 * closed, or while it moved to another server process, is sent to no one again). The ERP's
 * notices use the same backend with `backends: { notifications: { dialect: noticesDialect } }`
 * (no REST list there: nothing is reloaded).
 */
export const notificationsBackend: RestBackendDefinition<NotificationsCommand> = {
  name: 'notifications',
  path: 'ws/notifications/',
  dialect: notificationsDialect,
  hints: { handshake: tokenOrOriginHint },
  // SmartHunt also pushes its own chat messages on this socket: they land in the chat slice.
  slices: [notificationsSlice, chatSlice],
  applySettings: applyBackendSettings,
  restPaths: {
    /** The user's notifications (GET; DRF page or array). */
    list: '/api/interactions/notifications/',
    /** `{ total, unread, by_type }` (GET). */
    stats: '/api/interactions/notifications/stats/',
    /** Mark every notification read (POST). */
    markAllRead: '/api/interactions/notifications/mark-all-read/',
    /** One notification (PATCH `{ is_read: true }`). */
    detail: '/api/interactions/notifications/{id}/',
  },
  onOpen: ({ reconnected, send, client }) => {
    if (!reconnected) return undefined;
    send({ type: 'get_unread_count' });
    // The list is SmartHunt's REST API: the dialect with a heartbeat (as useNotifications' polling).
    // The count comes over the socket, so a late REST answer cannot set an older one; it is asked
    // again once the list is in, since a push the list already held adds nothing to it.
    return client.restConfig.apiUrl && client.use(notificationsBackend).dialect.heartbeat ? reloadList(client).then(() => void send({ type: 'get_unread_count' })) : undefined;
  },
  // Until it greets again, the hook's REST polling keeps the list up to date.
  onClosed: ({ dispatch }) => dispatch({ kind: 'notification/socketClosed' }),
};

/** Where REST-loaded notifications enter the store (not the socket's endpoint: they do not make it live). */
const REST_ENDPOINT = 'notifications/rest';

/** GET the notification list (SmartHunt's DRF page or an array). */
async function fetchList(client: RealtimeClient): Promise<Notification[]> {
  const path = client.use(notificationsBackend).restPaths['list']!;
  const result = parseNotificationList(await restOf(client).request('GET', path));
  if (!result.ok) invalidBody(`GET ${path}`, result.error);
  return result.notifications;
}

/** The list's resync after a reconnect: merged by id, so nothing shows twice. */
function reloadList(client: RealtimeClient): Promise<void> {
  return call(client, async () => {
    client.dispatch({ endpoint: REST_ENDPOINT, event: { kind: 'notification/loaded', notifications: await fetchList(client) } });
  }, 'reloading the notifications');
}

/**
 * Load the notifications and the unread count over REST (`GET notifications/` and
 * `notifications/stats/`): SmartHunt as deployed serves no socket. Failures are reported and rethrown.
 */
export async function loadNotifications(client: RealtimeClient): Promise<void> {
  const paths = client.use(notificationsBackend).restPaths;
  await call(client, async () => {
    const [notifications, stats] = await Promise.all([fetchList(client), restOf(client).request('GET', paths['stats']!)]);
    client.dispatch({ endpoint: REST_ENDPOINT, event: { kind: 'notification/loaded', notifications } });
    const unread = (stats as { unread?: unknown } | null)?.unread;
    const count = typeof unread === 'number' && Number.isInteger(unread) && unread >= 0 ? unread : notifications.filter((n) => !n.read).length;
    client.dispatch({ endpoint: REST_ENDPOINT, event: { kind: 'notification/unreadCount', count } });
  }, 'loading the notifications');
}
