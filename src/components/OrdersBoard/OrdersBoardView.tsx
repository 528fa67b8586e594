import { useId, useMemo, useState, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import type { Order } from '../../backends/orders/types';
import type { TimingStatus } from '../../backends/timing/timingDialect';
import { ConnectionIndicatorView } from '../ConnectionIndicator/ConnectionIndicatorView';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { statusInfo } from '../StatusBadge/statusInfo';
import { NewOrderBanner } from './NewOrderBanner';
import { OrderRow } from './OrderRow';
import { StatusFilter, type OrdersBoardFilter } from './StatusFilter';

export interface OrdersBoardViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'title'> {
  /** Orders in display order (`useTimingOrders` gives them newest first). */
  orders: readonly Order[];
  /** The newest order announced live, for the "new order" banner. @default none */
  latestOrder?: Order | undefined;
  /** The Timing socket's state. */
  status: ConnectionStatus;
  /** Failed attempts, shown while reconnecting. @default 0 */
  attempt?: number;
  /** Order ids whose status change is in flight: their buttons are disabled. @default {} */
  pending?: Record<string, boolean>;
  /** The last failure (a refused status change, a failed reload), shown in an alert. @default null */
  error?: string | null;
  /** Called when a status button is pressed, with the order id and the status to move it to. @default none */
  onStatusChange?: (id: string, status: TimingStatus) => void;
  /** Called when the banner is dismissed (the board hides it either way). @default none */
  onDismissLatest?: (order: Order) => void;
  /** Shows a "Try again" button in the error alert. @default none (no button) */
  onRetry?: () => void;
  /** Skeleton rows instead of the list. @default no orders yet and the socket idle or connecting */
  loading?: boolean;
  /** ISO 4217 code the totals are in. @default 'THB' */
  currency?: string;
  /** Locale for money and times. @default the browser's */
  locale?: string;
  /** The status filter, controlled. @default uncontrolled, starting at `defaultFilter` */
  filter?: OrdersBoardFilter;
  /** The filter to start with when uncontrolled. @default 'all' */
  defaultFilter?: OrdersBoardFilter;
  /** Called when a filter button is pressed. @default none */
  onFilterChange?: (filter: OrdersBoardFilter) => void;
  /** Show the status filter. @default true */
  showFilter?: boolean;
  /** The board's heading. @default 'Orders' */
  title?: string;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean;
}

/**
 * The Timing admin board, render-only: orders with status buttons, a "new order" banner,
 * a status filter, and loading / empty / offline / error states. `OrdersBoard` wires it to
 * `useTimingOrders()`. State is in `data-connection`, `data-loading`, `data-stale`, `data-filter`.
 */
export function OrdersBoardView({
  orders, latestOrder, status, attempt = 0, pending = {}, error = null, onStatusChange, onDismissLatest, onRetry, loading: loadingProp,
  currency = 'THB', locale, filter: filterProp, defaultFilter = 'all', onFilterChange, showFilter = true, title = 'Orders', unstyled = false, className, ...rest
}: OrdersBoardViewProps): ReactElement {
  // One function per `unstyled`: a new one each render would re-render every (memoised) row.
  const cls = useMemo(() => classNames(unstyled), [unstyled]);
  const titleId = useId();
  const [ownFilter, setOwnFilter] = useState<OrdersBoardFilter>(defaultFilter);
  // Dismissal is remembered per order, so the next new order brings the banner back.
  const [dismissedId, setDismissedId] = useState<string | null>(null);
  const filter = filterProp ?? ownFilter;
  const loading = loadingProp ?? (orders.length === 0 && (status === 'idle' || status === 'connecting'));
  const stale = !loading && status !== 'open';
  const shown = filter === 'all' ? orders : orders.filter((o) => statusInfo(o.status).key === filter);
  const banner = latestOrder && latestOrder.id !== dismissedId ? latestOrder : undefined;
  const changeFilter = (next: OrdersBoardFilter): void => {
    setOwnFilter(next);
    onFilterChange?.(next);
  };
  return (
    <section
      {...rest}
      className={joinClasses(cls('rrk-orders-board'), className)}
      aria-labelledby={titleId}
      aria-busy={loading || undefined}
      data-connection={status}
      data-loading={loading || undefined}
      data-stale={stale || undefined}
      data-filter={filter}
    >
      <header className={cls('rrk-orders-board__header')}>
        <h2 id={titleId} className={cls('rrk-orders-board__title')}>{title}</h2>
        <ConnectionIndicatorView status={status} attempt={attempt} unstyled={unstyled} announce={false} className={cls('rrk-orders-board__connection')} />
      </header>
      <NewOrderBanner
        order={banner}
        onDismiss={(order) => {
          setDismissedId(order.id);
          onDismissLatest?.(order);
        }}
        currency={currency}
        locale={locale}
        cls={cls}
      />
      {stale && <p className={joinClasses(cls('rrk-notice'), cls('rrk-orders-board__stale'))} data-tone="warning">Showing the last orders received; they may be out of date until the connection is back.</p>}
      {error && (
        <div role="alert" className={joinClasses(cls('rrk-notice'), cls('rrk-orders-board__error'))} data-tone="danger">
          <p>{error}</p>
          {onRetry && <button type="button" className={cls('rrk-orders-board__button')} onClick={onRetry}>Try again</button>}
        </div>
      )}
      {showFilter && !loading && <StatusFilter orders={orders} value={filter} onChange={changeFilter} cls={cls} />}
      {loading ? (
        <ul className={cls('rrk-orders-board__list')} aria-hidden="true">
          {[0, 1, 2].map((i) => (
            <li key={i} className={cls('rrk-orders-board__order rrk-orders-board__skeleton')} />
          ))}
        </ul>
      ) : shown.length === 0 ? (
        <p className={cls('rrk-orders-board__empty')} data-empty="">
          {filter === 'all' ? 'No orders yet' : `No ${statusInfo(filter).label.toLowerCase()} orders`}
        </p>
      ) : (
        <ul className={cls('rrk-orders-board__list')}>
          {shown.map((order) => (
            <OrderRow key={order.id} order={order} busy={pending[order.id] === true} onStatusChange={onStatusChange} currency={currency} locale={locale} unstyled={unstyled} cls={cls} />
          ))}
        </ul>
      )}
      {loading && <p className={cls('rrk-visually-hidden')}>Loading orders…</p>}
    </section>
  );
}
