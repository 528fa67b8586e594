export { notificationsBackend } from './notificationsBackend';
export { notificationsSlice } from './notificationsSlice';
export { markNotificationRead, markAllNotificationsRead, loadNotifications, pollNotifications } from './notificationActions';
export { notificationsDialect, noticesDialect, parseNotificationList } from './notificationsDialect';
export { useNotifications } from './useNotifications';

export type { Booking, Notification, NotificationEvent, NotificationsSlice } from './types';
export type { NotificationsCommand } from './notificationsDialect';
export type { NotificationsOptions, NotificationsResult } from './useNotifications';
