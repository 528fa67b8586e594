import { useId, useMemo, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import type { ActivityEntry, AdminUser } from '../../backends/admin/types';
import { ConnectionIndicatorView } from '../ConnectionIndicator/ConnectionIndicatorView';
import { ActivityFeed } from './ActivityFeed';
import { AdminsOnline } from './AdminsOnline';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { DashboardCard } from './DashboardCard';
import { formatNumber } from '../../componentUtils/formatTime';
import { OrdersChart } from './OrdersChart';
import { PendingUsersList } from './PendingUsersList';
import { StatsTiles } from './StatsTiles';

export interface RealTimeDashboardViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'title'> {
  /** The last `stats_update` (user counts, `orders_by_status`); null before it came. Keys may be missing. */
  stats: Record<string, unknown> | null;
  /** Users awaiting approval; null before the first answer. */
  pendingCount: number | null;
  /** Users awaiting approval, in display order. @default [] */
  pendingUsers?: readonly AdminUser[];
  /** Recent activity, newest first. @default [] */
  activity?: readonly ActivityEntry[];
  /** Admins online now. @default [] */
  admins?: readonly { id: string; username: string }[];
  /** The admin socket's state. */
  status: ConnectionStatus;
  /** Failed attempts, shown while reconnecting. @default 0 */
  attempt?: number;
  /** User ids whose approval or rejection is in flight: their buttons are disabled. @default {} */
  pending?: Record<string, boolean>;
  /** The last failure (a refused approval, a failed reload), shown in an alert. @default null */
  error?: string | null;
  /** Called with the user's id when Approve is pressed. @default none (the button does nothing) */
  onApprove?: (id: string) => void;
  /** Called with the user's id when Reject is pressed. @default none (the button does nothing) */
  /** Reject with the reason the admin typed in the row's inline form. */
  onReject?: (id: string, reason: string) => void;
  /** Shows a "Try again" button in the error alert. @default none (no button) */
  onRetry?: () => void;
  /** Skeletons instead of data. @default stats === null && pendingCount === null */
  loading?: boolean;
  /** The dashboard's heading. @default 'Admin dashboard' */
  title?: string;
  /** Locale for numbers and times. @default the browser's */
  locale?: string;
  /** Activity entries shown (the store keeps more). @default 20 */
  activityLimit?: number;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean;
}

const NONE: readonly never[] = [];
const NOTHING_PENDING: Record<string, boolean> = {};

/**
 * The admin dashboard, render-only: pending count, stats, the approval queue, activity,
 * admins online and an orders chart. Every state comes in as props; `RealTimeDashboard`
 * wires it to `useAdminDashboard()`. State is in `data-connection`, `data-loading` and
 * `data-stale` (data shown while the socket is not open may be out of date). Each card's content
 * is memoised, so a burst of activity renders the activity feed, not the chart or the queue.
 */
export function RealTimeDashboardView({
  stats, pendingCount, pendingUsers = NONE, activity = NONE, admins = NONE, status, attempt = 0, pending = NOTHING_PENDING, error = null,
  onApprove, onReject, onRetry, loading: loadingProp, title = 'Admin dashboard', locale, activityLimit = 20, unstyled = false, className, ...rest
}: RealTimeDashboardViewProps): ReactElement {
  // Stable per `unstyled`, like the defaults above: the cards are memoised, so a new function or
  // array each render would render them all again on every update of any one of them.
  const cls = useMemo(() => classNames(unstyled), [unstyled]);
  const titleId = useId();
  const loading = loadingProp ?? (stats === null && pendingCount === null);
  const stale = !loading && status !== 'open';
  return (
    <section
      {...rest}
      className={joinClasses(cls('rrk-dashboard'), className)}
      aria-labelledby={titleId}
      aria-busy={loading || undefined}
      data-connection={status}
      data-loading={loading || undefined}
      data-stale={stale || undefined}
    >
      <header className={cls('rrk-dashboard__header')}>
        <h2 id={titleId} className={cls('rrk-dashboard__title')}>{title}</h2>
        {pendingCount !== null && pendingCount > 0 && (
          <span className={cls('rrk-dashboard__badge')} data-count={pendingCount} title={`${pendingCount} awaiting approval`}>
            {formatNumber(pendingCount, locale)}
            <span className={cls('rrk-visually-hidden')}> awaiting approval</span>
          </span>
        )}
        <ConnectionIndicatorView status={status} attempt={attempt} unstyled={unstyled} announce={false} className={cls('rrk-dashboard__connection')} />
      </header>
      {stale && <p className={joinClasses(cls('rrk-notice'), cls('rrk-dashboard__stale'))} data-tone="warning">Showing the last data received; it may be out of date until the connection is back.</p>}
      {error && (
        <div role="alert" className={joinClasses(cls('rrk-notice'), cls('rrk-dashboard__error'))} data-tone="danger">
          <p>{error}</p>
          {onRetry && <button type="button" className={cls('rrk-dashboard__button')} onClick={onRetry}>Try again</button>}
        </div>
      )}
      <div className={cls('rrk-dashboard__grid')}>
        <DashboardCard name="pending-count" heading="Awaiting approval" cls={cls}>
          {/* Polite live region: each new count is announced without interrupting. */}
          <p className={cls('rrk-dashboard__count')} aria-live="polite" aria-atomic="true" data-count={pendingCount ?? undefined}>
            {pendingCount === null ? (
              <span className={cls('rrk-dashboard__skeleton rrk-dashboard__count-skeleton')}><span className={cls('rrk-visually-hidden')}>Loading…</span></span>
            ) : (
              <>
                <span className={cls('rrk-dashboard__count-value')}>{formatNumber(pendingCount, locale)}</span>{' '}
                <span className={cls('rrk-dashboard__muted')}>{pendingCount === 1 ? 'user waiting' : 'users waiting'}</span>
              </>
            )}
          </p>
        </DashboardCard>
        <DashboardCard name="stats" heading="Users" cls={cls}>
          <StatsTiles stats={loading ? null : stats} locale={locale} cls={cls} />
        </DashboardCard>
        <DashboardCard name="pending-users" heading="Pending users" cls={cls}>
          <PendingUsersList users={pendingUsers} pending={pending} pendingCount={pendingCount} loading={loading} onApprove={onApprove} onReject={onReject} locale={locale} cls={cls} />
        </DashboardCard>
        <DashboardCard name="activity" heading="Recent activity" cls={cls}>
          <ActivityFeed entries={activity} limit={activityLimit} locale={locale} cls={cls} />
        </DashboardCard>
        <DashboardCard name="orders-chart" heading="Orders by status" cls={cls}>
          <OrdersChart data={stats?.['orders_by_status']} loading={loading || stats === null} title="Orders by status" cls={cls} />
        </DashboardCard>
        <DashboardCard name="admins" heading={`Admins online (${admins.length})`} cls={cls}>
          <AdminsOnline admins={admins} cls={cls} />
        </DashboardCard>
      </div>
    </section>
  );
}
