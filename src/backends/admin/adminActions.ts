import { fillPath } from '../../core/endpointUrl';
import { call } from '../../core/callRest';
import { restOf } from '../../core/restOf';
import type { RealtimeClient } from '../../core/RealtimeClient';
import { adminBackend, loadPendingUsers } from './adminBackend';
import type { AdminEvent } from './types';

export { loadPendingUsers } from './adminBackend';

function dispatchAdmin(client: RealtimeClient, event: AdminEvent): void {
  client.dispatch({ endpoint: 'admin', event });
}

// The deployed server requires `reason` to reject (400 "Rejection reason is required"); the
// documented one reads `notes`. The same text goes in both.
function bodyOf(action: 'approve' | 'reject', text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  return action === 'reject' ? { reason: text, notes: text } : { notes: text };
}

/**
 * Bring the pending list and count up to date after a decision: the deployed server sends no
 * `approval_update` (and keeps rejected users pending), so no broadcast would correct them.
 */
async function resync(client: RealtimeClient): Promise<void> {
  try {
    if (client.connectionState(adminBackend)) client.send(adminBackend, { type: 'get_pending_count' });
  } catch {
    // Not subscribed or closing: the list below is still reloaded.
  }
  if (client.restConfig.apiUrl) await loadPendingUsers(client).catch(() => undefined); // reported by call()
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
    await call(client, () => rest.request('POST', fillPath(action === 'approve' ? paths['approve']! : paths['reject']!, id), bodyOf(action, notes)), `${action} user ${id}`);
  } catch (error) {
    if (user) dispatchAdmin(client, { kind: 'admin/pendingRestored', user, index });
    if (user && count !== null) dispatchAdmin(client, { kind: 'admin/pendingCount', count });
    throw error;
  }
  await resync(client);
}

/**
 * Approve a pending user: removed from the list at once, put back if the server refuses
 * (reported and rejected); on success the pending list and count are fetched again.
 */
export function approveUser(client: RealtimeClient, id: string, notes?: string): Promise<void> {
  return decide(client, id, 'approve', notes);
}

/**
 * Reject a pending user, likewise. The server may require a reason (the deployed one answers
 * 400 "Rejection reason is required" without one): it is sent as `reason` (and `notes`).
 */
export function rejectUser(client: RealtimeClient, id: string, reason?: string): Promise<void> {
  return decide(client, id, 'reject', reason);
}
