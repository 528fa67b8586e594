/**
 * The ERP chat's REST routes under `/api/v1/communication/chats/`, as its server answers them
 * today: DRF `TokenAuthentication` only (`Authorization: Token <key>`; `Bearer` is refused),
 * UUID user ids, integer message and conversation ids. Events go out through `erpSse.ts`.
 * Reproduced bug: mark-read publishes no `read_receipt` unless `erpReadReceipts` is on.
 * Unlike the real server, a send honours `client_id` (the kit's idempotency key): a repeat by
 * the same sender answers 200 with the stored message and stores and publishes nothing.
 */
import { fanOutChat, idempotencyKey } from './chatBackend';
import { pythonIsoTime } from './createSimClock';
import { ERP_CHATS_PATH, erpOnlineUsers, isErpOnline, publishErp } from './erpSse';
import { Answer, fail, header, reply } from './restReply';
import { asObject, displayName, truthy } from './SimContext';
import type { SimContext } from './SimContext';
import { BOT_REPLIES } from './simData';
import type { SimChatMessage, SimConversation, SimUser } from './simEntities';
import type { SimRestRequest, SimRestResponse } from './types';

type Data = Record<string, unknown>;
type Route = [method: string, pattern: RegExp, handler: (user: SimUser, match: RegExpExecArray, data: () => Data, query: URLSearchParams) => SimRestResponse];

const drfTime = (ms: number | null): string | null => (ms === null ? null : pythonIsoTime(ms, true));
/** Django's `get_full_name()`: may be empty (the serializer's `sender_name` has no fallback). */
const fullName = (u: SimUser): string => `${u.first_name} ${u.last_name}`.trim();
/** What Django does with a value that is no valid int: a 500. */
const crash = (): never => fail(500, { error: 'Internal server error' });

/** Python's `int(text)`. */
function pyInt(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  return /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : crash();
}

/** `TokenAuthentication`: the caller, or the 401 DRF answers. */
function authenticate(ctx: SimContext, request: SimRestRequest): SimUser {
  const parts = (header(request.headers, 'authorization') ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts[0]?.toLowerCase() !== 'token') return fail(401, { detail: 'Authentication credentials were not provided.' });
  if (parts.length === 1) return fail(401, { detail: 'Invalid token header. No credentials provided.' });
  if (parts.length > 2) return fail(401, { detail: 'Invalid token header. Token string should not contain spaces.' });
  return ctx.world.userByToken(parts[1]) ?? fail(401, { detail: 'Invalid token.' });
}

/** The serialized message (`ChatMessageSerializer`). */
function messageJson(ctx: SimContext, m: SimChatMessage): Data {
  const sender = ctx.world.user(m.sender_id)!;
  const receiver = ctx.world.user(m.receiver_id)!;
  return {
    id: m.id,
    sender: ctx.world.erpId(sender),
    sender_name: fullName(sender),
    sender_username: sender.username,
    sender_avatar: null,
    receiver: ctx.world.erpId(receiver),
    receiver_name: fullName(receiver),
    receiver_username: receiver.username,
    receiver_avatar: null,
    conversation: m.conversation_id,
    message: m.message,
    attachment: m.attachment,
    attachment_url: m.attachment,
    attachment_type: null,
    is_read: m.is_read,
    read_at: drfTime(m.read_at),
    delivered_at: null,
    timestamp: drfTime(m.created_at),
    created_at: drfTime(m.created_at),
    updated_at: drfTime(Math.max(m.created_at, m.read_at ?? 0)),
    is_active: true,
  };
}

function otherUserJson(ctx: SimContext, u: SimUser): Data {
  const id = ctx.world.erpId(u);
  return { id, username: u.username, full_name: displayName(u), avatar: null, is_online: isErpOnline(ctx, id) };
}

/** The user's conversations as the server lists them: as `user1` first, then as `user2`. */
function conversationsOf(ctx: SimContext, user: SimUser): { c: SimConversation; other: SimUser; unread: number }[] {
  const key = String(user.id);
  const as1 = ctx.world.conversations.filter((c) => c.user1Key === key).map((c) => ({ c, other: ctx.world.user(c.user2Key)!, unread: c.unread_count_user1 }));
  const as2 = ctx.world.conversations.filter((c) => c.user2Key === key && c.user1Key !== key).map((c) => ({ c, other: ctx.world.user(c.user1Key)!, unread: c.unread_count_user2 }));
  return [...as1, ...as2].filter((row) => row.other);
}

