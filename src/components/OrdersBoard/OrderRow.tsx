import { memo, useId, type ReactElement } from 'react';
import type { Order } from '../../backends/orders/types';
import type { TimingStatus } from '../../backends/timing/timingDialect';
import type { ClassNameFn } from '../../componentUtils/classNames';
import { formatTime, isoTime } from '../../componentUtils/formatTime';
import { StatusBadge } from '../StatusBadge/StatusBadge';
import { timingStatusKey } from '../../backends/timing/timingDialect';
import { formatCurrency } from '../../componentUtils/formatCurrency';
import { itemText, itemsSummary } from './orderItems';
import { allowedTransitions, nextStatus, statusSteps } from './orderTransitions';

export interface OrderRowProps {
  order: Order;
  busy: boolean;
  onStatusChange: ((id: string, status: TimingStatus) => void) | undefined;
  currency: string;
  locale: string | undefined;
  unstyled: boolean;
  cls: ClassNameFn;
}

const SUMMARY_ITEMS = 3;

/**
 * One order on the board: who, what, how much, when, its status, and the buttons to move it on.
 * Memoised: with stable `onStatusChange` and `cls`, a status change re-renders only its own row.
 */
export const OrderRow = /* @__PURE__ */ memo(function OrderRow({ order, busy, onStatusChange, currency, locale, unstyled, cls }: OrderRowProps): ReactElement {
  const allowed = allowedTransitions(order.status);
  const next = nextStatus(order.status);
  const items = order.items ?? [];
  const headingId = useId();
  return (
    <li className={cls('rrk-orders-board__order')} data-order-id={order.id} data-status={order.status} data-pending={busy || undefined} aria-busy={busy || undefined}>
      <article aria-labelledby={headingId}>
        <header className={cls('rrk-orders-board__order-head')}>
          <h3 id={headingId} className={cls('rrk-orders-board__order-title')}>
            Order #{order.id}
            <span className={cls('rrk-orders-board__customer')} title={order.customerName ?? undefined}>
              {order.customerName ? ` · ${order.customerName}` : ''}
            </span>
          </h3>
          <StatusBadge status={order.status} label={serverLabel(order)} size="sm" unstyled={unstyled} />
        </header>
        <p className={cls('rrk-orders-board__meta')}>
          <span className={cls('rrk-orders-board__total')}>{formatCurrency(order.total, currency, locale)}</span>
          {order.createdAt && (
            <>
              {' · '}
              <time dateTime={isoTime(order.createdAt)}>{formatTime(order.createdAt, locale)}</time>
            </>
          )}
        </p>
        {items.length > SUMMARY_ITEMS ? (
          // A long order stays one line on the board; the full list is a click away.
          <details className={cls('rrk-orders-board__items')}>
            <summary>{itemsSummary(items, SUMMARY_ITEMS)}</summary>
            <ul>
              {items.map((item) => (
                <li key={item.id}>{itemText(item)}</li>
              ))}
            </ul>
          </details>
        ) : (
          <p className={cls('rrk-orders-board__items')}>{itemsSummary(items, SUMMARY_ITEMS)}</p>
        )}
        <div className={cls('rrk-orders-board__actions')} role="group" aria-label={`Change the status of order ${order.id}`}>
          {statusSteps.map((step) => (
            <button
              key={step.status}
              type="button"
              className={cls('rrk-orders-board__button')}
              data-variant={step.status === 'cancelled' ? 'danger' : step.status === next ? 'primary' : undefined}
              aria-label={step.name(order.id)}
              // aria-disabled, not disabled: the pressed button stays focusable after the
              // optimistic change makes its step unavailable, so keyboard focus is not lost.
              aria-disabled={busy || !allowed.includes(step.status) || undefined}
              onClick={() => {
                if (!busy && allowed.includes(step.status)) onStatusChange?.(order.id, step.status);
              }}
            >
              {step.text}
            </button>
          ))}
        </div>
      </article>
    </li>
  );
});

/** The server's own wording of the status (a translated label), while it still describes it. */
function serverLabel(order: Order): string | undefined {
  return order.statusLabel && timingStatusKey(order.statusLabel) === order.status ? order.statusLabel : undefined;
}
