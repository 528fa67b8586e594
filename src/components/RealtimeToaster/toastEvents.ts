import type { ActivityEntry } from '../../backends/admin/types';
import type { Notification } from '../../backends/notifications/types';
import type { Order } from '../../backends/orders/types';
import type { RealtimeState } from '../../core/store/types';

interface ToastEventBase {
  /**
   * A stable id for this event, used as react-toastify's `toastId`
   * (`order:101:status:Done`, `notification:7`): the same event always gets the same id.
   */
  id: string;
  /**
   * What the event is about (`order:101:status`). An event is a duplicate when its slot's
   * last event had the same id, so a status that comes back later (Extend → Continue →
   * Extend) still shows, while the same update arriving twice does not.
   */
  slot: string;
}

/** Everything the toaster can turn into a toast. Plain data, derived from two store states. */
export type ToastEvent = ToastEventBase &
  (
    | { type: 'order-status'; order: Order; previousStatus: string }
    | { type: 'order-progress'; order: Order; previousProgress: number | null }
    | { type: 'order-created'; order: Order }
    | { type: 'notification'; notification: Notification }
    | { type: 'approval'; entry: ActivityEntry & { kind: 'approved' | 'rejected' } }
  );

export type ToastEventType = ToastEvent['type'];

function orderEvents(prev: RealtimeState['orders'], next: RealtimeState['orders'], out: ToastEvent[]): void {
  if (prev.byId === next.byId) return;
  // ids are newest first: walk them backwards so orders created in one batch toast in order.
  for (let i = next.ids.length - 1; i >= 0; i -= 1) {
    const id = next.ids[i]!;
    const order = next.byId[id];
    const before = prev.byId[id];
    if (!order || order === before) continue;
    if (!before) {
      // First sight of an order is its snapshot (a socket's first frame, a list reload):
      // only an explicit "new order" announcement is news.
      const event = next.lastEvent[id];
      if (event?.kind === 'order/created' && event !== prev.lastEvent[id]) out.push({ type: 'order-created', id: `order:${id}:created`, slot: `order:${id}:created`, order });
      continue;
    }
    if (order.status !== before.status) {
      out.push({ type: 'order-status', id: `order:${id}:status:${order.status}`, slot: `order:${id}:status`, order, previousStatus: before.status });
    } else if (order.progress != null && order.progress !== before.progress) {
      out.push({ type: 'order-progress', id: `order:${id}:progress:${order.progress}`, slot: `order:${id}:progress`, order, previousProgress: before.progress ?? null });
    }
  }
}

function notificationEvents(prev: RealtimeState['notifications'], next: RealtimeState['notifications'], out: ToastEvent[]): void {
  if (prev.items === next.items) return;
  const known = new Set(prev.items.map((n) => n.id));
  // Items are newest first; toast them in the order they happened.
  for (let i = next.items.length - 1; i >= 0; i -= 1) {
    const n = next.items[i]!;
    // Already-read items are history (e.g. loaded for offline viewing), not news.
    if (known.has(n.id) || n.read) continue;
    out.push({ type: 'notification', id: `notification:${n.id}`, slot: `notification:${n.id}`, notification: n });
  }
}

function approvalEvents(prev: RealtimeState['admin'], next: RealtimeState['admin'], out: ToastEvent[]): void {
  if (prev.activity === next.activity) return;
  const known = new Set(prev.activity.map((a) => a.id));
  for (let i = next.activity.length - 1; i >= 0; i -= 1) {
    const entry = next.activity[i]!;
    if (known.has(entry.id) || (entry.kind !== 'approved' && entry.kind !== 'rejected')) continue;
    out.push({ type: 'approval', id: `approval:${entry.id}`, slot: `approval:${entry.id}`, entry: entry as ActivityEntry & { kind: 'approved' | 'rejected' } });
  }
}

/**
 * The toast-worthy events between two store states: order status and progress changes (not
 * an order's first snapshot), new orders announced by the Timing feed, new unread
 * notifications, and approvals. Pure, so it is unit-testable and runs once per store batch.
 */
export function toastEventsFromDiff(prev: RealtimeState, next: RealtimeState): ToastEvent[] {
  const out: ToastEvent[] = [];
  if (prev === next) return out;
  // A slice appears when its backend is first used; until both states have it there is no news.
  if (prev.notifications && next.notifications) notificationEvents(prev.notifications, next.notifications, out);
  if (prev.orders && next.orders) orderEvents(prev.orders, next.orders, out);
  if (prev.admin && next.admin) approvalEvents(prev.admin, next.admin, out);
  return out;
}
