// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { NotificationBell, NotificationBellView, NotificationList, createRealtimeClient, RealtimeProvider } from 'react-realtime-kit';
import { emptyNotifications, fixtureNow, kindCases, longNotification, manyNotifications, manyUnread, notificationsOfEveryKind, unreadOfEveryKind } from '../fixtures/notifications';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

type ViewProps = ComponentProps<typeof NotificationBellView>;

function renderBell(props: Partial<ViewProps> = {}) {
  const handlers = { onMarkRead: vi.fn(), onMarkAllRead: vi.fn(), onOpenChange: vi.fn() };
  const result = render(
    <>
      <NotificationBellView notifications={notificationsOfEveryKind} unreadCount={unreadOfEveryKind} status="open" now={fixtureNow} locale="en" {...handlers} {...props} />
      <button type="button">Elsewhere</button>
    </>,
  );
  return { ...result, ...handlers };
}

const bell = () => screen.getByRole('button', { name: /^Notifications,/ });
const panel = () => document.getElementById(bell().getAttribute('aria-controls')!)!;
const item = (title: string) => screen.getByText(title).closest('li')!;

describe('NotificationBellView', () => {
  it('names the bell with the unread count and shows the count as text', () => {
    renderBell();
    expect(bell()).toHaveAccessibleName(`Notifications, ${unreadOfEveryKind} unread`);
    expect(bell()).toHaveTextContent(String(unreadOfEveryKind));
  });

  it('caps the badge at 99+', () => {
    renderBell({ notifications: manyNotifications, unreadCount: manyUnread });
    expect(manyUnread).toBeGreaterThan(99);
    expect(bell()).toHaveAccessibleName('Notifications, 99+ unread');
    expect(bell()).toHaveTextContent('99+');
  });

  it('shows no badge with nothing unread', () => {
    renderBell({ unreadCount: 0, notifications: notificationsOfEveryKind.map((n) => ({ ...n, read: true })) });
    expect(bell()).toHaveAccessibleName('Notifications, none unread');
    expect(bell()).toHaveTextContent('');
    expect(screen.getByRole('button', { name: 'Mark all read', hidden: true })).toHaveAttribute('aria-disabled', 'true');
  });

  it('toggles a panel it controls, with aria-expanded', async () => {
    const { onOpenChange } = renderBell();
    expect(bell()).toHaveAttribute('aria-expanded', 'false');
    expect(panel()).not.toBeVisible();
    await userEvent.click(bell());
    expect(bell()).toHaveAttribute('aria-expanded', 'true');
    expect(panel()).toBeVisible();
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    expect(within(panel()).getByRole('list', { name: 'Notifications' })).toBeInTheDocument();
    await userEvent.click(bell());
    expect(panel()).not.toBeVisible();
  });

  it('opens from the keyboard, and Escape closes it and returns focus to the bell', async () => {
    renderBell();
    await userEvent.tab();
    expect(bell()).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(panel()).toBeVisible();
    await userEvent.tab(); // into the panel
    expect(panel()).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard('{Escape}');
    expect(panel()).not.toBeVisible();
    expect(bell()).toHaveFocus();
  });

  it('closes on a click outside', async () => {
    renderBell({ defaultOpen: true });
    expect(panel()).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(panel()).not.toBeVisible();
  });

  it.each(kindCases.map((c) => [c.kind, c] as const))('shows kind %j as icon plus text', (_, c) => {
    renderBell({ defaultOpen: true });
    const li = panel().querySelector(`li[data-kind="${c.key}"]`)!;
    expect(li).toHaveTextContent(c.label);
    expect(li.querySelector(`svg[data-icon="${c.key}"]`)).toHaveAttribute('aria-hidden', 'true');
  });

  it('marks unread by data-read, a dot and screen-reader text', () => {
    renderBell({ defaultOpen: true });
    const unread = item('Booking confirmed');
    const read = item('Water off on Tuesday');
    expect(unread).toHaveAttribute('data-read', 'false');
    expect(within(unread).getByRole('button')).toHaveAccessibleName(/^Unread:/);
    expect(unread.querySelector('.rrk-notification__dot')).not.toBeNull();
    expect(read).toHaveAttribute('data-read', 'true');
    expect(within(read).getByRole('button')).not.toHaveAccessibleName(/Unread/);
    expect(read.querySelector('.rrk-notification__dot')).toBeNull();
  });

  it('shows relative times in <time dateTime> with the absolute time in title', () => {
    renderBell({ defaultOpen: true });
    const time = item('Booking confirmed').querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', notificationsOfEveryKind[0]!.timestamp);
    expect(time).toHaveTextContent('7 minutes ago');
    expect(time.title).toMatch(/2025/);
  });

  it('marks one read on click or Enter, and only if unread', async () => {
    const { onMarkRead } = renderBell({ defaultOpen: true });
    await userEvent.click(within(item('Booking confirmed')).getByRole('button'));
    expect(onMarkRead).toHaveBeenCalledWith('1');
    within(item('New message from Sam')).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    expect(onMarkRead).toHaveBeenLastCalledWith('2');
    await userEvent.click(within(item('Water off on Tuesday')).getByRole('button'));
    expect(onMarkRead).toHaveBeenCalledTimes(2);
  });

  it('marks all read', async () => {
    const { onMarkAllRead } = renderBell({ defaultOpen: true });
    await userEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(onMarkAllRead).toHaveBeenCalledOnce();
  });

  it('shows the empty and loading states', () => {
    const { rerender } = render(<NotificationBellView notifications={emptyNotifications} unreadCount={0} status="open" defaultOpen onMarkRead={vi.fn()} onMarkAllRead={vi.fn()} />);
    expect(screen.getByText('No notifications yet')).toBeVisible();
    rerender(<NotificationBellView notifications={emptyNotifications} unreadCount={0} status="connecting" defaultOpen onMarkRead={vi.fn()} onMarkAllRead={vi.fn()} />);
    expect(screen.getByText('Loading notifications…')).toBeVisible();
  });

  it.each(['reconnecting', 'closed', 'failed'] as const)('says when it is %s, with the compact indicator in the header', (status) => {
    renderBell({ defaultOpen: true, status });
    // Embedded indicators don't announce (the page-level one does), so find it by its data.
    const indicator = panel().querySelector(`[data-connection="${status}"]`);
    expect(indicator).toHaveAttribute('data-compact', 'true');
    expect(indicator).not.toHaveAttribute('role');
    expect(panel()).toHaveTextContent('Offline — new notifications will arrive when the connection is back.');
  });

  it('lists all 150 of a long list when told to virtualise only above that, and wraps long text', () => {
    renderBell({ defaultOpen: true, notifications: [longNotification, ...manyNotifications], unreadCount: manyUnread, virtualizeAfter: 200 });
    expect(within(panel()).getAllByRole('listitem')).toHaveLength(151);
  });

  it('renders no list while closed, so a closed bell receiving notifications updates only its badge', () => {
    renderBell({ notifications: manyNotifications, unreadCount: manyUnread });
    expect(panel().querySelector('li')).toBeNull();
    expect(bell()).toHaveAccessibleName('Notifications, 99+ unread');
  });

  it('is a controlled component when given open', async () => {
    const { onOpenChange } = renderBell({ open: true });
    await userEvent.click(bell());
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(panel()).toBeVisible(); // the parent decides
  });
});

