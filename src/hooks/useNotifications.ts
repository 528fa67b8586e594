import { useCallback } from 'react';
import { markAllNotificationsRead, markNotificationRead } from '../core/actions/notificationActions';
import type { ConnectionStatus } from '../core/Connection';
import { notificationsEndpoint } from '../core/endpoints/notificationsEndpoint';
import type { Notification } from '../core/events';
import { useRealtimeClient } from './useRealtimeClient';
import { useRealtimeState } from './useRealtimeState';
import { useSubscription } from './useSubscription';

export interface NotificationsResult {
  /** Newest first, capped by `limits.notifications`. */
  notifications: Notification[];
  unreadCount: number;
  status: ConnectionStatus;
  /** Mark one read: shown at once, and told to the server when its protocol accepts it. */
  markRead(id: string): void;
  markAllRead(): void;
}

/**
 * Live notifications from `ws/notifications/` — the SmartHunt consumer by default, or the
 * ERP / `notify`-only servers with `endpoints: { notifications: { dialect: noticesDialect } }`
 * (those take no commands, so marking read stays local).
 */
export function useNotifications(): NotificationsResult {
  const client = useRealtimeClient();
  useSubscription(notificationsEndpoint);
  const notifications = useRealtimeState((s) => s.notifications.items);
  const unreadCount = useRealtimeState((s) => s.notifications.unreadCount);
  const status = useRealtimeState((s) => s.connections.notifications?.status ?? 'idle');

  const markRead = useCallback((id: string) => markNotificationRead(client, id), [client]);
  const markAllRead = useCallback(() => markAllNotificationsRead(client), [client]);
  return { notifications, unreadCount, status, markRead, markAllRead };
}
