import type { ReactElement } from 'react';
import type { Order } from '../../backends/orders/types';
import { joinClasses, type ClassNameFn } from '../../componentUtils/classNames';
import { formatCurrency } from '../../componentUtils/formatCurrency';

export interface NewOrderBannerProps {
  /** The order to announce, or undefined for an empty (but present) live region. */
  order: Order | undefined;
  onDismiss(order: Order): void;
  currency: string;
  locale: string | undefined;
  cls: ClassNameFn;
}

/**
 * "New order #13 from Ploy". The `role="status"` region is always rendered and only its
 * content changes: screen readers announce changes to a live region reliably, but not a
 * region that appears already filled.
 */
export function NewOrderBanner({ order, onDismiss, currency, locale, cls }: NewOrderBannerProps): ReactElement {
  return (
    <div role="status" aria-label="New orders" className={cls('rrk-orders-board__banner-region')}>
      {order && (
        <div className={joinClasses(cls('rrk-notice'), cls('rrk-orders-board__banner'))} data-tone="info" data-order-id={order.id}>
          <p>
            <strong>New order #{order.id}</strong>
            {order.customerName ? ` from ${order.customerName}` : ''}
            {typeof order.total === 'number' ? ` · ${formatCurrency(order.total, currency, locale)}` : ''}
          </p>
          <button type="button" className={cls('rrk-orders-board__button')} aria-label={`Dismiss new order ${order.id}`} onClick={() => onDismiss(order)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
