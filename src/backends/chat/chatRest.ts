/**
 * The ERP chat's REST side (today's server): sending, the conversation's history, the inbox,
 * typing and read marks, under `api/v1/communication/chats/` (`chatBackend.restPaths`).
 * Bodies are validated like frames; each action reports its failure through `onError` and
 * rejects with it.
 */
import { call, invalidBody } from '../../core/callRest';
import { fillPath } from '../../core/endpointUrl';
import type { RealtimeClient } from '../../core/RealtimeClient';
import { restOf } from '../../core/restOf';
import { own } from '../../core/store/records';
import { decodeJson, describe, FieldReader, guardValue, isPlainObject, reject, sanitizeUrl, wireId } from '../../validation/validate';
import { chatBackend } from './chatBackend';
import type { ChatDialect } from './chatSseDialect';
import type { ChatConversation, ChatEvent, ChatMessage } from './types';

/** Per client: conversation ids by peer, and the typing signal last sent to each peer. */
interface ChatRestState {
  conversations: Map<string, string>;
  typing: Map<string, { active: boolean; sentAt: number; idle: ReturnType<typeof setTimeout> | undefined }>;
}
const states = new WeakMap<RealtimeClient, ChatRestState>();

/** Peers remembered per map, the most recently used kept: twice the store's default peers cap. */
const REMEMBERED_PEERS = 1000;

/** Set `key` as the most recent entry; the least recently used goes past the cap. */
function remember<V>(map: Map<string, V>, key: string, value: V, drop?: (value: V) => void): void {
  map.delete(key);
  map.set(key, value);
  for (const [oldest, old] of map) {
    if (map.size <= REMEMBERED_PEERS) break;
    map.delete(oldest);
    drop?.(old);
  }
}

function stateOf(client: RealtimeClient): ChatRestState {
  let state = states.get(client);
  if (!state) states.set(client, (state = { conversations: new Map(), typing: new Map() }));
  return state;
}

function dispatch(client: RealtimeClient, event: ChatEvent): void {
  client.dispatch({ endpoint: 'chat', event });
}

/** Whether this client's chat goes over REST (the SSE dialect) rather than the socket. */
export function chatUsesRest(client: RealtimeClient): boolean {
  return Boolean((client.use(chatBackend).dialect as ChatDialect).rest);
}

/** A message as the REST API serialises it, in the conversation with `peerId`. */
function readRestMessage(r: FieldReader, peerId: string): ChatMessage {
  const id = r.id('id');
  const own = r.id('sender') !== peerId;
  const read = r.boolean('is_read', 'nullable') ?? false;
  const attachment = r.string('attachment_url', 'nullable') ?? r.string('attachment', 'nullable');
  return {
    id,
    clientId: `srv:${id}`,
    peerId,
    own,
    senderName: r.string('sender_name', 'nullable', { max: 256 }) || r.string('sender_username', 'nullable', { max: 256 }) || null,
    text: r.string('message', 'nullable') ?? '',
    attachment: sanitizeUrl(attachment),
    timestamp: r.timestamp('timestamp'),
    state: own ? (read ? 'read' : r.has('delivered_at') ? 'delivered' : 'sent') : 'received',
    readAt: own ? r.timestamp('read_at', 'nullable') : null,
    seen: !own && read,
  };
}

/** Run `read` over a REST body; a body that is not what the API sends is an `invalid-frame` error. */
function parseBody<T>(body: unknown, label: string, read: (root: FieldReader) => T): T {
  const result = guardValue(label, () => {
    const decoded = decodeJson(body, label);
    return read(isPlainObject(decoded) ? new FieldReader(decoded, label) : reject(`${label}: body must be an object (got ${describe(decoded)})`));
  });
  return result.ok ? result.value : invalidBody(label, result.error);
}

