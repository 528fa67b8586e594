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

export type NotificationEvent =
  | { kind: 'notification/added'; notification: Notification }
  | { kind: 'notification/unreadCount'; count: number }
  | { kind: 'notification/markedRead'; id: string; success: boolean }
  | { kind: 'notification/allMarkedRead'; markedCount: number }
  | { kind: 'booking/updated'; booking: Booking }
  /** Local: marked read here (`id` null: all). */
  | { kind: 'notification/readLocally'; id: string | null }
  /** Local: the list from REST (`GET notifications/`), merged by id. */
  | { kind: 'notification/loaded'; notifications: Notification[] }
  /** Local: the socket closed; until it greets again, notifications come over REST. */
  | { kind: 'notification/socketClosed' };

export interface NotificationsSlice {
  items: Notification[];
  unreadCount: number;
  bookings: Booking[];
  /**
   * The socket greeted, or sent an unread count, since it last opened: it is live. While it is
   * not (no socket on the server, or a route that answers nothing), `useNotifications` polls REST.
   */
  live: boolean;
}
