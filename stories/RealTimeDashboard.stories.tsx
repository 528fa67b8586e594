import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ReactElement } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { RealTimeDashboard, RealTimeDashboardView, type RealTimeDashboardViewProps } from 'react-realtime-kit';
import { adminStatsChartSummary, approvalError, liveDashboard, longNameUser, manyPendingUsers, partialStats, pendingUsers } from '../test/fixtures/admin';
import { withLiveSimulator } from './support/LiveSimulator';

const meta = {
  title: 'Components/RealTimeDashboard',
  component: RealTimeDashboardView,
  tags: ['autodocs'],
  args: { ...liveDashboard, onApprove: fn(), onReject: fn() },
  argTypes: {
    status: { control: 'select', options: ['idle', 'connecting', 'open', 'reconnecting', 'closed', 'failed'] },
    attempt: { control: { type: 'number', min: 0 } },
    pendingCount: { control: { type: 'number', min: 0 } },
    error: { control: 'text' },
    title: { control: 'text' },
    locale: { control: 'text' },
    activityLimit: { control: { type: 'number', min: 1 } },
    loading: { control: 'boolean' },
    unstyled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The admin dashboard (PROTOCOLS.md §5): live pending count, stats, the approval queue with Approve/Reject, recent activity, ' +
          'admins online and an orders-by-status chart. `RealTimeDashboardView` takes every state as props; `RealTimeDashboard` wires it to `useAdminDashboard()`.',
      },
    },
  },
} satisfies Meta<typeof RealTimeDashboardView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Everything has arrived and the socket is open. */
export const Live: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('img')).toHaveAttribute('aria-label', adminStatsChartSummary);
    await userEvent.click(canvas.getByRole('button', { name: 'Approve alice' }));
    await expect(args.onApprove).toHaveBeenCalledWith(pendingUsers[0]!.id);
  },
};

/** Before the first `stats_update` and pending count: skeletons. */
export const Loading: Story = {
  args: { stats: null, pendingCount: null, pendingUsers: [], activity: [], admins: [], status: 'connecting' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-loading]')).not.toBeNull();
  },
};

/** Nobody waits for approval. */
export const Empty: Story = {
  args: { pendingCount: 0, pendingUsers: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Nobody is waiting for approval')).toBeVisible();
  },
};

/** Sixty users: the list scrolls inside its card. */
export const ManyPendingUsers: Story = {
  args: { pendingCount: 60, pendingUsers: manyPendingUsers },
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('group', { name: 'Pending users list' });
    await expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
  },
};

/** Names too long for the card are cut with an ellipsis (whole in `title`). */
export const LongNames: Story = {
  args: { pendingCount: 4, pendingUsers: [longNameUser, ...pendingUsers] },
};

/** An approval in flight: that user's buttons are disabled. */
export const ActionInFlight: Story = {
  args: { pending: { [pendingUsers[0]!.id]: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Approve alice' })).toBeDisabled();
  },
};

/** The server refused an approval: the user is back in the list and the reason is shown. */
export const FailedAction: Story = {
  args: { error: approvalError, onRetry: fn() },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('answered 503');
  },
};

/** The socket dropped: the last data stays, marked stale. */
export const Reconnecting: Story = {
  args: { status: 'reconnecting', attempt: 3 },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-stale]')).not.toBeNull();
    await expect(canvasElement.querySelector('.rrk-connection')).toHaveTextContent('Reconnecting (attempt 3)…');
  },
};

/** Offline. */
export const Offline: Story = { args: { status: 'closed' } };

/** A server that sends only some counts: only those tiles render. */
export const PartialStats: Story = { args: { stats: partialStats } };

/** The dark theme. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-theme="dark"]')).not.toBeNull();
  },
};

// A stand-in for the hook: an approval is in flight for a moment, then the user leaves the list.
function Interactive(props: RealTimeDashboardViewProps): ReactElement {
  const [users, setUsers] = useState(props.pendingUsers ?? []);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const decide = (id: string): void => {
    setPending((p) => ({ ...p, [id]: true }));
    setTimeout(() => {
      setUsers((list) => list.filter((u) => u.id !== id));
      setPending(({ [id]: _, ...rest }) => rest);
    }, 300);
  };
  return <RealTimeDashboardView {...props} pendingUsers={users} pendingCount={users.length} pending={pending} onApprove={decide} onReject={decide} />;
}

/** Approve: the buttons are disabled while it is in flight, then the user leaves the list. */
export const ApproveFlow: Story = {
  render: (args) => <Interactive {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Approve bob.k' }));
    await expect(canvas.getByRole('button', { name: 'Reject bob.k' })).toBeDisabled();
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Approve bob.k' })).toBeNull());
    await expect(canvasElement.querySelector('[aria-live="polite"]')).toHaveTextContent('2 users waiting');
  },
};

/** Reject asks for a reason inline (servers may require one); the user leaves the list once confirmed. */
export const RejectFlow: Story = {
  render: (args) => <Interactive {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Reject bob.k' }));
    await expect(canvas.getByRole('button', { name: 'Confirm reject' })).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Reason for rejecting bob.k' }), 'Duplicate account');
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm reject' }));
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Reject bob.k' })).toBeNull());
  },
};

/** The connected component on the in-browser simulator: registrations, approvals and admins arrive live. */
export const LiveSimulator: Story = {
  decorators: [withLiveSimulator({ token: 'admin' })],
  render: () => <RealTimeDashboard />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [first] = await canvas.findAllByRole('button', { name: /^Approve / }, { timeout: 5000 });
    const name = first!.getAttribute('aria-label')!;
    await userEvent.click(first!);
    await waitFor(() => expect(canvas.queryByRole('button', { name })).toBeNull());
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};
