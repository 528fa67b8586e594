/**
 * §4, the college ERP's chat at `ws/chat/`: DRF key auth, `{receiver_id, message, attachment?}`
 * in, `message_sent` ack to the sender (never an echo), `chat_message` to the receiver.
 * Unlike the real server, it honours the kit's idempotency key: a send with a `client_id` this
 * sender already used is answered with the stored message's ack (`{type:'message_sent', id,
 * client_id}`) and neither stored nor delivered again.
 * Bot peers answer after `botReplyDelayMs`. Messages also reach the receiver's SSE streams
 * (`erpSse.ts`), as both run on one database.
 */
import { publishErpMessage } from './erpSse';
import { broadcastSmartHuntChat } from './notificationsBackend';
import { asObject, displayName, loadsJson, truthy } from './SimContext';
import type { SimContext } from './SimContext';
import { BOT_REPLIES } from './simData';
import type { SimChatMessage, SimUser } from './simEntities';
import type { HubSession } from './SimHub';
import type { SimConnectResult, SimFrame, SimSink } from './types';

const userGroup = (userKey: string): string => `chat:user_${userKey}`;

export function connectChat(ctx: SimContext, query: Record<string, string>, sink: SimSink): SimConnectResult {
  let token = query['token'] ?? '';
  if (token.startsWith('Bearer ')) token = token.slice(7);
  const user = ctx.world.userByToken(token);
  if (!user) return { ok: false, status: 403, message: 'Forbidden' };
  const session = ctx.hub.open({
    backend: 'chat',
    user,
    shape: 'erp',
    groups: [userGroup(String(user.id))],
    sink,
    behaviour: { receive: (s, frame) => receive(ctx, s, user, frame) },
  });
  return { ok: true, session };
}

function receive(ctx: SimContext, s: HubSession, sender: SimUser, frame: SimFrame): void {
  const decoded = loadsJson(frame);
  const data = decoded.ok ? asObject(decoded.value) : null;
  // The real consumer does not catch json.loads or data.get failures: it crashes after accept.
  if (!data) return ctx.hub.close(s, 1011, 'Internal server error');
  const clientId = idempotencyKey(data['client_id']);
  // The key is echoed in refusals too (not on the real server), so the kit matches them exactly.
  const error = (text: string): void => ctx.hub.sendJson(s, clientId === null ? { type: 'error', error: text } : { type: 'error', error: text, client_id: clientId });
  const receiverId = data['receiver_id'];
  const message = data['message'];
  const attachment = data['attachment'];
  if (!truthy(receiverId)) return error('receiver_id is required');
  if (!truthy(message) && !truthy(attachment)) return error('message or attachment is required');
  const receiver = typeof receiverId === 'string' || typeof receiverId === 'number' ? ctx.world.user(receiverId) : undefined;
  if (!receiver) return error('Failed to send message. Receiver not found.');
  const text = typeof message === 'string' ? message : truthy(message) ? JSON.stringify(message) : '';
  const url = typeof attachment === 'string' && attachment !== '' ? attachment : null;
  const known = clientId === null ? undefined : ctx.world.messageByClientId(sender.id, clientId);
  const stored = known ?? ctx.world.addMessage(sender.id, receiver.id, text, url, clientId);
  ctx.hub.sendJson(s, clientId === null ? { type: 'message_sent', id: stored.id } : { type: 'message_sent', id: stored.id, client_id: clientId });
  if (!known) deliverChat(ctx, stored);
}

/** A send's `client_id`, when it is a usable key (a non-empty string of at most 64 characters). */
export function idempotencyKey(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value.length <= 64 ? value : null;
}

/**
 * Send a stored message to its receiver everywhere they listen: the ERP `chat_message` on
 * `ws/chat/`, the ERP `message` event on the SSE stream, SmartHunt's `chat_message`.
 */
export function fanOutChat(ctx: SimContext, m: SimChatMessage): void {
  const sender = ctx.world.user(m.sender_id);
  const senderName = sender ? displayName(sender) : String(m.sender_id);
  const timestamp = new Date(m.created_at).toISOString();
  const frame = JSON.stringify({ type: 'chat_message', id: m.id, sender_id: m.sender_id, sender_name: senderName, message: m.message, attachment: m.attachment, timestamp });
  ctx.hub.broadcast(userGroup(String(m.receiver_id)), frame);
  publishErpMessage(ctx, m);
  broadcastSmartHuntChat(ctx, m, senderName, null);
}

/** {@link fanOutChat}, then, when a person wrote to a bot, the bot's reply later. */
export function deliverChat(ctx: SimContext, m: SimChatMessage): void {
  fanOutChat(ctx, m);
  const sender = ctx.world.user(m.sender_id);
  const receiver = ctx.world.user(m.receiver_id);
  if (receiver?.bot && sender && !sender.bot) scheduleBotReply(ctx, receiver, sender);
}

function scheduleBotReply(ctx: SimContext, bot: SimUser, to: SimUser): void {
  const delay = ctx.options.botReplyDelayMs;
  if (delay === false) return;
  // The text is drawn now, so the random stream does not depend on when the timer fires.
  const text = ctx.random.pick(BOT_REPLIES);
  ctx.later(() => deliverChat(ctx, ctx.world.addMessage(bot.id, to.id, text, null)), delay);
}
