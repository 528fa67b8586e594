import type { BackendDefinition } from '../../core/RealtimeClient';
import { tokenOrOriginHint } from '../djangoChannelsHints';
import { call, invalidBody } from '../../core/callRest';
import { restOf } from '../../core/restOf';
import type { RealtimeClient } from '../../core/RealtimeClient';
import { ordersSlice } from '../orders/ordersSlice';
import { adminDashboardDialect, parsePendingUsers, type AdminCommand } from './adminDashboardDialect';
import { adminSlice } from './adminSlice';

/**
 * The admin dashboard, `ws/admin/dashboard/`: every open asks for stats and the pending count
 * and reloads the pending list. Its `order_update` events also feed the orders slice.
 */
export const adminBackend: BackendDefinition<AdminCommand> = {
  name: 'admin',
  path: 'ws/admin/dashboard/',
  dialect: adminDashboardDialect,
  hints: { handshake: tokenOrOriginHint },
  slices: [adminSlice, ordersSlice],
  restPaths: {
    /** Users awaiting approval. */
    pending: '/api/v1/admin-dashboard/approvals/pending/',
    /** Approve a user (POST). */
    approve: '/api/v1/admin-dashboard/users/{id}/approve/',
    /** Reject a user (POST). */
    reject: '/api/v1/admin-dashboard/users/{id}/reject/',
  },
  onOpen: ({ send, client }) => {
    send({ type: 'get_stats' });
    send({ type: 'get_pending_count' });
    return client.restConfig.apiUrl ? loadPendingUsers(client) : undefined;
  },
};

/** Load the users awaiting approval (also the resync after every reconnect). */
export function loadPendingUsers(client: RealtimeClient): Promise<void> {
  const path = client.use(adminBackend).restPaths['pending']!;
  return call(client, async () => {
    const result = parsePendingUsers(await restOf(client).request('GET', path));
    if (!result.ok) invalidBody(`GET ${path}`, result.error);
    client.dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingUsers', users: result.users } });
  }, 'loading the pending users');
}
