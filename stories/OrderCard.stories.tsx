import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { OrderCard, OrderCardView } from 'react-realtime-kit';
import { boostingOrders, continuingOrder, doneOrder, droppedOrder, longNamesOrder, sparseOrder, unknownStatusOrder } from '../test/fixtures/orders';
import { withLiveSimulator } from './support/LiveSimulator';

const meta = {
  title: 'Components/OrderCard',
  component: OrderCardView,
  args: { orderId: 123, order: continuingOrder, status: 'open', currency: 'USD' },
  argTypes: {
    status: { control: 'select', options: ['idle', 'connecting', 'open', 'reconnecting', 'closed', 'failed'] },
    currency: { control: 'select', options: ['USD', 'THB', 'EUR'] },
    highlight: { control: 'boolean' },
  },
  render: (args) => (
    <div style={{ maxInlineSize: '26rem' }}>
      <OrderCardView {...args} />
    </div>
  ),
} satisfies Meta<typeof OrderCardView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Live: Story = {
  render: () => (
    <div style={{ maxInlineSize: '26rem' }}>
      <OrderCard orderId={101} />
    </div>
  ),
  decorators: [withLiveSimulator({ token: 'demo', rate: 3 })],
  play: async ({ canvasElement }) => {
    const card = within(canvasElement);
    await expect(await card.findByRole('progressbar', {}, { timeout: 5000 })).toBeVisible();
  },
};

export const InProgress: Story = {
  play: async ({ canvasElement }) => {
    const card = within(canvasElement);
    await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '75');
    await expect(card.getByText('$85.50')).toBeVisible();
    await expect(card.getByText('Platinum, division 2, 1 marks')).toBeVisible();
  },
};
export const Done: Story = { args: { order: doneOrder, orderId: 125 } };
export const Dropped: Story = { args: { order: droppedOrder, orderId: 126 } };
export const UnknownStatus: Story = { args: { order: unknownStatusOrder, orderId: 129 } };
export const NothingYet: Story = { name: 'Nulls from the server', args: { order: sparseOrder, orderId: 128 } };
export const LongNames: Story = { args: { order: longNamesOrder, orderId: 130 } };
export const ThaiBaht: Story = { args: { currency: 'THB', locale: 'th-TH' } };
export const JustChanged: Story = { args: { highlight: true } };
export const Loading: Story = { args: { order: undefined, status: 'connecting' } };
/** The socket is open and nothing came within `notFoundAfter`: an unknown order, or a snapshot the server skipped (deployed, zero price). */
export const NoDataFromServer: Story = { args: { order: undefined, status: 'open', notFound: true, orderId: 999 } };
export const Reconnecting: Story = { args: { status: 'reconnecting' } };
export const Offline: Story = { args: { status: 'failed' } };
export const OfflineBeforeData: Story = { args: { order: undefined, status: 'failed' } };
export const BadId: Story = { args: { order: undefined, orderId: undefined, status: 'idle', error: 'orderId must be a positive integer (got undefined). Pass the numeric id of the order to watch.' } };
export const Dark: Story = { globals: { theme: 'dark' } };

export const Grid: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))' }}>
      {boostingOrders.map((order) => (
        <OrderCardView key={order.id} {...args} orderId={order.id} order={order} />
      ))}
    </div>
  ),
};
