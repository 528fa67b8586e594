import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactElement } from 'react';
import { expect, within } from 'storybook/test';
import { ChatPanel, ConnectionIndicator, NotificationBell, OrderCard, OrdersBoard, RealtimeToaster, RealTimeDashboard } from 'react-realtime-kit';
import { withLiveSimulator } from './support/LiveSimulator';

/**
 * A whole operations page composed from the kit, on the in-browser simulator of all five
 * backends: the admin dashboard, the restaurant's order board, live boosting orders, chat and
 * notifications, with the toast layer on top.
 */
function OperationsPage(): ReactElement {
  return (
    <div style={{ display: 'grid', gap: '1.25rem' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: '1rem', flexWrap: 'wrap' }}>
        <h1 style={{ margin: 0, fontSize: '1.25rem', marginInlineEnd: 'auto' }}>Operations</h1>
        <ConnectionIndicator label="All sockets" />
        <NotificationBell />
      </header>
      <RealTimeDashboard />
      <div style={{ display: 'grid', gap: '1.25rem', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))', alignItems: 'start' }}>
        <OrdersBoard />
        <div style={{ display: 'grid', gap: '1rem' }}>
          <OrderCard orderId={101} />
          <OrderCard orderId={102} />
          <ChatPanel peerId={2} peerName="Sam" />
        </div>
      </div>
      <RealtimeToaster containerId="dashboard-page" />
    </div>
  );
}

const meta = {
  title: 'Pages/Operations dashboard',
  component: OperationsPage,
  parameters: { layout: 'fullscreen' },
  decorators: [withLiveSimulator({ token: 'admin', rate: 2 })],
} satisfies Meta<typeof OperationsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Live: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText('All sockets: Live', {}, { timeout: 8000 })).toBeVisible();
    await expect(await page.findByRole('article', { name: 'Order #101' })).toBeVisible();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };
