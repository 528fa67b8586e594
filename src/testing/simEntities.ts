/** The rows of the simulated world (held by `SimWorld`). Field names follow the real servers. */

/** A game-boosting order (PROTOCOLS.md §1). Prices are decimal strings, as Django sends them. */
export interface BoostOrder {
  order_id: number;
  status: string;
  progress: number | null;
  booster_price: string | null;
  actual_price: string | null;
  booster_id: number | null;
  booster_username: string | null;
  reached_rank: string | null;
  reached_division: number | null;
  reached_marks: number | null;
  message: string | null;
  /** Simulated ms of the last change. */
  updated_at: number;
}

export interface TimingItem { id: number; menu_name: string; quantity: number; price: number }

/** A Timing restaurant order (PROTOCOLS.md §2). `total` is in baht. */
export interface TimingOrderRecord {
  id: number;
  customer_name: string;
  items: TimingItem[];
  total: number;
  status: string;
  created_at: string;
  updated_at: string;
}

/** A user of any backend. Demo users have integer ids; registered and admin users UUIDs. */
export interface SimUser {
  id: number | string;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  is_staff: boolean;
  is_superuser: boolean;
  approval_status: 'approved' | 'pending' | 'rejected';
  date_joined: string;
  /** A chat peer that answers messages by itself. */
  bot: boolean;
  /** The demo token that logs in as this user, if any. */
  token: string | null;
  /**
   * The user's id on the ERP chat over Server-Sent Events + REST, a UUID string as the real
   * server's user ids are. Absent when `id` is a UUID already (see `SimWorld.erpId`).
   */
  uuid?: string;
}

export interface SimNotification {
  id: number;
  /** `String(user.id)`. */
  userKey: string;
  title: string;
  body: string;
  notification_type: string;
  data: Record<string, unknown> | null;
  is_read: boolean;
  created_at: number;
}

export interface SimChatMessage {
  id: number;
  sender_id: number | string;
  receiver_id: number | string;
  message: string;
  attachment: string | null;
  created_at: number;
  /** The ERP conversation of the pair (one per pair of users). */
  conversation_id: number;
  is_read: boolean;
  /** Simulated ms it was marked read, or null. */
  read_at: number | null;
  /** The sender's idempotency key (`client_id` of the send), unique per sender; null when the send had none. */
  client_id?: string | null;
}

/**
 * The ERP chat's conversation row: one per pair, `user1` the lower ERP id. Its unread
 * counters are kept as the real server keeps them (only a mark-read by `conversation_id`
 * resets one), so they may disagree with the messages' `is_read`.
 */
export interface SimConversation {
  id: number;
  /** `String(user.id)` of both users. */
  user1Key: string;
  user2Key: string;
  last_message: string | null;
  last_message_at: number | null;
  last_message_by: string | null;
  unread_count_user1: number;
  unread_count_user2: number;
  updated_at: number;
}

export interface SimBooking {
  booking_id: number;
  action: string;
  status: string;
  property_id: number | null;
  property_title: string | null;
  tenant_id: number | string | null;
  landlord_id: number | string | null;
  updated_at: number;
}

export interface SimApproval {
  action: 'approved' | 'rejected';
  userKey: string;
  performedByKey: string;
  notes: string | null;
  at: number;
}

/** An admin-dashboard notification (`GET notifications/`). */
export interface SimAdminNotification { id: number; title: string; message: string; notification_type: string; is_read: boolean; created_at: number }
