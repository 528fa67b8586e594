import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { NotificationBell, NotificationBellView } from 'react-realtime-kit';
import { fixtureNow, longNotification, manyNotifications, manyUnread, notificationsOfEveryKind, thousandNotifications, unreadOfEveryKind } from '../test/fixtures/notifications';
import { withLiveSimulator } from './support/LiveSimulator';

const meta = {
  title: 'Components/NotificationBell',
  component: NotificationBellView,
  tags: ['autodocs'],
  args: { notifications: notificationsOfEveryKind, unreadCount: unreadOfEveryKind, status: 'open', now: fixtureNow, onMarkRead: fn(), onMarkAllRead: fn(), onOpenChange: fn() },
  argTypes: {
    status: { control: 'select', options: ['idle', 'connecting', 'open', 'reconnecting', 'closed', 'failed'] },
    unreadCount: { control: { type: 'number', min: 0 } },
    maxBadge: { control: { type: 'number', min: 1 } },
    label: { control: 'text' },
    locale: { control: 'select', options: [undefined, 'en-US', 'en-GB', 'th-TH', 'de-DE'] },
    defaultOpen: { control: 'boolean' },
    unstyled: { control: 'boolean' },
    notifications: { control: false },
    open: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A bell with an unread badge ("99+" at most; the count is in its accessible name) that discloses the notification list. ' +
          'Each notification shows its kind as icon + text; unread ones are bold, dotted and say "Unread" to screen readers. ' +
          'Click or Enter marks one read; Escape closes and returns focus to the bell. `NotificationBell` wires it to `useNotifications`.',
      },
    },
  },
  // Room for the panel, which opens downwards from the bell's right edge.
  render: (args) => (
    <div style={{ display: 'flex', justifyContent: 'flex-end', minBlockSize: '34rem', maxInlineSize: '40rem' }}>
      <NotificationBellView {...args} />
    </div>
  ),
} satisfies Meta<typeof NotificationBellView>;

export default meta;
type Story = StoryObj<typeof meta>;

const bell = (canvasElement: HTMLElement) => within(canvasElement).getByRole('button', { name: /^Notifications,/ });

/** Live on the in-browser simulator as user `demo`: notifications arrive from the scenario. */
export const Live: Story = {
  decorators: [withLiveSimulator({ token: 'demo', rate: 10 })],
  render: () => (
    <div style={{ display: 'flex', justifyContent: 'flex-end', minBlockSize: '34rem', maxInlineSize: '40rem' }}>
      <NotificationBell />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(bell(canvasElement));
    const panel = within(canvasElement).getByRole('region', { name: 'Notifications' });
    await waitFor(() => expect(within(panel).getAllByRole('listitem').length).toBeGreaterThan(0), { timeout: 10_000 });
  },
};

/** Open it, then Escape: the panel closes and focus goes back to the bell. */
export const Closed: Story = {
  play: async ({ canvasElement, args }) => {
    const button = bell(canvasElement);
    await userEvent.click(button);
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(within(canvasElement).getByRole('list', { name: 'Notifications' })).toBeVisible();
    await userEvent.tab();
    await userEvent.keyboard('{Escape}');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveFocus();
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false);
  },
};

export const Open: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByText('Booking confirmed'));
    await expect(args.onMarkRead).toHaveBeenCalledWith('1');
    await userEvent.click(canvas.getByRole('button', { name: 'Mark all read' }));
    await expect(args.onMarkAllRead).toHaveBeenCalled();
  },
};

export const Empty: Story = { args: { defaultOpen: true, notifications: [], unreadCount: 0 } };
export const Loading: Story = { args: { defaultOpen: true, notifications: [], unreadCount: 0, status: 'connecting' } };
export const AllRead: Story = { args: { defaultOpen: true, unreadCount: 0, notifications: notificationsOfEveryKind.map((n) => ({ ...n, read: true })) } };

/** 150 notifications: the badge caps at 99+ and the list scrolls inside the panel. */
export const LongList: Story = {
  args: { defaultOpen: true, notifications: manyNotifications, unreadCount: manyUnread },
  play: async ({ canvasElement }) => {
    await expect(bell(canvasElement)).toHaveAccessibleName('Notifications, 99+ unread');
    const list = canvasElement.querySelector<HTMLElement>('.rrk-notification-list')!;
    await expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
  },
};

/** 1,000 notifications: only the items in and near view render; Tab and scrolling reach every one, each says "n of 1,000". */
export const ThousandNotifications: Story = {
  args: { defaultOpen: true, notifications: thousandNotifications, unreadCount: 667 },
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Notifications' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(3));
    await expect(within(list).getAllByRole('listitem').length).toBeLessThan(30);
    await expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '1000');
  },
};

export const LongText: Story = { args: { defaultOpen: true, notifications: [longNotification, ...notificationsOfEveryKind], unreadCount: unreadOfEveryKind + 1 } };
export const Offline: Story = { args: { defaultOpen: true, status: 'closed' } };
export const Reconnecting: Story = { args: { defaultOpen: true, status: 'reconnecting', attempt: 3 } };
export const DarkTheme: Story = { globals: { theme: 'dark' }, args: { defaultOpen: true } };
