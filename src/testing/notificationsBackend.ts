/**
 * `ws/notifications/` (§3 and the notices half of §4), in one of three shapes:
 * `smarthunt` (greeting, commands, ping), `notify` (SmartHunt's variant: no greeting, non-ISO
 * timestamps, 1011 on any inbound frame) and `erp` (the college ERP's notices: DRF key,
 * inbound ignored).
 */
import { plainTime } from './createSimClock';
import { publishErp } from './erpSse';
import { asObject, loadsJson, pyStr } from './SimContext';
import type { SimContext } from './SimContext';
import type { SimBooking, SimChatMessage, SimNotification, SimUser } from './simEntities';
import type { HubSession } from './SimHub';
import type { SimConnectResult, SimFrame, SimSink } from './types';

const userGroup = (userKey: string): string => `notifications:user_${userKey}`;
const ERP_FIELDS = ['type', 'id', 'title', 'message', 'notification_type', 'timestamp'];

export function connectNotifications(ctx: SimContext, query: Record<string, string>, sink: SimSink): SimConnectResult {
  const shape = ctx.options.shapes.notifications;
  let token = query['token'] ?? '';
  // The ERP's token middleware strips a leading "Bearer "; SmartHunt decodes the JWT as is.
  if (shape === 'erp' && token.startsWith('Bearer ')) token = token.slice(7);
  const user = ctx.world.userByToken(token);
  // Both servers close(4001/4003) before accept, which daphne turns into 403.
  if (!user) return { ok: false, status: 403, message: 'Forbidden' };
  const session = ctx.hub.open({ backend: 'notifications', user, shape, groups: [userGroup(String(user.id))], sink, behaviour: { start: (s) => greet(ctx, s, user), receive: (s, f) => receive(ctx, s, user, f) } });
  return { ok: true, session };
}

function greet(ctx: SimContext, s: HubSession, user: SimUser): void {
  if (s.shape !== 'smarthunt') return;
  ctx.hub.sendJson(s, { type: 'connection_established', user_id: user.id, username: user.username, timestamp: ctx.clock.iso() });
  ctx.hub.sendJson(s, { type: 'unread_count', count: ctx.world.unreadCount(String(user.id)) });
}

function receive(ctx: SimContext, s: HubSession, user: SimUser, frame: SimFrame): void {
  // The `notify` consumer has no receive handler for what arrives: it crashes after accept.
  if (s.shape === 'notify') return ctx.hub.close(s, 1011, 'Internal server error');
  if (s.shape === 'erp') return;
  const { hub, world, faults } = ctx;
  const error = (message: string): void => hub.sendJson(s, { type: 'error', message });
  const unread = (): void => hub.sendJson(s, { type: 'unread_count', count: world.unreadCount(String(user.id)) });
  const decoded = loadsJson(frame);
  if (!decoded.ok) return error('Invalid JSON format');
  const data = asObject(decoded.value);
  // `data.get` on a list or a string raises; the consumer's catch-all answers this.
  if (!data) return error('Internal server error');
  const mine = world.notifications.filter((n) => n.userKey === String(user.id));
  switch (data['type']) {
    case 'mark_read': {
      const id = data['notification_id'];
      if (id === undefined || id === null) return error('notification_id is required');
      if (!/^\d+$/.test(String(id))) return error('Internal server error'); // int('abc') raises
      const target = mine.find((n) => n.id === Number(id));
      if (target) target.is_read = true;
      hub.sendJson(s, { type: 'mark_read_response', notification_id: id, success: target !== undefined });
      return unread();
    }
    case 'mark_all_read': {
      const unreadOnes = mine.filter((n) => !n.is_read);
      for (const n of unreadOnes) n.is_read = true;
      hub.sendJson(s, { type: 'mark_all_read_response', marked_count: unreadOnes.length });
      return unread();
    }
    case 'get_unread_count':
      return unread();
    case 'ping':
      if (!faults.pingsSilenced) hub.sendJson(s, { type: 'pong', timestamp: ctx.clock.iso() });
      return;
    default:
      return error(`Unknown message type: ${pyStr(data['type'])}`);
  }
}

function notificationFrame(n: SimNotification, shape: string): string {
  const base = { title: n.title, notification_type: n.notification_type };
  if (shape === 'erp') {
    const extras = Object.fromEntries(Object.entries(n.data ?? {}).filter(([k]) => !ERP_FIELDS.includes(k)));
    return JSON.stringify({ type: 'notify', id: n.id, ...base, message: n.body, timestamp: new Date(n.created_at).toISOString(), ...extras });
  }
  const timestamp = shape === 'notify' ? plainTime(n.created_at) : new Date(n.created_at).toISOString();
  return JSON.stringify({ type: shape === 'notify' ? 'notify' : 'notification', ...base, body: n.body, data: n.data, notification_id: n.id, timestamp });
}

/**
 * Send a stored notification to its user's sessions, in each session's shape, and as the ERP's
 * `notification` event to the user's SSE streams. Returns how many sockets got it.
 */
export function broadcastNotification(ctx: SimContext, n: SimNotification): number {
  const user = ctx.world.user(n.userKey);
  if (user) publishErp(ctx, user, 'notification', { title: n.title, message: n.body, notification_type: n.notification_type, data: n.data });
  return ctx.hub.broadcast(userGroup(n.userKey), (s) => notificationFrame(n, s.shape));
}

/** SmartHunt's `chat_message` to the receiver (only the SmartHunt consumer has this event). */
export function broadcastSmartHuntChat(ctx: SimContext, m: SimChatMessage, senderName: string, propertyId: number | null): number {
  const frame = JSON.stringify({
    type: 'chat_message',
    message_id: m.id,
    sender_id: m.sender_id,
    sender_name: senderName,
    recipient_id: m.receiver_id,
    content: m.message,
    timestamp: new Date(m.created_at).toISOString(),
    property_id: propertyId,
  });
  return ctx.hub.broadcast(userGroup(String(m.receiver_id)), (s) => (s.shape === 'smarthunt' ? frame : null));
}

/** SmartHunt's `booking_update` to the tenant and the landlord (SmartHunt consumer only). */
export function broadcastBooking(ctx: SimContext, b: SimBooking): number {
  const { booking_id, action, status, property_id, property_title, tenant_id, landlord_id } = b;
  const frame = JSON.stringify({ type: 'booking_update', booking_id, action, status, property_id, property_title, tenant_id, landlord_id, timestamp: new Date(b.updated_at).toISOString() });
  const keys = [...new Set([tenant_id, landlord_id].filter((k) => k !== null).map(String))];
  return keys.reduce((sum, key) => sum + ctx.hub.broadcast(userGroup(key), (s) => (s.shape === 'smarthunt' ? frame : null)), 0);
}
