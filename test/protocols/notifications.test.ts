import { type RealtimeEvent, noticesDialect, notificationsDialect, notificationsSlice, parseNotificationList, type NotificationsCommand } from 'react-realtime-kit';
import { DEFAULT_NOTIFICATION_KIND } from '../../src/backends/notifications/notificationsDialect';
import { oddFrames } from './oddFrames';

const NOW = '2030-05-06T07:08:09.000Z';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => vi.useRealTimers());

const j = (value: Record<string, unknown>): string => JSON.stringify(value);
const smartHunt = {
  type: 'notification', title: 'Booking confirmed', body: 'Your viewing is booked', notification_type: 'booking',
  data: { booking_id: 12 }, notification_id: 99, timestamp: '2025-01-01T10:00:00Z',
};
const added = (notification: Record<string, unknown>): RealtimeEvent[] => [{ kind: 'notification/added', notification: notification as never }];
const smartHuntNote = {
  id: '99', title: 'Booking confirmed', body: 'Your viewing is booked', kind: 'booking', data: { booking_id: 12 },
  timestamp: '2025-01-01T10:00:00.000Z', read: false,
};

describe('notifications parse: valid frames', () => {
  it.each<[string, unknown, RealtimeEvent[]]>([
    ['connection_established', j({ type: 'connection_established', user_id: 5, username: 'tenant1', timestamp: '2025-01-01T10:00:00Z' }),
      [{ kind: 'session/established', userId: '5', username: 'tenant1' }]],
    ['unread_count', j({ type: 'unread_count', count: 3 }), [{ kind: 'notification/unreadCount', count: 3 }]],
    ['unread_count of zero', j({ type: 'unread_count', count: 0 }), [{ kind: 'notification/unreadCount', count: 0 }]],
    ['a SmartHunt notification', j(smartHunt), added(smartHuntNote)],
    ['a notification with null data and body', j({ ...smartHunt, data: null, body: null }), added({ ...smartHuntNote, data: null, body: '' })],
    ['a notification without a type (default kind)', j({ ...smartHunt, notification_type: undefined }), added({ ...smartHuntNote, kind: DEFAULT_NOTIFICATION_KIND })],
    ['the notify variant with a non-ISO timestamp', j({ ...smartHunt, type: 'notify', timestamp: '2025-01-01 10:00:00.123456' }),
      added({ ...smartHuntNote, timestamp: '2025-01-01T10:00:00.123Z' })],
    ['the notify variant with an unparseable timestamp', j({ ...smartHunt, type: 'notify', timestamp: 'Jan 1st, morning' }), added({ ...smartHuntNote, timestamp: 'Jan 1st, morning' })],
    ['the quoted timestamp quirk', j({ ...smartHunt, timestamp: '"2025-01-01 10:00:00"' }), added({ ...smartHuntNote, timestamp: '2025-01-01T10:00:00.000Z' })],
    ['the ERP notify: id, message, extras into data', j({ type: 'notify', id: 7, title: 'New Notice', message: 'Exam schedule released', notification_type: 'notice', timestamp: '2026-01-06T10:30:00Z', notice_id: 3, link: '/notices/3' }),
      added({ id: '7', title: 'New Notice', body: 'Exam schedule released', kind: 'notice', data: { notice_id: 3, link: '/notices/3' }, timestamp: '2026-01-06T10:30:00.000Z', read: false })],
    ['the ERP notify as documented (no id: a stable content id)', j({ type: 'notify', title: 'New Notice', message: 'Exam schedule released', notification_type: 'notice', timestamp: '2026-01-06T10:30:00Z' }),
      added({ id: expect.stringMatching(/^anon:[0-9a-f]{8}$/), title: 'New Notice', body: 'Exam schedule released', kind: 'notice', data: null, timestamp: '2026-01-06T10:30:00.000Z', read: false })],
    ['a notify without title or timestamp', j({ type: 'notify', id: 'n1', message: 'Hi' }),
      added({ id: 'n1', title: '', body: 'Hi', kind: 'info', data: null, timestamp: NOW, read: false })],
    ['a notify with both data and extras', j({ type: 'notify', notification_id: 1, title: 't', body: 'b', data: { a: 1 }, extra: 2 }),
      added({ id: '1', title: 't', body: 'b', kind: 'info', data: { extra: 2, a: 1 }, timestamp: NOW, read: false })],
    ['a SmartHunt chat_message', j({ type: 'chat_message', message_id: 501, sender_id: 8, sender_name: 'Landlord', recipient_id: 5, content: 'Is Tuesday ok?', timestamp: '2025-01-01T11:00:00Z', property_id: 40 }),
      [{ kind: 'chat/received', message: { id: '501', clientId: 'srv:501', peerId: '8', own: false, senderName: 'Landlord', text: 'Is Tuesday ok?', attachment: null, timestamp: '2025-01-01T11:00:00.000Z', state: 'received' } }]],
    ['a booking_update', j({ type: 'booking_update', booking_id: 12, action: 'approved', status: 'confirmed', property_id: 40, property_title: 'Sea view flat', tenant_id: 5, landlord_id: 8, timestamp: '2025-01-01T12:00:00Z' }),
      [{ kind: 'booking/updated', booking: { bookingId: '12', action: 'approved', status: 'confirmed', propertyId: '40', propertyTitle: 'Sea view flat', tenantId: '5', landlordId: '8', timestamp: '2025-01-01T12:00:00.000Z' } }]],
    ['a booking_update with nulls', j({ type: 'booking_update', booking_id: 'b1', action: 'created', status: 'pending', property_id: null, property_title: null, tenant_id: null, landlord_id: null }),
      [{ kind: 'booking/updated', booking: { bookingId: 'b1', action: 'created', status: 'pending', propertyId: null, propertyTitle: null, tenantId: null, landlordId: null, timestamp: NOW } }]],
    ['mark_read_response', j({ type: 'mark_read_response', notification_id: 99, success: true }), [{ kind: 'notification/markedRead', id: '99', success: true }]],
    ['mark_all_read_response', j({ type: 'mark_all_read_response', marked_count: 4 }), [{ kind: 'notification/allMarkedRead', markedCount: 4 }]],
    ['pong', j({ type: 'pong', timestamp: '2025-01-01T10:00:00Z' }), [{ kind: 'pong', timestamp: '2025-01-01T10:00:00.000Z' }]],
    ['pong without timestamp', j({ type: 'pong' }), [{ kind: 'pong', timestamp: null }]],
    ['error', j({ type: 'error', message: 'Internal server error' }), [{ kind: 'server/error', message: 'Internal server error' }]],
    ['an error that uses `error`', j({ type: 'error', error: 'Invalid JSON' }), [{ kind: 'server/error', message: 'Invalid JSON' }]],
    ['an already-decoded object', { type: 'unread_count', count: 1 }, [{ kind: 'notification/unreadCount', count: 1 }]],
  ])('%s', (_name, input, events) => {
    expect(notificationsDialect.parse(input)).toStrictEqual({ ok: true, events });
    expect(noticesDialect.parse(input)).toStrictEqual({ ok: true, events });
  });

  it('gives a notice without an id the same id every time it arrives', () => {
    const frame = j({ type: 'notify', title: 'New Notice', message: 'Exam', timestamp: '2026-01-06T10:30:00Z' });
    const first = notificationsDialect.parse(frame);
    const second = notificationsDialect.parse(frame);
    const other = notificationsDialect.parse(j({ type: 'notify', title: 'New Notice', message: 'Exam!', timestamp: '2026-01-06T10:30:00Z' }));
    expect(first).toStrictEqual(second);
    expect(first).not.toStrictEqual(other);
  });
});

