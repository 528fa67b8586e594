import { afterEach, describe, expect, it } from 'vitest';
import { adminDashboardDialect, normalizeTimestamp } from 'react-realtime-kit';
import { type Simulator, demoUsers } from 'react-realtime-kit/testing';
import { attempt, checkedSimulator, join } from './simHarness';

let sim: Simulator & { assertParsed(): number };
afterEach(() => {
  sim.assertParsed();
  sim.dispose();
});

const rest = (method: string, path: string, token: string | null = 'admin', body = '') =>
  sim.rest({ method, path: `/api/v1/admin-dashboard/${path}`, headers: token ? { Authorization: `Bearer ${token}` } : {}, body });

describe('admin dashboard socket (§5)', () => {
  it('greets a staff user; refuses non-staff (403), bad tokens (403), malformed tokens (500), bad Origin (403)', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    expect(a.sink.json()).toEqual([
      { type: 'connection_established', message: expect.any(String), user: { id: demoUsers.admin.id, username: 'admin', email: 'admin@example.com', is_staff: true, is_superuser: true } },
    ]);
    expect(attempt(sim, '/ws/admin/dashboard/?token=demo')).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/admin/dashboard/')).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/admin/dashboard/?token=eyJhbGciOi.x.y')).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/admin/dashboard/?token=malformed.jwt')).toMatchObject({ ok: false, status: 500 });
    expect(attempt(sim, '/ws/admin/dashboard/?token=admin', { origin: 'null' })).toMatchObject({ ok: false, status: 403 });
  });

  it('tells the other admins who joined and who left', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    const b = join(sim, '/ws/admin/dashboard/?token=staff');
    expect(a.sink.json().slice(1)).toEqual([{ type: 'admin_joined', user_id: demoUsers.staff.id, username: 'staff' }]);
    expect(b.sink.types()).toEqual(['connection_established']);
    b.session.closed();
    b.session.closed(); // idempotent
    expect(a.sink.json().slice(2)).toEqual([{ type: 'admin_left', user_id: demoUsers.staff.id, username: 'staff' }]);
  });

  it('answers every command', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    a.sink.clear();
    a.send({ type: 'ping', timestamp: 1735725600000 });
    a.send({ type: 'ping' });
    a.send({ type: 'get_stats' });
    a.send({ type: 'get_pending_count' });
    a.send({ type: 'subscribe_approval_updates' });
    const [pong, pong2, stats, count, subscribed] = a.sink.json();
    expect(pong).toEqual({ type: 'pong', timestamp: 1735725600000 });
    expect(pong2).toEqual({ type: 'pong', timestamp: null });
    expect(stats).toEqual({
      type: 'stats_update',
      data: { total_users: 16, pending_users: 3, approved_users: 11, rejected_users: 2, total_orders: 6, orders_by_status: { New: 1, Droped: 1, Extend: 1, Done: 1, Continue: 2 } },
    });
    expect(count).toEqual({ type: 'pending_count', count: 3 });
    expect(subscribed).toEqual({ type: 'subscribed', channel: 'approval_updates' });
  });

  it('answers bad frames: error for bad JSON and unknown types, 1011 for a non-object', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    a.sink.clear();
    a.send('{nope');
    a.send({ type: 'get_everything' });
    a.send({});
    expect(a.sink.json()).toEqual([
      { type: 'error', message: 'Invalid JSON' },
      { type: 'error', message: 'Unknown message type: get_everything' },
      { type: 'error', message: 'Unknown message type: None' },
    ]);
    a.send('"just a string"');
    expect(a.sink.closes.map((c) => c.code)).toEqual([1011]);
  });

  it('broadcasts approval_update, new_user, pending_count_update and order_update with quoted Python timestamps', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    const b = join(sim, '/ws/admin/dashboard/?token=staff');
    const orders = join(sim, '/ws/orders/102/');
    const customer = join(sim, '/ws/notifications/?token=demo');
    [a, b, orders, customer].forEach((c) => c.sink.clear());
    sim.clock.advance(123);
    const user = sim.emit.newUser({ username: 'newbie' });
    const approval = sim.emit.approval(user.id, 'approved', demoUsers.staff.id, 'Looks fine');
    const { previousStatus } = sim.emit.adminOrderUpdate(102, 'Done');
    for (const c of [a, b]) {
      expect(c.sink.json()).toEqual([
        { type: 'new_user', user: expect.objectContaining({ id: user.id, username: 'newbie', approval_status: 'pending' }), timestamp: '"2025-01-01 10:00:00.123000"' },
        { type: 'pending_count_update', count: 4, change: 1 },
        { type: 'approval_update', action: 'approved', user: expect.objectContaining({ id: user.id, approval_status: 'approved' }), performed_by: { id: demoUsers.staff.id, username: 'staff' }, timestamp: '"2025-01-01 10:00:00.123000"', notes: 'Looks fine' },
        { type: 'pending_count_update', count: 3, change: -1 },
        { type: 'order_update', order_id: 102, status: 'Done', previous_status: previousStatus, timestamp: '"2025-01-01 10:00:00.123000"' },
      ]);
    }
    expect(approval.action).toBe('approved');
    expect(normalizeTimestamp(a.sink.json()[0]!['timestamp'])).toBe('2025-01-01T10:00:00.123Z');
    expect(orders.sink.json()).toEqual([expect.objectContaining({ type: 'order.update', order_id: 102, status: 'Done' })]);
    expect(customer.sink.frames).toEqual([]);
    for (const frame of a.sink.frames) expect(adminDashboardDialect.parse(frame).ok).toBe(true);
    expect(() => sim.emit.approval(user.id, 'rejected')).toThrow(/not pending/);
  });

  it('a whole-second time prints without microseconds, as Python does', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    sim.emit.newUser();
    expect(a.sink.json()[1]!['timestamp']).toBe('"2025-01-01 10:00:00"');
  });

  it('silenced pings get no pong', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    a.sink.clear();
    sim.faults.silencePings(true);
    a.send({ type: 'ping', timestamp: 1 });
    a.send({ type: 'get_pending_count' });
    expect(a.sink.types()).toEqual(['pending_count']);
  });
});

