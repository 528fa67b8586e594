/**
 * Notifications (PROTOCOLS.md §3 and the notices half of §4). One parser serves SmartHunt's
 * `ws/notifications/` consumer, its `notify`-only variant, and the college ERP's notices
 * socket; they differ in heartbeat only. ERP notices say `id`/`message` where SmartHunt says
 * `notification_id`/`body`, and carry extra fields, which land in `data`.
 */
import type { Notification } from './types';
import type { Dialect, OutgoingFrame, ParseResult } from '../../core/Dialect';
import { pingPong } from '../../core/pingPong';
import { inTimeZone } from '../../validation/timeZone';
import { decodeJson, describe, FieldReader as Reader, guardValue, isPlainObject, parseTyped, reject, wireId } from '../../validation/validate';
import type { FieldReader, JsonObject, MessageHandler } from '../../validation/validate';

/** SmartHunt's notification. */
export interface NotificationMessage {
  type: 'notification';
  title: string;
  body: string;
  notification_type: string;
  data: Record<string, unknown> | null;
  notification_id: number | string;
  timestamp: string;
}

/** `notify`: SmartHunt's variant (`body`, `notification_id`, maybe a non-ISO timestamp) or the ERP's (`id`, `message`, extras). */
export interface NotifyMessage {
  type: 'notify';
  title?: string;
  body?: string;
  message?: string;
  notification_type?: string;
  data?: Record<string, unknown> | null;
  notification_id?: number | string;
  id?: number | string;
  timestamp?: string;
  [extra: string]: unknown;
}

/** Every message the notification sockets send. */
export type NotificationsMessage =
  | { type: 'connection_established'; user_id: number | string; username: string; timestamp: string }
  | { type: 'unread_count'; count: number }
  | NotificationMessage
  | NotifyMessage
  | { type: 'chat_message'; message_id: number | string; sender_id: number | string; sender_name: string; recipient_id: number | string; content: string; timestamp: string; property_id: number | string | null }
  | { type: 'booking_update'; booking_id: number | string; action: string; status: string; property_id: number | string | null; property_title: string | null; tenant_id: number | string | null; landlord_id: number | string | null; timestamp: string }
  | { type: 'mark_read_response'; notification_id: number | string; success: boolean }
  | { type: 'mark_all_read_response'; marked_count: number }
  | { type: 'pong'; timestamp: string }
  | { type: 'error'; message: string };

/** Commands to the SmartHunt consumer. The ERP notices socket accepts none. */
export type NotificationsCommand =
  | { type: 'mark_read'; notificationId: string | number }
  | { type: 'mark_all_read' }
  | { type: 'get_unread_count' }
  | { type: 'ping' };

/** The notification kind used when the server sends none. */
export const DEFAULT_NOTIFICATION_KIND = 'info';

const NOTIFY_FIELDS = ['type', 'id', 'notification_id', 'title', 'body', 'message', 'notification_type', 'data', 'timestamp'];

// 32-bit FNV-1a: a stable id from a notice's content when it comes without one (the ERP sends
// `id: null` on every save while published), so a re-send dedupes (see the slice's window).
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function readNotification(r: FieldReader, strict: boolean): Notification {
  const title = strict ? r.string('title') : (r.string('title', 'nullable') ?? '');
  const body = r.has('body') || !r.has('message') ? r.string('body', 'nullable') : r.string('message', 'nullable');
  const kind = r.string('notification_type', 'nullable', { max: 256 }) ?? DEFAULT_NOTIFICATION_KIND;
  const data = r.object('data', 'nullable');
  const extras: JsonObject = strict ? {} : r.extras(NOTIFY_FIELDS);
  const merged = Object.keys(extras).length > 0 ? { ...extras, ...data } : data;
  const id = strict
    ? r.id('notification_id')
    : (r.id('notification_id', 'nullable') ?? r.id('id', 'nullable') ?? `anon:${fnv1a(JSON.stringify([title, body, kind]))}`);
  return { id, title, body: body ?? '', kind, data: merged, timestamp: r.timestamp('timestamp'), read: false };
}

