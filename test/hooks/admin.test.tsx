// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAdminDashboard, useConnectionStatus } from 'react-realtime-kit';
import { renderLive, sessionsOf, until, useSimulatorServer } from './harness';

const harness = useSimulatorServer();

function Dashboard() {
  const { stats, pendingCount, pendingUsers, activity, admins, status, approveUser, rejectUser, pending, error } = useAdminDashboard();
  const connection = useConnectionStatus('admin');
  return (
    <section data-testid="dash" data-status={status} data-attempt={connection.attempt}>
      <p data-testid="count">{pendingCount ?? '-'}</p>
      <p data-testid="stats">{stats ? 'stats' : 'no stats'}</p>
      <p data-testid="admins">{admins.map((a) => a.username).sort().join(',')}</p>
      {error && <p role="alert">{error}</p>}
      <ul data-testid="pending">
        {pendingUsers.map((u) => (
          <li key={u.id}>
            {u.username}
            <button disabled={pending[u.id]} onClick={() => void approveUser(u.id)}>approve {u.username}</button>
            <button onClick={() => void rejectUser(u.id)}>reject {u.username}</button>
            <button onClick={() => void rejectUser(u.id, 'Duplicate account')}>reject with reason {u.username}</button>
          </li>
        ))}
      </ul>
      <ol data-testid="activity">{activity.map((a) => <li key={a.id}>{a.text}</li>)}</ol>
    </section>
  );
}

const count = () => screen.getByTestId('count').textContent;
const pendingNames = () => [...screen.getByTestId('pending').querySelectorAll('li')].map((li) => li.firstChild!.textContent);

describe('useAdminDashboard', () => {
  it('rejects with the reason as `reason` (and `notes`), then reloads the pending list and asks for the count', async () => {
    renderLive(harness, <Dashboard />, { token: 'admin' });
    const expected = harness.simulator.world.usersWith('pending').length;
    await until(() => pendingNames().length === expected, 'the list');
    const name = pendingNames()[0]!;
    const lists = () => harness.restCalls.filter((r) => r.method === 'GET' && r.path.endsWith('/approvals/pending/')).length;
    const before = lists();
    fireEvent.click(screen.getByText(`reject with reason ${name}`));
    await until(() => harness.restCalls.some((r) => r.path.endsWith('/reject/')), 'the reject call');
    const call = harness.restCalls.find((r) => r.path.endsWith('/reject/'))!;
    expect(JSON.parse(call.body)).toEqual({ reason: 'Duplicate account', notes: 'Duplicate account' });
    await until(() => lists() > before, 'the reloaded list');
    await until(() => !pendingNames().includes(name) && count() === String(expected - 1), 'the user gone, the count down');
  });

  it('shows live counts, the pending list from REST, and approves a user', async () => {
    renderLive(harness, <Dashboard />, { token: 'admin' });
    const expected = harness.simulator.world.usersWith('pending').length;
    await until(() => count() === String(expected) && pendingNames().length === expected && screen.getByTestId('stats').textContent === 'stats', 'count, list and stats');
    expect(screen.getByTestId('admins').textContent).toBe('admin');
    const [first] = harness.simulator.world.usersWith('pending');
    fireEvent.click(screen.getByText(`approve ${first!.username}`));
    expect(pendingNames()).not.toContain(first!.username);
    expect(count()).toBe(String(expected - 1));
    await until(() => screen.queryByText(`${first!.username} approved by admin`), 'the activity entry');
    expect(harness.simulator.world.user(first!.id)?.approval_status).toBe('approved');
  });

  it('puts a user back, with an error, when the server refuses the approval', async () => {
    renderLive(harness, <Dashboard />, { token: 'admin' });
    const [first] = harness.simulator.world.usersWith('pending');
    await until(() => pendingNames().includes(first!.username), 'the list');
    const before = count();
    harness.interceptRest = (request) => (request.path.includes('/approve/') ? { status: 503, body: { detail: 'Service unavailable, try again.' } } : undefined);
    fireEvent.click(screen.getByText(`approve ${first!.username}`));
    expect(pendingNames()).not.toContain(first!.username);
    await until(() => screen.queryByRole('alert'), 'the error');
    expect(screen.getByRole('alert').textContent).toBe(`POST /api/v1/admin-dashboard/users/${first!.id}/approve/ answered 503: Service unavailable, try again.`);
    expect(pendingNames()).toContain(first!.username);
    expect(count()).toBe(before);
  });

  it('sees another admin join and registrations arrive live', async () => {
    renderLive(harness, <Dashboard />, { token: 'admin' });
    await until(() => count() !== '-', 'the count');
    harness.server.emit.adminPresence({ id: 'x1', username: 'night-shift' }, true);
    await until(() => screen.getByTestId('admins').textContent === 'admin,night-shift', 'the other admin');
    const user = harness.server.emit.newUser({ username: 'fresh' });
    await until(() => pendingNames().includes('fresh'), 'the new user');
    expect(count()).toBe(String(harness.simulator.world.usersWith('pending').length));
    expect(screen.getByText('fresh registered')).toBeTruthy();
    expect(user.username).toBe('fresh');
  });

  it('is up to date after the server drops everyone and users register meanwhile', async () => {
    renderLive(harness, <Dashboard />, { token: 'admin' });
    await until(() => screen.getByTestId('dash').dataset.status === 'open' && pendingNames().length > 0, 'open');
    harness.server.faults.refuseHandshakes(403);
    harness.server.faults.dropAll();
    await until(() => screen.getByTestId('dash').dataset.status === 'reconnecting' && Number(screen.getByTestId('dash').dataset.attempt) >= 1, 'reconnecting, with an attempt number');
    harness.simulator.emit.newUser({ username: 'while-away-1' });
    harness.simulator.emit.newUser({ username: 'while-away-2' });
    harness.server.faults.refuseHandshakes(null);
    await until(() => pendingNames().includes('while-away-2') && count() === String(harness.simulator.world.usersWith('pending').length), 'the resynced list and count');
    expect(pendingNames()).toContain('while-away-1');
  });

  it('releases its socket on unmount: the server sees the admin leave', async () => {
    const view = renderLive(harness, <Dashboard />, { token: 'admin' });
    await until(() => screen.getByTestId('dash').dataset.status === 'open', 'open');
    expect(sessionsOf(harness, 'admin')).toHaveLength(1);
    view.unmount();
    await until(() => sessionsOf(harness, 'admin').length === 0, 'the close');
    expect(view.client.stats.openSockets).toBe(0);
  });
});

describe('useAdminDashboard stats', () => {
  it('asks for fresh stats when the pending count moves, so the tiles agree with it', async () => {
    function Tiles() {
      const { stats, pendingCount } = useAdminDashboard();
      return <p data-testid="tiles">{`${pendingCount ?? '-'}/${String((stats as { pending_users?: number } | null)?.pending_users ?? '-')}`}</p>;
    }
    renderLive(harness, <Tiles />, { token: 'admin' });
    const pending = () => harness.simulator.world.usersWith('pending').length;
    await until(() => screen.getByTestId('tiles').textContent === `${pending()}/${pending()}`, 'count and tiles');
    harness.server.emit.newUser({ username: 'tile-check' });
    await until(() => screen.getByTestId('tiles').textContent === `${pending()}/${pending()}`, 'the tiles to follow the count');
  });
});
