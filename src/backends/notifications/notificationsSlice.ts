import type { StoreEntry } from '../../core/events';
import type { StoreSlice } from '../../core/store/types';
import type { Notification, NotificationEvent, NotificationsSlice } from './types';

declare module '../../core/store/types' {
  interface RealtimeSlices {
    notifications: NotificationsSlice;
  }
}

export const initialNotifications: NotificationsSlice = { items: [], unreadCount: 0, bookings: [], live: false };

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

/**
 * A notice without an id (`anon:<content hash>`) that repeats one already shown within this
 * window is the same notice re-sent (the ERP re-sends on every save while published).
 */
export const NOTICE_REPEAT_WINDOW_MS = 10 * 60_000;

function added(slice: NotificationsSlice, notification: Notification, caps: NotificationCaps): NotificationsSlice {
  let { id } = notification;
  if (id.startsWith('anon:')) {
    const at = Date.parse(notification.timestamp);
    const same = slice.items.find((n) => n.id === id || n.id.startsWith(`${id}@`));
    if (same && !(Math.abs(Date.parse(same.timestamp) - at) > NOTICE_REPEAT_WINDOW_MS)) return slice;
    if (same) id = `${id}@${notification.timestamp}`;
  }
  if (slice.items.some((n) => n.id === id)) return slice;
  const items = [id === notification.id ? notification : { ...notification, id }, ...slice.items].slice(0, caps.notifications);
  return { ...slice, items, unreadCount: slice.unreadCount + (notification.read ? 0 : 1) };
}

function loaded(slice: NotificationsSlice, list: Notification[], caps: NotificationCaps): NotificationsSlice {
  const byId = new Map(slice.items.map((n) => [n.id, n]));
  let changed = false;
  for (const n of list) {
    const known = byId.get(n.id);
    if (known && known.read === n.read) continue;
    // The server's read flag wins, except that a read here stays read.
    byId.set(n.id, known ? { ...known, read: known.read || n.read } : n);
    changed = changed || !known || (!known.read && n.read);
  }
  if (!changed) return slice;
  const items = [...byId.values()].sort((a, b) => (Date.parse(b.timestamp) || 0) - (Date.parse(a.timestamp) || 0)).slice(0, caps.notifications);
  return { ...slice, items };
}

function reduce(slice: NotificationsSlice, entry: StoreEntry<NotificationEvent | { kind: 'session/established' }>, caps: NotificationCaps): NotificationsSlice {
  const { event } = entry;
  const fromSocket = entry.endpoint === 'notifications';
  if (fromSocket && !slice.live && (event.kind === 'session/established' || event.kind === 'notification/unreadCount')) slice = { ...slice, live: true };
  switch (event.kind) {
    case 'notification/loaded':
      return loaded(slice, event.notifications, caps);
    case 'notification/socketClosed':
      return slice.live ? { ...slice, live: false } : slice;
    case 'notification/added':
      return added(slice, event.notification, caps);
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
  reduce: (slice, entry, limits) => reduce(slice, entry as StoreEntry<NotificationEvent>, limits as unknown as NotificationCaps),
};
