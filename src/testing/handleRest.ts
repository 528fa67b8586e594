/**
 * The REST routes of the Timing server and the admin dashboard, synchronous and in-memory.
 * Bodies are JSON text; errors are `{error}` (bad input, unknown route) or `{detail}` (auth),
 * as Express and DRF answer them.
 */
import { adminUserJson, performer } from './adminBackend';
import type { SimEmitters } from './createEmitters';
import { erpChatRest } from './erpChatRest';
import { ERP_CHATS_PATH, isErpStreamPath } from './erpSse';
import { Answer, bad, fail, header, reply } from './restReply';
import { asObject } from './SimContext';
import type { SimContext } from './SimContext';
import { TIMING_STATUSES } from './simData';
import type { SimUser, TimingOrderRecord } from './simEntities';
import { timingAdminConnections } from './timingBackend';
import type { SimRestRequest, SimRestResponse } from './types';

type Handler = (match: RegExpExecArray, body: () => unknown, auth: () => SimUser | SimRestResponse) => SimRestResponse;

const timingJson = (o: TimingOrderRecord): Record<string, unknown> => ({ ...o, items: o.items.map((i) => ({ ...i })) });

function readLines(value: unknown): { menu_name: string; quantity: number; price: number }[] {
  if (!Array.isArray(value) || value.length === 0) return bad('items must be a non-empty array');
  return value.map((raw, i) => {
    const item = asObject(raw) ?? bad(`items[${i}] must be an object`);
    const { menu_name, quantity, price } = item;
    if (typeof menu_name !== 'string' || menu_name.trim() === '') bad(`items[${i}].menu_name is required`);
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) bad(`items[${i}].quantity must be a positive integer`);
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) bad(`items[${i}].price must be a number >= 0`);
    return { menu_name: menu_name as string, quantity: quantity as number, price: price as number };
  });
}

