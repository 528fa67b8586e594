import type { CoreEvent, StoreEntry } from '../../core/events';
import { draftRecord, has, put, record, remove, slackOf, trimRecord } from '../../core/store/records';
import type { StoreSlice } from '../../core/store/types';
import type { OrderEvent } from '../orders/types';
import type { ActivityEntry, AdminEvent, AdminSlice, AdminUser } from './types';

declare module '../../core/store/types' {
  interface RealtimeSlices {
    admin: AdminSlice;
  }
}

/** `admins` is keyed by user ids from the wire: a record without a prototype (`core/store/records`). */
export const initialAdmin: AdminSlice = { stats: null, pendingCount: null, pendingUsers: [], activity: [], admins: record(), me: null };

/** The caps the admin slice applies (`backends: { admin: { limits } }`). */
export interface AdminCaps {
  /** Activity entries kept, newest first. Default 100. */
  activity: number;
  /** Pending users kept. Default 1000. */
  pendingUsers: number;
  /**
   * Admins online kept; past it the earliest listed are dropped, a tenth of the cap at a time
   * (never this user or the one who just joined). Default 1000.
   */
  admins: number;
}

/** The admin slice's default caps: {@link AdminCaps}. */
export const adminLimits: AdminCaps = { activity: 100, pendingUsers: 1000, admins: 1000 };

function log(slice: AdminSlice, entry: ActivityEntry, cap: number): AdminSlice {
  if (slice.activity.some((a) => a.id === entry.id)) return slice;
  return { ...slice, activity: [entry, ...slice.activity].slice(0, cap) };
}

function shallowEqual(a: Record<string, unknown> | null, b: Record<string, unknown>): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

function reduce(slice: AdminSlice, entry: StoreEntry<AdminEvent | CoreEvent | OrderEvent>, caps: AdminCaps): AdminSlice {
  const { event } = entry;
  switch (event.kind) {
    case 'admin/stats':
      return shallowEqual(slice.stats, event.stats) ? slice : { ...slice, stats: event.stats };
    case 'admin/pendingCount':
      return slice.pendingCount === event.count ? slice : { ...slice, pendingCount: event.count };
    case 'admin/pendingUsers': {
      // One entry per user (the first wins): a repeated id would be one person listed twice.
      const seen = new Set<string>();
      return { ...slice, pendingUsers: event.users.filter((u) => !seen.has(u.id) && seen.add(u.id)).slice(0, caps.pendingUsers) };
    }
    case 'admin/pendingRemoved': {
      const pendingUsers = slice.pendingUsers.filter((u) => u.id !== event.userId);
      return pendingUsers.length === slice.pendingUsers.length ? slice : { ...slice, pendingUsers };
    }
    case 'admin/pendingRestored': {
      if (slice.pendingUsers.some((u) => u.id === event.user.id)) return slice;
      const pendingUsers = [...slice.pendingUsers];
      pendingUsers.splice(Math.min(Math.max(0, event.index), pendingUsers.length), 0, event.user);
      return { ...slice, pendingUsers: pendingUsers.slice(0, caps.pendingUsers) };
    }
    case 'admin/approval': {
      const pendingUsers = slice.pendingUsers.filter((u) => u.id !== event.user.id);
      const next = pendingUsers.length === slice.pendingUsers.length ? slice : { ...slice, pendingUsers };
      const who = event.performedBy ? ` by ${event.performedBy}` : '';
      return log(next, { id: `${event.action}:${event.user.id}:${event.timestamp}`, kind: event.action, text: `${event.user.username} ${event.action}${who}`, timestamp: event.timestamp, userId: event.user.id }, caps.activity);
    }
    case 'admin/newUser': {
      const known = slice.pendingUsers.some((u) => u.id === event.user.id);
      const next = known ? slice : { ...slice, pendingUsers: [event.user, ...slice.pendingUsers].slice(0, caps.pendingUsers) };
      return log(next, { id: `new_user:${event.user.id}`, kind: 'new_user', text: `${event.user.username} registered`, timestamp: event.timestamp, userId: event.user.id }, caps.activity);
    }
    case 'admin/joined':
    case 'admin/left': {
      const present = has(slice.admins, event.userId);
      if ((event.kind === 'admin/joined') === present) return slice;
      // Within a batch the record is changed in place: N joins cost one copy, not N.
      const admins = draftRecord(slice.admins);
      if (event.kind === 'admin/joined') {
        put(admins, event.userId, { id: event.userId, username: event.username });
        trimRecord(admins, caps.admins, [event.userId, slice.me?.id], slackOf(caps.admins));
      } else remove(admins, event.userId);
      return { ...slice, admins };
    }
    case 'session/established': {
      const user = event.user as AdminUser | undefined;
      if (!user || entry.endpoint !== 'admin') return slice;
      const admins = draftRecord(slice.admins);
      put(admins, user.id, { id: user.id, username: user.username });
      trimRecord(admins, caps.admins, [user.id], slackOf(caps.admins));
      return { ...slice, me: user, admins };
    }
    case 'order/upsert':
      if (event.order.source !== 'admin') return slice;
      return log(
        slice,
        { id: `order:${event.order.id}:${event.order.status}:${event.order.updatedAt}`, kind: 'order_update', text: `Order ${event.order.id}: ${event.order.previousStatus ?? '?'} → ${event.order.status}`, timestamp: event.order.updatedAt ?? '' },
        caps.activity,
      );
    default:
      return slice;
  }
}

/**
 * The admin dashboard slice: `state.admin`. Caps: `backends: { admin: { limits: { activity,
 * pendingUsers, admins } } }` ({@link AdminCaps}).
 */
export const adminSlice: StoreSlice<AdminSlice> = {
  key: 'admin',
  initial: initialAdmin,
  limits: { ...adminLimits },
  reduce: (slice, entry, limits) => reduce(slice, entry as StoreEntry<AdminEvent | CoreEvent | OrderEvent>, { ...adminLimits, ...limits } as AdminCaps),
};
