import { useId, type ComponentPropsWithoutRef, type ReactElement, type ReactNode } from 'react';
import type { Order } from '../../backends/orders/types';
import { ConnectionIndicatorView } from '../ConnectionIndicator/ConnectionIndicatorView';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { formatTime, isoTime } from '../../componentUtils/formatTime';
import { StatusBadge } from '../StatusBadge/StatusBadge';
import { StatusIcon } from '../StatusBadge/StatusIcon';
import { OrderItems } from './OrderItems';
import { TrackingTimeline } from './TrackingTimeline';
import { intervalText, stepIndex, trackingSteps } from './trackingSteps';

/** What the tracker shows, also in `data-state`. */
export type OrderTrackingState = 'idle' | 'loading' | 'not-found' | 'error' | 'active' | 'completed' | 'cancelled';

export interface OrderTrackingViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'title'> {
  /** The id being tracked, for the heading before the order arrives. @default none */
  orderId?: string | number | undefined;
  /** The order, once known. @default none */
  order?: Order | undefined;
  /** `live` (socket open), `polling` (REST every `pollInterval`), `idle` (no usable id). @default 'polling' */
  mode?: 'live' | 'polling' | 'idle';
  /** True until the first answer. @default false */
  loading?: boolean;
  /** The last failure, or null. Shown in an alert; with an order, the order stays on screen. @default null */
  error?: string | null;
  /** The server has no such order. @default false */
  notFound?: boolean;
  /** How often polling refreshes, for "Updated every 30 s". @default 30000 */
  pollInterval?: number;
  /** Adds a "Refresh" button while polling and a "Try again" button after an error. @default none */
  onRefresh?: () => void;
  /** ISO 4217 code the prices are in. @default 'THB' */
  currency?: string;
  /** Locale for money and times. @default the browser's */
  locale?: string;
  /** The heading. @default 'Order #<id>' */
  title?: string;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean;
}

function stateOf(p: Pick<OrderTrackingViewProps, 'order' | 'mode' | 'loading' | 'error' | 'notFound'>): OrderTrackingState {
  if (p.order) return p.order.status.trim().toLowerCase() === 'cancelled' ? 'cancelled' : p.order.status.trim().toLowerCase() === 'completed' ? 'completed' : 'active';
  if (p.mode === 'idle') return 'idle';
  if (p.notFound) return 'not-found';
  if (p.error) return 'error';
  return 'loading';
}

/**
 * A customer's view of one Timing order, render-only: the timeline (or a clear cancelled
 * notice), items and total, and how fresh it is. `OrderTracking` wires it to `useOrderTracking()`.
 */
export function OrderTrackingView({
  orderId, order, mode = 'polling', loading = false, error = null, notFound = false, pollInterval = 30_000, onRefresh,
  currency = 'THB', locale, title, unstyled = false, className, ...rest
}: OrderTrackingViewProps): ReactElement {
  const cls = classNames(unstyled);
  const titleId = useId();
  const state = stateOf({ order, mode, loading, error, notFound });
  const id = order?.id ?? (orderId === undefined ? undefined : String(orderId));
  const retry = onRefresh && <button type="button" className={cls('rrk-order-tracking__button')} onClick={onRefresh}>Try again</button>;
  let body: ReactNode;
  if (state === 'idle') body = <p className={cls('rrk-order-tracking__message')}>No order to track yet. Enter your order number to follow it here.</p>;
  else if (state === 'loading') body = <span className={cls('rrk-order-tracking__skeleton')} aria-hidden="true" />;
  else if (state === 'not-found') body = <p className={cls('rrk-order-tracking__message')}>We could not find order #{id}. Check the number on your receipt.</p>;
  else if (state === 'error') body = <div role="alert" className={cls('rrk-order-tracking__error')}><p>Could not load this order: {error}</p>{retry}</div>;
  else if (order) {
    const step = trackingSteps[stepIndex(order.status)];
    body = (
      <>
        <p className={cls('rrk-order-tracking__status')}>
          <StatusBadge status={order.status} label={step?.label} unstyled={unstyled} />
          {order.customerName && <span className={cls('rrk-order-tracking__muted')}> for {order.customerName}</span>}
        </p>
        {state === 'cancelled' ? (
          <div className={cls('rrk-order-tracking__cancelled')} data-state="cancelled">
            <StatusIcon name="cross" />
            <p><strong>This order was cancelled.</strong> Contact the restaurant if you did not expect this.</p>
          </div>
        ) : (
          <TrackingTimeline status={order.status} cls={cls} />
        )}
        {error && <div role="alert" className={cls('rrk-order-tracking__error')}><p>Could not refresh: {error}</p>{retry}</div>}
        <OrderItems order={order} currency={currency} locale={locale} cls={cls} />
      </>
    );
  }
  return (
    <section {...rest} className={joinClasses(cls('rrk-order-tracking'), className)} aria-labelledby={titleId} aria-busy={state === 'loading' || undefined} data-state={state} data-mode={mode}>
      <header className={cls('rrk-order-tracking__header')}>
        <h2 id={titleId} className={cls('rrk-order-tracking__title')}>{title ?? (id === undefined ? 'Your order' : `Order #${id}`)}</h2>
        {mode === 'live' ? (
          <ConnectionIndicatorView status="open" unstyled={unstyled} announce={false} />
        ) : mode === 'polling' ? (
          <span className={cls('rrk-order-tracking__mode')}>
            Updated every {intervalText(pollInterval)}
            {onRefresh && state !== 'error' && <button type="button" className={cls('rrk-order-tracking__button')} onClick={onRefresh}>Refresh</button>}
          </span>
        ) : null}
      </header>
      {state === 'loading' && <p className={cls('rrk-visually-hidden')}>Loading order…</p>}
      {body}
      {order?.updatedAt && (
        <p className={cls('rrk-order-tracking__muted')}>
          Last update <time dateTime={isoTime(order.updatedAt)}>{formatTime(order.updatedAt, locale)}</time>
        </p>
      )}
    </section>
  );
}
