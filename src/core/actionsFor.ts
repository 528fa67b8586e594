import { approveUser, loadPendingUsers, rejectUser } from './actions/adminActions';
import type { ActionClient } from './actions/callRest';
import { markAllNotificationsRead, markNotificationRead } from './actions/notificationActions';
import { loadTimingOrder, loadTimingOrders, updateOrderStatus } from './actions/timingActions';
import type { Order } from './events';

/**
 * Actions that go over REST, with optimistic updates rolled back on failure. Each reports a
 * failure through `onError` and also rejects, so the caller can show it where it happened.
 * Each is also a function of its own taking the client first (`updateOrderStatus(client, id,
 * status)`, from `actions/timingActions`, `adminActions`, `notificationActions`), so an app
 * bundles only the backends it uses.
 */
export interface RealtimeActions {
  /** Load the Timing admin order list into the store (also used to resync after a reconnect). */
  loadTimingOrders(): Promise<void>;
  /** Load one Timing order (customer tracking, and its polling fallback). */
  loadTimingOrder(id: string | number): Promise<Order | undefined>;
  /** Change a Timing order's status: shown at once, rolled back if the server refuses. */
  updateOrderStatus(id: string | number, status: string): Promise<void>;
  /** Load the users awaiting approval. */
  loadPendingUsers(): Promise<void>;
  /** Approve a pending user: removed from the list at once, put back if the server refuses. */
  approveUser(id: string, notes?: string): Promise<void>;
  /** Reject a pending user, likewise. */
  rejectUser(id: string, notes?: string): Promise<void>;
  /** Mark a notification read: at once here, and on the server when its protocol accepts it. */
  markNotificationRead(id: string): void;
  /** Mark every notification read, likewise. */
  markAllNotificationsRead(): void;
}

/** Every action bound to one client (what `client.actions` of `createRealtimeClient` is). */
export function actionsFor(client: ActionClient): RealtimeActions {
  return {
    loadTimingOrders: () => loadTimingOrders(client),
    loadTimingOrder: (id) => loadTimingOrder(client, id),
    updateOrderStatus: (id, status) => updateOrderStatus(client, id, status),
    loadPendingUsers: () => loadPendingUsers(client),
    approveUser: (id, notes) => approveUser(client, id, notes),
    rejectUser: (id, notes) => rejectUser(client, id, notes),
    markNotificationRead: (id) => markNotificationRead(client, id),
    markAllNotificationsRead: () => markAllNotificationsRead(client),
  };
}
