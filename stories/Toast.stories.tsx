import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactElement } from 'react';
import { ToastContainer, toast } from 'react-toastify';
import { expect, userEvent, within } from 'storybook/test';
import { Toast, toastKinds } from 'react-realtime-kit';

const meta = {
  title: 'Components/Toast',
  component: Toast,
  tags: ['autodocs'],
  args: { kind: 'success', title: 'Order #101 is now Done', message: 'Was Continue (90%)', time: '2025-03-14T10:00:00Z' },
  argTypes: {
    kind: { control: 'inline-radio', options: [...toastKinds] },
    title: { control: 'text' },
    message: { control: 'text' },
    time: { control: 'text' },
    locale: { control: 'select', options: [undefined, 'en-US', 'en-GB', 'th-TH'] },
    unstyled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The body of one toast: an icon by kind (each kind has its own shape, and its name is read out), title, message and time. ' +
          'Render-only: `RealtimeToaster` uses it, and it works on its own with react-toastify: `toast(<Toast kind="success" title="Saved" />)`.',
      },
    },
  },
  // Framed like a toast, so the body can be judged on its own.
  render: (args) => (
    <div style={{ maxInlineSize: '22rem', padding: '1rem', border: '1px solid var(--rrk-color-border)', borderRadius: 'var(--rrk-radius-md)', background: 'var(--rrk-color-surface-raised)' }}>
      <Toast {...args} />
    </div>
  ),
} satisfies Meta<typeof Toast>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Success: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-kind="success"] svg[data-icon="success"]')).not.toBeNull();
    await expect(within(canvasElement).getByText('Order #101 is now Done')).toBeVisible();
  },
};
export const Info: Story = { args: { kind: 'info', title: 'New order #12 from Malee — ฿240', message: '2× Pad thai' } };
export const Warning: Story = { args: { kind: 'warning', title: 'Water off on Tuesday', message: 'Pipe repairs from 09:00 to 13:00.' } };
export const Error: Story = { args: { kind: 'error', title: 'Order #126 is now Dropped', message: 'The booster left.' } };
export const Default: Story = { args: { kind: 'default', title: 'Exam timetable published', message: null } };
export const LongText: Story = { args: { kind: 'info', title: `A title that goes on ${'and on '.repeat(10)}`, message: `https://example.com/${'z'.repeat(90)}` } };
export const UnreadableTime: Story = { args: { time: '"2025-01-01 10:00:00.123456"' } };

function AllKinds(): ReactElement {
  return (
    <ul style={{ display: 'grid', gap: '0.75rem', maxInlineSize: '22rem', listStyle: 'none', margin: 0, padding: 0 }}>
      {toastKinds.map((kind) => (
        <li key={kind} style={{ padding: '1rem', border: '1px solid var(--rrk-color-border)', borderRadius: 'var(--rrk-radius-md)', background: 'var(--rrk-color-surface-raised)' }}>
          <Toast kind={kind} title={`A ${kind} toast`} message="With a line of detail." time="2025-03-14T10:00:00Z" />
        </li>
      ))}
    </ul>
  );
}

export const EveryKind: Story = { render: () => <AllKinds /> };
export const DarkTheme: Story = { globals: { theme: 'dark' }, render: () => <AllKinds /> };

/** With react-toastify's own `toast()`: the toast has `role="status"` from the container. */
export const WithToastify: Story = {
  render: (args) => (
    <>
      <button type="button" onClick={() => toast(<Toast {...args} />, { type: args.kind ?? 'default', icon: false, containerId: 'toast-story' })}>
        Show a toast
      </button>
      <ToastContainer containerId="toast-story" role="status" position="bottom-right" />
    </>
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Show a toast' }));
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Success: Order #101 is now Done');
  },
};
