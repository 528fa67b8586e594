import { useCallback } from 'react';
import { markAllNotificationsRead, markNotificationRead } from './notificationActions';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { notificationsBackend } from './notificationsBackend';
import type { Notification } from './types';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

export interface NotificationsResult {
  /** Newest first, capped by `backends.notifications.limits.notifications`. */
  notifications: Notification[];
  unreadCount: number;
  status: ConnectionStatus;
  /** Mark one read: shown at once, and told to the server when its protocol accepts it. */
  markRead(id: string): void;
  markAllRead(): void;
}

/**
 * Live notifications from `ws/notifications/` — the SmartHunt consumer by default, or the
 * ERP / `notify`-only servers with `backends: { notifications: { dialect: noticesDialect } }`
 * (those take no commands, so marking read stays local).
 */
export function useNotifications(): NotificationsResult {
  const client = useRealtimeClient();
  useSubscription(notificationsBackend);
  const notifications = useRealtimeState((s) => s.notifications.items);
  const unreadCount = useRealtimeState((s) => s.notifications.unreadCount);
  const status = useRealtimeState((s) => s.connections.notifications?.status ?? 'idle');

  const markRead = useCallback((id: string) => markNotificationRead(client, id), [client]);
  const markAllRead = useCallback(() => markAllNotificationsRead(client), [client]);
  return { notifications, unreadCount, status, markRead, markAllRead };
}