describe('notifications parse: invalid frames', () => {
  it.each<[string, unknown, string]>([
    ['not JSON', 'ping', 'notifications: frame is not valid JSON: "ping"'],
    ['an array', '[{"type":"pong"}]', 'notifications: frame must be a JSON object'],
    ['null', 'null', 'notifications: frame must be a JSON object'],
    ['an unknown type', j({ type: 'typing' }), 'notifications: unknown message type "typing"'],
    ['a negative count', j({ type: 'unread_count', count: -1 }), 'notifications unread_count: "count" must be at least 0 (got -1)'],
    ['a string count', j({ type: 'unread_count', count: '3' }), 'notifications unread_count: "count" must be an integer (got string)'],
    ['a missing count', j({ type: 'unread_count' }), 'notifications unread_count: "count" is required'],
    ['a notification without id', j({ ...smartHunt, notification_id: undefined }), 'notifications notification: "notification_id" is required'],
    ['a notification without title', j({ ...smartHunt, title: undefined }), 'notifications notification: "title" is required'],
    ['a numeric body', j({ ...smartHunt, body: 5 }), 'notifications notification: "body" must be a string or null (got number)'],
    ['data as an array', j({ ...smartHunt, data: [1] }), 'notifications notification: "data" must be an object or null (got array)'],
    ['data as a string', j({ type: 'notify', id: 1, data: 'x' }), 'notifications notify: "data" must be an object or null (got string)'],
    ['an object notification_id', j({ ...smartHunt, notification_id: { id: 1 } }), 'notifications notification: "notification_id" must be a string or an integer (got object)'],
    ['a notify with a boolean title', j({ type: 'notify', id: 1, title: true }), 'notifications notify: "title" must be a string or null (got boolean)'],
    ['a notify with a numeric message', j({ type: 'notify', id: 1, message: 5 }), 'notifications notify: "message" must be a string or null (got number)'],
    ['a chat_message without content', j({ type: 'chat_message', message_id: 1, sender_id: 2 }), 'notifications chat_message: "content" is required'],
    ['a chat_message without sender', j({ type: 'chat_message', message_id: 1, content: 'x' }), 'notifications chat_message: "sender_id" is required'],
    ['a booking_update without action', j({ type: 'booking_update', booking_id: 1, status: 's' }), 'notifications booking_update: "action" is required'],
    ['a string success', j({ type: 'mark_read_response', notification_id: 1, success: 'yes' }), 'notifications mark_read_response: "success" must be a boolean (got string)'],
    ['a fractional marked_count', j({ type: 'mark_all_read_response', marked_count: 1.5 }), 'notifications mark_all_read_response: "marked_count" must be an integer (got 1.5)'],
    ['an error without text', j({ type: 'error' }), 'notifications error: "message" is required'],
    ['a 100 000-character body (under the frame cap)', j({ ...smartHunt, body: 'x'.repeat(100_000) }), 'notifications notification: "body" is longer than 65536 characters'],
    ['a 1 MB body (over the frame cap)', j({ ...smartHunt, body: 'x'.repeat(1_000_000) }), 'notifications: frame is larger than 262144 characters'],
    ['__proto__ in data', '{"type":"notification","title":"t","notification_id":1,"data":{"__proto__":{"admin":true}}}', 'notifications: frame contains the forbidden key "__proto__"'],
    ['__proto__ as an ERP extra', '{"type":"notify","id":1,"__proto__":{"x":1}}', 'notifications: frame contains the forbidden key "__proto__"'],
  ])('%s', (_name, input, error) => {
    expect(notificationsDialect.parse(input)).toStrictEqual({ ok: false, error });
  });
});

