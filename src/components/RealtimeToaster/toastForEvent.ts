import { formatCurrency } from '../../componentUtils/formatCurrency';
import type { ToastOptions } from 'react-toastify';
import type { Order } from '../../backends/orders/types';
import { statusInfo, type StatusTone } from '../StatusBadge/statusInfo';
import type { ToastKind } from '../Toast/ToastIcon';
import type { ToastEvent } from './toastEvents';

/** What to show for one event: the `<Toast>` body's fields plus react-toastify options. */
export interface ToastSpec {
  /** Icon and tint. @default 'default' */
  kind?: ToastKind;
  title: string;
  /** @default none */
  message?: string | null;
  /** When it happened (ISO text). @default none */
  time?: string | null;
  /** react-toastify `toastId`: the dedupe key. @default the event's `id` */
  toastId?: string;
  /**
   * Toasts of one group replace each other: while the group's toast is on screen, a later
   * event updates it in place (a burst of progress on one order is one toast showing the
   * latest), and an update does not count against `maxPerSecond`.
   * @default `order:<id>` for an order's status and progress, none (every event its own toast) for others
   */
  group?: string;
  /** Per-toast react-toastify options (`autoClose`, `onClick`, …). `toastId`/`containerId` are the toaster's. @default none */
  options?: Omit<ToastOptions, 'toastId' | 'containerId'>;
}

export interface ToastForEventOptions {
  /** Locale for prices. @default the runtime's locale */
  locale?: string;
}

/** PROTOCOLS §3: booking → success, message → info, maintenance → warning, anything else → default. */
export function notificationToastKind(kind: string): ToastKind {
  switch (String(kind).toLowerCase()) {
    case 'booking':
      return 'success';
    case 'message':
      return 'info';
    case 'maintenance':
      return 'warning';
    default:
      return 'default';
  }
}

const toneKind: Record<StatusTone, ToastKind> = { success: 'success', danger: 'error', warning: 'warning', info: 'info', progress: 'info', neutral: 'default' };

/** An order status's toast kind: Done/completed → success, Droped/cancelled → error, … */
export function orderStatusToastKind(status: string): ToastKind {
  return toneKind[statusInfo(status).tone];
}

function baht(amount: number, locale: string | undefined): string {
  return formatCurrency(amount, 'THB', locale);
}

/** One toast per order on screen: its status and progress changes update it. */
function orderGroup(order: Order): string {
  return `order:${order.id}`;
}

function orderLabel(order: Order): string {
  return `Order #${order.id}`;
}

/**
 * The kit's default toast for an event. Pure: `<RealtimeToaster toastFor>` receives its result
 * as the fallback, so an app can tweak one field or silence one kind of event.
 */
export function toastForEvent(event: ToastEvent, options: ToastForEventOptions = {}): ToastSpec {
  switch (event.type) {
    case 'order-status': {
      const { order } = event;
      const label = statusInfo(order.status).label;
      const progress = order.progress != null ? ` (${order.progress}%)` : '';
      return {
        kind: orderStatusToastKind(order.status),
        title: `${orderLabel(order)} is now ${label}`,
        message: order.message || `Was ${statusInfo(event.previousStatus).label}${progress}`,
        time: order.updatedAt,
        toastId: event.id,
        group: orderGroup(order),
      };
    }
    case 'order-progress': {
      const { order } = event;
      return { kind: 'info', title: `${orderLabel(order)}: ${order.progress}% done`, message: order.message ?? null, time: order.updatedAt, toastId: event.id, group: orderGroup(order) };
    }
    case 'order-created': {
      const { order } = event;
      const from = order.customerName ? ` from ${order.customerName}` : '';
      const total = order.total != null ? ` — ${baht(order.total, options.locale)}` : '';
      const items = order.items?.length ? order.items.map((i) => `${i.quantity}× ${i.name}`).join(', ') : null;
      return { kind: 'info', title: `New order #${order.id}${from}${total}`, message: items, time: order.createdAt ?? order.updatedAt, toastId: event.id };
    }
    case 'notification': {
      const n = event.notification;
      return { kind: notificationToastKind(n.kind), title: n.title || 'New notification', message: n.body || null, time: n.timestamp, toastId: event.id };
    }
    case 'approval': {
      const { entry } = event;
      return { kind: entry.kind === 'approved' ? 'success' : 'warning', title: entry.kind === 'approved' ? 'User approved' : 'User rejected', message: entry.text, time: entry.timestamp, toastId: event.id };
    }
  }
}