/** `GET conversation/<peer>/`: `{ conversation_id, messages (newest first), other_user, has_more }`. */
export function parseChatHistory(body: unknown, peerId: string): { conversationId: string | null; messages: ChatMessage[]; hasMore: boolean; online: boolean | null; name: string | null } {
  return parseBody(body, 'chat history', (root) => {
    const other = root.reader('other_user', 'nullable');
    return {
      conversationId: root.id('conversation_id', 'nullable'),
      messages: (root.readers('messages') ?? []).map((r) => readRestMessage(r, peerId)),
      hasMore: root.boolean('has_more', 'nullable') ?? false,
      online: other?.boolean('is_online', 'nullable') ?? null,
      name: other ? other.string('full_name', 'nullable', { max: 256 }) || other.string('username', 'nullable', { max: 256 }) || null : null,
    };
  });
}

/** `GET conversations/`: an array of `{ conversation_id, other_user, last_message, …, unread_count }`. */
export function parseConversations(body: unknown): ChatConversation[] {
  return parseBody({ items: body }, 'chat conversations', (root) =>
    (root.readers('items') ?? []).map((r) => {
      const other = r.reader('other_user');
      const username = other.string('username', 'nullable', { max: 256 });
      return {
        id: r.id('conversation_id'),
        peerId: other.id('id'),
        name: other.string('full_name', 'nullable', { max: 256 }) || username || other.id('id'),
        username,
        avatar: sanitizeUrl(other.string('avatar', 'nullable')),
        online: other.boolean('is_online', 'nullable'),
        lastMessage: r.string('last_message', 'nullable'),
        lastMessageAt: r.timestamp('last_message_at', 'nullable'),
        lastMessageByMe: r.boolean('last_message_by_me', 'nullable') ?? false,
        unread: r.integer('unread_count', 'nullable', { min: 0 }) ?? 0,
      };
    }),
  );
}

function paths(client: RealtimeClient): Readonly<Record<string, string>> {
  return client.use(chatBackend).restPaths;
}

/**
 * Load the conversation with `peerId`: the newest page, or with `older` the page before the
 * oldest message shown. Merged into `state.chat.byPeer[peerId]` without duplicates; own
 * messages take the server's read state (`sent`, `delivered`, `read`).
 */
export function loadChatHistory(client: RealtimeClient, peerId: string | number, options: { older?: boolean; limit?: number } = {}): Promise<void> {
  const peer = String(peerId);
  const limit = options.limit ?? 30;
  const shown = own(client.store.getState().chat?.byPeer, peer) ?? [];
  const oldest = shown.reduce<number | null>((min, m) => (m.id !== null && /^\d+$/.test(m.id) && (min === null || Number(m.id) < min) ? Number(m.id) : min), null);
  const query = new URLSearchParams({ limit: String(limit) });
  if (options.older && oldest !== null) query.set('before_id', String(oldest));
  // A reload of the newest page (a reconnect, the read poll) is quiet: "Loading earlier
  // messages…" and its error are for older pages and for the first load only.
  const visible = Boolean(options.older) || own(client.store.getState().chat?.history, peer)?.status !== 'loaded';
  if (visible) dispatch(client, { kind: 'chat/historyState', peerId: peer, status: 'loading' });
  return call(client, async () => {
    // Inside the call: a peer id no path can hold (`?`, `/`…) is this load's error, not a throw in an effect.
    const path = `${fillPath(paths(client)['history']!, peer)}?${query}`;
    const page = parseChatHistory(await restOf(client).request('GET', path), peer);
    if (page.conversationId) remember(stateOf(client).conversations, peer, page.conversationId);
    dispatch(client, { kind: 'chat/history', peerId: peer, messages: page.messages, hasMore: page.hasMore, older: Boolean(options.older && oldest !== null), online: page.online, name: page.name });
  }, 'loading the chat history').catch((error: Error) => {
    if (visible) dispatch(client, { kind: 'chat/historyState', peerId: peer, status: 'error', error: error.message });
    throw error;
  });
}

/** Load the inbox (`state.chat.conversations`): every conversation with its unread count and last message. */
export function loadConversations(client: RealtimeClient): Promise<void> {
  const path = paths(client)['conversations']!;
  if (client.store.getState().chat?.conversations.status !== 'loaded') dispatch(client, { kind: 'chat/conversationsState', status: 'loading' });
  return call(client, async () => {
    const items = parseConversations(await restOf(client).request('GET', path));
    for (const c of items) remember(stateOf(client).conversations, c.peerId, c.id);
    dispatch(client, { kind: 'chat/conversations', items });
  }, 'loading the conversations').catch((error: Error) => {
    dispatch(client, { kind: 'chat/conversationsState', status: 'error', error: error.message });
    throw error;
  });
}

