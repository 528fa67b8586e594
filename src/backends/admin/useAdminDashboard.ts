import { useCallback, useEffect } from 'react';
import { approveUser as approve, loadPendingUsers, rejectUser as reject } from './adminActions';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { adminBackend } from './adminBackend';
import type { ActivityEntry, AdminUser } from './types';
import { useActionState } from '../../hooks/useActionState';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeShallow, useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

export interface AdminDashboardResult {
  /** The last `stats_update` (counts of users, orders by status, …), or null before it came. */
  stats: Record<string, unknown> | null;
  /** Users awaiting approval, live; null before the first answer. */
  pendingCount: number | null;
  pendingUsers: AdminUser[];
  /** Newest first: approvals, registrations, order changes. */
  activity: ActivityEntry[];
  /** Admins online now, this one included. */
  admins: { id: string; username: string }[];
  status: ConnectionStatus;
  /** Approve over REST: removed from the list at once, put back if refused. Resolves `true` on success. */
  approveUser(id: string, notes?: string): Promise<boolean>;
  rejectUser(id: string, notes?: string): Promise<boolean>;
  /** User ids whose approval is in flight. */
  pending: Record<string, boolean>;
  /** The last failure, or null. */
  error: string | null;
  /** Ask for stats and the pending count again, and reload the pending list. */
  refresh(): Promise<boolean>;
}

/**
 * The admin dashboard (`ws/admin/dashboard/`, staff only): live counts and activity from the
 * socket, the pending list from REST (`apiUrl`), all refreshed on every (re)connect.
 */
export function useAdminDashboard(): AdminDashboardResult {
  const client = useRealtimeClient();
  useSubscription(adminBackend);
  const stats = useRealtimeState((s) => s.admin.stats);
  const pendingCount = useRealtimeState((s) => s.admin.pendingCount);
  const pendingUsers = useRealtimeState((s) => s.admin.pendingUsers);
  const activity = useRealtimeState((s) => s.admin.activity);
  const admins = useRealtimeShallow((s) => Object.values(s.admin.admins));
  const status = useRealtimeState((s) => s.connections.admin?.status ?? 'idle');
  const { pending, error, run } = useActionState();
  // The server sends stats only when asked; ask again when the pending count moves, so the
  // tiles agree with the live count.
  useEffect(() => {
    if (status !== 'open' || pendingCount === null) return;
    try {
      client.send(adminBackend, { type: 'get_stats' });
    } catch {
      // Not subscribed any more (unmounting): nothing to refresh.
    }
  }, [client, status, pendingCount]);
  const approveUser = useCallback((id: string, notes?: string) => run(id, () => approve(client, id, notes)), [client, run]);
  const rejectUser = useCallback((id: string, notes?: string) => run(id, () => reject(client, id, notes)), [client, run]);
  const refresh = useCallback(
    () =>
      run('*', async () => {
        client.send(adminBackend, { type: 'get_stats' });
        client.send(adminBackend, { type: 'get_pending_count' });
        if (client.restConfig.apiUrl) await loadPendingUsers(client);
      }),
    [client, run],
  );
  return { stats, pendingCount, pendingUsers, activity, admins, status, approveUser, rejectUser, pending, error, refresh };
}
