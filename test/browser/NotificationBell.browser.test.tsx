// NotificationBell in real Chromium with the shipped CSS: colour contrast (which jsdom cannot
// compute), a closed panel really hidden, and a long list scrolling inside the panel.
import { render, screen, within } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import '../../src/styles.css';
import { NotificationBellView, type Notification } from 'react-realtime-kit';
import { fixtureNow, longNotification, manyNotifications, manyUnread, notificationsOfEveryKind, thousandNotifications, unreadOfEveryKind } from '../fixtures/notifications';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

function renderBell(theme: 'light' | 'dark', notifications: Notification[], unreadCount: number, extra: Partial<Parameters<typeof NotificationBellView>[0]> = {}) {
  return render(
    // Room below the bell for the panel, which opens downwards from its right edge.
    <div data-theme={theme} style={{ background: 'var(--rrk-color-surface)', padding: 16, height: 560, display: 'flex', justifyContent: 'flex-end' }}>
      <NotificationBellView notifications={notifications} unreadCount={unreadCount} status="open" now={fixtureNow} onMarkRead={() => {}} onMarkAllRead={() => {}} {...extra} />
    </div>,
  );
}

describe('NotificationBell in Chromium', () => {
  it.each(['light', 'dark'] as const)('open, with every kind read and unread, passes axe with colour contrast (%s theme)', async (theme) => {
    // axe cannot judge text scrolled out of sight, so this list gets room for every item.
    const { container } = renderBell(theme, notificationsOfEveryKind, unreadOfEveryKind, { defaultOpen: true, status: 'reconnecting', style: { ['--rrk-notification-list-height' as string]: 'none' } });
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });

  it.each(['light', 'dark'] as const)('the bell with a 99+ badge and the empty panel pass axe with colour contrast (%s theme)', async (theme) => {
    const closed = renderBell(theme, manyNotifications, manyUnread);
    await expectNoAxeViolations(closed.container, { requireRules: ['color-contrast'] });
    closed.unmount();
    const empty = renderBell(theme, [], 0, { defaultOpen: true });
    await expectNoAxeViolations(empty.container, { requireRules: ['color-contrast'] });
  });

  it('hides the closed panel for real', () => {
    renderBell('light', notificationsOfEveryKind, unreadOfEveryKind);
    const panel = document.getElementById(screen.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-controls')!)!;
    expect(getComputedStyle(panel).display).toBe('none');
  });

  it('scrolls a long list inside the panel and keeps the panel within the viewport width', () => {
    const { container } = renderBell('light', manyNotifications, manyUnread, { defaultOpen: true });
    const list = container.querySelector<HTMLElement>('.rrk-notification-list')!;
    expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
    expect(getComputedStyle(list).overflowY).toBe('auto');
    const panel = container.querySelector<HTMLElement>('.rrk-bell__panel')!.getBoundingClientRect();
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(window.innerWidth);
  });

  it('wraps a long notification instead of widening the panel', () => {
    const { container } = renderBell('light', [longNotification], 1, { defaultOpen: true });
    const panel = container.querySelector<HTMLElement>('.rrk-bell__panel')!;
    expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth + 1);
  });

  it('draws unread titles bold and read ones regular', () => {
    const { container } = renderBell('light', notificationsOfEveryKind, unreadOfEveryKind, { defaultOpen: true });
    const weight = (read: boolean) => getComputedStyle(container.querySelector(`[data-read="${read}"] .rrk-notification__title`)!).fontWeight;
    expect(Number(weight(false))).toBeGreaterThan(Number(weight(true)));
  });
});

describe('NotificationBell in Chromium with 1,000 notifications (virtualised)', () => {
  const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  it('renders a bounded number of items, each saying its place of 1,000', async () => {
    const { container } = renderBell('light', thousandNotifications, 600, { defaultOpen: true });
    await settle();
    const items = within(screen.getByRole('list', { name: 'Notifications' })).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(3);
    expect(items.length).toBeLessThan(30);
    expect(items[0]).toHaveAttribute('aria-posinset', '1');
    expect(items[0]).toHaveAttribute('aria-setsize', '1000');
    expect(within(items[0]!).getByRole('button')).toHaveAccessibleName(/Notification 1\b/);
    // The list is as tall as all 1,000, so the scrollbar covers them.
    const list = container.querySelector<HTMLElement>('.rrk-notification-list')!;
    expect(list.scrollHeight).toBeGreaterThan(50 * list.clientHeight);
    // Valid ARIA with the place attributes (contrast is checked above, where every item is in view).
    await expectNoAxeViolations(container);
  });

  it('reaches the last one by scrolling', async () => {
    const { container } = renderBell('light', thousandNotifications, 600, { defaultOpen: true });
    const list = container.querySelector<HTMLElement>('.rrk-notification-list')!;
    await settle();
    list.scrollTop = list.scrollHeight;
    await settle();
    await settle();
    list.scrollTop = list.scrollHeight;
    await settle();
    expect(within(list).getByText('Notification 1000')).toBeVisible();
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(30);
  });

  it('Tab moves from one notification to the next past the rendered ones', async () => {
    renderBell('light', thousandNotifications, 600, { defaultOpen: true });
    await settle();
    within(screen.getByRole('list', { name: 'Notifications' })).getAllByRole('button')[0]!.focus();
    for (let i = 0; i < 40; i++) {
      await userEvent.keyboard('{Tab}');
      await settle();
    }
    expect(document.activeElement).toHaveAccessibleName(/Notification 41\b/);
    expect(document.activeElement!.closest('li')).toHaveAttribute('aria-posinset', '41');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await settle();
    expect(document.activeElement).toHaveAccessibleName(/Notification 40\b/);
  });
});
