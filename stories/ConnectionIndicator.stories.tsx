import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ConnectionIndicator, ConnectionIndicatorView, OrderCard } from 'react-realtime-kit';
import { withLiveSimulator } from './support/LiveSimulator';

const meta = {
  title: 'Components/ConnectionIndicator',
  component: ConnectionIndicatorView,
  args: { status: 'open', attempt: 0 },
  argTypes: {
    status: { control: 'select', options: ['idle', 'connecting', 'open', 'reconnecting', 'closed', 'failed'] },
    attempt: { control: { type: 'number', min: 0 } },
  },
} satisfies Meta<typeof ConnectionIndicatorView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Connected: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Live');
  },
};
export const Connecting: Story = { args: { status: 'connecting' } };
export const Reconnecting: Story = { args: { status: 'reconnecting', attempt: 3 } };
export const Offline: Story = { args: { status: 'closed' } };
export const Failed: Story = { args: { status: 'failed' } };
export const WithLabel: Story = { args: { label: 'Admin dashboard' } };
export const Compact: Story = { args: { compact: true, status: 'reconnecting', attempt: 2 } };
export const Dark: Story = { globals: { theme: 'dark' } };

export const AllStates: Story = {
  render: () => (
    <ul style={{ display: 'grid', gap: '0.5rem', listStyle: 'none', padding: 0 }}>
      {(['open', 'connecting', 'reconnecting', 'closed', 'failed', 'idle'] as const).map((status) => (
        <li key={status}>
          <ConnectionIndicatorView status={status} attempt={status === 'reconnecting' ? 4 : 0} />
        </li>
      ))}
    </ul>
  ),
};

export const Live: Story = {
  decorators: [withLiveSimulator({ token: 'demo' })],
  render: () => (
    <div style={{ display: 'grid', gap: '1rem', maxInlineSize: '26rem' }}>
      <ConnectionIndicator label="All sockets" />
      <OrderCard orderId={102} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('All sockets: Live', {}, { timeout: 5000 })).toBeVisible();
  },
};