/**
 * Mark received messages read (call it when they are actually visible). Shown as read at
 * once; the server is told in one request: by conversation when these are all the unread
 * messages of it (which also resets the server's unread count), else by message ids.
 */
export function markChatRead(client: RealtimeClient, peerId: string | number, serverIds: readonly string[]): Promise<void> {
  const peer = String(peerId);
  const list = own(client.store.getState().chat?.byPeer, peer) ?? [];
  const wanted = new Set(serverIds);
  const unseen = list.filter((m) => !m.own && !m.seen && m.id !== null);
  const ids = unseen.filter((m) => wanted.has(m.id!)).map((m) => m.id!);
  if (!ids.length) return Promise.resolve();
  dispatch(client, { kind: 'chat/seen', peerId: peer, serverIds: ids });
  const conversation = stateOf(client).conversations.get(peer);
  const body = conversation && ids.length === unseen.length ? { conversation_id: wireId(conversation) } : { message_ids: ids.map(wireId) };
  return call(client, () => restOf(client).request('POST', paths(client)['markRead']!, body), 'marking messages read').then(
    () => undefined,
    (error: unknown) => {
      // Not taken: unread again, so they are marked the next time they are on screen.
      dispatch(client, { kind: 'chat/unseen', peerId: peer, serverIds: ids });
      throw error;
    },
  );
}

/** Quiet time after which "typing" is withdrawn, in ms. */
export const TYPING_IDLE_MS = 4000;
/** A repeated "typing" goes out at most this often, in ms. */
export const TYPING_EVERY_MS = 3000;

/**
 * Tell the peer this user is typing (`true`, sent at most every 3 s, withdrawn after 4 s
 * without another call) or stopped (`false`: on send, blur or an emptied composer; sent only
 * if `true` was). Failures are reported, never thrown: typing is a courtesy.
 */
export function setChatTyping(client: RealtimeClient, peerId: string | number, active: boolean): void {
  if (client.disposed) return;
  const peer = String(peerId);
  const typing = stateOf(client).typing;
  const now = Date.now();
  const last = typing.get(peer) ?? { active: false, sentAt: 0, idle: undefined };
  clearTimeout(last.idle);
  const next = { ...last, idle: undefined as ReturnType<typeof setTimeout> | undefined };
  const post = (value: boolean): void => {
    next.active = value;
    next.sentAt = Date.now();
    void call(client, () => restOf(client).request('POST', paths(client)['typing']!, { receiver_id: wireId(peer), is_typing: value }), 'sending the typing indicator').catch(() => undefined);
  };
  if (active) {
    if (!last.active || now - last.sentAt >= TYPING_EVERY_MS) post(true);
    next.idle = setTimeout(() => setChatTyping(client, peer, false), TYPING_IDLE_MS);
  } else if (last.active) post(false);
  remember(typing, peer, next, (old) => clearTimeout(old.idle));
}

/**
 * Post an own message (`POST chats/`, with its client id as `client_id`). The answer is the ack: the message takes the server's
 * id and time. A refusal or a failure marks it failed with the reason, for a retry.
 */
export function postChat(client: RealtimeClient, clientId: string, entry: { peerId: string; text: string; attachment: string | null }): void {
  // `client_id`: the idempotency key (a server that honours it answers a retry with the stored message).
  const body: Record<string, unknown> = { receiver_id: wireId(entry.peerId), message: entry.text, client_id: clientId };
  if (entry.attachment) body['attachment'] = entry.attachment;
  dispatch(client, { kind: 'chat/sending', clientId, rest: true });
  void call(client, async () => {
    const saved = parseBody(await restOf(client).request('POST', paths(client)['send']!, body), 'chat send', (r) => ({ id: r.id('id'), timestamp: r.timestamp('timestamp') }));
    dispatch(client, { kind: 'chat/ack', clientId, serverId: saved.id, timestamp: saved.timestamp });
  }, 'sending the message').catch((error: Error) => {
    dispatch(client, { kind: 'chat/rejected', clientId, error: error.message });
  });
}
