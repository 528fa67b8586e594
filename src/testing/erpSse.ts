/**
 * The college ERP's chat as its server runs today: a Server-Sent Events stream at
 * `sse/events/`, fed by Redis pub/sub (one channel per user), next to the REST routes in
 * `erpChatRest.ts`. What the real server does is kept, quirks included: a refused token or a
 * missing Redis is still HTTP 200 with one `error` event, a heartbeat is only written after
 * another event (an idle stream is silent), and presence is a Redis key with a 300 s TTL.
 */
import { pythonIsoTime } from './createSimClock';
import { displayName, splitUrl } from './SimContext';
import type { SimContext } from './SimContext';
import type { SimChatMessage, SimUser } from './simEntities';
import type { SimStream, SimStreamRequest, SimStreamSink } from './types';
import type { ErpSseState } from './ErpSseState';

/** The path of the ERP chat's event stream. */
export const ERP_SSE_PATH = '/api/v1/communication/sse/events/';
/** The prefix of the ERP chat's REST routes (`conversations/`, `mark-read/`, …). */
export const ERP_CHATS_PATH = '/api/v1/communication/chats/';

const ONLINE_TTL_MS = 300_000;
const HEARTBEAT_MS = 30_000;
const SSE_HEAD = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' };
const channel = (erpId: string): string => `erp-sse:user:${erpId}`;

/** Whether a path (with or without its query) is the ERP event stream. */
export function isErpStreamPath(path: string): boolean {
  return splitUrl(path).path === ERP_SSE_PATH;
}

/** Python's `json.dumps`: `", "` and `": "` separators, non-ASCII escaped as `\uXXXX`. */
export function pyDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${fields.map(([k, v]) => `${pyDumps(k)}: ${pyDumps(v)}`).join(', ')}}`;
  }
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One event as the real generator writes it: `event: x\ndata: {...}\n\n`. */
export function sseBlock(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${pyDumps(data)}\n\n`;
}

/** `is_user_online`: the user's `online:user:<id>` key exists (false while Redis is down). */
export function isErpOnline(ctx: SimContext, erpId: string): boolean {
  const until = ctx.erp.redisDown ? undefined : ctx.erp.onlineUntil.get(erpId);
  return until !== undefined && until > ctx.clock.now();
}

/** `get_online_users`: the `online_users` set (empty while Redis is down). */
export function erpOnlineUsers(ctx: SimContext): string[] {
  return ctx.erp.redisDown ? [] : [...ctx.erp.onlineSet];
}

function setOnline(ctx: SimContext, erpId: string): void {
  if (ctx.erp.redisDown) return;
  ctx.erp.onlineSet.add(erpId);
  ctx.erp.onlineUntil.set(erpId, ctx.clock.now() + ONLINE_TTL_MS);
}

function setOffline(ctx: SimContext, erpId: string): void {
  if (ctx.erp.redisDown) return;
  ctx.erp.onlineSet.delete(erpId);
  ctx.erp.onlineUntil.delete(erpId);
}

/**
 * `publish_event` to the user's channel: every open stream of the user writes the event (and
 * refreshes the user's online key), then a heartbeat when the last one is over 30 s old.
 * Returns false, publishing nothing, while Redis is down.
 */
export function publishErp(ctx: SimContext, receiver: SimUser, event: string, data: Record<string, unknown>): boolean {
  if (ctx.erp.redisDown) return false;
  const erpId = ctx.world.erpId(receiver);
  for (const session of ctx.hub.members(channel(erpId))) {
    setOnline(ctx, erpId);
    ctx.hub.send(session, { event, data });
    const now = ctx.clock.now();
    if (now - (ctx.erp.lastHeartbeat.get(session.id) ?? now) > HEARTBEAT_MS) {
      ctx.erp.lastHeartbeat.set(session.id, now);
      ctx.hub.send(session, { event: 'heartbeat', data: { timestamp: now / 1000 } });
    }
  }
  return true;
}

