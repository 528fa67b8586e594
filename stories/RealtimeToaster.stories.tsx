import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, type ReactElement } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RealtimeToaster, adminBackend, notificationsBackend, ordersBackend, type OrderPatch, useAdminDashboard, useRealtimeClient, useRealtimeState, useTimingOrders } from 'react-realtime-kit';
import { notificationsOfEveryKind } from '../test/fixtures/notifications';
import { withLiveSimulator } from './support/LiveSimulator';

const meta = {
  title: 'Components/RealtimeToaster',
  component: RealtimeToaster,
  tags: ['autodocs'],
  args: { maxPerSecond: 3, position: 'top-right', containerId: 'story' },
  argTypes: {
    maxPerSecond: { control: { type: 'number', min: 0 } },
    position: { control: 'select', options: ['top-right', 'top-center', 'top-left', 'bottom-right', 'bottom-center', 'bottom-left'] },
    autoClose: { control: { type: 'number', min: 0, step: 1000 } },
    hideProgressBar: { control: 'boolean' },
    newestOnTop: { control: 'boolean' },
    unstyled: { control: 'boolean' },
    toastFor: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          "A react-toastify container fed by the client's store: order status and progress changes, new Timing orders, new notifications " +
          '(booking → success, message → info, maintenance → warning, else default) and approvals. Each event shows once (a stable `toastId`), ' +
          'at most `maxPerSecond` a second; a flood becomes one summary toast updated in place. Toasts are `role="status"`. ' +
          'Customise or silence any event with `toastFor(event, fallback)`.',
      },
    },
  },
  decorators: [withLiveSimulator({ token: 'admin', rate: 0 })],
} satisfies Meta<typeof RealtimeToaster>;

export default meta;
type Story = StoryObj<typeof meta>;

const at = '2025-03-14T10:00:00Z';
const order = (id: number, progress: number): OrderPatch => ({ id: String(id), source: 'admin', status: 'Continue', progress, updatedAt: at });

/** Buttons that put events into the store, as the wire would. 1,000 orders are known from the start. */
function Driver(): ReactElement {
  const client = useRealtimeClient();
  // The backends whose events this driver puts in the store, as their hooks would register them.
  for (const backend of [ordersBackend, notificationsBackend, adminBackend]) client.use(backend);
  const round = useRef(0);
  // Until the store holds the 1,000 orders, an update would be their first sight (no toast).
  const ready = useRealtimeState((s) => s.orders.ids.length >= 1000);
  useEffect(() => {
    client.dispatch({ endpoint: 'admin', event: { kind: 'orders/snapshot', orders: Array.from({ length: 1000 }, (_, i) => order(i + 1, 0)) } });
  }, [client]);
  const next = () => (round.current += 1);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
      <button type="button" onClick={() => { const r = next(); notificationsOfEveryKind.forEach((n) => client.dispatch({ endpoint: 'notifications', event: { kind: 'notification/added', notification: { ...n, id: `${n.id}-${r}`, read: false } } })); }}>
        Notifications of every kind
      </button>
      <button type="button" onClick={() => client.dispatch({ endpoint: 'admin', event: { kind: 'order/upsert', order: { ...order(1, 100), status: next() % 2 ? 'Done' : 'Extend' } } })}>
        Order status change
      </button>
      <button type="button" onClick={() => client.dispatch({ endpoint: 'timing', event: { kind: 'order/created', order: { id: String(500 + next()), source: 'timing', status: 'pending', customerName: 'Malee', total: 240, updatedAt: at } } })}>
        New Timing order
      </button>
      <button type="button" disabled={!ready} onClick={() => { const r = next(); for (let i = 1; i <= 1000; i += 1) client.dispatch({ endpoint: 'admin', event: { kind: 'order/upsert', order: order(i, r) } }); }}>
        Flood: 1,000 updates
      </button>
    </div>
  );
}

const toasts = (canvasElement: HTMLElement) => canvasElement.querySelectorAll('.Toastify__toast');

/** Live on the in-browser simulator as an admin: Timing orders, approvals and order updates become toasts. */
export const Live: Story = {
  decorators: [withLiveSimulator({ token: 'admin', rate: 6 })],
  render: function Render(args) {
    useTimingOrders();
    useAdminDashboard();
    return <RealtimeToaster {...args} />;
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(toasts(canvasElement).length).toBeGreaterThan(0), { timeout: 15_000 });
    await expect(canvasElement.querySelector('.Toastify__toast')).toHaveAttribute('role', 'status');
  },
};

/** Press the buttons; a flood of 1,000 updates shows three toasts and one summary. */
export const Playground: Story = {
  render: (args) => (
    <>
      <Driver />
      <RealtimeToaster {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const flood = canvas.getByRole('button', { name: 'Flood: 1,000 updates' });
    await waitFor(() => expect(flood).toBeEnabled());
    await userEvent.click(flood);
    await waitFor(() => expect(canvas.getByText('997 more updates')).toBeInTheDocument());
    await expect(toasts(canvasElement).length).toBe(4);
  },
};

/** Notifications of every kind, toasted by PROTOCOLS §3's mapping. */
export const NotificationKinds: Story = {
  args: { maxPerSecond: 10, autoClose: false },
  render: Playground.render,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Notifications of every kind' }));
    await waitFor(() => expect(toasts(canvasElement).length).toBe(notificationsOfEveryKind.length));
    const kinds = [...canvasElement.querySelectorAll('.rrk-toast')].map((t) => t.getAttribute('data-kind'));
    await expect(kinds).toEqual(['success', 'info', 'warning', 'default', 'default']);
  },
};

/** `toastFor` rewrites new-order toasts and silences notifications. */
export const Customised: Story = {
  args: {
    toastFor: (event, fallback) => (event.type === 'notification' ? null : event.type === 'order-created' ? { ...fallback, kind: 'success', title: `🛎 ${fallback.title}` } : undefined),
  },
  render: Playground.render,
};

export const BottomLeft: Story = { args: { position: 'bottom-left' }, render: Playground.render };
export const DarkTheme: Story = { globals: { theme: 'dark' }, args: { autoClose: false }, render: Playground.render };
