import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ReactElement } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { OrdersBoard, OrdersBoardView, type OrdersBoardViewProps, type Order } from 'react-realtime-kit';
import { fiveHundredOrders, longOrder, manyOrders, newOrder, ordersByStatus } from '../test/fixtures/timingOrders';
import { withLiveSimulator } from './support/LiveSimulator';

const meta = {
  title: 'Components/OrdersBoard',
  component: OrdersBoardView,
  tags: ['autodocs'],
  args: { orders: ordersByStatus, status: 'open', currency: 'THB', onStatusChange: fn(), onDismissLatest: fn() },
  argTypes: {
    status: { control: 'select', options: ['idle', 'connecting', 'open', 'reconnecting', 'closed', 'failed'] },
    currency: { control: 'select', options: ['THB', 'USD', 'EUR', 'JPY'] },
    locale: { control: 'select', options: [undefined, 'en-US', 'th-TH', 'de-DE', 'ja-JP'] },
    defaultFilter: { control: 'select', options: ['all', 'pending', 'preparing', 'ready', 'completed', 'cancelled'] },
    filter: { control: false },
    error: { control: 'text' },
    title: { control: 'text' },
    showFilter: { control: 'boolean' },
    loading: { control: 'boolean' },
    unstyled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The Timing restaurant admin board (PROTOCOLS.md §2): orders newest first with totals in baht, status buttons that only offer valid next steps ' +
          '(pending → preparing → ready → completed, or cancel), a "new order" banner, and a status filter. `OrdersBoard` wires it to `useTimingOrders()`.',
      },
    },
  },
} satisfies Meta<typeof OrdersBoardView>;

export default meta;
type Story = StoryObj<typeof meta>;

const card = (canvasElement: HTMLElement, id: string) => within(canvasElement).getByRole('article', { name: new RegExp(`^Order #${id}\\b`) });

/** One order in each status. */
export const Live: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Mark order 15 ready' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Mark order 15 preparing' }));
    await expect(args.onStatusChange).toHaveBeenCalledWith('15', 'preparing');
  },
};

/** Before the first list arrives. */
export const Loading: Story = { args: { orders: [], status: 'connecting' } };

/** No orders yet. */
export const Empty: Story = { args: { orders: [] } };

/** A just-announced order: the banner can be dismissed. */
export const NewOrderBanner: Story = {
  args: { orders: [newOrder, ...ordersByStatus], latestOrder: newOrder },
  play: async ({ canvasElement, args }) => {
    const banner = within(canvasElement).getByRole('status', { name: 'New orders' });
    await expect(banner).toHaveTextContent('New order #17 from Ploy S.');
    await userEvent.click(within(banner).getByRole('button', { name: 'Dismiss new order 17' }));
    await expect(banner).toBeEmptyDOMElement();
    await expect(args.onDismissLatest).toHaveBeenCalledWith(newOrder);
  },
};

/** A long customer name, an eight-line order, and a board of many orders. */
export const LongLists: Story = { args: { orders: [longOrder, ...manyOrders] } };

/** 500 orders: a status change renders its own row only, and rows out of view are not laid out (content-visibility). */
export const FiveHundredOrders: Story = { args: { orders: fiveHundredOrders } };

/** A status change in flight: that order's buttons are disabled. */
export const ActionInFlight: Story = { args: { pending: { '14': true } } };

/** The server refused a status change: it was rolled back and the reason is shown. */
export const FailedAction: Story = {
  args: { error: 'PUT /api/admin/orders/14/status answered 400: status must be one of: pending, preparing, ready, completed, cancelled', onRetry: fn() },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('answered 400');
  },
};

/** The socket dropped: orders stay, marked stale. */
export const Reconnecting: Story = { args: { status: 'reconnecting', attempt: 2 } };

/** Offline. */
export const Offline: Story = { args: { status: 'closed' } };

/** Filtered to one status. */
export const Filtered: Story = {
  args: { defaultFilter: 'ready' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('article')).toHaveLength(1);
  },
};

/** Totals in US dollars, US English. */
export const OtherCurrency: Story = { args: { currency: 'USD', locale: 'en-US' } };

/** The dark theme. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  args: { orders: [newOrder, ...ordersByStatus], latestOrder: newOrder },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-theme="dark"]')).not.toBeNull();
  },
};

// A stand-in for the hook: a change is in flight for a moment, then applied.
function Interactive(props: OrdersBoardViewProps): ReactElement {
  const [orders, setOrders] = useState<readonly Order[]>(props.orders);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const change = (id: string, status: string): void => {
    setPending((p) => ({ ...p, [id]: true }));
    setTimeout(() => {
      setOrders((list) => list.map((o) => (o.id === id ? { ...o, status } : o)));
      setPending(({ [id]: _, ...rest }) => rest);
    }, 300);
  };
  return <OrdersBoardView {...props} orders={orders} pending={pending} onStatusChange={change} />;
}

/** Move an order along: buttons are disabled while in flight, then the badge changes and the next step is offered. */
export const StatusFlow: Story = {
  render: (args) => <Interactive {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Mark order 14 ready' }));
    await expect(canvas.getByRole('button', { name: 'Cancel order 14' })).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() => expect(card(canvasElement, '14').querySelector('[data-status="ready"]')).not.toBeNull());
    await expect(canvas.getByRole('button', { name: 'Mark order 14 completed' })).not.toHaveAttribute('aria-disabled');
  },
};

/** The connected board on the in-browser simulator: orders arrive and move on their own. */
export const LiveSimulator: Story = {
  decorators: [withLiveSimulator({ token: 'admin' })],
  render: () => <OrdersBoard />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [button] = await canvas.findAllByRole('button', { name: /^Mark order \d+ preparing$/ }, { timeout: 5000 }).then((all) => all.filter((b) => b.getAttribute('aria-disabled') !== 'true'));
    const id = /order (\d+)/.exec(button!.getAttribute('aria-label')!)![1]!;
    await userEvent.click(button!);
    await waitFor(() => expect(card(canvasElement, id).querySelector('[data-status]')).not.toHaveAttribute('data-status', 'pending'));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};
