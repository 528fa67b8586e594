import type { RestBackendDefinition } from '../../core/RealtimeClient';
import { applyBackendSettings } from '../../core/applyBackendSettings';
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
export const adminBackend: RestBackendDefinition<AdminCommand> = {
  name: 'admin',
  path: 'ws/admin/dashboard/',
  dialect: adminDashboardDialect,
  hints: {
    handshake:
      'The token was refused or the Origin is not allowed: this server answers a non-staff user or a foreign Origin with HTTP 403, and (as deployed today) any bad, expired or malformed token with HTTP 500; browsers report both as close 1006. Check the token (the kit asks your token function for a fresh one after two refusals) and ALLOWED_HOSTS.',
  },
  slices: [adminSlice, ordersSlice],
  applySettings: applyBackendSettings,
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
