/**
 * The invitation/approval app's admin dashboard (PROTOCOLS.md §5) at `ws/admin/dashboard/`.
 * User ids are UUID strings. Timestamps may arrive as a string that itself holds quote marks
 * (`"\"2025-01-01 10:00:00.123456\""`); they are read leniently.
 */
import type { AdminEvent, AdminUser } from './types';
import type { Dialect, OutgoingFrame, ParseResult } from '../../core/Dialect';
import { pingPong } from '../../core/pingPong';
import { inTimeZone } from '../../validation/timeZone';
import { decodeJson, describe, FieldReader, guardValue, isPlainObject, nowIso, parseTyped, reject } from '../../validation/validate';
import type { JsonObject, MessageHandler } from '../../validation/validate';

/** A user as the server serialises it (snake_case; more fields may follow). */
export interface AdminWireUser {
  id: string;
  username?: string;
  email?: string | null;
  is_staff?: boolean;
  is_superuser?: boolean;
  [extra: string]: unknown;
}

/** Every message the admin dashboard socket sends. */
export type AdminDashboardMessage =
  | { type: 'connection_established'; message?: string; user: AdminWireUser }
  | { type: 'admin_joined' | 'admin_left'; user_id: string; username: string }
  | { type: 'pong'; timestamp?: string | number }
  | { type: 'stats_update'; data: Record<string, unknown> }
  | { type: 'pending_count'; count: number }
  | { type: 'pending_count_update'; count: number; change?: number }
  | { type: 'approval_update'; action: 'approved' | 'rejected'; user: AdminWireUser; performed_by?: unknown; timestamp?: string; notes?: string | null }
  | { type: 'new_user'; user: AdminWireUser; timestamp?: string }
  | { type: 'order_update'; order_id: number | string; status: string; previous_status?: string | null; timestamp?: string }
  | { type: 'subscribed'; channel: string }
  | { type: 'error'; message: string };

/** Commands to the admin dashboard. */
export type AdminCommand =
  | { type: 'ping'; timestamp?: string | number }
  | { type: 'get_stats' }
  | { type: 'get_pending_count' }
  | { type: 'subscribe_approval_updates' };

const USER_FIELDS = ['id', 'username', 'email', 'is_staff', 'is_superuser'];

const camel = (key: string): string => key.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Normalise a wire user: known fields checked, other snake_case fields camelCased as they are. */
function readUser(r: FieldReader): AdminUser {
  const extras = Object.fromEntries(Object.entries(r.extras(USER_FIELDS)).map(([k, v]) => [camel(k), v]));
  const id = r.id('id');
  const username = r.string('username', 'nullable', { max: 256 });
  const email = r.string('email', 'optional', { max: 320 });
  const isStaff = r.boolean('is_staff', 'nullable');
  const isSuperuser = r.boolean('is_superuser', 'nullable');
  const user: AdminUser = { ...extras, id, username: username ?? email ?? '' };
  if (email !== undefined) user.email = email;
  if (isStaff !== null) user.isStaff = isStaff;
  if (isSuperuser !== null) user.isSuperuser = isSuperuser;
  return user;
}

// `performed_by` is an id, a name, or a user object, depending on the serializer.
function readPerformer(r: FieldReader): string | null {
  const value = r.raw('performed_by');
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const who = r.reader('performed_by');
    return who.string('username', 'nullable', { max: 256 }) ?? who.string('email', 'nullable', { max: 320 }) ?? who.id('id', 'nullable');
  }
  return r.id('performed_by', 'nullable');
}

const joinedOrLeft = (kind: 'admin/joined' | 'admin/left'): MessageHandler => (r) => [
  { kind, userId: r.id('user_id'), username: r.string('username', 'nullable', { max: 256 }) ?? '' },
];

const pendingCount: MessageHandler = (r) => {
  const event: Extract<AdminEvent, { kind: 'admin/pendingCount' }> = { kind: 'admin/pendingCount', count: r.integer('count', 'required', { min: 0 }) };
  const change = r.integer('change', 'nullable');
  if (change !== null) event.change = change;
  return [event];
};

