import { parsePendingUsers } from '../../protocols/adminDashboard';
import { fillPath } from '../restPaths';
import { call, invalidBody, type ActionClient } from './callRest';

/** Load the users awaiting approval. */
export function loadPendingUsers(client: ActionClient): Promise<void> {
  const { rest, restPaths: paths, dispatch } = client;
  return call(client, async () => {
    const result = parsePendingUsers(await rest.request('GET', paths.adminPending));
    if (!result.ok) invalidBody(`GET ${paths.adminPending}`, result.error);
    dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingUsers', users: result.users } });
  }, 'loading the pending users');
}

async function decide(client: ActionClient, id: string, action: 'approve' | 'reject', notes?: string): Promise<void> {
  const { rest, restPaths: paths, dispatch, flush } = client;
  flush();
  const admin = client.store.getState().admin;
  const index = admin.pendingUsers.findIndex((u) => u.id === id);
  const user = admin.pendingUsers[index];
  const count = admin.pendingCount;
  if (user) dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingRemoved', userId: id } });
  if (user && count !== null) dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingCount', count: Math.max(0, count - 1) } });
  flush(); // a person's own action shows at once, not on the next frame
  try {
    await call(client, () => rest.request('POST', fillPath(action === 'approve' ? paths.adminApprove : paths.adminReject, id), notes === undefined ? {} : { notes }), `${action} user ${id}`);
  } catch (error) {
    if (user) dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingRestored', user, index } });
    if (user && count !== null) dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingCount', count } });
    throw error;
  }
}

/** Approve a pending user: removed from the list at once, put back if the server refuses (reported and rejected). */
export function approveUser(client: ActionClient, id: string, notes?: string): Promise<void> {
  return decide(client, id, 'approve', notes);
}

/** Reject a pending user, likewise. */
export function rejectUser(client: ActionClient, id: string, notes?: string): Promise<void> {
  return decide(client, id, 'reject', notes);
}
