import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { OrderTracking, OrderTrackingView } from 'react-realtime-kit';
import { longOrder, timingOrder } from '../test/fixtures/timingOrders';
import { withLiveSimulator } from './support/LiveSimulator';

const meta = {
  title: 'Components/OrderTracking',
  component: OrderTrackingView,
  tags: ['autodocs'],
  args: { orderId: 12, order: timingOrder(12, 'preparing'), mode: 'polling', pollInterval: 30_000, currency: 'THB', onRefresh: fn() },
  argTypes: {
    mode: { control: 'inline-radio', options: ['live', 'polling', 'idle'] },
    currency: { control: 'select', options: ['THB', 'USD', 'EUR', 'JPY'] },
    locale: { control: 'select', options: [undefined, 'en-US', 'th-TH', 'de-DE', 'ja-JP'] },
    pollInterval: { control: { type: 'number', min: 1000, step: 1000 } },
    error: { control: 'text' },
    title: { control: 'text' },
    loading: { control: 'boolean' },
    notFound: { control: 'boolean' },
    unstyled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          "A customer's timeline for one Timing order (PROTOCOLS.md §2): Order received → Preparing → Ready for pickup → Completed, or a clear cancelled notice; " +
          'items and total in baht; "Live" on a socket or "Updated every 30 s" while polling. `OrderTracking orderId` wires it to `useOrderTracking()`.',
      },
    },
  },
} satisfies Meta<typeof OrderTrackingView>;

export default meta;
type Story = StoryObj<typeof meta>;

const current = (canvasElement: HTMLElement) => within(canvasElement).getByRole('list', { name: 'Order progress' }).querySelector('[aria-current="step"]');

/** Just placed. */
export const Received: Story = { args: { order: timingOrder(12, 'pending') } };

/** In the kitchen (the step in progress is marked `aria-current="step"`). */
export const Preparing: Story = {
  play: async ({ canvasElement, args }) => {
    await expect(current(canvasElement)).toHaveTextContent('Preparing: In progress');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Refresh' }));
    await expect(args.onRefresh).toHaveBeenCalled();
  },
};

/** Ready to collect. */
export const ReadyForPickup: Story = { args: { order: timingOrder(12, 'ready') } };

/** Done: every step is checked. */
export const Completed: Story = { args: { order: timingOrder(12, 'completed') } };

/** Cancelled: the timeline is replaced by a clear notice. */
export const Cancelled: Story = {
  args: { order: timingOrder(12, 'cancelled') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('This order was cancelled.')).toBeVisible();
    await expect(within(canvasElement).queryByRole('list', { name: 'Order progress' })).toBeNull();
  },
};

/** On an open socket. */
export const LiveMode: Story = { args: { mode: 'live' } };

/** Before the first answer. */
export const Loading: Story = {
  args: { order: undefined, loading: true },
  play: async ({ canvasElement }) => expect(canvasElement.querySelector('[data-state="loading"]')).not.toBeNull(),
};

/** No such order. */
export const NotFound: Story = {
  args: { order: undefined, orderId: 999, notFound: true },
  play: async ({ canvasElement }) => expect(within(canvasElement).getByText(/We could not find order #999/)).toBeVisible(),
};

/** The first poll failed. */
export const Failed: Story = {
  args: { order: undefined, error: 'loading order 12 failed: Failed to fetch' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Failed to fetch');
  },
};

/** A later poll failed: the last known order stays, with the reason. */
export const FailedRefresh: Story = { args: { order: timingOrder(12, 'ready'), error: 'loading order 12 failed: Failed to fetch' } };

/** No order id. */
export const Idle: Story = {
  args: { order: undefined, orderId: undefined, mode: 'idle' },
  play: async ({ canvasElement }) => expect(within(canvasElement).getByRole('heading', { name: 'Your order' })).toBeVisible(),
};

/** Eight lines. */
export const LongOrder: Story = { args: { order: longOrder } };

/** Prices in US dollars. */
export const OtherCurrency: Story = { args: { currency: 'USD', locale: 'en-US' } };

/** The dark theme. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  args: { order: timingOrder(12, 'ready') },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-theme="dark"]')).not.toBeNull();
  },
};

/** Order 4 of the in-browser simulator (pending when the world starts), polled every 2 s as a customer would. */
export const LiveSimulator: Story = {
  decorators: [withLiveSimulator({ token: 'demo' })],
  render: () => <OrderTracking orderId={4} pollInterval={2000} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-state="active"], [data-state="completed"], [data-state="cancelled"]')).not.toBeNull(), { timeout: 5000 });
    await expect(within(canvasElement).getByText(/Updated every 2 s/)).toBeVisible();
  },
};

/** The same order on the Timing socket: "Live" instead of polling. */
export const LiveSimulatorSocket: Story = {
  decorators: [withLiveSimulator({ token: 'demo' })],
  render: () => <OrderTracking orderId={4} socket />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-mode="live"]')).not.toBeNull(), { timeout: 5000 });
  },
};