const handlers: Readonly<Record<string, MessageHandler>> = {
  connection_established: (r) => [{ kind: 'session/established', userId: r.id('user_id', 'nullable'), username: r.string('username', 'nullable') }],
  unread_count: (r) => [{ kind: 'notification/unreadCount', count: r.integer('count', 'required', { min: 0 }) }],
  notification: (r) => [{ kind: 'notification/added', notification: readNotification(r, true) }],
  notify: (r) => [{ kind: 'notification/added', notification: readNotification(r, false) }],
  chat_message: (r) => {
    const id = r.id('message_id');
    return [{
      kind: 'chat/received',
      message: {
        id,
        clientId: `srv:${id}`,
        peerId: r.id('sender_id'),
        own: false,
        senderName: r.string('sender_name', 'nullable', { max: 256 }),
        text: r.string('content'),
        attachment: null,
        timestamp: r.timestamp('timestamp'),
        state: 'received',
      },
    }];
  },
  booking_update: (r) => [{
    kind: 'booking/updated',
    booking: {
      bookingId: r.id('booking_id'),
      action: r.string('action', 'required', { max: 256 }),
      status: r.string('status', 'required', { max: 256 }),
      propertyId: r.id('property_id', 'nullable'),
      propertyTitle: r.string('property_title', 'nullable'),
      tenantId: r.id('tenant_id', 'nullable'),
      landlordId: r.id('landlord_id', 'nullable'),
      timestamp: r.timestamp('timestamp'),
    },
  }],
  mark_read_response: (r) => [{ kind: 'notification/markedRead', id: r.id('notification_id'), success: r.boolean('success') }],
  mark_all_read_response: (r) => [{ kind: 'notification/allMarkedRead', markedCount: r.integer('marked_count', 'required', { min: 0 }) }],
  pong: (r) => [{ kind: 'pong', timestamp: r.timestamp('timestamp', 'nullable') }],
  error: (r) => [{ kind: 'server/error', message: r.has('message') || !r.has('error') ? r.string('message') : r.string('error') }],
};

/** Parse one notifications frame (SmartHunt, its `notify` variant, or ERP notices). Never throws. */
export function parseNotifications(frame: unknown): ParseResult {
  return parseTyped('notifications', frame, handlers);
}

/** Build the wire frame for a notifications command (snake_case JSON). */
export function encodeNotifications(command: NotificationsCommand): OutgoingFrame {
  try {
    if (command.type === 'mark_read') {
      return JSON.stringify({ type: 'mark_read', notification_id: wireId(command.notificationId) });
    }
    return JSON.stringify({ type: command.type });
  } catch {
    // Only reachable from untyped callers (e.g. a null command): an empty frame, not a throw.
    return '';
  }
}

const isPong = (event: { kind: string }): boolean => event.kind === 'pong';

/** SmartHunt's notifications socket: token in the query, `{"type":"ping"}` heartbeat. */
export const notificationsDialect: Dialect<NotificationsCommand> = {
  name: 'notifications',
  token: 'query',
  parse: parseNotifications,
  encode: encodeNotifications,
  heartbeat: pingPong(() => JSON.stringify({ type: 'ping' }), isPong),
  withTimeZone: (timeZone) => inTimeZone(notificationsDialect, timeZone),
};

/** The same parser for sockets that answer no ping: the ERP notices and the `notify`-only variant. */
export const noticesDialect: Dialect<NotificationsCommand> = {
  name: 'notifications',
  token: 'query',
  parse: parseNotifications,
  encode: encodeNotifications,
  withTimeZone: (timeZone) => inTimeZone(noticesDialect, timeZone),
};

/** A parsed REST notification list, or why not; `invalid` holds the errors of skipped entries. */
export type NotificationListResult = { ok: true; notifications: Notification[]; invalid: string[] } | { ok: false; error: string };

/**
 * Parse SmartHunt's `GET /api/interactions/notifications/`: DRF's page `{ results: [...] }` or
 * an array of `{ id, title, body, notification_type, is_read, created_at, data? }`. A bad entry
 * is skipped and reported. Never throws.
 */
export function parseNotificationList(body: unknown): NotificationListResult {
  const label = 'notifications';
  const result = guardValue(label, () => {
    const decoded = decodeJson(body, label);
    const list = isPlainObject(decoded) ? decoded['results'] : decoded;
    if (!Array.isArray(list)) return reject(`${label}: body must be an array or { results: [...] } (got ${describe(decoded)})`);
    const notifications: Notification[] = [];
    const invalid: string[] = [];
    list.forEach((entry, i) => {
      const one = guardValue(label, (): Notification => {
        if (!isPlainObject(entry)) return reject(`${label}: "[${i}]" must be an object (got ${describe(entry)})`);
        const r = new Reader(entry, label, `[${i}].`);
        return {
          id: r.id('id'),
          title: r.string('title', 'nullable') ?? '',
          body: r.string('body', 'nullable') ?? r.string('message', 'nullable') ?? '',
          kind: r.string('notification_type', 'nullable', { max: 256 }) ?? DEFAULT_NOTIFICATION_KIND,
          data: r.object('data', 'nullable'),
          timestamp: r.timestamp(r.has('created_at') ? 'created_at' : 'timestamp'),
          read: r.boolean('is_read', 'nullable') ?? false,
        };
      });
      if (one.ok) notifications.push(one.value);
      else invalid.push(one.error);
    });
    return { notifications, invalid };
  });
  return result.ok ? { ok: true, ...result.value } : result;
}
