import type { RealtimeClient } from '../../core/RealtimeClient';
import { RealtimeError } from '../../core/RealtimeError';
import { notificationsBackend } from './notificationsBackend';

function markRead(client: RealtimeClient, id: string | null): void {
  client.dispatch({ endpoint: 'notifications', event: { kind: 'notification/readLocally', id } });
  client.flush();
  try {
    client.send(notificationsBackend, id === null ? { type: 'mark_all_read' } : { type: 'mark_read', notificationId: id });
  } catch (cause) {
    // The ERP and `notify`-only servers take no commands: marking read stays local there.
    // Anything else (nothing subscribed, a full queue) means the server won't hear of it.
    if (cause instanceof TypeError && /has no such command/.test(cause.message)) return;
    client.report(cause instanceof RealtimeError ? cause : new RealtimeError('connection-failed', `notifications: marking read was not sent: ${String((cause as Error)?.message ?? cause)}`, { cause }));
  }
}

/** Mark a notification read: at once here, and on the server when its protocol accepts it. */
export function markNotificationRead(client: RealtimeClient, id: string): void {
  markRead(client, id);
}

/** Mark every notification read, likewise. */
export function markAllNotificationsRead(client: RealtimeClient): void {
  markRead(client, null);
}
