// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { RealTimeDashboard, RealTimeDashboardView, type RealTimeDashboardViewProps } from 'react-realtime-kit';
import { activityEntries, adminStats, adminStatsChartSummary, approvalError, liveDashboard, longNameUser, manyPendingUsers, partialStats, pendingUsers } from '../fixtures/admin';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';
import { renderLive, until, useSimulatorServer } from '../hooks/harness';

const view = (props: Partial<RealTimeDashboardViewProps> = {}) => render(<RealTimeDashboardView {...liveDashboard} {...props} />);
const root = (container: HTMLElement) => container.querySelector<HTMLElement>('section')!;
const noContrast = { rules: { 'color-contrast': { enabled: false } } };

// Renders counted through the pieces each card draws per row: an Avatar per pending user and
// admin, a StatusIcon per activity entry (nothing else on the dashboard draws either).
const renders = vi.hoisted(() => ({ avatar: 0, activityIcon: 0 }));
vi.mock('../../src/components/RealTimeDashboard/Avatar', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/RealTimeDashboard/Avatar')>();
  return { ...actual, Avatar: (props: Parameters<typeof actual.Avatar>[0]) => (renders.avatar++, actual.Avatar(props)) };
});
vi.mock('../../src/components/StatusBadge/StatusIcon', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/StatusBadge/StatusIcon')>();
  return { ...actual, StatusIcon: (props: Parameters<typeof actual.StatusIcon>[0]) => (renders.activityIcon++, actual.StatusIcon(props)) };
});

