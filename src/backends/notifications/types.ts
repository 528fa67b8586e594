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
  | { kind: 'notification/readLocally'; id: string | null };

export interface NotificationsSlice {
  items: Notification[];
  unreadCount: number;
  bookings: Booking[];
}
