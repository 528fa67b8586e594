import { useCallback, useEffect } from 'react';
import { loadNotifications, markAllNotificationsRead, markNotificationRead } from './notificationActions';
import type { ConnectionStatus } from '../../core/ConnectionState';
import type { RealtimeError } from '../../core/RealtimeError';
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
   * @default 30000 (when the client has an `apiUrl`)
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

const MAX_POLL_DELAY = 300_000;

/**
 * Live notifications from `ws/notifications/` — the SmartHunt consumer by default, or the
 * ERP / `notify`-only servers with `backends: { notifications: { dialect: noticesDialect } }`
 * (those take no commands, so marking read stays local). With an `apiUrl`, while the socket
 * is not live, notifications are polled over REST.
 */
export function useNotifications({ pollInterval = 30_000 }: NotificationsOptions = {}): NotificationsResult {
  const client = useRealtimeClient();
  useSubscription(notificationsBackend);
  const notifications = useRealtimeState((s) => s.notifications.items);
  const unreadCount = useRealtimeState((s) => s.notifications.unreadCount);
  const live = useRealtimeState((s) => s.notifications.live);
  const status = useRealtimeState((s) => s.connections.notifications?.status ?? 'idle');
  const polling = pollInterval !== false && Boolean(client.restConfig.apiUrl) && !(live && status === 'open');

  useEffect(() => {
    if (!polling) return;
    const interval = Math.max(1000, Number(pollInterval) || 30_000);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;
    const tick = async (): Promise<void> => {
      try {
        await loadNotifications(client);
        failures = 0;
      } catch (error) {
        // Reported by loadNotifications. No such API, or not allowed: asking again will not help.
        if ([401, 403, 404].includes((error as RealtimeError).status ?? 0)) stopped = true;
        failures += 1;
      }
      if (!stopped) timer = setTimeout(tick, Math.min(interval * 2 ** failures, MAX_POLL_DELAY));
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, polling, pollInterval]);

  const markRead = useCallback((id: string) => markNotificationRead(client, id), [client]);
  const markAllRead = useCallback(() => markAllNotificationsRead(client), [client]);
  return { notifications, unreadCount, status, polling, markRead, markAllRead };
}
