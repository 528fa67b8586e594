import { memo, useId, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import type { Order } from '../../backends/orders/types';
import { ConnectionIndicatorView } from '../ConnectionIndicator/ConnectionIndicatorView';
import { StatusBadge } from '../StatusBadge/StatusBadge';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { formatCurrency } from '../../componentUtils/formatCurrency';
import { formatFull, parseTime } from '../../componentUtils/formatTime';
import { ProgressBar } from './ProgressBar';
import { useChangeFlash } from './useChangeFlash';

export interface OrderCardViewProps extends Omit<ComponentPropsWithoutRef<'article'>, 'children'> {
  /** The id shown in the title, even before the order arrived. */
  orderId: string | number | undefined;
  /** The order, or undefined while loading / when not found. */
  order: Order | undefined;
  /** The order socket's state. */
  status: ConnectionStatus;
  /**
   * True once the socket is open but no order came. The server sends nothing for an unknown
   * order, and the deployed one also skips the snapshot when it cannot compute it, so the card
   * says no data came (not that the order does not exist) and updates if an update arrives.
   * @default false
   */
  notFound?: boolean;
  /** A problem to show instead of the order (e.g. an unusable id). @default null */
  error?: string | null;
  /**
   * Show the change highlight (`data-changed`) for as long as this is true. A live card
   * highlights through `changeKey` instead, without re-rendering. @default false
   */
  highlight?: boolean;
  /**
   * Highlight the card when this value changes (not on its first value), e.g. the order's
   * last event: `data-changed` is set in the same commit as the change, without a second
   * render, and removed `highlightFor` ms after the latest change (the ring then fades out).
   * @default undefined (no highlight)
   */
  changeKey?: unknown;
  /** How long the highlight from `changeKey` stays after the latest change, in ms. 0 turns it off. @default 1500 */
  highlightFor?: number;
  /** ISO 4217 code for prices. @default 'USD' */
  currency?: string;
  /** BCP 47 locale for numbers and times. @default the browser's */
  locale?: string;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean;
}

// A live card re-renders on every change of its order, and most changes touch one or two
// fields: the parts whose props did not change (the connection dot, the badge, the bar, the
// unchanged rows) are skipped, not rendered and diffed again.
const Dot = memo(ConnectionIndicatorView);
const Badge = memo(StatusBadge);
const Progress = memo(ProgressBar);
const DetailRow = memo(function DetailRow({ term, value, unstyled }: { term: string; value: string | null; unstyled: boolean }): ReactElement {
  const cls = classNames(unstyled);
  return (
    <div className={cls('rrk-order-card__row')}>
      <dt>{term}</dt>
      <dd>{value ?? <span className={cls('rrk-order-card__none')}>—</span>}</dd>
    </div>
  );
});

function updatedText(value: string, locale?: string): string | null {
  const date = parseTime(value);
  return date ? formatFull(date, locale) : value || null;
}

function rankText(order: Order): string | null {
  if (!order.reachedRank) return null;
  const parts = [order.reachedRank];
  if (order.reachedDivision !== null && order.reachedDivision !== undefined) parts.push(`division ${order.reachedDivision}`);
  if (order.reachedMarks !== null && order.reachedMarks !== undefined) parts.push(`${order.reachedMarks} marks`);
  return parts.join(', ');
}

/** The order card, render-only: every state comes in through props. */
export function OrderCardView(props: OrderCardViewProps): ReactElement {
  const { orderId, order, status, notFound = false, error = null, highlight = false, changeKey, highlightFor = 1500, currency = 'USD', locale, unstyled = false, className, ...rest } = props;
  const titleId = useId();
  const cardRef = useChangeFlash<HTMLElement>(changeKey, highlightFor);
  const cls = classNames(unstyled);
  const state = error ? 'error' : order ? 'ready' : notFound ? 'not-found' : 'loading';
  const stale = Boolean(order) && status !== 'open';
  const rows: [string, string | null][] = order
    ? [
        ['Booster price', order.boosterPrice === null || order.boosterPrice === undefined ? null : formatCurrency(order.boosterPrice, currency, locale)],
        ['Booster', order.boosterUsername ?? null],
        ['Reached rank', rankText(order)],
        ['Updated', updatedText(order.updatedAt, locale)],
      ]
    : [];
  return (
    <article
      {...rest}
      ref={cardRef}
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || undefined}
      className={joinClasses(cls('rrk-order-card'), className)}
      data-state={state}
      data-connection={status}
      data-stale={stale || undefined}
      data-changed={highlight || undefined}
    >
      <header className={cls('rrk-order-card__header')}>
        <h3 id={titleId} className={cls('rrk-order-card__title')}>
          Order #{orderId ?? '?'}
        </h3>
        {order && <Badge status={order.status} unstyled={unstyled} />}
        <Dot status={status} compact unstyled={unstyled} className={cls('rrk-order-card__connection')} announce={false} />
      </header>
      {state === 'error' && <p role="alert" className={cls('rrk-order-card__message')}>{error}</p>}
      {state === 'not-found' && (
        <p role="status" className={cls('rrk-order-card__message')}>
          No data from the server for this order yet. It may not exist, or the server could not send it; the card updates when it does.
        </p>
      )}
      {state === 'loading' && <p className={cls('rrk-order-card__message')}>{status === 'failed' || status === 'closed' ? 'Offline: the order will load when the connection is back.' : 'Loading order…'}</p>}
      {order && (
        <>
          <Progress value={order.progress} label={`Progress of order ${orderId}`} unstyled={unstyled} />
          <dl className={cls('rrk-order-card__details')}>
            {rows.map(([term, value]) => (
              <DetailRow key={term} term={term} value={value} unstyled={unstyled} />
            ))}
          </dl>
          {order.message && <p className={cls('rrk-order-card__note')}>{order.message}</p>}
          {stale && <p className={cls('rrk-order-card__stale')}>{status === 'reconnecting' || status === 'connecting' ? 'Reconnecting… showing the last known state.' : 'Offline: showing the last known state.'}</p>}
        </>
      )}
    </article>
  );
}
