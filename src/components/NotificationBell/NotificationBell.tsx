import type { ReactElement } from 'react';
import { useConnectionStatus } from '../../hooks/useConnectionStatus';
import { useNotifications } from '../../backends/notifications/useNotifications';
import { NotificationBellView, type NotificationBellViewProps } from './NotificationBellView';

export type NotificationBellProps = Omit<NotificationBellViewProps, 'notifications' | 'unreadCount' | 'status' | 'attempt' | 'onMarkRead' | 'onMarkAllRead'>;

/** The live notification bell (`useNotifications`): unread badge, list, mark read and mark all read. */
export function NotificationBell(props: NotificationBellProps): ReactElement {
  const { notifications, unreadCount, status, markRead, markAllRead } = useNotifications();
  const { attempt } = useConnectionStatus('notifications');
  return <NotificationBellView notifications={notifications} unreadCount={unreadCount} status={status} attempt={attempt} onMarkRead={markRead} onMarkAllRead={markAllRead} {...props} />;
}