/**
 * `mark-read`: the reader's unread received messages that `pick` selects become read. With
 * `erpReadReceipts`, each sender gets a `read_receipt`; the real server publishes none.
 */
export function markErpRead(ctx: SimContext, reader: SimUser, pick: (m: SimChatMessage) => boolean, resetConversation: unknown): { count: number; readAt: number } {
  const readAt = ctx.clock.now();
  const marked = ctx.world.messages.filter((m) => String(m.receiver_id) === String(reader.id) && !m.is_read && pick(m));
  for (const m of marked) Object.assign(m, { is_read: true, read_at: readAt });
  if (truthy(resetConversation)) {
    const id = pyInt(resetConversation);
    const c = ctx.world.conversations.find((x) => x.id === id);
    // `reset_unread` resets user2's counter for anyone who is not user1, participant or not.
    if (c) c[c.user1Key === String(reader.id) ? 'unread_count_user1' : 'unread_count_user2'] = 0;
  }
  if (ctx.options.erpReadReceipts) {
    for (const m of marked) {
      const sender = ctx.world.user(m.sender_id);
      if (sender) publishErp(ctx, sender, 'read_receipt', { message_id: m.id, reader_id: ctx.world.erpId(reader), reader_name: displayName(reader), read_at: null });
    }
  }
  return { count: marked.length, readAt };
}

/**
 * A bot peer written to over REST: halfway through `botReplyDelayMs` it reads the conversation
 * (as a mark-read by `conversation_id`) and starts typing; at the end it stops typing and replies.
 */
function scheduleErpBotReply(ctx: SimContext, bot: SimUser, to: SimUser, conversationId: number): void {
  const delay = ctx.options.botReplyDelayMs;
  if (delay === false) return;
  const text = ctx.random.pick(BOT_REPLIES);
  const typing = (is_typing: boolean): boolean => publishErp(ctx, to, 'typing', { sender_id: ctx.world.erpId(bot), sender_name: displayName(bot), is_typing });
  ctx.later(() => {
    markErpRead(ctx, bot, (m) => m.conversation_id === conversationId, conversationId);
    typing(true);
  }, delay / 2);
  ctx.later(() => {
    typing(false);
    fanOutChat(ctx, ctx.world.addMessage(bot.id, to.id, text, null));
  }, delay);
}

