import { type AdminUser, type RealtimeEvent, adminDashboardDialect, type AdminCommand } from 'react-realtime-kit';
import { oddFrames } from './oddFrames';

const NOW = '2030-05-06T07:08:09.000Z';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => vi.useRealTimers());

const j = (value: Record<string, unknown>): string => JSON.stringify(value);
const UUID = '550e8400-e29b-41d4-a716-446655440000';
const wireUser = { id: UUID, username: 'admin', email: 'admin@example.com', is_staff: true, is_superuser: false };
const user: AdminUser = { id: UUID, username: 'admin', email: 'admin@example.com', isStaff: true, isSuperuser: false };
const newUser = { id: 'a3f1c2d4-0000-4000-8000-000000000001', username: 'newbie', email: 'n@example.com', first_name: 'New', date_joined: '2025-01-01T09:00:00Z' };
const newAdminUser: AdminUser = { id: 'a3f1c2d4-0000-4000-8000-000000000001', username: 'newbie', email: 'n@example.com', firstName: 'New', dateJoined: '2025-01-01T09:00:00Z' };
/** The server's `str(datetime)` then `json.dumps`: a JSON string holding quote marks. */
const QUOTED = '"2025-01-01 10:00:00.123456"';

describe('adminDashboard parse: valid frames', () => {
  it.each<[string, unknown, RealtimeEvent[]]>([
    ['connection_established', j({ type: 'connection_established', message: 'Connected to admin dashboard', user: wireUser }),
      [{ kind: 'session/established', userId: UUID, username: 'admin', user }]],
    ['connection_established with a minimal user', j({ type: 'connection_established', user: { id: UUID, username: 'a' } }),
      [{ kind: 'session/established', userId: UUID, username: 'a', user: { id: UUID, username: 'a' } }]],
    ['admin_joined', j({ type: 'admin_joined', user_id: UUID, username: 'other' }), [{ kind: 'admin/joined', userId: UUID, username: 'other' }]],
    ['admin_left', j({ type: 'admin_left', user_id: UUID, username: 'other' }), [{ kind: 'admin/left', userId: UUID, username: 'other' }]],
    ['pong echoing an ISO time', j({ type: 'pong', timestamp: '2025-01-01T10:00:00.000Z' }), [{ kind: 'pong', timestamp: '2025-01-01T10:00:00.000Z' }]],
    ['pong echoing epoch ms (the document)', j({ type: 'pong', timestamp: 1_700_000_000_000 }), [{ kind: 'pong', timestamp: '2023-11-14T22:13:20.000Z' }]],
    ['pong with the quoted quirk', j({ type: 'pong', timestamp: QUOTED }), [{ kind: 'pong', timestamp: '2025-01-01T10:00:00.123Z' }]],
    ['pong without timestamp', j({ type: 'pong' }), [{ kind: 'pong', timestamp: null }]],
    ['stats_update', j({ type: 'stats_update', data: { total_users: 10, pending_users: 2, orders_by_status: { pending: 1 } } }),
      [{ kind: 'admin/stats', stats: { total_users: 10, pending_users: 2, orders_by_status: { pending: 1 } } }]],
    ['pending_count', j({ type: 'pending_count', count: 2 }), [{ kind: 'admin/pendingCount', count: 2 }]],
    ['pending_count_update', j({ type: 'pending_count_update', count: 3, change: 1 }), [{ kind: 'admin/pendingCount', count: 3, change: 1 }]],
    ['pending_count_update going down', j({ type: 'pending_count_update', count: 0, change: -1 }), [{ kind: 'admin/pendingCount', count: 0, change: -1 }]],
    ['approval_update with the quoted timestamp', j({ type: 'approval_update', action: 'approved', user: newUser, performed_by: 'admin', timestamp: QUOTED, notes: 'Looks good' }),
      [{ kind: 'admin/approval', action: 'approved', user: newAdminUser, performedBy: 'admin', timestamp: '2025-01-01T10:00:00.123Z', notes: 'Looks good' }]],
    ['approval_update rejected, performer as a user object, no notes', j({ type: 'approval_update', action: 'rejected', user: newUser, performed_by: { id: UUID, username: 'admin' }, timestamp: '2025-01-01T10:00:00Z' }),
      [{ kind: 'admin/approval', action: 'rejected', user: newAdminUser, performedBy: 'admin', timestamp: '2025-01-01T10:00:00.000Z', notes: null }]],
    ['approval_update with a performer id and an unparseable time', j({ type: 'approval_update', action: 'approved', user: newUser, performed_by: UUID, timestamp: 'sometime 5', notes: null }),
      [{ kind: 'admin/approval', action: 'approved', user: newAdminUser, performedBy: UUID, timestamp: 'sometime 5', notes: null }]],
    ['new_user', j({ type: 'new_user', user: newUser, timestamp: QUOTED }), [{ kind: 'admin/newUser', user: newAdminUser, timestamp: '2025-01-01T10:00:00.123Z' }]],
    ['new_user with a username-less user (falls back to email)', j({ type: 'new_user', user: { id: UUID, email: 'e@x.io' } }),
      [{ kind: 'admin/newUser', user: { id: UUID, username: 'e@x.io', email: 'e@x.io' }, timestamp: NOW }]],
    ['order_update', j({ type: 'order_update', order_id: 42, status: 'shipped', previous_status: 'paid', timestamp: QUOTED }),
      [{ kind: 'order/upsert', order: { id: '42', source: 'admin', status: 'shipped', previousStatus: 'paid', updatedAt: '2025-01-01T10:00:00.123Z' } }]],
    ['order_update with an unknown status and no previous', j({ type: 'order_update', order_id: UUID, status: 'weird', previous_status: null }),
      [{ kind: 'order/upsert', order: { id: UUID, source: 'admin', status: 'weird', previousStatus: null, updatedAt: NOW } }]],
    ['subscribed', j({ type: 'subscribed', channel: 'approval_updates' }), [{ kind: 'admin/subscribed', channel: 'approval_updates' }]],
    ['error', j({ type: 'error', message: 'Unknown message type: X' }), [{ kind: 'server/error', message: 'Unknown message type: X' }]],
    ['a decoded object', { type: 'pending_count', count: 0 }, [{ kind: 'admin/pendingCount', count: 0 }]],
  ])('%s', (_name, input, events) => {
    expect(adminDashboardDialect.parse(input)).toStrictEqual({ ok: true, events });
  });
});