const handlers: Readonly<Record<string, MessageHandler>> = {
  connection_established: (r) => {
    const user = readUser(r.reader('user'));
    return [{ kind: 'session/established', userId: user.id, username: user.username, user }];
  },
  admin_joined: joinedOrLeft('admin/joined'),
  admin_left: joinedOrLeft('admin/left'),
  pong: (r) => [{ kind: 'pong', timestamp: r.timestamp('timestamp', 'nullable') }],
  stats_update: (r) => [{ kind: 'admin/stats', stats: r.object('data') as JsonObject }],
  pending_count: pendingCount,
  pending_count_update: pendingCount,
  approval_update: (r) => [{
    kind: 'admin/approval',
    action: r.oneOf('action', ['approved', 'rejected'] as const),
    user: readUser(r.reader('user')),
    performedBy: readPerformer(r),
    timestamp: r.timestamp('timestamp'),
    notes: r.string('notes', 'nullable'),
  }],
  new_user: (r) => [{ kind: 'admin/newUser', user: readUser(r.reader('user')), timestamp: r.timestamp('timestamp') }],
  order_update: (r) => [{
    kind: 'order/upsert',
    order: {
      id: r.id('order_id'),
      source: 'admin',
      status: r.string('status', 'required', { nonEmpty: true, max: 256 }),
      previousStatus: r.string('previous_status', 'nullable', { max: 256 }),
      updatedAt: r.timestamp('timestamp'),
    },
  }],
  subscribed: (r) => [{ kind: 'admin/subscribed', channel: r.string('channel', 'required', { max: 256 }) }],
  error: (r) => [{ kind: 'server/error', message: r.string('message') }],
};

/** Parse one admin dashboard frame. Never throws. */
export function parseAdminDashboard(frame: unknown): ParseResult {
  return parseTyped('adminDashboard', frame, handlers);
}

/** Build the wire frame for an admin command. */
export function encodeAdminDashboard(command: AdminCommand): OutgoingFrame {
  try {
    if (command.type === 'ping') {
      return JSON.stringify(command.timestamp === undefined ? { type: 'ping' } : { type: 'ping', timestamp: command.timestamp });
    }
    return JSON.stringify({ type: command.type });
  } catch {
    return '';
  }
}

/** The admin dashboard dialect: token in the query, `{"type":"ping","timestamp":<now>}` heartbeat. */
export const adminDashboardDialect: Dialect<AdminCommand> = {
  name: 'adminDashboard',
  token: 'query',
  parse: parseAdminDashboard,
  encode: encodeAdminDashboard,
  heartbeat: pingPong(
    () => JSON.stringify({ type: 'ping', timestamp: nowIso() }),
    (event) => event.kind === 'pong',
  ),
  withTimeZone: (timeZone) => inTimeZone(adminDashboardDialect, timeZone),
};

/** A parsed pending-users list, or why not; `invalid` holds the errors of skipped entries. */
export type PendingUsersResult = { ok: true; users: AdminUser[]; invalid: string[] } | { ok: false; error: string };

/**
 * Parse `GET approvals/pending/`: an array, or `{ results | data | users: [...] }` (DRF
 * pagination or a plain wrapper). A bad entry is skipped and reported. Never throws.
 */
export function parsePendingUsers(body: unknown): PendingUsersResult {
  const label = 'pending users';
  const result = guardValue(label, () => {
    const decoded = decodeJson(body, label);
    let list: unknown = decoded;
    if (isPlainObject(decoded)) {
      const key = ['results', 'data', 'users'].find((k) => Array.isArray(decoded[k]));
      if (!key) return reject(`${label}: body must be an array or { results: [...] } (got an object without a list)`);
      list = decoded[key];
    }
    if (!Array.isArray(list)) return reject(`${label}: body must be an array or { results: [...] } (got ${describe(decoded)})`);
    const users: AdminUser[] = [];
    const invalid: string[] = [];
    list.forEach((entry, i) => {
      const one = guardValue(label, () => (isPlainObject(entry) ? readUser(new FieldReader(entry, label, `[${i}].`)) : reject(`${label}: "[${i}]" must be an object (got ${describe(entry)})`)));
      if (one.ok) users.push(one.value);
      else invalid.push(one.error);
    });
    return { users, invalid };
  });
  return result.ok ? { ok: true, ...result.value } : result;
}
