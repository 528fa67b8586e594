/**
 * Normalised domain events. Dialects turn wire frames into these; the store's reducers
 * apply them. Every event is plain, serialisable data (no functions, no class instances)
 * so a batch can cross a worker boundary unchanged.
 */

/** Where an order update came from. */
export type OrderSource = 'orderStream' | 'timing' | 'admin';

/** One line of a Timing order. */
export interface OrderItem {
  id: string;
  name: string;
  quantity: number;
  /** Unit price as sent (Thai baht on the Timing server). */
  price: number | null;
}

/**
 * An order, normalised across the three order sources. Only fields a source knows are
 * set; an update never erases a field it does not carry.
 */
export interface Order {
  id: string;
  status: string;
  previousStatus?: string | null;
  progress?: number | null;
  boosterPrice?: number | null;
  actualPrice?: number | null;
  boosterId?: string | null;
  boosterUsername?: string | null;
  reachedRank?: string | null;
  reachedDivision?: number | null;
  reachedMarks?: number | null;
  message?: string | null;
  customerName?: string | null;
  total?: number | null;
  items?: OrderItem[];
  createdAt?: string | null;
  /** ISO time of the last change, or the server's text when it could not be parsed. */
  updatedAt: string;
  source: OrderSource;
}

/** A partial order as carried by one frame. `id` and `source` are always set. */
export type OrderPatch = Partial<Order> & Pick<Order, 'id' | 'source'>;

export interface Notification {
  id: string;
  title: string;
  body: string;
  /** The backend's `notification_type` (`booking`, `message`, `maintenance`, `notice`, …). */
  kind: string;
  data: Record<string, unknown> | null;
  timestamp: string;
  read: boolean;
}

export interface ChatMessage {
  /** The server's id, once known. */
  id: string | null;
  /** The client's id for a message this client sent; for received messages, `"srv:<id>"`. */
  clientId: string;
  peerId: string;
  /** `true` when this client sent it. */
  own: boolean;
  senderName: string | null;
  text: string;
  attachment: string | null;
  timestamp: string;
  state: 'queued' | 'sending' | 'sent' | 'failed' | 'received';
  error?: string;
}

export interface AdminUser {
  id: string;
  username: string;
  email?: string | null;
  isStaff?: boolean;
  isSuperuser?: boolean;
  [extra: string]: unknown;
}

export interface ActivityEntry {
  id: string;
  kind: 'approved' | 'rejected' | 'new_user' | 'admin_joined' | 'admin_left' | 'order_update' | 'booking';
  text: string;
  timestamp: string;
  userId?: string | null;
}

export interface Booking {
  bookingId: string;
  action: string;
  status: string;
  propertyId: string | null;
  propertyTitle: string | null;
  tenantId: string | null;
  landlordId: string | null;
  timestamp: string;
}

/** Everything a dialect can emit. `kind` is namespaced by the slice it feeds. */
export type RealtimeEvent =
  | { kind: 'order/upsert'; order: OrderPatch }
  | { kind: 'order/created'; order: OrderPatch }
  | { kind: 'notification/added'; notification: Notification }
  | { kind: 'notification/unreadCount'; count: number }
  | { kind: 'notification/markedRead'; id: string; success: boolean }
  | { kind: 'notification/allMarkedRead'; markedCount: number }
  | { kind: 'booking/updated'; booking: Booking }
  | { kind: 'chat/received'; message: ChatMessage }
  | { kind: 'chat/ack'; serverId: string }
  | { kind: 'chat/rejected'; error: string }
  | { kind: 'admin/stats'; stats: Record<string, unknown> }
  | { kind: 'admin/pendingCount'; count: number; change?: number }
  | { kind: 'admin/approval'; action: 'approved' | 'rejected'; user: AdminUser; performedBy: string | null; timestamp: string; notes: string | null }
  | { kind: 'admin/newUser'; user: AdminUser; timestamp: string }
  | { kind: 'admin/joined'; userId: string; username: string }
  | { kind: 'admin/left'; userId: string; username: string }
  | { kind: 'admin/subscribed'; channel: string }
  | { kind: 'session/established'; userId: string | null; username: string | null; user?: AdminUser }
  | { kind: 'pong'; timestamp: string | null }
  | { kind: 'server/error'; message: string };

export type RealtimeEventKind = RealtimeEvent['kind'];
