import type { RestBackendDefinition } from '../../core/RealtimeClient';
import { applyBackendSettings } from '../../core/applyBackendSettings';
import { tokenOrOriginHint } from '../djangoChannelsHints';
import { notificationsDialect, type NotificationsCommand } from './notificationsDialect';
import { chatSlice } from '../chat/chatSlice';
import { notificationsSlice } from './notificationsSlice';

/**
 * SmartHunt notifications, `ws/notifications/`; a reopen asks for the unread count again. The
 * ERP's notices use the same backend with `backends: { notifications: { dialect: noticesDialect } }`.
 */
export const notificationsBackend: RestBackendDefinition<NotificationsCommand> = {
  name: 'notifications',
  path: 'ws/notifications/',
  dialect: notificationsDialect,
  hints: { handshake: tokenOrOriginHint },
  // SmartHunt also pushes its own chat messages on this socket: they land in the chat slice.
  slices: [notificationsSlice, chatSlice],
  applySettings: applyBackendSettings,
  restPaths: {
    /** The user's notifications (GET; DRF page or array). */
    list: '/api/interactions/notifications/',
    /** `{ total, unread, by_type }` (GET). */
    stats: '/api/interactions/notifications/stats/',
    /** Mark every notification read (POST). */
    markAllRead: '/api/interactions/notifications/mark-all-read/',
    /** One notification (PATCH `{ is_read: true }`). */
    detail: '/api/interactions/notifications/{id}/',
  },
  onOpen: ({ reconnected, send }) => {
    if (reconnected) send({ type: 'get_unread_count' });
  },
  // Until it greets again, the hook's REST polling keeps the list up to date.
  onClosed: ({ dispatch }) => dispatch({ kind: 'notification/socketClosed' }),
};
