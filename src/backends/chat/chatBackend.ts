import type { BackendDefinition } from '../../core/RealtimeClient';
import { tokenOrOriginHint } from '../djangoChannelsHints';
import { chatDialect, type ChatCommand } from './chatDialect';
import { chatSlice } from './chatSlice';

/**
 * The college ERP chat, `ws/chat/` (one socket for all peers). Own messages are sent with
 * their client id as the tag, so one written from the offline queue shows as `sending`; a drop
 * before the server's ack marks what was waiting as failed (with a retry).
 */
export const chatBackend: BackendDefinition<ChatCommand> = {
  name: 'chat',
  path: 'ws/chat/',
  dialect: chatDialect,
  hints: { handshake: tokenOrOriginHint },
  slices: [chatSlice],
  onSent: (clientId, { dispatch }) => dispatch({ kind: 'chat/sending', clientId }),
  onClosed: ({ dispatch }) => dispatch({ kind: 'chat/failed', clientIds: 'awaiting', error: 'The connection closed before the server confirmed this message.' }),
};