describe('adminDashboard parse: invalid frames', () => {
  it.each<[string, unknown, string]>([
    ['not JSON', "{'type': 'pong'}", `adminDashboard: frame is not valid JSON: "{'type': 'pong'}"`],
    ['an array', '[{"type":"pong"}]', 'adminDashboard: frame must be a JSON object'],
    ['null', 'null', 'adminDashboard: frame must be a JSON object'],
    ['an unknown type', j({ type: 'stats' }), 'adminDashboard: unknown message type "stats"'],
    ['connection_established without user', j({ type: 'connection_established', message: 'hi' }), 'adminDashboard connection_established: "user" is required'],
    ['a user without id', j({ type: 'connection_established', user: { username: 'a' } }), 'adminDashboard connection_established: "user.id" is required'],
    ['a string is_staff', j({ type: 'connection_established', user: { ...wireUser, is_staff: 'yes' } }), 'adminDashboard connection_established: "user.is_staff" must be a boolean or null (got string)'],
    ['admin_joined without user_id', j({ type: 'admin_joined', username: 'x' }), 'adminDashboard admin_joined: "user_id" is required'],
    ['stats_update without data', j({ type: 'stats_update' }), 'adminDashboard stats_update: "data" is required'],
    ['stats_update with an array', j({ type: 'stats_update', data: [1, 2] }), 'adminDashboard stats_update: "data" must be an object (got array)'],
    ['a negative pending count', j({ type: 'pending_count', count: -2 }), 'adminDashboard pending_count: "count" must be at least 0 (got -2)'],
    ['a string pending count', j({ type: 'pending_count_update', count: '3', change: 1 }), 'adminDashboard pending_count_update: "count" must be an integer (got string)'],
    ['a fractional change', j({ type: 'pending_count_update', count: 3, change: 0.5 }), 'adminDashboard pending_count_update: "change" must be an integer or null (got 0.5)'],
    ['an unknown approval action', j({ type: 'approval_update', action: 'deleted', user: newUser }), 'adminDashboard approval_update: "action" must be "approved" or "rejected" (got "deleted")'],
    ['a numeric approval action', j({ type: 'approval_update', action: 1, user: newUser }), 'adminDashboard approval_update: "action" must be "approved" or "rejected" (got number)'],
    ['an approval without user', j({ type: 'approval_update', action: 'approved' }), 'adminDashboard approval_update: "user" is required'],
    ['a boolean performer', j({ type: 'approval_update', action: 'approved', user: newUser, performed_by: true }), 'adminDashboard approval_update: "performed_by" must be a string or an integer or null (got boolean)'],
    ['numeric notes', j({ type: 'approval_update', action: 'approved', user: newUser, notes: 5 }), 'adminDashboard approval_update: "notes" must be a string or null (got number)'],
    ['new_user with a string user', j({ type: 'new_user', user: 'newbie' }), 'adminDashboard new_user: "user" must be an object (got string)'],
    ['order_update without status', j({ type: 'order_update', order_id: 1 }), 'adminDashboard order_update: "status" is required'],
    ['order_update without order_id', j({ type: 'order_update', status: 'paid' }), 'adminDashboard order_update: "order_id" is required'],
    ['subscribed without channel', j({ type: 'subscribed' }), 'adminDashboard subscribed: "channel" is required'],
    ['error with a number', j({ type: 'error', message: 500 }), 'adminDashboard error: "message" must be a string (got number)'],
    ['a 100 000-character note (under the frame cap)', j({ type: 'approval_update', action: 'approved', user: newUser, notes: 'x'.repeat(100_000) }), 'adminDashboard approval_update: "notes" is longer than 65536 characters'],
    ['a 1 MB note (over the frame cap)', j({ type: 'approval_update', action: 'approved', user: newUser, notes: 'x'.repeat(1_000_000) }), 'adminDashboard: frame is larger than 262144 characters'],
    ['__proto__ inside stats', '{"type":"stats_update","data":{"__proto__":{"isAdmin":true}}}', 'adminDashboard: frame contains the forbidden key "__proto__"'],
    ['constructor inside a user', '{"type":"new_user","user":{"id":"u","constructor":{"prototype":{}}}}', 'adminDashboard: frame contains the forbidden key "constructor"'],
  ])('%s', (_name, input, error) => {
    expect(adminDashboardDialect.parse(input)).toStrictEqual({ ok: false, error });
  });
});

