import { adminDashboardDialect } from '../../protocols/adminDashboard';
import { loadPendingUsers } from '../actions/adminActions';
import type { EndpointDefinition } from '../endpoints';

/** The admin dashboard, `ws/admin/dashboard/`: every open asks for stats and the pending count and reloads the pending list. */
export const adminEndpoint: EndpointDefinition = {
  name: 'admin',
  path: 'ws/admin/dashboard/',
  dialect: adminDashboardDialect,
  onOpen: ({ send, rest, client }) => {
    send({ type: 'get_stats' });
    send({ type: 'get_pending_count' });
    return rest.baseUrl ? loadPendingUsers(client) : undefined;
  },
};