function routes(ctx: SimContext): Route[] {
  const { world } = ctx;
  const P = `^${ERP_CHATS_PATH}`;
  return [
    ['POST', new RegExp(`${P}$`), (user, _m, data) => {
      const body = data();
      const receiverId = body['receiver_id'];
      const raw = body['message'] ?? '';
      const text = typeof raw === 'string' ? raw.trim() : crash();
      const attachment = body['attachment'];
      if (!truthy(receiverId)) return reply(400, { error: 'receiver_id is required' });
      if (!text && !truthy(attachment)) return reply(400, { error: 'message or attachment is required' });
      const receiver = world.userByErpId(receiverId);
      if (!receiver) return reply(404, { error: 'Receiver not found' });
      const url = truthy(attachment) ? (typeof attachment === 'string' ? attachment : JSON.stringify(attachment)) : null;
      // The idempotency key (the real server ignores it): a repeat gets the stored message, 200.
      const clientId = idempotencyKey(body['client_id']);
      const known = clientId === null ? undefined : world.messageByClientId(user.id, clientId);
      if (known) return reply(200, messageJson(ctx, known));
      const stored = world.addMessage(user.id, receiver.id, text, url, clientId);
      fanOutChat(ctx, stored);
      if (receiver.bot && !user.bot) scheduleErpBotReply(ctx, receiver, user, stored.conversation_id);
      return reply(201, messageJson(ctx, stored));
    }],
    ['GET', new RegExp(`${P}conversations/$`), (user) => {
      const now = ctx.clock.now();
      const rows = conversationsOf(ctx, user).map(({ c, other, unread }) => ({
        at: c.last_message_at ?? now,
        json: {
          conversation_id: String(c.id),
          other_user: otherUserJson(ctx, other),
          last_message: c.last_message,
          last_message_at: drfTime(c.last_message_at),
          last_message_by_me: c.last_message_by === String(user.id),
          unread_count: unread,
          updated_at: drfTime(c.updated_at),
        },
      }));
      return reply(200, rows.sort((a, b) => b.at - a.at).map((r) => r.json));
    }],
    ['GET', new RegExp(`${P}conversation/([^/.]+)/$`), (user, m, _d, query) => {
      const other = world.userByErpId(decodeURIComponent(m[1]!));
      if (!other) return reply(404, { error: 'User not found' });
      const c = world.conversationOf(user, other);
      const limit = pyInt(query.get('limit') ?? '50');
      const offset = pyInt(query.get('offset') ?? '0');
      if (limit < 0 || offset < 0) crash();
      const beforeId = query.get('before_id');
      const before = beforeId ? pyInt(beforeId) : Infinity;
      const page = world.messages
        .filter((x) => x.conversation_id === c.id && x.id < before)
        .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
        .slice(offset, offset + limit);
      return reply(200, { conversation_id: String(c.id), messages: page.map((x) => messageJson(ctx, x)), other_user: otherUserJson(ctx, other), has_more: page.length === limit });
    }],
    ['POST', new RegExp(`${P}mark-read/$`), (user, _m, data) => {
      const body = data();
      const ids = body['message_ids'];
      const conversationId = body['conversation_id'];
      const senderId = body['sender_id'];
      let pick: (x: SimChatMessage) => boolean;
      if (truthy(ids)) {
        const wanted = new Set((Array.isArray(ids) ? ids : [ids]).map(pyInt));
        pick = (x) => wanted.has(x.id);
      } else if (truthy(conversationId)) {
        const id = pyInt(conversationId);
        pick = (x) => x.conversation_id === id;
      } else if (truthy(senderId)) {
        const sender = world.userByErpId(senderId);
        pick = (x) => sender !== undefined && String(x.sender_id) === String(sender.id);
      } else {
        return reply(400, { error: 'Provide message_ids, conversation_id, or sender_id' });
      }
      const { count, readAt } = markErpRead(ctx, user, pick, conversationId);
      return reply(200, { success: true, marked_count: count, read_at: pythonIsoTime(readAt) });
    }],
    ['POST', new RegExp(`${P}typing/$`), (user, _m, data) => {
      const body = data();
      if (!truthy(body['receiver_id'])) return reply(400, { error: 'receiver_id is required' });
      const receiver = world.userByErpId(body['receiver_id']);
      if (!receiver) return reply(404, { error: 'Receiver not found' });
      const isTyping = 'is_typing' in body ? body['is_typing'] : true;
      publishErp(ctx, receiver, 'typing', { sender_id: world.erpId(user), sender_name: displayName(user), is_typing: isTyping });
      return reply(200, { success: true });
    }],
    ['GET', new RegExp(`${P}unread-count/$`), (user) => {
      const rows = conversationsOf(ctx, user).filter((row) => row.unread > 0);
      const conversations = rows.map(({ c, other, unread }) => ({ conversation_id: String(c.id), unread_count: unread, other_user_id: world.erpId(other), other_user_name: displayName(other) }));
      return reply(200, { total_unread: rows.reduce((sum, row) => sum + row.unread, 0), conversations });
    }],
    ['GET', new RegExp(`${P}online-users/$`), () => reply(200, { online_users: erpOnlineUsers(ctx) })],
  ];
}

/** Answer one request under `chats/`. Never throws. */
export function erpChatRest(ctx: SimContext, request: SimRestRequest): SimRestResponse {
  const at = request.path.indexOf('?');
  const path = at < 0 ? request.path : request.path.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : request.path.slice(at + 1));
  const method = request.method.toUpperCase();
  const data = (): Data => {
    if (request.body.trim() === '') return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch (error) {
      return fail(400, { detail: `JSON parse error - ${(error as Error).message}` });
    }
    return asObject(parsed) ?? crash();
  };
  try {
    const matching = routes(ctx).filter(([, pattern]) => pattern.test(path));
    if (matching.length === 0) return reply(404, { detail: 'Not found.' });
    const user = authenticate(ctx, request);
    const route = matching.find(([m]) => m === method);
    if (!route) return reply(405, { detail: `Method "${method}" not allowed.` });
    return route[2](user, route[1].exec(path)!, data, query);
  } catch (error) {
    if (error instanceof Answer) return error.response;
    return reply(500, { error: 'Internal server error' });
  }
}
