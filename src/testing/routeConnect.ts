/** The handshake: fault switches, routing by path and kind, the Origin check, then the backend's auth. */
import { connectAdmin } from './adminBackend';
import { connectChat } from './chatBackend';
import { connectNotifications } from './notificationsBackend';
import { connectOrderStream } from './orderStreamBackend';
import { originAllowed, splitUrl } from './SimContext';
import type { SimContext } from './SimContext';
import { connectTiming } from './timingBackend';
import type { SimConnectRequest, SimConnectResult, SimSink } from './types';

const ORDER_PATH = /^\/ws\/orders\/(\d{1,15})\/$/;
const DJANGO_PATHS = ['/ws/notifications/', '/ws/chat/', '/ws/admin/dashboard/'];

export function routeConnect(ctx: SimContext, request: SimConnectRequest, sink: SimSink): SimConnectResult {
  if (ctx.faults.refuseStatus !== null) {
    return { ok: false, status: ctx.faults.refuseStatus, message: `Handshake refused (HTTP ${ctx.faults.refuseStatus})` };
  }
  const { path, query } = splitUrl(request.url);
  const timing = ctx.options.shapes.timing;

  if (request.kind === 'socketio') {
    if (path === '/admin' && timing === 'real') return connectTiming(ctx, request, query, sink);
    return { ok: false, status: 404, message: 'Invalid namespace' };
  }
  // The documented Timing socket is a plain Node server: no Origin check.
  if (path === '/admin' && timing === 'documented') return connectTiming(ctx, request, query, sink);

  const order = ORDER_PATH.exec(path);
  if (!order && !DJANGO_PATHS.includes(path)) return { ok: false, status: 404, message: 'Not Found' };
  if (!originAllowed(request.origin, ctx.options.allowedOrigins)) return { ok: false, status: 403, message: 'Forbidden' };
  if (order) return connectOrderStream(ctx, Number(order[1]), sink);
  if (path === '/ws/notifications/') return connectNotifications(ctx, query, sink);
  if (path === '/ws/chat/') return connectChat(ctx, query, sink);
  return connectAdmin(ctx, query, sink);
}
