export { notificationsBackend } from './notificationsBackend';
export { notificationsSlice } from './notificationsSlice';
export { markNotificationRead, markAllNotificationsRead } from './notificationActions';
export { notificationsDialect, noticesDialect } from './notificationsDialect';
export { useNotifications } from './useNotifications';

export type { Booking, Notification, NotificationEvent, NotificationsSlice } from './types';
export type { NotificationsCommand } from './notificationsDialect';
export type { NotificationsResult } from './useNotifications';