describe('notifications encode', () => {
  it.each<[NotificationsCommand, string]>([
    [{ type: 'mark_read', notificationId: 99 }, '{"type":"mark_read","notification_id":99}'],
    [{ type: 'mark_read', notificationId: '99' }, '{"type":"mark_read","notification_id":99}'],
    [{ type: 'mark_read', notificationId: 'anon:1a2b3c4d' }, '{"type":"mark_read","notification_id":"anon:1a2b3c4d"}'],
    [{ type: 'mark_all_read' }, '{"type":"mark_all_read"}'],
    [{ type: 'get_unread_count' }, '{"type":"get_unread_count"}'],
    [{ type: 'ping' }, '{"type":"ping"}'],
  ])('%j', (command, wire) => {
    expect(notificationsDialect.encode(command)).toBe(wire);
    expect(noticesDialect.encode(command)).toBe(wire);
  });

  it('does not throw for a bogus command from untyped code', () => {
    expect(notificationsDialect.encode(null as never)).toBe('');
  });
});

describe('notifications dialects', () => {
  it('SmartHunt: query token and a ping heartbeat answered by pong', () => {
    expect(notificationsDialect.name).toBe('notifications');
    expect(notificationsDialect.token).toBe('query');
    expect(notificationsDialect.heartbeat?.ping()).toBe('{"type":"ping"}');
    expect(notificationsDialect.heartbeat?.isPong({ kind: 'pong', timestamp: null })).toBe(true);
    expect(notificationsDialect.heartbeat?.isPong({ kind: 'notification/unreadCount', count: 1 })).toBe(false);
  });

  it('notices: the same parser, no heartbeat', () => {
    expect(noticesDialect.name).toBe('notifications');
    expect(noticesDialect.token).toBe('query');
    expect(noticesDialect.heartbeat).toBeUndefined();
  });

  it('never throws, whatever it is given', () => {
    const types = ['connection_established', 'unread_count', 'notification', 'notify', 'chat_message', 'booking_update', 'mark_read_response', 'mark_all_read_response', 'pong', 'error'];
    for (const input of oddFrames(types)) {
      const result = notificationsDialect.parse(input);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error).toMatch(/^notifications/);
    }
  });
});