describe('RealTimeDashboardView', () => {
  it('shows skeletons and no data while nothing has arrived', async () => {
    const { container } = view({ stats: null, pendingCount: null, pendingUsers: [], activity: [], admins: [], status: 'connecting' });
    expect(root(container)).toHaveAttribute('data-loading');
    expect(root(container)).toHaveAttribute('aria-busy', 'true');
    expect(root(container)).not.toHaveAttribute('data-stale');
    expect(screen.queryByRole('button', { name: /approve/i })).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent('Loading…');
    expect(screen.getByText('Connecting…')).toBeInTheDocument();
    await expectNoAxeViolations(container, noContrast);
  });

  it('shows the live count, stats, pending users, activity, admins and a header badge', async () => {
    const { container } = view();
    const count = container.querySelector('[aria-live="polite"]')!;
    expect(count).toHaveTextContent('3 users waiting');
    expect(screen.getByTitle('3 awaiting approval')).toHaveTextContent('3 awaiting approval');
    const tiles = within(container.querySelector('dl')!);
    expect(tiles.getByText('Total users').nextElementSibling).toHaveTextContent('128');
    expect(tiles.getByText('Rejected').nextElementSibling).toHaveTextContent('8');
    for (const user of pendingUsers) expect(screen.getByRole('button', { name: `Approve ${user.username}` })).toBeEnabled();
    expect(screen.getByText('Alice Nakamura')).toBeInTheDocument();
    // No first/last name: the username is the name.
    expect(screen.getByText('chai')).toBeInTheDocument();
    const activity = within(screen.getByRole('group', { name: 'Activity list' })).getAllByRole('listitem');
    expect(activity).toHaveLength(activityEntries.length);
    expect(activity[0]).toHaveTextContent('Approved: alice approved by admin');
    expect(activity[0]!.querySelector('time')).toHaveAttribute('dateTime', '2025-01-15T10:31:00.000Z');
    // A timestamp the dialect could not parse is shown as sent (without quotes), not as "Invalid Date".
    expect(activity[6]).toHaveTextContent(/shortly after ten$/);
    expect(activity[6]!.querySelector('time')).not.toHaveAttribute('dateTime');
    expect(screen.getByRole('heading', { name: 'Admins online (3)' })).toBeInTheDocument();
    expect(screen.getByText('night-shift')).toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();
    expect(root(container)).toHaveAttribute('data-connection', 'open');
    expect(root(container)).not.toHaveAttribute('data-stale');
    await expectNoAxeViolations(container, noContrast);
  });

  it('says nobody is waiting when the queue is empty, and shows no badge', () => {
    view({ pendingUsers: [], pendingCount: 0 });
    expect(screen.getByText('Nobody is waiting for approval')).toBeInTheDocument();
    expect(screen.queryByTitle(/awaiting approval/)).toBeNull();
  });

  it('does not claim nobody is waiting while the count says otherwise', () => {
    view({ pendingUsers: [], pendingCount: 4 });
    expect(screen.getByText('4 waiting; loading the list…')).toBeInTheDocument();
  });

  it('calls onApprove with the user id, and onReject with the id and the reason asked for inline', () => {
    const onApprove = vi.fn();
    const onReject = vi.fn();
    view({ onApprove, onReject });
    fireEvent.click(screen.getByRole('button', { name: 'Approve alice' }));
    expect(onApprove).toHaveBeenCalledExactlyOnceWith(pendingUsers[0]!.id);
    const reject = screen.getByRole('button', { name: 'Reject bob.k' });
    fireEvent.click(reject);
    expect(onReject).not.toHaveBeenCalled();
    expect(reject).toHaveAttribute('aria-expanded', 'true');
    const form = screen.getByRole('form', { name: 'Rejecting bob.k' });
    expect(reject).toHaveAttribute('aria-controls', form.id);
    const reason = screen.getByRole('textbox', { name: 'Reason for rejecting bob.k' });
    expect(reason).toHaveFocus();
    const confirm = screen.getByRole('button', { name: 'Confirm reject' });
    expect(confirm).toBeDisabled(); // no reason, no reject: the server refuses one without it
    fireEvent.change(reason, { target: { value: '  duplicate account  ' } });
    fireEvent.click(confirm);
    expect(onReject).toHaveBeenCalledExactlyOnceWith(pendingUsers[1]!.id, 'duplicate account');
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('closes the reason form on Cancel and on Escape without rejecting', () => {
    const onReject = vi.fn();
    view({ onReject });
    fireEvent.click(screen.getByRole('button', { name: 'Reject bob.k' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reject bob.k' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Reason for rejecting bob.k' }), { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(onReject).not.toHaveBeenCalled();
  });

  it('disables only the buttons of a user whose action is in flight', () => {
    view({ pending: { [pendingUsers[1]!.id]: true } });
    expect(screen.getByRole('button', { name: 'Approve bob.k' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reject bob.k' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Approve alice' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Approve bob.k' }).closest('li')).toHaveAttribute('aria-busy', 'true');
  });

  it('shows a failure in an alert, with a retry when given one', async () => {
    const onRetry = vi.fn();
    const { container } = view({ error: approvalError, onRetry });
    expect(screen.getByRole('alert')).toHaveTextContent(approvalError);
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container, noContrast);
  });

  it.each([
    ['reconnecting', 3, 'Reconnecting (attempt 3)…'],
    ['closed', 0, 'Offline'],
    ['failed', 9, 'Connection failed'],
  ] as const)('marks the data stale while %s', (status, attempt, text) => {
    const { container } = view({ status, attempt });
    expect(root(container)).toHaveAttribute('data-stale');
    expect(root(container)).toHaveAttribute('data-connection', status);
    expect(container.querySelector('[data-connection] .rrk-connection__text, .rrk-connection')).toHaveTextContent(text);
    expect(screen.getByText(/may be out of date/)).toBeInTheDocument();
    // Stale data is still shown.
    expect(screen.getByRole('button', { name: 'Approve alice' })).toBeInTheDocument();
  });

  it('renders only the stats the server sent', () => {
    const { container } = view({ stats: partialStats });
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(['Total users', 'Active sessions']);
  });

  it('gives the chart an accessible summary and a data table that follow the data', () => {
    const { rerender } = view();
    expect(screen.getByRole('img')).toHaveAttribute('aria-label', adminStatsChartSummary);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Dropped' }).nextElementSibling).toHaveTextContent('2');
    // Each bar is labelled with its value and status in text, column by column.
    const chart = screen.getByRole('img').closest('figure')!;
    const row = (name: string) => [...chart.querySelectorAll(`[data-row="${name}"] > span`)].map((s) => s.textContent);
    expect(row('values')).toEqual(['6', '14', '3', '17', '2']);
    expect(row('labels')).toEqual(['New', 'Continue', 'Extend', 'Done', 'Dropped']);
    expect([...chart.querySelectorAll('rect')].map((r) => r.dataset.value)).toEqual(['6', '14', '3', '17', '2']);
    expect(chart.querySelector<SVGRectElement>('rect[data-status="done"]')!.style.transform).toBe('scaleY(1)');
    rerender(<RealTimeDashboardView {...liveDashboard} stats={{ ...adminStats, orders_by_status: { New: 7, Done: 18 } }} />);
    expect(screen.getByRole('img')).toHaveAttribute('aria-label', 'Orders by status: New 7, Done 18.');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
  });

  it('says so when stats have no order counts', () => {
    view({ stats: { total_users: 3 } });
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('No order data yet')).toBeInTheDocument();
  });

  it('keeps a long name whole in title while cutting it on screen', () => {
    view({ pendingUsers: [longNameUser] });
    const name = 'Maximilian Alexander Ferdinand Wolfgang von Hohenzollern-Sigmaringen-Brandenburg';
    expect(screen.getByText(name)).toHaveAttribute('title', name);
    expect(screen.getByRole('button', { name: `Approve ${longNameUser.username}` })).toBeInTheDocument();
  });

  it('puts sixty pending users in a focusable scrolling region', async () => {
    const { container } = view({ pendingUsers: manyPendingUsers, pendingCount: 60 });
    const region = screen.getByRole('group', { name: 'Pending users list' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getAllByRole('button', { name: /^Approve / })).toHaveLength(60);
    await expectNoAxeViolations(container, noContrast);
  });

  it('falls back to the browser’s locale when given a malformed one', () => {
    view({ locale: 'not a locale!' });
    expect(screen.getByText('128')).toBeInTheDocument();
  });

  it('also reads snake_case names, for users an app builds from its own data', () => {
    view({ pendingUsers: [{ id: 'u1', username: 'dee', first_name: 'Dee', last_name: 'Raj', date_joined: '2025-01-02T00:00:00Z' }] });
    expect(screen.getByText('Dee Raj')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve dee' }).closest('li')!.querySelector('time')).toHaveAttribute('dateTime', '2025-01-02T00:00:00.000Z');
  });

  it('limits the activity shown', () => {
    view({ activityLimit: 2 });
    expect(within(screen.getByRole('group', { name: 'Activity list' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('has no kit class names when unstyled, but keeps its data attributes', () => {
    const { container } = view({ unstyled: true, status: 'closed' });
    expect(container.querySelectorAll('[class]')).toHaveLength(0);
    expect(root(container)).toHaveAttribute('data-stale');
  });
});

describe('RealTimeDashboard on the simulator server', () => {
  const harness = useSimulatorServer();

  it('approves a user end to end: the user leaves the list and the activity says so', async () => {
    renderLive(harness, <RealTimeDashboard />, { token: 'admin' });
    const waiting = harness.simulator.world.usersWith('pending');
    await until(() => screen.queryAllByRole('button', { name: /^Approve / }).length === waiting.length && screen.queryByRole('img'), 'the pending list and the chart');
    expect(screen.getByText('Live')).toBeInTheDocument();
    expect(screen.getByText('Total users').nextElementSibling).toHaveTextContent(String(harness.simulator.world.users.size));
    const first = waiting[0]!;
    // Names and join dates come through the dialect (camelCased extras) from the REST list.
    expect(screen.getByText(`${first.first_name} ${first.last_name}`)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: `Approve ${first.username}` }));
    expect(screen.queryByRole('button', { name: `Approve ${first.username}` })).toBeNull();
    await until(() => screen.queryByText(`${first.username} approved by admin`), 'the activity entry');
    expect(harness.simulator.world.user(first.id)?.approval_status).toBe('approved');
    expect(document.querySelector('[data-card="pending-count"] [aria-live]')).toHaveTextContent(`${waiting.length - 1} user`);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('RealTimeDashboardView under a burst of activity and approvals', () => {
  const onApprove = vi.fn();
  const onReject = vi.fn();
  const dashboard = (props: Partial<RealTimeDashboardViewProps>) => <RealTimeDashboardView {...liveDashboard} onApprove={onApprove} onReject={onReject} {...props} />;

  it('renders only the card whose data changed', () => {
    const { rerender } = render(dashboard({}));
    let activity = activityEntries;
    for (let i = 0; i < 20; i++) {
      renders.avatar = 0;
      renders.activityIcon = 0;
      activity = [{ id: `burst${i}`, kind: 'new_user', text: `user${i} registered`, timestamp: '2025-01-15T10:40:00Z' }, ...activity];
      // Each stats_update parses a new object, with the same counts here.
      rerender(dashboard({ activity, stats: { ...adminStats, orders_by_status: { ...(adminStats['orders_by_status'] as object) } } }));
      expect(renders.activityIcon).toBe(1);
      expect(renders.avatar).toBe(0);
    }
    expect(within(screen.getByRole('group', { name: 'Activity list' })).getAllByRole('listitem')[0]).toHaveTextContent('user19 registered');

    // An approval in flight renders the pending list, not the activity or the admins.
    renders.avatar = 0;
    renders.activityIcon = 0;
    rerender(dashboard({ activity, pending: { [pendingUsers[0]!.id]: true } }));
    expect(renders.activityIcon).toBe(0);
    expect(renders.avatar).toBe(pendingUsers.length);
    expect(screen.getByRole('button', { name: `Approve ${pendingUsers[0]!.username}` })).toBeDisabled();
  });
});