describe('adminDashboard encode', () => {
  it.each<[AdminCommand, string]>([
    [{ type: 'ping' }, '{"type":"ping"}'],
    [{ type: 'ping', timestamp: 1234567890 }, '{"type":"ping","timestamp":1234567890}'],
    [{ type: 'ping', timestamp: '2025-01-01T00:00:00.000Z' }, '{"type":"ping","timestamp":"2025-01-01T00:00:00.000Z"}'],
    [{ type: 'get_stats' }, '{"type":"get_stats"}'],
    [{ type: 'get_pending_count' }, '{"type":"get_pending_count"}'],
    [{ type: 'subscribe_approval_updates' }, '{"type":"subscribe_approval_updates"}'],
  ])('%j', (command, wire) => {
    expect(adminDashboardDialect.encode(command)).toBe(wire);
  });

  it('does not throw for a bogus command from untyped code', () => {
    expect(adminDashboardDialect.encode(undefined as never)).toBe('');
  });
});

describe('adminDashboardDialect', () => {
  it('carries the token in the query and pings with the current time', () => {
    expect(adminDashboardDialect.name).toBe('adminDashboard');
    expect(adminDashboardDialect.token).toBe('query');
    expect(adminDashboardDialect.heartbeat?.ping()).toBe(`{"type":"ping","timestamp":"${NOW}"}`);
    expect(adminDashboardDialect.heartbeat?.isPong({ kind: 'pong', timestamp: NOW })).toBe(true);
    expect(adminDashboardDialect.heartbeat?.isPong({ kind: 'admin/pendingCount', count: 1 })).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    const types = ['connection_established', 'admin_joined', 'admin_left', 'pong', 'stats_update', 'pending_count', 'pending_count_update', 'approval_update', 'new_user', 'order_update', 'subscribed', 'error'];
    for (const input of oddFrames(types)) {
      const result = adminDashboardDialect.parse(input);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error).toMatch(/^adminDashboard/);
    }
  });
});

describe('adminDashboard: times without a zone (backends.admin.timeZone)', () => {
  const kolkata = adminDashboardDialect.withTimeZone!('Asia/Kolkata');
  const newUserAt = (timestamp: string) => j({ type: 'new_user', user: newUser, timestamp });

  it("reads the deployed server's naive Asia/Kolkata time as the right instant", () => {
    expect(kolkata.parse(newUserAt(QUOTED))).toMatchObject({ ok: true, events: [{ timestamp: '2025-01-01T04:30:00.123Z' }] });
    // A time that names its zone is left as it is; the default dialect reads naive times as UTC.
    expect(kolkata.parse(newUserAt('2025-01-01T10:00:00Z'))).toMatchObject({ ok: true, events: [{ timestamp: '2025-01-01T10:00:00.000Z' }] });
    expect(adminDashboardDialect.parse(newUserAt(QUOTED))).toMatchObject({ ok: true, events: [{ timestamp: '2025-01-01T10:00:00.123Z' }] });
  });

  it('follows daylight saving in zones that have it', () => {
    const ny = adminDashboardDialect.withTimeZone!('America/New_York');
    expect(ny.parse(newUserAt('2025-01-15 12:00:00'))).toMatchObject({ events: [{ timestamp: '2025-01-15T17:00:00.000Z' }] });
    expect(ny.parse(newUserAt('2025-07-15 12:00:00'))).toMatchObject({ events: [{ timestamp: '2025-07-15T16:00:00.000Z' }] });
  });

  it('falls back to the receipt time for text that is not a time, never "Invalid Date"', () => {
    expect(kolkata.parse(newUserAt('now'))).toMatchObject({ ok: true, events: [{ timestamp: NOW }] });
    expect(kolkata.parse(newUserAt('{"timestamp": "now"}'))).toMatchObject({ ok: true, events: [{ timestamp: NOW }] });
  });

  it('refuses a zone name the runtime does not know, naming the fix', () => {
    expect(() => adminDashboardDialect.withTimeZone!('Mars/Olympus')).toThrow('timeZone must be an IANA zone name such as "Asia/Kolkata" (got "Mars/Olympus").');
  });
});
