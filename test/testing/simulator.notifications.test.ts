import { afterEach, describe, expect, it } from 'vitest';
import { normalizeTimestamp, noticesDialect, notificationsDialect } from 'react-realtime-kit';
import { type Simulator } from 'react-realtime-kit/testing';
import { attempt, checkedSimulator, join } from './simHarness';

let sim: Simulator & { assertParsed(): number };
afterEach(() => {
  sim.assertParsed();
  sim.dispose();
});

describe('SmartHunt notifications (§3)', () => {
  it('greets with connection_established then unread_count', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/notifications/?token=demo');
    expect(a.sink.json()).toEqual([
      { type: 'connection_established', user_id: 1, username: 'demo', timestamp: '2025-01-01T10:00:00.000Z' },
      { type: 'unread_count', count: 2 },
    ]);
  });

  it('refuses a missing or bad token, and a bad Origin, with 403', () => {
    sim = checkedSimulator();
    expect(attempt(sim, '/ws/notifications/')).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/notifications/?token=eyJ.bad.sig')).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/notifications/?token=demo', { origin: undefined })).toMatchObject({ ok: false, status: 403 });
    // SmartHunt decodes the JWT as is: no "Bearer " stripping.
    expect(attempt(sim, '/ws/notifications/?token=Bearer%20demo')).toMatchObject({ ok: false, status: 403 });
  });

  it('answers every command', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/notifications/?token=demo');
    const unread = sim.world.notifications.filter((n) => n.userKey === '1' && !n.is_read);
    a.sink.clear();
    a.send({ type: 'mark_read', notification_id: unread[0]!.id });
    a.send({ type: 'mark_read', notification_id: 9999 });
    a.send({ type: 'get_unread_count' });
    a.send({ type: 'mark_all_read' });
    a.send({ type: 'ping' });
    expect(a.sink.json()).toEqual([
      { type: 'mark_read_response', notification_id: unread[0]!.id, success: true },
      { type: 'unread_count', count: 1 },
      { type: 'mark_read_response', notification_id: 9999, success: false },
      { type: 'unread_count', count: 1 },
      { type: 'unread_count', count: 1 },
      { type: 'mark_all_read_response', marked_count: 1 },
      { type: 'unread_count', count: 0 },
      { type: 'pong', timestamp: sim.clock.iso() },
    ]);
  });

  it('answers malformed frames with error frames and stays open', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/notifications/?token=demo');
    a.sink.clear();
    a.send('{not json');
    a.send({ type: 'subscribe' });
    a.send({ hello: 1 });
    a.send('[1,2]');
    a.send({ type: 'mark_read' });
    expect(a.sink.json()).toEqual([
      { type: 'error', message: 'Invalid JSON format' },
      { type: 'error', message: 'Unknown message type: subscribe' },
      { type: 'error', message: 'Unknown message type: None' },
      { type: 'error', message: 'Internal server error' },
      { type: 'error', message: 'notification_id is required' },
    ]);
    expect(a.sink.closes).toEqual([]);
  });

  it("sends notification, chat_message and booking_update to that user's sessions only", () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/notifications/?token=demo');
    const b = join(sim, '/ws/notifications/?token=demo');
    const other = join(sim, '/ws/notifications/?token=peer');
    [a, b, other].forEach((c) => c.sink.clear());
    const n = sim.emit.notification(1, { notification_type: 'booking', title: 'Booked', body: 'Riverside Loft', data: { booking_id: 7 } });
    sim.emit.chatMessage(2, 1, 'hello from sam');
    sim.emit.bookingUpdate(1);
    for (const c of [a, b]) {
      expect(c.sink.json()).toEqual([
        { type: 'notification', title: 'Booked', body: 'Riverside Loft', notification_type: 'booking', data: { booking_id: 7 }, notification_id: n.id, timestamp: expect.any(String) },
        { type: 'chat_message', message_id: expect.any(Number), sender_id: 2, sender_name: 'Sam', recipient_id: 1, content: 'hello from sam', timestamp: expect.any(String), property_id: null },
        expect.objectContaining({ type: 'booking_update', action: 'created', status: 'pending', tenant_id: 1, landlord_id: 5, property_title: expect.any(String) }),
      ]);
    }
    expect(other.sink.frames).toEqual([]);
    // The landlord hears about the booking too.
    const landlord = sim.world.user(5)!;
    landlord.token = 'landlord';
    const l = join(sim, '/ws/notifications/?token=landlord');
    l.sink.clear();
    sim.emit.bookingUpdate(1);
    expect(l.sink.types()).toEqual(['booking_update']);
  });

  it('stops answering pings while pings are silenced', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/notifications/?token=demo');
    a.sink.clear();
    sim.faults.silencePings(true);
    a.send({ type: 'ping' });
    a.send({ type: 'get_unread_count' });
    expect(a.sink.types()).toEqual(['unread_count']);
    sim.faults.silencePings(false);
    a.send({ type: 'ping' });
    expect(a.sink.types()).toEqual(['unread_count', 'pong']);
  });
});

