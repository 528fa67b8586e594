import { applyBackendSettings } from '../../core/applyBackendSettings';
import type { BackendOptions, RestBackendDefinition } from '../../core/RealtimeClient';
import { sseTransport } from '../../core/sseTransport';
import { tokenOrOriginHint } from '../djangoChannelsHints';
import { chatDialect, type ChatCommand } from './chatDialect';
import { chatSseDialect } from './chatSseDialect';
import { chatSlice } from './chatSlice';

/**
 * The college ERP chat. As documented: `ws/chat/` (one socket for all peers); own messages are
 * sent with their client id as the tag, so one written from the offline queue shows as
 * `sending`, and a drop before the server's ack marks what was waiting as failed (with a
 * retry). The client id is also on the wire (`client_id`): a server that honours it stores a
 * retried message once. As the server runs today, with {@link chatOverSse}: events over Server-Sent Events,
 * everything else over REST (`restPaths`).
 */
export const chatBackend: RestBackendDefinition<ChatCommand> = {
  name: 'chat',
  path: 'ws/chat/',
  dialect: chatDialect,
  hints: { handshake: tokenOrOriginHint },
  slices: [chatSlice],
  applySettings: applyBackendSettings,
  restPaths: {
    /** Send a message (POST `{receiver_id, message, client_id}`). */
    send: '/api/v1/communication/chats/',
    /** The inbox. */
    conversations: '/api/v1/communication/chats/conversations/',
    /** One conversation's messages, newest first (`?limit=&before_id=`). */
    history: '/api/v1/communication/chats/conversation/{id}/',
    /** Mark read (POST `{message_ids}` or `{conversation_id}`). */
    markRead: '/api/v1/communication/chats/mark-read/',
    /** The typing indicator (POST `{receiver_id, is_typing}`). */
    typing: '/api/v1/communication/chats/typing/',
  },
  onSent: (clientId, { dispatch }) => dispatch({ kind: 'chat/sending', clientId }),
  onClosed: ({ dispatch }) => dispatch({ kind: 'chat/failed', clientIds: 'awaiting', error: 'The connection closed before the server confirmed this message.' }),
};

/**
 * The settings for the ERP chat as its server runs today (Server-Sent Events plus REST):
 * `backends: { chat: chatOverSse() }`, with `apiUrl` and `authScheme: 'Token'` (its REST
 * accepts only DRF's `Token` scheme). Pass `fetch` for a custom one (tests, the simulator).
 */
export function chatOverSse(options: { fetch?: typeof fetch } = {}): BackendOptions {
  return { path: 'api/v1/communication/sse/events/', dialect: chatSseDialect, transport: sseTransport(options) };
}