describe('NotificationList on its own', () => {
  it('calls onSelect for every activation', () => {
    const onSelect = vi.fn();
    render(<NotificationList notifications={notificationsOfEveryKind} onMarkRead={vi.fn()} onSelect={onSelect} now={fixtureNow} />);
    fireEvent.click(within(item('Water off on Tuesday')).getByRole('button'));
    expect(onSelect).toHaveBeenCalledWith(notificationsOfEveryKind[2]);
  });
});

describe('NotificationBell (connected)', () => {
  it('shows notifications and unread count from the store, and marks one read', async () => {
    const client = createRealtimeClient({ url: 'ws://127.0.0.1:9' });
    render(<RealtimeProvider client={client}><NotificationBell defaultOpen /></RealtimeProvider>);
    for (const n of notificationsOfEveryKind) client.dispatch({ endpoint: 'notifications', event: { kind: 'notification/added', notification: n } });
    await waitFor(() => expect(bell()).toHaveAccessibleName(`Notifications, ${unreadOfEveryKind} unread`));
    await userEvent.click(within(item('Booking confirmed')).getByRole('button'));
    await waitFor(() => expect(item('Booking confirmed')).toHaveAttribute('data-read', 'true'));
    expect(bell()).toHaveAccessibleName(`Notifications, ${unreadOfEveryKind - 1} unread`);
    act(() => client.dispose());
  });
});

describe('NotificationBellView accessibility', () => {
  it.each([
    ['closed', {}],
    ['open, every kind', { defaultOpen: true }],
    ['open, empty', { defaultOpen: true, notifications: [], unreadCount: 0 }],
    ['open, offline', { defaultOpen: true, status: 'closed' as const }],
    ['open, 150 items', { defaultOpen: true, notifications: manyNotifications, unreadCount: manyUnread }],
  ])('%s has no axe violations', async (_, props) => {
    const { container } = renderBell(props);
    await expectNoAxeViolations(container);
  });
});
