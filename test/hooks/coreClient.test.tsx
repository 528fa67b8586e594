// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createRealtimeClient, type RealtimeClient } from 'react-realtime-kit';
import { type RealtimeClientOptions, type RealtimeError, RealtimeProvider, useAdminDashboard, useNotifications, useOrderSocket } from 'react-realtime-kit';
import { OriginWebSocket } from '../helpers/clientFor';
import { until, useSimulatorServer, type Harness } from './harness';

// The hooks bring their backends: a client created with no backend settings works under them.
const harness = useSimulatorServer();
const clients: RealtimeClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

function renderCore(h: Harness, ui: React.ReactNode, options: RealtimeClientOptions = {}) {
  const errors: RealtimeError[] = [];
  const client = createRealtimeClient({
    url: h.server.url,
    apiUrl: h.server.httpUrl,
    WebSocket: OriginWebSocket as never,
    reconnect: { minDelay: 20, maxDelay: 200, connectTimeout: 2000 },
    heartbeat: false,
    onError: (error) => errors.push(error),
    ...options,
  });
  clients.push(client);
  expect('actions' in client).toBe(false);
  render(<RealtimeProvider client={client}>{ui}</RealtimeProvider>);
  return { client, errors };
}

function Card({ id }: { id: number }) {
  const { order, status } = useOrderSocket(id);
  return <article data-testid="card" data-status={status}>{order ? `${order.status}|${order.progress}` : 'loading'}</article>;
}

function Approvals() {
  const { pendingCount, pendingUsers, approveUser, error } = useAdminDashboard();
  return (
    <section>
      <p data-testid="count">{pendingCount ?? '-'}</p>
      {error && <p role="alert">{error}</p>}
      <ul data-testid="pending">
        {pendingUsers.map((u) => (
          <li key={u.id}>
            {u.username}
            <button onClick={() => void approveUser(u.id)}>approve {u.username}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Bell() {
  const { notifications, unreadCount, status, markRead } = useNotifications();
  return (
    <section data-testid="bell" data-status={status}>
      <p data-testid="unread">{unreadCount}</p>
      <ul>
        {notifications.map((n) => (
          <li key={n.id} data-read={n.read}>
            {n.title}
            <button onClick={() => markRead(n.id)}>read {n.id}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

describe('hooks on a createRealtimeClient client', () => {
  it('useOrderSocket shows the order and its live changes', async () => {
    const { errors } = renderCore(harness, <Card id={101} />);
    await until(() => screen.getByTestId('card').dataset.status === 'open', 'open');
    await until(() => screen.getByTestId('card').textContent !== 'loading', 'the snapshot');
    harness.server.emit.orderUpdate({ order_id: 101, status: 'Continue', progress: 64, booster_price: '85.50' });
    await until(() => screen.getByTestId('card').textContent === 'Continue|64', 'the update');
    expect(errors).toEqual([]);
  });

  it('useAdminDashboard loads the pending list (the definition resyncs on open) and approves a user', async () => {
    const { errors } = renderCore(harness, <Approvals />, { token: 'admin' });
    const expected = harness.simulator.world.usersWith('pending').length;
    const names = () => [...screen.getByTestId('pending').querySelectorAll('li')].map((li) => li.firstChild!.textContent);
    await until(() => screen.getByTestId('count').textContent === String(expected) && names().length === expected, 'the count and the list');
    const [first] = harness.simulator.world.usersWith('pending');
    fireEvent.click(screen.getByText(`approve ${first!.username}`));
    expect(names()).not.toContain(first!.username);
    await until(() => harness.simulator.world.user(first!.id)?.approval_status === 'approved', 'the approval on the server');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('useNotifications marks a notification read, here and on the server', async () => {
    const { errors } = renderCore(harness, <Bell />, { token: 'demo' });
    await until(() => screen.getByTestId('bell').dataset.status === 'open', 'open');
    const note = harness.server.emit.notification(1, { title: 'Viewing at 5pm', notification_type: 'booking' });
    await until(() => screen.queryByText('Viewing at 5pm'), 'the notification');
    fireEvent.click(screen.getByText(`read ${note.id}`));
    expect(screen.getByText('Viewing at 5pm').closest('li')!.dataset.read).toBe('true');
    await until(() => harness.simulator.world.notifications.find((n) => n.id === note.id)?.is_read, 'the server to mark it read');
    expect(errors).toEqual([]);
  });
});

describe('RealtimeProvider with options', () => {
  it('creates a core client, enough for the hooks', async () => {
    render(
      <RealtimeProvider options={{ url: harness.server.url, WebSocket: OriginWebSocket as never, heartbeat: false }}>
        <Card id={101} />
      </RealtimeProvider>,
    );
    await until(() => screen.getByTestId('card').textContent !== 'loading', 'the snapshot');
  });
});
