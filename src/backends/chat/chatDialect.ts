/**
 * The college ERP's chat (PROTOCOLS.md §4) at `ws/chat/`. Outgoing messages carry no `type`;
 * the sender gets an ack (`message_sent`) or an `error`, never an echo, so the store must keep
 * what it sent and match it to the ack. Each send also carries its client id (`client_id`, an
 * idempotency key the ERP ignores today): a server that honours it answers a retry of a stored
 * message with that message's ack, and an ack naming it matches exactly. Attachment URLs come
 * from other users and are sanitised here, at the edge.
 */
import type { Dialect, OutgoingFrame, ParseResult } from '../../core/Dialect';
import { parseTyped, sanitizeUrl, wireId } from '../../validation/validate';
import type { MessageHandler } from '../../validation/validate';

/**
 * The ack to the sender: the server's id of the message just sent. A server that honours the
 * idempotency key also returns the send's `client_id` (and answers a repeat with the stored id).
 */
export interface MessageSentMessage { type: 'message_sent'; id: number | string; client_id?: string }
/** A refused send, e.g. `"receiver_id is required"` or `"Failed to send message. Receiver not found."`. */
export interface ChatErrorMessage { type: 'error'; error: string }
/** A message for this user. */
export interface ChatMessageMessage {
  type: 'chat_message';
  id: number | string;
  sender_id: number | string;
  sender_name: string;
  message: string;
  /** A URL or null. Unsafe URLs are dropped by the parser. */
  attachment: string | null;
  timestamp: string;
}

/** Every message the chat socket sends. */
export type ChatServerMessage = MessageSentMessage | ChatErrorMessage | ChatMessageMessage;

/** Send one message. */
export interface ChatCommand {
  receiverId: string | number;
  message: string;
  /** An attachment URL; omitted from the frame when absent or null. */
  attachment?: string | null;
  /** The message's client id: sent as `client_id`, the idempotency key of a send and its retries. */
  clientId?: string;
}

/** The wire shape of {@link ChatCommand}: no `type` field. */
export interface ChatSendFrame {
  receiver_id: string | number;
  message: string;
  attachment?: string;
  /** Servers that ignore it (the ERP today) store a retry again; servers that honour it do not. */
  client_id?: string;
}

const handlers: Readonly<Record<string, MessageHandler>> = {
  message_sent: (r) => {
    // With the send's client id the ack matches its message exactly; without, the oldest awaiting one.
    // A key the kit cannot use (not a string) leaves the ack to match the oldest waiting send.
    const clientId = r.soft(() => r.string('client_id', 'nullable', { max: 256 }));
    return [clientId ? { kind: 'chat/ack', serverId: r.id('id'), clientId } : { kind: 'chat/ack', serverId: r.id('id') }];
  },
  error: (r) => {
    const error = r.has('error') || !r.has('message') ? r.string('error') : r.string('message');
    // A server that echoes the send's client id here too lets a refusal find its message exactly.
    const clientId = r.soft(() => r.string('client_id', 'nullable', { max: 256 }));
    return [clientId ? { kind: 'chat/rejected', error, clientId } : { kind: 'chat/rejected', error }];
  },
  chat_message: (r) => {
    const id = r.id('id');
    const peerId = r.id('sender_id');
    const senderName = r.string('sender_name', 'nullable', { max: 256 });
    const text = r.string('message', 'nullable') ?? '';
    // Wrong types are errors; a well-typed but unsafe URL is kept out of the UI, not fatal.
    const attachment = sanitizeUrl(r.string('attachment', 'nullable'));
    return [{
      kind: 'chat/received',
      message: { id, clientId: `srv:${id}`, peerId, own: false, senderName, text, attachment, timestamp: r.timestamp('timestamp'), state: 'received' },
    }];
  },
};

/** Parse one chat frame. Never throws. */
export function parseChat(frame: unknown): ParseResult {
  return parseTyped('chat', frame, handlers);
}

/** Build the wire frame for a chat send. */
export function encodeChat(command: ChatCommand): OutgoingFrame {
  try {
    const frame: ChatSendFrame = { receiver_id: wireId(command.receiverId), message: command.message };
    if (command.attachment !== undefined && command.attachment !== null) frame.attachment = command.attachment;
    if (command.clientId) frame.client_id = command.clientId;
    return JSON.stringify(frame);
  } catch {
    // Only reachable from untyped callers (e.g. a null command): an empty frame, not a throw.
    return '';
  }
}

/** The ERP chat dialect: token in the query, no heartbeat. */
export const chatDialect: Dialect<ChatCommand> = {
  name: 'chat',
  token: 'query',
  parse: parseChat,
  encode: encodeChat,
};