describe("SmartHunt's notify variant", () => {
  it('sends notify with a non-ISO timestamp, no greeting, and closes 1011 on any inbound frame', () => {
    sim = checkedSimulator({ shapes: { notifications: 'notify' } });
    expect(attempt(sim, '/ws/notifications/?token=nope')).toMatchObject({ ok: false, status: 403 });
    const a = join(sim, '/ws/notifications/?token=demo');
    expect(a.sink.frames).toEqual([]);
    const n = sim.emit.notification(1, { notification_type: 'maintenance' });
    sim.emit.bookingUpdate(1); // not an event this consumer has
    const frame = a.sink.last();
    expect(a.sink.json()).toHaveLength(1);
    expect(frame).toMatchObject({ type: 'notify', title: n.title, body: n.body, notification_type: 'maintenance', notification_id: n.id, data: null });
    expect(frame['timestamp']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(normalizeTimestamp(frame['timestamp'])).toBe(new Date(n.created_at).toISOString());
    expect(noticesDialect.parse(a.sink.frames[0]).ok).toBe(true);
    a.send({ type: 'ping' });
    expect(a.sink.closes).toEqual([{ code: 1011, reason: expect.any(String) }]);
    expect(sim.sessions()).toEqual([]);
  });
});

describe('ERP notices', () => {
  it('strips "Bearer ", sends notify {id, title, message, notification_type, timestamp, ...extras}, ignores inbound', () => {
    sim = checkedSimulator({ shapes: { notifications: 'erp' } });
    expect(attempt(sim, '/ws/notifications/?token=Bearer%20wrong')).toMatchObject({ ok: false, status: 403 });
    const a = join(sim, '/ws/notifications/?token=Bearer%20demo');
    expect(a.sink.frames).toEqual([]);
    a.send({ type: 'ping' });
    a.send('garbage');
    expect(a.sink.frames).toEqual([]);
    expect(a.sink.closes).toEqual([]);
    sim.emit.notice({ title: 'Exams', message: 'Start on the 14th', data: { notice_id: 3, posted_by: 'Office' } });
    expect(a.sink.json()).toEqual([
      { type: 'notify', id: expect.any(Number), title: 'Exams', message: 'Start on the 14th', notification_type: 'notice', timestamp: expect.any(String), notice_id: 3, posted_by: 'Office' },
    ]);
    const parsed = noticesDialect.parse(a.sink.frames[0]);
    expect(parsed.ok && parsed.events[0]).toMatchObject({ kind: 'notification/added', notification: { kind: 'notice', body: 'Start on the 14th', data: { notice_id: 3, posted_by: 'Office' } } });
    expect(notificationsDialect.heartbeat).toBeDefined();
  });
});
