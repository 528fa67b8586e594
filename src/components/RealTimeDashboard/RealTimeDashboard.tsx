import type { ReactElement } from 'react';
import { useEventCallback } from '../../componentUtils/useEventCallback';
import { useAdminDashboard } from '../../backends/admin/useAdminDashboard';
import { useConnectionStatus } from '../../hooks/useConnectionStatus';
import { RealTimeDashboardView, type RealTimeDashboardViewProps } from './RealTimeDashboardView';

/** Everything but the live data, which comes from `useAdminDashboard()`. */
export type RealTimeDashboardProps = Omit<
  RealTimeDashboardViewProps,
  'stats' | 'pendingCount' | 'pendingUsers' | 'activity' | 'admins' | 'status' | 'attempt' | 'pending' | 'error' | 'onApprove' | 'onReject' | 'onRetry'
>;

/**
 * The admin dashboard, live: joins `ws/admin/dashboard/` (staff token), loads the pending
 * list over REST (`apiUrl`), and approves/rejects optimistically — a refused action puts the
 * user back and shows the server's reason. Needs a `<RealtimeProvider>`.
 */
export function RealTimeDashboard(props: RealTimeDashboardProps): ReactElement {
  const { stats, pendingCount, pendingUsers, activity, admins, status, approveUser, rejectUser, pending, error, refresh } = useAdminDashboard();
  const { attempt } = useConnectionStatus('admin');
  // Stable across renders: the pending list is memoised and would render on every update otherwise.
  const onApprove = useEventCallback((id: string) => void approveUser(id));
  const onReject = useEventCallback((id: string, reason: string) => void rejectUser(id, reason));
  const onRetry = useEventCallback(() => void refresh());
  return (
    <RealTimeDashboardView
      {...props}
      stats={stats}
      pendingCount={pendingCount}
      pendingUsers={pendingUsers}
      activity={activity}
      admins={admins}
      status={status}
      attempt={attempt}
      pending={pending}
      error={error}
      // The hook resolves false and sets `error` on failure, so nothing is left unhandled here.
      onApprove={onApprove}
      onReject={onReject}
      onRetry={onRetry}
    />
  );
}