/** The `message` event of a stored message, to its receiver (never echoed to the sender). */
export function publishErpMessage(ctx: SimContext, m: SimChatMessage): boolean {
  const sender = ctx.world.user(m.sender_id);
  const receiver = ctx.world.user(m.receiver_id);
  if (!sender || !receiver) return false;
  return publishErp(ctx, receiver, 'message', {
    id: m.id,
    sender_id: ctx.world.erpId(sender),
    sender_name: displayName(sender),
    receiver_id: ctx.world.erpId(receiver),
    message: m.message,
    attachment: m.attachment,
    attachment_type: null,
    timestamp: pythonIsoTime(m.created_at),
    is_read: m.is_read,
    conversation_id: String(m.conversation_id),
  });
}

/**
 * Make Redis unreachable (`true`) or reachable again. Going down ends every open stream the
 * way the real generator ends when its subscription fails: a last `disconnected` event, then
 * the end of the response; the presence keys are lost with it. Returns how many streams ended.
 */
export function setRedisDown(ctx: SimContext, down: boolean): number {
  if (!down || ctx.erp.redisDown) {
    ctx.erp.redisDown = down;
    return 0;
  }
  const streams = ctx.hub.live().filter((s) => s.shape === 'sse');
  for (const s of streams) ctx.hub.send(s, { event: 'disconnected', data: { status: 'disconnected' } });
  ctx.erp.redisDown = true;
  for (const s of streams) ctx.hub.close(s, 1011, 'Redis not available');
  ctx.erp.onlineSet.clear();
  ctx.erp.onlineUntil.clear();
  return streams.length;
}

function header(headers: SimStreamRequest['headers'], name: string): string {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name && value) return value;
  return '';
}

/** `get_user_from_token`: `?token=`, else `Authorization: Token <key>` or `Bearer <key>`. */
function streamUser(ctx: SimContext, request: SimStreamRequest): SimUser | undefined {
  let token = splitUrl(request.path).query['token'] ?? '';
  if (!token) {
    const auth = header(request.headers, 'authorization');
    if (auth.startsWith('Token ')) token = auth.replaceAll('Token ', '');
    else if (auth.startsWith('Bearer ')) token = auth.replaceAll('Bearer ', '');
  }
  return ctx.world.userByToken(token);
}

/** A response that writes `text` (if any) and ends. */
function oneShot(status: number, headers: Record<string, string>, text: string, sink: SimStreamSink): SimStream {
  let started = false;
  return {
    status,
    headers,
    start() {
      if (started) return;
      started = true;
      if (text) sink.write(text);
      sink.end();
    },
    close() {},
  };
}

/** Answer `GET sse/events/`: an error event and the end, or a stream that stays open. */
export function openErpStream(ctx: SimContext, request: SimStreamRequest, sink: SimStreamSink): SimStream {
  if ((request.method ?? 'GET').toUpperCase() !== 'GET') return oneShot(405, { Allow: 'GET' }, '', sink);
  if (ctx.faults.refuseStatus !== null) return oneShot(ctx.faults.refuseStatus, {}, '', sink);
  const user = streamUser(ctx, request);
  if (!user) return oneShot(200, SSE_HEAD, sseBlock('error', { error: 'Unauthorized' }), sink);
  if (ctx.erp.redisDown) return oneShot(200, SSE_HEAD, sseBlock('error', { error: 'Redis not available' }), sink);
  const erpId = ctx.world.erpId(user);
  let ended = false;
  const finish = (id: number): void => {
    if (ended) return;
    ended = true;
    ctx.erp.lastHeartbeat.delete(id);
    // The real server marks the user offline when any of their streams ends, even if another is open.
    setOffline(ctx, erpId);
  };
  const session = ctx.hub.open({
    backend: 'chat',
    user,
    shape: 'sse',
    groups: [channel(erpId)],
    sink: {
      send: (frame) => sink.write(typeof frame === 'string' ? `data: ${frame}\n\n` : sseBlock(frame.event, frame.data)),
      close: () => {
        finish(session.id);
        sink.end();
      },
    },
    behaviour: {
      start: (s) => {
        ctx.hub.send(s, { event: 'connected', data: { status: 'connected', user_id: erpId } });
        setOnline(ctx, erpId);
        ctx.erp.lastHeartbeat.set(s.id, ctx.clock.now());
      },
      closed: (s) => finish(s.id),
    },
  });
  return {
    status: 200,
    headers: { ...SSE_HEAD, 'X-Accel-Buffering': 'no' },
    start: () => session.start(),
    close: () => session.closed(),
  };
}
