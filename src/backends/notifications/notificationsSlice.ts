import type { StoreSlice } from '../../core/store/types';
import type { NotificationEvent, NotificationsSlice } from './types';

declare module '../../core/store/types' {
  interface RealtimeSlices {
    notifications: NotificationsSlice;
  }
}

export const initialNotifications: NotificationsSlice = { items: [], unreadCount: 0, bookings: [] };

export interface NotificationCaps {
  notifications: number;
  bookings: number;
}

function markRead(slice: NotificationsSlice, id: string | null): NotificationsSlice {
  let marked = 0;
  const items = slice.items.map((n) => {
    if (n.read || (id !== null && n.id !== id)) return n;
    marked += 1;
    return { ...n, read: true };
  });
  if (marked === 0) return slice;
  return { ...slice, items, unreadCount: id === null ? 0 : Math.max(0, slice.unreadCount - marked) };
}

function reduce(slice: NotificationsSlice, event: NotificationEvent, caps: NotificationCaps): NotificationsSlice {
  switch (event.kind) {
    case 'notification/added': {
      if (slice.items.some((n) => n.id === event.notification.id)) return slice;
      const items = [event.notification, ...slice.items].slice(0, caps.notifications);
      return { ...slice, items, unreadCount: slice.unreadCount + (event.notification.read ? 0 : 1) };
    }
    case 'notification/unreadCount':
      return event.count === slice.unreadCount ? slice : { ...slice, unreadCount: event.count };
    case 'notification/markedRead':
      return event.success ? markRead(slice, event.id) : slice;
    case 'notification/readLocally':
      return markRead(slice, event.id);
    case 'notification/allMarkedRead': {
      const next = markRead(slice, null);
      return next.unreadCount === 0 ? next : { ...next, unreadCount: 0 };
    }
    case 'booking/updated': {
      const b = event.booking;
      const rest = slice.bookings.filter((x) => !(x.bookingId === b.bookingId && x.timestamp === b.timestamp));
      if (rest.length !== slice.bookings.length) return slice;
      return { ...slice, bookings: [b, ...rest].slice(0, caps.bookings) };
    }
    default:
      return slice;
  }
}

/** The notifications slice: `state.notifications`. Caps: `backends: { notifications: { limits: { notifications, bookings } } }`. */
export const notificationsSlice: StoreSlice<NotificationsSlice> = {
  key: 'notifications',
  initial: initialNotifications,
  limits: { notifications: 200, bookings: 100 },
  reduce: (slice, entry, limits) => reduce(slice, entry.event as NotificationEvent, limits as unknown as NotificationCaps),
};
