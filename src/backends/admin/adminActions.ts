import { fillPath } from '../../core/endpointUrl';
import { call } from '../../core/callRest';
import { restOf } from '../../core/restOf';
import type { RealtimeClient } from '../../core/RealtimeClient';
import { adminBackend } from './adminBackend';
import type { AdminEvent } from './types';

export { loadPendingUsers } from './adminBackend';

function dispatchAdmin(client: RealtimeClient, event: AdminEvent): void {
  client.dispatch({ endpoint: 'admin', event });
}

async function decide(client: RealtimeClient, id: string, action: 'approve' | 'reject', notes?: string): Promise<void> {
  const rest = restOf(client);
  const { flush } = client;
  const paths = client.use(adminBackend).restPaths;
  flush();
  const admin = client.store.getState().admin;
  const index = admin.pendingUsers.findIndex((u) => u.id === id);
  const user = admin.pendingUsers[index];
  const count = admin.pendingCount;
  if (user) dispatchAdmin(client, { kind: 'admin/pendingRemoved', userId: id });
  if (user && count !== null) dispatchAdmin(client, { kind: 'admin/pendingCount', count: Math.max(0, count - 1) });
  flush(); // a person's own action shows at once, not on the next frame
  try {
    await call(client, () => rest.request('POST', fillPath(action === 'approve' ? paths['approve']! : paths['reject']!, id), notes === undefined ? {} : { notes }), `${action} user ${id}`);
  } catch (error) {
    if (user) dispatchAdmin(client, { kind: 'admin/pendingRestored', user, index });
    if (user && count !== null) dispatchAdmin(client, { kind: 'admin/pendingCount', count });
    throw error;
  }
}

/** Approve a pending user: removed from the list at once, put back if the server refuses (reported and rejected). */
export function approveUser(client: RealtimeClient, id: string, notes?: string): Promise<void> {
  return decide(client, id, 'approve', notes);
}

/** Reject a pending user, likewise. */
export function rejectUser(client: RealtimeClient, id: string, notes?: string): Promise<void> {
  return decide(client, id, 'reject', notes);
}
