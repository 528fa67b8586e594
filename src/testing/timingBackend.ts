/**
 * §2, the Timing restaurant feed. The real server is Socket.IO (namespace `/admin`, JWT in
 * `auth.token` or `?token=`); with `shapes.timing: 'documented'` it is the raw WebSocket the
 * document describes (`/admin?token=`, `newOrder` / `orderStatusUpdate`).
 */
import type { SimContext } from './SimContext';
import type { TimingOrderRecord } from './simEntities';
import type { SimConnectRequest, SimConnectResult, SimFrame, SimSink } from './types';
import type { HubSession } from './SimHub';

const GROUP = 'timing:admin';

export function connectTiming(ctx: SimContext, request: SimConnectRequest, query: Record<string, string>, sink: SimSink): SimConnectResult {
  const fromAuth = request.auth?.['token'];
  const token = typeof fromAuth === 'string' && fromAuth !== '' ? fromAuth : query['token'];
  if (!token) return { ok: false, status: 401, message: 'Authentication error: No token provided' };
  const user = ctx.world.userByToken(token);
  if (!user) return { ok: false, status: 401, message: 'Authentication error: Invalid token' };
  const documented = request.kind === 'websocket';
  const session = ctx.hub.open({
    backend: 'timing',
    user,
    shape: documented ? 'documented' : 'real',
    groups: [GROUP],
    sink,
    behaviour: {
      start(s) {
        // The documented raw socket has no greeting; the real Socket.IO server emits `connected`.
        if (!documented) ctx.hub.send(s, { event: 'connected', data: { message: 'Connected to admin namespace', userId: user.id, username: user.username } });
      },
      // Neither server listens to anything the client emits.
    },
  });
  return { ok: true, session };
}

function newOrderFrame(ctx: SimContext, order: TimingOrderRecord, s: HubSession): SimFrame {
  const { id, customer_name, total, items, created_at, status } = order;
  if (s.shape === 'documented') {
    return JSON.stringify({ type: 'newOrder', order: { id, customer_info: { name: customer_name }, total, items, created_at, status } });
  }
  return { event: 'new_order', data: { type: 'new_order', order: { id, customer_name, total, items, created_at, status }, timestamp: ctx.clock.iso() } };
}

function statusFrame(ctx: SimContext, order: TimingOrderRecord, s: HubSession): SimFrame {
  const { id, customer_name, status, updated_at } = order;
  if (s.shape === 'documented') {
    return JSON.stringify({ type: 'orderStatusUpdate', order: { id, customer_info: { name: customer_name }, status, updated_at }, status });
  }
  return { event: 'order_status_update', data: { type: 'order_status_update', order: { id, customer_name, status, updated_at }, timestamp: ctx.clock.iso() } };
}

export function broadcastNewTimingOrder(ctx: SimContext, order: TimingOrderRecord): number {
  return ctx.hub.broadcast(GROUP, (s) => newOrderFrame(ctx, order, s));
}

export function broadcastTimingStatus(ctx: SimContext, order: TimingOrderRecord): number {
  return ctx.hub.broadcast(GROUP, (s) => statusFrame(ctx, order, s));
}

/** `GET /api/admin/websocket/stats`. */
export function timingAdminConnections(ctx: SimContext): number {
  return ctx.hub.members(GROUP).length;
}
