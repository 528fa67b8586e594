import type { ConnectionState } from '../Connection';
import type { ActivityEntry, AdminUser, Booking, ChatMessage, Notification, Order, OrderPatch, RealtimeEvent } from '../events';

/** Caps on every list, so memory stays bounded under any message rate. */
export interface RealtimeLimits {
  /** Orders kept (oldest first out). @default 1000 */
  orders?: number;
  /** Notifications kept. @default 200 */
  notifications?: number;
  /** Messages kept per chat peer. @default 500 */
  chatMessages?: number;
  /** Admin activity entries kept. @default 100 */
  activity?: number;
  /** Pending users kept. @default 1000 */
  pendingUsers?: number;
  /** Booking updates kept. @default 100 */
  bookings?: number;
  /** Commands kept per socket while offline. @default 1000 */
  sendQueue?: number;
  /** Largest frame accepted, in characters. @default 262144 */
  maxFrameChars?: number;
  /** Most sockets open at once per client. @default 200 */
  socketBudget?: number;
}

export type ResolvedLimits = Required<RealtimeLimits>;

/** A connection's state plus who the server says we are, if it said. */
export interface ConnectionEntry extends ConnectionState {
  user: { id: string | null; username: string | null } | null;
}

export interface OrdersSlice {
  /** Orders by store key: the id, or `timing:<id>` for the Timing shop (see `orderKey`). */
  byId: Record<string, Order>;
  /** Store keys, newest first seen first. */
  ids: string[];
  /** The last event applied to each order, by store key. */
  lastEvent: Record<string, RealtimeEvent>;
  /** Store key of the newest order announced as created (Timing `new_order`). */
  latestCreatedId: string | null;
}

export interface NotificationsSlice {
  items: Notification[];
  unreadCount: number;
  bookings: Booking[];
}

export interface ChatSlice {
  /** Messages per peer, ordered by timestamp. */
  byPeer: Record<string, ChatMessage[]>;
  /** Client ids written to the socket and waiting for their `message_sent` ack, in send order. */
  awaitingAck: string[];
}

export interface AdminSlice {
  stats: Record<string, unknown> | null;
  pendingCount: number | null;
  pendingUsers: AdminUser[];
  activity: ActivityEntry[];
  /** Admins online, by id. */
  admins: Record<string, { id: string; username: string }>;
  me: AdminUser | null;
}

export interface RealtimeState {
  connections: Record<string, ConnectionEntry>;
  orders: OrdersSlice;
  notifications: NotificationsSlice;
  chat: ChatSlice;
  admin: AdminSlice;
}

/** Changes made by the client itself (not from the wire). Plain data, like RealtimeEvent. */
export type LocalEvent =
  | { kind: 'connection/state'; state: ConnectionState }
  | { kind: 'connection/removed' }
  | { kind: 'orders/snapshot'; orders: OrderPatch[] }
  | { kind: 'order/replace'; order: Order }
  | { kind: 'notification/readLocally'; id: string | null }
  | { kind: 'chat/queued'; message: ChatMessage }
  | { kind: 'chat/sending'; clientId: string }
  | { kind: 'chat/failed'; clientIds: string[] | 'awaiting'; error: string }
  | { kind: 'admin/pendingUsers'; users: AdminUser[] }
  | { kind: 'admin/pendingRemoved'; userId: string }
  | { kind: 'admin/pendingRestored'; user: AdminUser; index: number };

/** One entry of a batch: which endpoint it came from, and what happened. */
export interface StoreEntry {
  endpoint: string;
  event: RealtimeEvent | LocalEvent;
}
