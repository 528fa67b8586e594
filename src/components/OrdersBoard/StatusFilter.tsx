import type { ReactElement } from 'react';
import type { Order } from '../../backends/orders/types';
import { timingStatuses } from '../../backends/timing/timingDialect';
import type { ClassNameFn } from '../../componentUtils/classNames';
import { statusInfo } from '../StatusBadge/statusInfo';

/** `'all'` or one Timing status. */
export type OrdersBoardFilter = 'all' | (typeof timingStatuses)[number];

export interface StatusFilterProps {
  orders: readonly Order[];
  value: OrdersBoardFilter;
  onChange(value: OrdersBoardFilter): void;
  cls: ClassNameFn;
}

/**
 * Toggle buttons (`aria-pressed`) with a count each. Buttons rather than tabs: the board is
 * one list whose content changes, not a set of panels.
 */
export function StatusFilter({ orders, value, onChange, cls }: StatusFilterProps): ReactElement {
  const counts = new Map<string, number>();
  for (const order of orders) counts.set(statusInfo(order.status).key, (counts.get(statusInfo(order.status).key) ?? 0) + 1);
  const options: OrdersBoardFilter[] = ['all', ...timingStatuses];
  return (
    <div className={cls('rrk-orders-board__filter')} role="group" aria-label="Filter orders by status">
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className={cls('rrk-orders-board__filter-button')}
          aria-pressed={value === option}
          data-filter={option}
          onClick={() => onChange(option)}
        >
          {option === 'all' ? 'All' : statusInfo(option).label} ({option === 'all' ? orders.length : counts.get(option) ?? 0})
        </button>
      ))}
    </div>
  );
}