describe('notifications: REST list (SmartHunt as deployed, no socket)', () => {
  it('reads a DRF page of notifications', () => {
    const body = { count: 2, next: null, previous: null, results: [
      { id: 7, title: 'Booking confirmed', body: 'See you soon', notification_type: 'booking', is_read: false, created_at: '2025-01-01T10:00:00Z' },
      { id: 6, title: 'Hi', body: 'x', notification_type: 'message', is_read: true, created_at: '2025-01-01T09:00:00Z' },
    ] };
    expect(parseNotificationList(JSON.stringify(body))).toStrictEqual({
      ok: true,
      invalid: [],
      notifications: [
        { id: '7', title: 'Booking confirmed', body: 'See you soon', kind: 'booking', data: null, timestamp: '2025-01-01T10:00:00.000Z', read: false },
        { id: '6', title: 'Hi', body: 'x', kind: 'message', data: null, timestamp: '2025-01-01T09:00:00.000Z', read: true },
      ],
    });
  });

  it('skips a bad entry and says why; refuses a body without a list', () => {
    const result = parseNotificationList([{ title: 'no id' }, { id: 1, title: 't', created_at: 'now' }]);
    expect(result).toMatchObject({ ok: true, notifications: [{ id: '1', timestamp: NOW }] });
    expect(result.ok && result.invalid).toHaveLength(1);
    expect(parseNotificationList({ detail: 'x' })).toMatchObject({ ok: false });
  });
});

describe('notifications slice: ERP notices re-sent with id null', () => {
  const limits = { notifications: 200, bookings: 100 };
  const notice = (timestamp: string, title = 'Exam schedule') =>
    noticesDialect.parse(JSON.stringify({ type: 'notify', id: null, title, message: 'Posted', notification_type: 'notice', timestamp }));
  const apply = (frames: ReturnType<typeof notice>[]) =>
    frames.reduce((slice, frame) => {
      if (!frame.ok) throw new Error(frame.error);
      return frame.events.reduce((s, event) => notificationsSlice.reduce(s, { endpoint: 'notifications', event }, limits as never), slice);
    }, notificationsSlice.initial);

  it('shows a notice once when every save re-sends it with a new timestamp', () => {
    const slice = apply([notice('2025-01-01T10:00:00Z'), notice('2025-01-01T10:01:00Z'), notice('2025-01-01T10:05:00Z')]);
    expect(slice.items).toHaveLength(1);
    expect(slice.unreadCount).toBe(1);
    expect(slice.items[0]!.id).toMatch(/^anon:[0-9a-f]{8}$/);
  });

  it('keeps different notices apart, and the same text again after the window as a new notice', () => {
    const slice = apply([notice('2025-01-01T10:00:00Z'), notice('2025-01-01T10:00:30Z', 'Holiday'), notice('2025-01-01T12:00:00Z')]);
    expect(slice.items.map((n) => n.title)).toEqual(['Exam schedule', 'Holiday', 'Exam schedule']);
    expect(new Set(slice.items.map((n) => n.id)).size).toBe(3);
  });
});