function routes(ctx: SimContext, emit: SimEmitters): [string, RegExp, Handler][] {
  const { world } = ctx;
  const timingOrder = (id: string): TimingOrderRecord => world.timingOrders.get(Number(id)) ?? fail(404, { error: 'Order not found' });
  const staff = (auth: () => SimUser | SimRestResponse): SimUser => {
    const user = auth();
    if ('status' in user) return fail(user.status, user.body);
    return user.is_staff ? user : fail(403, { detail: 'You do not have permission to perform this action.' });
  };
  const decide = (action: 'approved' | 'rejected'): Handler => (m, body, auth) => {
    const admin = staff(auth);
    const data = body() ?? {};
    const fields = asObject(data) ?? bad('body must be a JSON object');
    // The deployed server reads `reason` to reject; the documented one `notes`.
    const notes = fields['notes'] ?? fields['reason'] ?? null;
    if (notes !== null && typeof notes !== 'string') bad('notes must be a string');
    const user = world.user(m[1]);
    if (user?.approval_status !== 'pending') fail(404, { error: 'User not found or not pending' });
    emit.approval(m[1]!, action, admin.id, notes as string | null);
    return reply(200, { status: action, user: adminUserJson(world.user(m[1])!) });
  };
  const A = '^/api/v1/admin-dashboard/';
  const I = '^/api/interactions/notifications/';
  const signedIn = (auth: () => SimUser | SimRestResponse): SimUser => {
    const user = auth();
    return 'status' in user ? fail(user.status, user.body) : user;
  };
  const mine = (user: SimUser) => world.notifications.filter((n) => n.userKey === String(user.id));
  return [
    ['POST', /^\/api\/orders\/?$/, (_m, body) => {
      const data = asObject(body()) ?? bad('body must be a JSON object');
      const name = data['customer_name'];
      if (typeof name !== 'string' || name.trim() === '') bad('customer_name is required');
      return reply(201, { data: timingJson(emit.timingNewOrder({ customer_name: name as string, items: readLines(data['items']) })) });
    }],
    ['GET', /^\/api\/orders\/(\d+)\/status\/?$/, (m) => reply(200, { data: timingJson(timingOrder(m[1]!)) })],
    ['PUT', /^\/api\/admin\/orders\/(\d+)\/status\/?$/, (m, body, auth) => {
      if ('status' in auth()) return fail(401, { detail: 'Invalid or missing token' });
      const status = asObject(body())?.['status'];
      if (typeof status !== 'string' || !(TIMING_STATUSES as readonly string[]).includes(status)) bad(`status must be one of: ${TIMING_STATUSES.join(', ')}`);
      timingOrder(m[1]!);
      return reply(200, { data: timingJson(emit.timingStatus(Number(m[1]), status as string)) });
    }],
    ['GET', /^\/api\/admin\/orders\/?$/, (_m, _b, auth) => {
      if ('status' in auth()) return fail(401, { detail: 'Invalid or missing token' });
      return reply(200, { data: [...world.timingOrders.values()].reverse().map(timingJson) });
    }],
    ['GET', /^\/api\/admin\/websocket\/stats\/?$/, (_m, _b, auth) => {
      if ('status' in auth()) return fail(401, { detail: 'Invalid or missing token' });
      return reply(200, { adminConnections: timingAdminConnections(ctx), isInitialized: true });
    }],
    ['GET', new RegExp(`${A}dashboard/$`), (_m, _b, auth) => (staff(auth), reply(200, world.stats()))],
    ['GET', new RegExp(`${A}approvals/pending/$`), (_m, _b, auth) => {
      staff(auth);
      const results = world.usersWith('pending').map(adminUserJson);
      return reply(200, { results, count: results.length });
    }],
    ['GET', new RegExp(`${A}approvals/recent/$`), (_m, _b, auth) => {
      staff(auth);
      const recent = world.approvals.slice(-20).reverse();
      const results = recent.map((a) => ({ action: a.action, user: adminUserJson(world.user(a.userKey)!), performed_by: performer(ctx, a.performedByKey), timestamp: new Date(a.at).toISOString(), notes: a.notes }));
      return reply(200, { results });
    }],
    ['POST', new RegExp(`${A}users/([^/]+)/approve/$`), decide('approved')],
    ['POST', new RegExp(`${A}users/([^/]+)/reject/$`), decide('rejected')],
    // SmartHunt's notifications over REST (its deployed server serves no socket).
    ['GET', new RegExp(`${I}$`), (_m, _b, auth) => {
      const results = mine(signedIn(auth)).slice().sort((a, b) => b.created_at - a.created_at).slice(0, 20)
        .map((n) => ({ id: n.id, title: n.title, body: n.body, notification_type: n.notification_type, is_read: n.is_read, created_at: new Date(n.created_at).toISOString() }));
      return reply(200, { count: results.length, next: null, previous: null, results });
    }],
    ['GET', new RegExp(`${I}stats/$`), (_m, _b, auth) => {
      const list = mine(signedIn(auth));
      const by_type: Record<string, number> = {};
      for (const n of list) by_type[n.notification_type] = (by_type[n.notification_type] ?? 0) + 1;
      return reply(200, { total: list.length, unread: list.filter((n) => !n.is_read).length, by_type });
    }],
    ['POST', new RegExp(`${I}mark-all-read/$`), (_m, _b, auth) => {
      const unread = mine(signedIn(auth)).filter((n) => !n.is_read);
      for (const n of unread) n.is_read = true;
      return reply(200, { message: `Marked ${unread.length} notifications as read`, updated_count: unread.length });
    }],
    ['PATCH', new RegExp(`${I}(\\d+)/$`), (m, body, auth) => {
      const n = mine(signedIn(auth)).find((x) => x.id === Number(m[1])) ?? fail(404, { detail: 'Not found.' });
      const fields = asObject(body() ?? {}) ?? bad('body must be a JSON object');
      if (typeof fields['is_read'] === 'boolean') n.is_read = fields['is_read'];
      return reply(200, { id: n.id, title: n.title, body: n.body, notification_type: n.notification_type, is_read: n.is_read, data: n.data, created_at: new Date(n.created_at).toISOString() });
    }],
    ['GET', new RegExp(`${A}notifications/$`), (_m, _b, auth) => {
      staff(auth);
      const results = world.adminNotifications.slice().reverse().map((n) => ({ ...n, created_at: new Date(n.created_at).toISOString() }));
      return reply(200, { results, count: results.length });
    }],
  ];
}

/** Answer one REST request. Never throws. */
export function handleRest(ctx: SimContext, emit: SimEmitters, request: SimRestRequest): SimRestResponse {
  const path = request.path.split('?')[0] ?? '';
  const method = request.method.toUpperCase();
  if (path.startsWith(ERP_CHATS_PATH)) return erpChatRest(ctx, request);
  // The event stream answers through `simulator.stream()`; only other methods reach here.
  if (isErpStreamPath(path)) return reply(method === 'GET' ? 406 : 405, { detail: `Use simulator.stream() for ${method} ${path}` });
  const body = (): unknown => {
    if (request.body.trim() === '') return undefined;
    try {
      return JSON.parse(request.body) as unknown;
    } catch {
      return bad('Invalid JSON body');
    }
  };
  const auth = (): SimUser | SimRestResponse => {
    const value = header(request.headers, 'authorization');
    if (!value) return reply(401, { detail: 'Authentication credentials were not provided.' });
    const user = ctx.world.userByToken(/^Bearer (.+)$/.exec(value)?.[1]);
    return user ?? reply(401, { detail: 'Given token not valid for any token type' });
  };
  try {
    for (const [m, pattern, handler] of routes(ctx, emit)) {
      const match = m === method ? pattern.exec(path) : null;
      if (match) return handler(match, body, auth);
    }
    return reply(404, { error: 'Not found' });
  } catch (error) {
    if (error instanceof Answer) return error.response;
    return reply(500, { error: 'Internal server error' });
  }
}