describe('admin dashboard REST', () => {
  it('needs a staff Bearer token', () => {
    sim = checkedSimulator();
    expect(rest('GET', 'dashboard/', null)).toEqual({ status: 401, body: { detail: 'Authentication credentials were not provided.' } });
    expect(rest('GET', 'dashboard/', 'forged')).toMatchObject({ status: 401, body: { detail: expect.any(String) } });
    expect(rest('GET', 'dashboard/', 'demo')).toEqual({ status: 403, body: { detail: 'You do not have permission to perform this action.' } });
    expect(rest('GET', 'dashboard/', 'staff')).toMatchObject({ status: 200, body: { pending_users: 3 } });
  });

  it('lists pending users, recent approvals and notifications', () => {
    sim = checkedSimulator();
    const pending = rest('GET', 'approvals/pending/');
    expect(pending).toMatchObject({ status: 200, body: { count: 3 } });
    const users = (pending.body as { results: { id: string; approval_status: string }[] }).results;
    expect(users.every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u.id) && u.approval_status === 'pending')).toBe(true);
    const recent = rest('GET', 'approvals/recent/').body as { results: { action: string; user: { id: string }; performed_by: { username: string }; timestamp: string; notes: string | null }[] };
    expect(recent.results).toHaveLength(6);
    expect(recent.results[0]).toMatchObject({ action: expect.stringMatching(/approved|rejected/), performed_by: { username: 'admin' }, timestamp: expect.any(String) });
    expect(rest('GET', 'notifications/')).toMatchObject({ status: 200, body: { results: [expect.objectContaining({ title: expect.any(String), is_read: false })] } });
  });

  it('approve/reject change the user, answer {status, user} and broadcast; 404 for unknown or handled users', () => {
    sim = checkedSimulator();
    const a = join(sim, '/ws/admin/dashboard/?token=admin');
    a.sink.clear();
    const [first, second] = sim.world.usersWith('pending');
    expect(rest('POST', `users/${first!.id}/approve/`)).toMatchObject({ status: 200, body: { status: 'approved', user: { id: first!.id, approval_status: 'approved' } } });
    expect(rest('POST', `users/${second!.id}/reject/`, 'staff', JSON.stringify({ notes: 'Duplicate' }))).toMatchObject({ status: 200, body: { status: 'rejected' } });
    expect(a.sink.types()).toEqual(['approval_update', 'pending_count_update', 'approval_update', 'pending_count_update']);
    expect(a.sink.json()[2]).toMatchObject({ action: 'rejected', notes: 'Duplicate', performed_by: { username: 'staff' } });
    expect(rest('POST', `users/${first!.id}/approve/`)).toMatchObject({ status: 404, body: { error: expect.any(String) } });
    expect(rest('POST', 'users/00000000-0000-4000-8000-000000000000/reject/')).toMatchObject({ status: 404 });
    expect(rest('POST', `users/${first!.id}/approve/`, 'admin', '{bad')).toMatchObject({ status: 400, body: { error: 'Invalid JSON body' } });
    expect(rest('POST', `users/${first!.id}/approve/`, 'admin', JSON.stringify({ notes: 5 }))).toMatchObject({ status: 400 });
    expect(rest('POST', `users/${first!.id}/approve/`, 'demo')).toMatchObject({ status: 403 });
    expect(rest('GET', 'nothing/')).toEqual({ status: 404, body: { error: 'Not found' } });
    expect(rest('GET', 'approvals/recent/').body).toMatchObject({ results: [{ action: 'rejected', notes: 'Duplicate' }, { action: 'approved' }, expect.anything(), expect.anything(), expect.anything(), expect.anything(), expect.anything(), expect.anything()] });
  });
});
