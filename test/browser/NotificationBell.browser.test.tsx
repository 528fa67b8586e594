// NotificationBell in real Chromium with the shipped CSS: colour contrast (which jsdom cannot
// compute), a closed panel really hidden, and a long list scrolling inside the panel.
import { render, screen } from '@testing-library/react';
import '../../src/styles.css';
import { NotificationBellView, type Notification } from 'react-realtime-kit';
import { fixtureNow, longNotification, manyNotifications, manyUnread, notificationsOfEveryKind, unreadOfEveryKind } from '../fixtures/notifications';
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
