// Well-typed store events (as the dialects, the REST actions and the outbox make them) whose
// ids and texts are hostile: prototype-member names, emoji, empty, long. Shared by the reducer
// and the component properties.
import fc from 'fast-check';
import type { StoreEntry } from 'react-realtime-kit';
import { PROTOTYPE_NAMES } from './hostile';

const id = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 3, arbitrary: fc.constantFrom('1', '2', '3', '10', 'a', 'b') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '', ' ', 'e\u0301', 'x'.repeat(300), 'timing:1', 'anon:1', 'srv:1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_NAMES));
// Chat times are always ISO by the time they reach the store (dialects and REST normalise them).
const isoTime = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }).map((ms) => new Date(ms).toISOString());
const time = fc.oneof(isoTime, fc.constantFrom('2025-01-01T00:00:00.000Z', '2025-01-01 00:00', 'not a time', ''));
const state = fc.constantFrom('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'received') as fc.Arbitrary<'sent'>;
const message = fc.record({ id: fc.option(id), clientId: id, peerId: id, own: fc.boolean(), senderName: fc.option(text), text, attachment: fc.constant(null), timestamp: isoTime, state, seen: fc.boolean() });
const user = fc.record({ id, username: text });
const order = fc.record({ id, source: fc.constantFrom('orderStream', 'timing', 'admin') as fc.Arbitrary<'admin'>, status: fc.oneof(text, fc.constantFrom('New', 'Done')), progress: fc.option(fc.integer({ min: 0, max: 100 })), previousStatus: fc.option(text), updatedAt: time });
const notification = fc.record({ id: fc.oneof(id, id.map((i) => `anon:${i}`)), title: text, body: text, kind: id, data: fc.constant(null), timestamp: time, read: fc.boolean() });
const conversation = fc.record({ id, peerId: id, name: text, username: fc.option(text), avatar: fc.constant(null), online: fc.option(fc.boolean()), lastMessage: fc.option(text), lastMessageAt: fc.option(isoTime), lastMessageByMe: fc.boolean(), unread: fc.nat(5) });

export const event: fc.Arbitrary<StoreEntry> = fc.oneof<fc.Arbitrary<StoreEntry>[]>(
  // Orders
  order.map((o) => ({ endpoint: 'orders:1', event: { kind: 'order/upsert', order: o } })),
  order.map((o) => ({ endpoint: 'timing', event: { kind: 'order/created', order: o } })),
  fc.array(order, { maxLength: 8 }).map((orders) => ({ endpoint: 'timing', event: { kind: 'orders/snapshot', orders } })),
  order.map((o) => ({ endpoint: 'timing', event: { kind: 'order/replace', order: o } })),
  // Chat
  fc.tuple(message, fc.option(id, { nil: undefined })).map(([m, receiverId]) => ({ endpoint: 'chat', event: { kind: 'chat/received', message: m, receiverId } })),
  // An own message is queued before the server numbered it.
  message.map((m) => ({ endpoint: 'chat', event: { kind: 'chat/queued', message: { ...m, id: null, own: true, state: 'queued' } } })),
  fc.tuple(id, fc.boolean()).map(([clientId, rest]) => ({ endpoint: 'chat', event: { kind: 'chat/sending', clientId, rest } })),
  fc.tuple(id, fc.option(id, { nil: undefined }), fc.option(isoTime, { nil: undefined })).map(([serverId, clientId, timestamp]) => ({ endpoint: 'chat', event: { kind: 'chat/ack', serverId, clientId, timestamp } })),
  fc.tuple(text, fc.option(id, { nil: undefined })).map(([error, clientId]) => ({ endpoint: 'chat', event: { kind: 'chat/rejected', error, clientId } })),
  fc.oneof(fc.constant('awaiting' as const), fc.array(id, { maxLength: 3 })).map((clientIds) => ({ endpoint: 'chat', event: { kind: 'chat/failed', clientIds, error: 'x' } })),
  fc.record({ peerId: id, messages: fc.array(message, { maxLength: 6 }), hasMore: fc.option(fc.boolean(), { nil: undefined }), older: fc.boolean(), online: fc.option(fc.boolean()), name: fc.option(text) }).map((e) => ({ endpoint: 'chat', event: { kind: 'chat/history', ...e, messages: e.messages.map((m) => ({ ...m, peerId: e.peerId })) } })),
  fc.tuple(id, fc.constantFrom('idle', 'loading', 'loaded', 'error') as fc.Arbitrary<'loading'>).map(([peerId, status]) => ({ endpoint: 'chat', event: { kind: 'chat/historyState', peerId, status } })),
  fc.tuple(id, fc.option(text), fc.boolean()).map(([peerId, name, typing]) => ({ endpoint: 'chat', event: { kind: 'chat/typing', peerId, name, typing, at: 1 } })),
  fc.array(id, { maxLength: 4 }).map((serverIds) => ({ endpoint: 'chat', event: { kind: 'chat/read', serverIds, readAt: '2025-01-01T00:00:00.000Z' } })),
  fc.tuple(id, fc.array(id, { maxLength: 4 })).map(([peerId, serverIds]) => ({ endpoint: 'chat', event: { kind: 'chat/seen', peerId, serverIds } })),
  fc.array(conversation, { maxLength: 6 }).map((items) => ({ endpoint: 'chat', event: { kind: 'chat/conversations', items } })),
  fc.constantFrom('idle', 'loading', 'loaded', 'error').map((status) => ({ endpoint: 'chat', event: { kind: 'chat/conversationsState', status } })),
  fc.dictionary(id, fc.boolean(), { maxKeys: 6 }).map((online) => ({ endpoint: 'chat', event: { kind: 'chat/presence', online } })),
  // Notifications
  notification.map((n) => ({ endpoint: 'notifications', event: { kind: 'notification/added', notification: n } })),
  fc.array(notification, { maxLength: 8 }).map((notifications) => ({ endpoint: 'notifications', event: { kind: 'notification/loaded', notifications } })),
  fc.nat(20).map((count) => ({ endpoint: 'notifications', event: { kind: 'notification/unreadCount', count } })),
  fc.tuple(id, fc.boolean()).map(([nid, success]) => ({ endpoint: 'notifications', event: { kind: 'notification/markedRead', id: nid, success } })),
  fc.option(id).map((nid) => ({ endpoint: 'notifications', event: { kind: 'notification/readLocally', id: nid } })),
  fc.constant({ endpoint: 'notifications', event: { kind: 'notification/allMarkedRead', markedCount: 1 } }),
  fc.constant({ endpoint: 'notifications', event: { kind: 'notification/socketClosed' } }),
  fc.record({ bookingId: id, action: text, status: text, propertyId: fc.option(id), propertyTitle: fc.option(text), tenantId: fc.option(id), landlordId: fc.option(id), timestamp: time }).map((booking) => ({ endpoint: 'notifications', event: { kind: 'booking/updated', booking } })),
  // Admin
  fc.dictionary(id, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((stats) => ({ endpoint: 'admin', event: { kind: 'admin/stats', stats } })),
  fc.nat(50).map((count) => ({ endpoint: 'admin', event: { kind: 'admin/pendingCount', count } })),
  fc.array(user, { maxLength: 8 }).map((users) => ({ endpoint: 'admin', event: { kind: 'admin/pendingUsers', users } })),
  id.map((userId) => ({ endpoint: 'admin', event: { kind: 'admin/pendingRemoved', userId } })),
  fc.tuple(user, fc.integer({ min: -2, max: 10 })).map(([u, index]) => ({ endpoint: 'admin', event: { kind: 'admin/pendingRestored', user: u, index } })),
  fc.tuple(user, fc.constantFrom('approved', 'rejected') as fc.Arbitrary<'approved'>, fc.option(text), time).map(([u, action, performedBy, timestamp]) => ({ endpoint: 'admin', event: { kind: 'admin/approval', action, user: u, performedBy, timestamp, notes: null } })),
  fc.tuple(user, time).map(([u, timestamp]) => ({ endpoint: 'admin', event: { kind: 'admin/newUser', user: u, timestamp } })),
  fc.tuple(id, text, fc.boolean()).map(([userId, username, joined]) => ({ endpoint: 'admin', event: { kind: joined ? 'admin/joined' : 'admin/left', userId, username } })),
  // Sessions, on every endpoint
  fc.tuple(fc.constantFrom('chat', 'admin', 'notifications', 'timing'), user).map(([endpoint, u]) => ({ endpoint, event: { kind: 'session/established', userId: u.id, username: u.username, user: u } })),
);
