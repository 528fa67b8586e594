import { useCallback, useEffect } from 'react';
import { markAllNotificationsRead, markNotificationRead, pollNotifications } from './notificationActions';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { notificationsBackend } from './notificationsBackend';
import type { Notification } from './types';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

export interface NotificationsOptions {
  /**
   * Poll REST (`apiUrl` + `backends.notifications.restPaths`) every this many ms while the
   * socket is not live (SmartHunt as deployed serves none), or `false` not to. Failures back off
   * (doubling, at most 5 minutes); a 401, 403 or 404 stops the polling (reported once).
   * @default 30000 when the client has an `apiUrl` and the SmartHunt dialect; off with `noticesDialect`
   */
  pollInterval?: number | false;
}

export interface NotificationsResult {
  /** Newest first, capped by `backends.notifications.limits.notifications`. */
  notifications: Notification[];
  unreadCount: number;
  status: ConnectionStatus;
  /** True while notifications come over REST polling because the socket is not live. */
  polling: boolean;
  /** Mark one read: shown at once, and told to the server when its protocol accepts it. */
  markRead(id: string): void;
  markAllRead(): void;
}

/**
 * Live notifications from `ws/notifications/` — the SmartHunt consumer by default, or the
 * ERP / `notify`-only servers with `backends: { notifications: { dialect: noticesDialect } }`
 * (those take no commands, so marking read stays local). With an `apiUrl`, while the socket
 * is not live, notifications are polled over REST.
 */
export function useNotifications(options: NotificationsOptions = {}): NotificationsResult {
  const client = useRealtimeClient();
  useSubscription(notificationsBackend);
  // SmartHunt's REST by default; not for the ERP / `notify`-only servers (noticesDialect, no ping), which have no such API.
  const pollInterval = options.pollInterval ?? (client.use(notificationsBackend).dialect.heartbeat ? 30_000 : false);
  const notifications = useRealtimeState((s) => s.notifications.items);
  const unreadCount = useRealtimeState((s) => s.notifications.unreadCount);
  const live = useRealtimeState((s) => s.notifications.live);
  const status = useRealtimeState((s) => s.connections.notifications?.status ?? 'idle');
  const polling = pollInterval !== false && Boolean(client.restConfig.apiUrl) && !(live && status === 'open');

  useEffect(() => (polling ? pollNotifications(client, pollInterval || undefined) : undefined), [client, polling, pollInterval]);

  const markRead = useCallback((id: string) => markNotificationRead(client, id), [client]);
  const markAllRead = useCallback(() => markAllNotificationsRead(client), [client]);
  return { notifications, unreadCount, status, polling, markRead, markAllRead };
}
