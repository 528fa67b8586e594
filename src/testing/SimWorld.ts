/**
 * The simulator's in-memory world: the rows the five real backends keep in their databases.
 * It only holds and changes data; what gets broadcast, and to whom, is the backends' business.
 */
import type { SimClock } from './createSimClock';
import type { Random } from './createRandom';
import { BOOST_STATUSES, MENU } from './simData';
import type { BoostOrder, SimAdminNotification, SimApproval, SimBooking, SimChatMessage, SimConversation, SimNotification, SimUser, TimingOrderRecord } from './simEntities';
import type { TimingStatusName } from './simData';

const money = (n: number): string => n.toFixed(2);
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** A UUID in its canonical form (as Django's UUIDField reads one), or null when it is none. */
const canonicalUuid = (text: string): string | null => {
  if (!UUID.test(text)) return null;
  const h = text.replace(/-/g, '').toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export class SimWorld {
  readonly boostOrders = new Map<number, BoostOrder>();
  readonly timingOrders = new Map<number, TimingOrderRecord>();
  /** Keyed by `String(id)`. */
  readonly users = new Map<string, SimUser>();
  readonly notifications: SimNotification[] = [];
  readonly messages: SimChatMessage[] = [];
  /** Messages by sender and idempotency key (`client_id`). */
  private readonly byClientId = new Map<string, SimChatMessage>();
  readonly bookings = new Map<number, SimBooking>();
  readonly approvals: SimApproval[] = [];
  readonly adminNotifications: SimAdminNotification[] = [];
  /** The ERP chat's conversations, in creation order. */
  readonly conversations: SimConversation[] = [];
  private readonly next = { boost: 101, timing: 1, item: 1, notification: 1, message: 1, booking: 501, adminNotification: 1, conversation: 1 };

  constructor(
    readonly random: Random,
    readonly clock: SimClock,
  ) {}

  user(id: number | string | null | undefined): SimUser | undefined {
    return id === null || id === undefined ? undefined : this.users.get(String(id));
  }

  userByToken(token: string | null | undefined): SimUser | undefined {
    if (!token) return undefined;
    for (const user of this.users.values()) if (user.token === token) return user;
    return undefined;
  }

  /**
   * The user's id on the ERP chat over SSE + REST: `uuid`, else `id` when it is a UUID, else a
   * UUID made from the number (`00000000-0000-4000-8000-<id in hex>`).
   */
  erpId(user: SimUser): string {
    if (user.uuid) return user.uuid;
    const own = canonicalUuid(String(user.id));
    if (own) return own;
    const n = Math.abs(Math.trunc(Number(user.id))) || 0;
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0').slice(-12)}`;
  }

  /** The user behind an ERP id (a UUID in any case, with or without hyphens); integers match none. */
  userByErpId(id: unknown): SimUser | undefined {
    const wanted = typeof id === 'string' ? canonicalUuid(id.trim()) : null;
    if (!wanted) return undefined;
    for (const user of this.users.values()) if (this.erpId(user) === wanted) return user;
    return undefined;
  }

  /** The pair's conversation, created when missing (`Conversation.get_or_create_conversation`). */
  conversationOf(a: SimUser, b: SimUser): SimConversation {
    const [first, second] = this.erpId(a) <= this.erpId(b) ? [a, b] : [b, a];
    const user1Key = String(first.id);
    const user2Key = String(second.id);
    const found = this.conversations.find((c) => c.user1Key === user1Key && c.user2Key === user2Key);
    if (found) return found;
    const created: SimConversation = { id: this.next.conversation++, user1Key, user2Key, last_message: null, last_message_at: null, last_message_by: null, unread_count_user1: 0, unread_count_user2: 0, updated_at: this.clock.now() };
    this.conversations.push(created);
    return created;
  }

  usersWith(status: SimUser['approval_status']): SimUser[] {
    return [...this.users.values()].filter((u) => u.approval_status === status);
  }

  unreadCount(userKey: string): number {
    return this.notifications.filter((n) => n.userKey === userKey && !n.is_read).length;
  }

  /** The admin dashboard's stats (`get_stats`, `GET dashboard/`). */
  stats(): Record<string, unknown> {
    const orders_by_status: Record<string, number> = Object.fromEntries(BOOST_STATUSES.map((s) => [s, 0]));
    for (const order of this.boostOrders.values()) orders_by_status[order.status] = (orders_by_status[order.status] ?? 0) + 1;
    return {
      total_users: this.users.size,
      pending_users: this.usersWith('pending').length,
      approved_users: this.usersWith('approved').length,
      rejected_users: this.usersWith('rejected').length,
      total_orders: this.boostOrders.size,
      orders_by_status,
    };
  }

  addBoostOrder(patch: Partial<BoostOrder> = {}): BoostOrder {
    const actual = this.random.int(40, 200);
    const order: BoostOrder = {
      order_id: this.next.boost++,
      status: 'New',
      progress: 0,
      booster_price: money(actual * 0.85),
      actual_price: money(actual),
      booster_id: null,
      booster_username: null,
      reached_rank: null,
      reached_division: null,
      reached_marks: null,
      message: 'Order created',
      updated_at: this.clock.now(),
      ...patch,
    };
    this.next.boost = Math.max(this.next.boost, order.order_id + 1);
    this.boostOrders.set(order.order_id, order);
    return order;
  }

  /** Apply a change; returns the order and its status before the change. */
  updateBoostOrder(id: number, patch: Partial<Omit<BoostOrder, 'order_id'>>): { order: BoostOrder; previousStatus: string } {
    const order = this.boostOrders.get(id);
    if (!order) throw new RangeError(`No boosting order ${id}: use an id of world.boostOrders (101 and up).`);
    const previousStatus = order.status;
    Object.assign(order, patch, { updated_at: this.clock.now() });
    return { order, previousStatus };
  }

  addTimingOrder(customer_name: string, lines: { menu_name: string; quantity: number; price: number }[]): TimingOrderRecord {
    const items = lines.map((line) => ({ id: this.next.item++, ...line }));
    const now = this.clock.iso();
    const order: TimingOrderRecord = {
      id: this.next.timing++,
      customer_name,
      items,
      total: items.reduce((sum, i) => sum + i.price * i.quantity, 0),
      status: 'pending',
      created_at: now,
      updated_at: now,
    };
    this.timingOrders.set(order.id, order);
    return order;
  }

  /** Random order lines from the menu. */
  randomLines(): { menu_name: string; quantity: number; price: number }[] {
    const count = this.random.int(1, 3);
    const picked = new Set<(typeof MENU)[number]>();
    while (picked.size < count) picked.add(this.random.pick(MENU));
    return [...picked].map((m) => ({ menu_name: m.menu_name, price: m.price, quantity: this.random.int(1, 3) }));
  }

  setTimingStatus(id: number, status: TimingStatusName | string): TimingOrderRecord | undefined {
    const order = this.timingOrders.get(id);
    if (order) Object.assign(order, { status, updated_at: this.clock.iso() });
    return order;
  }

  addUser(user: SimUser): SimUser {
    this.users.set(String(user.id), user);
    return user;
  }

  addNotification(userKey: string, fields: Pick<SimNotification, 'title' | 'body' | 'notification_type' | 'data'>): SimNotification {
    const notification: SimNotification = { id: this.next.notification++, userKey, ...fields, is_read: false, created_at: this.clock.now() };
    this.notifications.push(notification);
    return notification;
  }

  /** The message `sender_id` sent with this idempotency key, if any. */
  messageByClientId(sender_id: number | string, client_id: string): SimChatMessage | undefined {
    return this.byClientId.get(`${sender_id}\u0000${client_id}`);
  }

  /**
   * Store a chat message and update its conversation as the ERP's send does: last message
   * (first 100 characters, or `[Attachment]`), its time and author, and the receiver's unread + 1.
   */
  addMessage(sender_id: number | string, receiver_id: number | string, message: string, attachment: string | null, client_id: string | null = null): SimChatMessage {
    const sender = this.user(sender_id);
    const receiver = this.user(receiver_id);
    const now = this.clock.now();
    const conversation = sender && receiver ? this.conversationOf(sender, receiver) : null;
    const stored: SimChatMessage = { id: this.next.message++, sender_id, receiver_id, message, attachment, created_at: now, conversation_id: conversation?.id ?? 0, is_read: false, read_at: null };
    this.messages.push(stored);
    if (client_id !== null) {
      stored.client_id = client_id;
      this.byClientId.set(`${sender_id}\u0000${client_id}`, stored);
    }
    if (conversation) {
      conversation.last_message = message ? [...message].slice(0, 100).join('') : '[Attachment]';
      conversation.last_message_at = now;
      conversation.last_message_by = String(sender_id);
      if (String(receiver_id) === conversation.user1Key) conversation.unread_count_user1++;
      else conversation.unread_count_user2++;
      conversation.updated_at = now;
    }
    return stored;
  }

  upsertBooking(patch: Partial<SimBooking>): SimBooking {
    const existing = patch.booking_id === undefined ? undefined : this.bookings.get(patch.booking_id);
    const booking: SimBooking = existing ?? {
      booking_id: this.next.booking++,
      action: 'created',
      status: 'pending',
      property_id: null,
      property_title: null,
      tenant_id: null,
      landlord_id: null,
      updated_at: this.clock.now(),
    };
    Object.assign(booking, patch, { updated_at: this.clock.now() });
    this.bookings.set(booking.booking_id, booking);
    return booking;
  }

  addAdminNotification(title: string, message: string, notification_type: string): SimAdminNotification {
    const n = { id: this.next.adminNotification++, title, message, notification_type, is_read: false, created_at: this.clock.now() };
    this.adminNotifications.push(n);
    return n;
  }
}
