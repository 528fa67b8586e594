import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactElement } from 'react';
import { expect, within } from 'storybook/test';
import { StatusBadge } from 'react-realtime-kit';
import {
  approvalStatuses,
  boostingStatuses,
  knownStatuses,
  longStatus,
  timingStatuses,
  unknownStatuses,
  type StatusCase,
} from '../test/fixtures/statuses';

const meta = {
  title: 'Components/StatusBadge',
  component: StatusBadge,
  tags: ['autodocs'],
  args: { status: 'New', size: 'md' },
  argTypes: {
    status: {
      control: 'select',
      options: [...knownStatuses, ...unknownStatuses.slice(0, 2)].map((c) => c.status),
      description: 'A status from any backend vocabulary; unknown ones render neutrally.',
    },
    label: { control: 'text' },
    size: { control: 'inline-radio', options: ['sm', 'md'] },
    unstyled: { control: 'boolean' },
    className: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A status as icon + text, tinted by tone. Knows the Boosting (`New`, `Droped`, `Extend`, `Done`, `Continue`), ' +
          'Timing (`pending` … `cancelled`) and approval vocabularies; never shows status by colour alone.',
      },
    },
  },
} satisfies Meta<typeof StatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

function Grid({ cases, size }: { cases: readonly StatusCase[]; size?: 'sm' | 'md' }): ReactElement {
  return (
    <ul aria-label="Statuses" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', listStyle: 'none', margin: 0, padding: 0 }}>
      {cases.map((c) => (
        <li key={c.status}>
          <StatusBadge status={c.status} size={size} />
        </li>
      ))}
    </ul>
  );
}

/** Each label of `cases` is visible, with the state the fixture expects. */
async function expectLabels(canvasElement: HTMLElement, cases: readonly StatusCase[]) {
  const canvas = within(canvasElement);
  for (const c of cases) {
    const badge = canvas.getByText(c.label).closest('[data-status]');
    await expect(badge).toHaveAttribute('data-status', c.key);
    await expect(badge).toHaveAttribute('data-tone', c.tone);
    await expect(badge?.querySelector(`svg[data-icon="${c.icon}"]`)).not.toBeNull();
  }
}

/** One badge driven by the controls. */
export const Playground: Story = {};

/** Boosting shop orders, as the per-order stream spells them (`Droped` shows as "Dropped"). */
export const BoostingOrders: Story = {
  render: () => <Grid cases={boostingStatuses} />,
  play: async ({ canvasElement }) => {
    await expectLabels(canvasElement, boostingStatuses);
    await expect(within(canvasElement).queryByText('Droped')).toBeNull();
  },
};

/** Timing restaurant orders. `preparing` spins unless the user prefers reduced motion. */
export const TimingOrders: Story = {
  render: () => <Grid cases={timingStatuses} />,
  play: async ({ canvasElement }) => expectLabels(canvasElement, timingStatuses),
};

/** Admin dashboard user approval. */
export const ApprovalStates: Story = {
  render: () => <Grid cases={approvalStatuses} />,
  play: async ({ canvasElement }) => expectLabels(canvasElement, approvalStatuses),
};

/** A status no backend documents: neutral, dashed, with its own text. */
export const UnknownStatus: Story = {
  args: { status: 'on_hold' },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText('on_hold').closest('[data-status]');
    await expect(badge).toHaveAttribute('data-tone', 'neutral');
    await expect(badge).toHaveAttribute('title', 'on_hold');
  },
};

/** Too long for the badge: the label is cut with an ellipsis and the full text is in `title`. */
export const LongLabel: Story = {
  args: { status: longStatus },
  play: async ({ canvasElement }) => {
    const label = within(canvasElement).getByText(longStatus);
    await expect(label.scrollWidth).toBeGreaterThan(label.clientWidth);
    await expect(label.closest('[data-status]')).toHaveAttribute('title', longStatus);
  },
};

/** An app's own wording for a status; the state stays the status's. */
export const CustomLabel: Story = {
  args: { status: 'ready', label: 'Ready for pickup' },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText('Ready for pickup').closest('[data-status]');
    await expect(badge).toHaveAttribute('data-status', 'ready');
  },
};

/** `size="sm"` for dense tables. */
export const Small: Story = {
  args: { size: 'sm' },
  render: (args) => <Grid cases={knownStatuses} size={args.size} />,
};

/** Every status on the dark theme (the toolbar's theme global, pinned for this story). */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  render: () => <Grid cases={[...knownStatuses, ...unknownStatuses.slice(0, 2)]} />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-theme="dark"]')).not.toBeNull();
    await expectLabels(canvasElement, knownStatuses);
  },
};

/** No kit class names, so none of the kit's CSS applies; `data-*` stays for the app's own CSS. */
export const Unstyled: Story = {
  args: { status: 'Done', unstyled: true },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText('Done').closest('[data-status]');
    await expect(badge).not.toHaveAttribute('class');
    await expect(badge).toHaveAttribute('data-tone', 'success');
  },
};
