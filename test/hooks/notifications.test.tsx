// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { noticesDialect, useNotifications, RealtimeProvider } from 'react-realtime-kit';
import { createSimulator } from 'react-realtime-kit/testing';
import { createSimulatorServer } from 'react-realtime-kit/testing/server';
import { clientFor } from '../helpers/clientFor';
import { render } from '@testing-library/react';
import { renderLive, until, useSimulatorServer } from './harness';

const harness = useSimulatorServer();

function Bell() {
  const { notifications, unreadCount, status, markRead, markAllRead } = useNotifications();
  return (
    <section data-testid="bell" data-status={status}>
      <p data-testid="unread">{unreadCount}</p>
      <button onClick={markAllRead}>all read</button>
      <ul>
        {notifications.map((n) => (
          <li key={n.id} data-read={n.read}>
            {n.kind}: {n.title}
            <button onClick={() => markRead(n.id)}>read {n.id}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const unread = () => Number(screen.getByTestId('unread').textContent);

describe('useNotifications (SmartHunt)', () => {
  it('polls REST while the socket is not live (SmartHunt deployed serves none), and stops on unmount', async () => {
    harness.server.faults.refuseHandshakes(403);
    function Polled() {
      const { notifications, unreadCount, polling } = useNotifications({ pollInterval: 1000 });
      return <p data-testid="polled" data-polling={polling}>{unreadCount}:{notifications.map((n) => n.title).join('|')}</p>;
    }
    const view = renderLive(harness, <Polled />, { token: 'demo' });
    const text = () => screen.getByTestId('polled').textContent ?? '';
    expect(screen.getByTestId('polled').dataset.polling).toBe('true');
    harness.simulator.emit.notification(1, { title: 'Over REST' });
    await until(() => text().includes('Over REST'), 'the polled notification', 5000);
    expect(text().startsWith(`${harness.simulator.world.unreadCount('1')}:`)).toBe(true);
    const listCalls = () => harness.restCalls.filter((r) => r.path.startsWith('/api/interactions/notifications/')).length;
    view.unmount();
    const after = listCalls();
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(listCalls()).toBe(after);
  });

  it('shows the server unread count, live notifications, and marks them read', async () => {
    renderLive(harness, <Bell />, { token: 'demo' });
    await until(() => screen.getByTestId('bell').dataset.status === 'open', 'open');
    const initial = harness.simulator.world.unreadCount('1');
    await until(() => unread() === initial, 'the unread count');
    const note = harness.server.emit.notification(1, { title: 'Viewing at 5pm', notification_type: 'booking' });
    await until(() => screen.queryByText('booking: Viewing at 5pm'), 'the notification');
    expect(unread()).toBe(initial + 1);
    fireEvent.click(screen.getByText(`read ${note.id}`));
    expect(screen.getByText('booking: Viewing at 5pm').closest('li')!.dataset.read).toBe('true');
    await until(() => harness.simulator.world.notifications.find((n) => n.id === note.id)?.is_read, 'the server to mark it read');
    await until(() => unread() === initial, 'the count from the server');
    fireEvent.click(screen.getByText('all read'));
    await until(() => unread() === 0 && harness.simulator.world.unreadCount('1') === 0, 'all read everywhere');
  });

  it('is right again after a reconnect: the unread count is asked for anew', async () => {
    renderLive(harness, <Bell />, { token: 'demo' });
    await until(() => screen.getByTestId('bell').dataset.status === 'open', 'open');
    const before = unread();
    harness.server.faults.refuseHandshakes(403);
    harness.server.faults.dropAll();
    await until(() => screen.getByTestId('bell').dataset.status === 'reconnecting', 'reconnecting');
    harness.simulator.emit.notification(1, { title: 'Missed while away' });
    harness.simulator.emit.notification(1, { title: 'Also missed' });
    harness.server.faults.refuseHandshakes(null);
    await until(() => unread() === before + 2, 'the resynced count');
  });
});

describe('useNotifications (ERP notices)', () => {
  it('works with the notify-only dialect, marking read locally', async () => {
    const simulator = createSimulator({ shapes: { notifications: 'erp' } });
    const server = await createSimulatorServer({ port: 0, simulator });
    try {
      const { client } = clientFor(server, { token: 'demo', backends: { notifications: { dialect: noticesDialect } } });
      render(<RealtimeProvider client={client}><Bell /></RealtimeProvider>);
      await until(() => screen.getByTestId('bell').dataset.status === 'open', 'open');
      server.emit.notice({ title: 'Exam timetable', message: 'Posted on the board' });
      await until(() => screen.queryByText('notice: Exam timetable'), 'the notice');
      expect(unread()).toBe(1);
      fireEvent.click(screen.getByText('all read'));
      expect(unread()).toBe(0);
    } finally {
      await server.close();
    }
  });
});
