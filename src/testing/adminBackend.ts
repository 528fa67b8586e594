/**
 * §5, the approval app's admin dashboard at `ws/admin/dashboard/`: simplejwt token, staff only,
 * group `admin_dashboard`. Broadcast timestamps carry the real server's quirk: a string that
 * itself holds quote marks (`json.dumps(str(datetime))`).
 */
import { quotedPythonTime } from './createSimClock';
import { asObject, loadsJson, pyStr } from './SimContext';
import type { SimContext } from './SimContext';
import type { BoostOrder, SimApproval, SimUser } from './simEntities';
import type { HubSession } from './SimHub';
import type { SimConnectResult, SimFrame, SimSink } from './types';

const GROUP = 'admin:admin_dashboard';

/** The user as the admin serializers send it. */
export function adminUserJson(user: SimUser): Record<string, unknown> {
  const { id, username, email, first_name, last_name, is_staff, is_superuser, approval_status, date_joined } = user;
  return { id, username, email, first_name, last_name, is_staff, is_superuser, approval_status, date_joined };
}

export function connectAdmin(ctx: SimContext, query: Record<string, string>, sink: SimSink): SimConnectResult {
  const token = query['token'] ?? '';
  // simplejwt's decode of a malformed token raises before accept: daphne answers 500.
  if (token.startsWith('malformed')) return { ok: false, status: 500, message: 'Internal Server Error' };
  const user = ctx.world.userByToken(token);
  if (!user?.is_staff) return { ok: false, status: 403, message: 'Forbidden' };
  const session = ctx.hub.open({
    backend: 'admin',
    user,
    shape: 'real',
    groups: [GROUP],
    sink,
    behaviour: {
      start(s) {
        const { id, username, email, is_staff, is_superuser } = user;
        ctx.hub.sendJson(s, { type: 'connection_established', message: 'Connected to admin dashboard', user: { id, username, email, is_staff, is_superuser } });
        ctx.hub.broadcast(GROUP, JSON.stringify({ type: 'admin_joined', user_id: id, username }), s);
      },
      receive: (s, frame) => receive(ctx, s, frame),
      closed: (s) => void ctx.hub.broadcast(GROUP, JSON.stringify({ type: 'admin_left', user_id: user.id, username: user.username }), s),
    },
  });
  return { ok: true, session };
}

function receive(ctx: SimContext, s: HubSession, frame: SimFrame): void {
  const { hub, world } = ctx;
  const decoded = loadsJson(frame);
  if (!decoded.ok) return hub.sendJson(s, { type: 'error', message: 'Invalid JSON' });
  const data = asObject(decoded.value);
  // Only JSONDecodeError is caught: `data.get` on a list raises after accept, a 1011 close.
  if (!data) return hub.close(s, 1011, 'Internal server error');
  switch (data['type']) {
    case 'ping':
      if (!ctx.faults.pingsSilenced) hub.sendJson(s, { type: 'pong', timestamp: data['timestamp'] ?? null });
      return;
    case 'get_stats':
      return hub.sendJson(s, { type: 'stats_update', data: world.stats() });
    case 'get_pending_count':
      return hub.sendJson(s, { type: 'pending_count', count: world.usersWith('pending').length });
    case 'subscribe_approval_updates':
      return hub.sendJson(s, { type: 'subscribed', channel: 'approval_updates' });
    default:
      return hub.sendJson(s, { type: 'error', message: `Unknown message type: ${pyStr(data['type'])}` });
  }
}

/** The `performed_by` of an approval: the admin's id and username. */
export function performer(ctx: SimContext, key: string): { id: number | string; username: string } | null {
  const admin = ctx.world.user(key);
  return admin ? { id: admin.id, username: admin.username } : null;
}

function pendingUpdate(ctx: SimContext, change: number): void {
  ctx.hub.broadcast(GROUP, JSON.stringify({ type: 'pending_count_update', count: ctx.world.usersWith('pending').length, change }));
}

export function broadcastApproval(ctx: SimContext, approval: SimApproval): void {
  const user = ctx.world.user(approval.userKey);
  if (!user) return;
  const { action, notes } = approval;
  ctx.hub.broadcast(GROUP, JSON.stringify({ type: 'approval_update', action, user: adminUserJson(user), performed_by: performer(ctx, approval.performedByKey), timestamp: quotedPythonTime(approval.at), notes }));
  pendingUpdate(ctx, -1);
}

export function broadcastNewUser(ctx: SimContext, user: SimUser): void {
  ctx.hub.broadcast(GROUP, JSON.stringify({ type: 'new_user', user: adminUserJson(user), timestamp: quotedPythonTime(ctx.clock.now()) }));
  pendingUpdate(ctx, 1);
}

export function broadcastAdminOrder(ctx: SimContext, order: BoostOrder, previousStatus: string): number {
  return ctx.hub.broadcast(GROUP, JSON.stringify({ type: 'order_update', order_id: order.order_id, status: order.status, previous_status: previousStatus, timestamp: quotedPythonTime(order.updated_at) }));
}

/** A (simulated) admin joined or left: every admin session hears it. */
export function broadcastAdminPresence(ctx: SimContext, admin: { id: string | number; username: string }, joined: boolean): number {
  return ctx.hub.broadcast(GROUP, JSON.stringify({ type: joined ? 'admin_joined' : 'admin_left', user_id: admin.id, username: admin.username }));
}
