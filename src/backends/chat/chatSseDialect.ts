/**
 * The college ERP's chat as its server runs today: Server-Sent Events at
 * `api/v1/communication/sse/events/` for what arrives, REST under `api/v1/communication/chats/`
 * for everything sent (see `chatRest.ts`). Events are `{ event, data }` from `sseTransport`.
 */
import type { Dialect, ParseResult } from '../../core/Dialect';
import { decodeFrame, parseTyped, sanitizeUrl } from '../../validation/validate';
import type { FieldReader, MessageHandler } from '../../validation/validate';
import type { ChatCommand } from './chatDialect';
import type { ChatMessage } from './types';

/**
 * A chat dialect. `rest: true` marks one whose server takes messages, typing, reads and
 * history over REST (the chat backend then sends nothing on the stream).
 */
export interface ChatDialect extends Dialect<ChatCommand> {
  readonly rest?: boolean;
}

/** Words in an `error` event that mean the credentials were refused (not a passing fault). */
const REFUSED = /unauthori[sz]ed|forbidden|authenticat|invalid token|token (?:is )?(?:invalid|expired)/i;

/** A `message` event: a message for this user (or from this user on another device). */
function readEventMessage(r: FieldReader): ChatMessage {
  const id = r.id('id');
  return {
    id,
    clientId: `srv:${id}`,
    peerId: r.id('sender_id'),
    own: false,
    senderName: r.string('sender_name', 'nullable', { max: 256 }) || null,
    text: r.string('message', 'nullable') ?? '',
    // Wrong types are errors; a well-typed but unsafe URL is kept out of the UI, not fatal.
    attachment: sanitizeUrl(r.string('attachment', 'nullable')),
    timestamp: r.timestamp('timestamp'),
    state: 'received',
    seen: r.boolean('is_read', 'nullable') ?? false,
  };
}

const handlers: Readonly<Record<string, MessageHandler>> = {
  connected: (r) => [{ kind: 'session/established', userId: r.id('user_id', 'nullable'), username: null }],
  message: (r) => [{ kind: 'chat/received', message: readEventMessage(r), receiverId: r.id('receiver_id', 'nullable') ?? undefined }],
  typing: (r) => [{ kind: 'chat/typing', peerId: r.id('sender_id'), name: r.string('sender_name', 'nullable', { max: 256 }) || null, typing: r.boolean('is_typing', 'nullable') ?? true, at: Date.now() }],
  // The server sends `read_at: null`: the receipt's arrival is the read time then.
  read_receipt: (r) => [{ kind: 'chat/read', serverIds: [r.id('message_id')], readAt: r.timestamp('read_at') }],
  error: (r) => {
    const text = r.string('error', 'nullable', { max: 500 }) ?? r.string('message', 'nullable', { max: 500 }) ?? 'an unnamed error';
    return [REFUSED.test(text) ? { kind: 'connection/refused', reason: text } : { kind: 'server/error', message: text }];
  },
  // Liveness and farewell carry nothing for the store; notices are the notifications backend's.
  heartbeat: () => [],
  disconnected: () => [],
  notification: () => [],
};

/** Parse one server-sent event (`{ event, data }`). Never throws. */
export function parseChatSse(frame: unknown): ParseResult {
  const { event, data } = (frame ?? {}) as { event?: unknown; data?: unknown };
  if (typeof event !== 'string' || typeof data !== 'string') return { ok: false, error: 'chatSse: expected a server-sent event { event, data } (use sseTransport)' };
  const decoded = decodeFrame(data, 'chatSse');
  if (!decoded.ok) return decoded;
  return parseTyped('chatSse', { ...decoded.value, type: event }, handlers);
}

/** The ERP chat over Server-Sent Events: the token in an `Authorization` header, commands over REST. */
export const chatSseDialect: ChatDialect = {
  name: 'chatSse',
  token: 'header',
  rest: true,
  parse: parseChatSse,
  // Nothing is sent on the stream: the chat backend posts over REST.
  encode: () => '',
};
