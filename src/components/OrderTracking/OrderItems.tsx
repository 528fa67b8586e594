import type { ReactElement } from 'react';
import type { Order } from '../../backends/orders/types';
import { formatCurrency } from '../../componentUtils/formatCurrency';
import { itemText } from '../OrdersBoard/orderItems';
import type { ClassNameFn } from '../../componentUtils/classNames';

export interface OrderItemsProps {
  order: Order;
  currency: string;
  locale: string | undefined;
  cls: ClassNameFn;
}

/** The order's lines with their prices, and the total, in the order's currency. */
export function OrderItems({ order, currency, locale, cls }: OrderItemsProps): ReactElement {
  const items = order.items ?? [];
  return (
    <div className={cls('rrk-order-tracking__items')}>
      {items.length > 0 && (
        <ul aria-label="Items" className={cls('rrk-order-tracking__lines')}>
          {items.map((item) => (
            <li key={item.id} className={cls('rrk-order-tracking__line')}>
              <span>{itemText(item)}</span>
              <span>{item.price === null ? '' : formatCurrency(item.price * item.quantity, currency, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className={cls('rrk-order-tracking__total')}>
        <span>Total</span> <strong>{formatCurrency(order.total, currency, locale)}</strong>
      </p>
    </div>
  );
}
