// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { OrdersBoard, OrdersBoardView, type OrdersBoardViewProps } from 'react-realtime-kit';
import { socketIoTransport } from 'react-realtime-kit/socketio';
import { defaultTotal, fiveHundredOrders, longOrder, newOrder, ordersByStatus, timingOrder } from '../fixtures/timingOrders';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';
import { renderLive, until, useSimulatorServer } from '../hooks/harness';

// en-US pinned so exact money strings do not depend on the machine's default locale.
const view = (props: Partial<OrdersBoardViewProps> = {}) => render(<OrdersBoardView orders={ordersByStatus} status="open" locale="en-US" {...props} />);
const root = (container: HTMLElement) => container.querySelector<HTMLElement>('section')!;
const card = (id: string | number) => screen.getByRole('article', { name: new RegExp(`^Order #${id}\\b`) });
const enabledButtons = (id: string | number) => within(card(id)).getAllByRole('button').filter((b) => b.getAttribute('aria-disabled') !== 'true').map((b) => b.getAttribute('aria-label'));
const noContrast = { rules: { 'color-contrast': { enabled: false } } };

// Each OrderRow render asks once where its order may go: counting those calls counts row renders.
const rowRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/components/OrdersBoard/orderTransitions', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/OrdersBoard/orderTransitions')>();
  return { ...actual, allowedTransitions: (status: string) => (rowRenders.count++, actual.allowedTransitions(status)) };
});

describe('OrdersBoardView', () => {
  it('shows each order with customer, items, total in baht, time and status, in the order given', async () => {
    const { container } = view();
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => c.querySelector('h3')!.textContent)).toEqual(['Order #15 · Ploy S.', 'Order #14 · Niran K.', 'Order #13 · Malee S.', 'Order #12 · Anong T.', 'Order #11 · Kittisak W.']);
    const first = within(cards[0]!);
    expect(first.getByText('2 × Pad Thai, 1 × Thai Iced Tea')).toBeInTheDocument();
    expect(first.getByText(defaultTotal.thb)).toBeInTheDocument();
    expect(cards[0]!.querySelector('time')).toHaveAttribute('dateTime', '2025-01-15T10:44:00.000Z');
    expect(cards[0]!.querySelector('[data-status="pending"]')).toHaveTextContent('Pending');
    expect(root(container)).toHaveAttribute('data-connection', 'open');
    await expectNoAxeViolations(container, noContrast);
  });

  it('uses the browser’s locale when none is given', () => {
    view({ orders: [timingOrder(12, 'pending', { total: 1234.5 })], locale: undefined });
    const expected = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'THB', currencyDisplay: 'narrowSymbol' }).format(1234.5);
    expect(screen.getByText(expected)).toBeInTheDocument();
  });

  it('formats totals in another currency and locale', () => {
    view({ orders: [timingOrder(12, 'pending')], currency: 'USD', locale: 'en-US' });
    expect(screen.getByText(defaultTotal.usd)).toBeInTheDocument();
    expect(screen.queryByText(defaultTotal.thb)).toBeNull();
  });

  it('formats baht for a Thai locale too', () => {
    view({ orders: [timingOrder(12, 'pending', { total: 1234.5 })], locale: 'th-TH' });
    expect(screen.getByText('฿1,234.50')).toBeInTheDocument();
  });

  it.each([
    ['15', ['Mark order 15 preparing', 'Cancel order 15']],
    ['14', ['Mark order 14 ready', 'Cancel order 14']],
    ['13', ['Mark order 13 completed', 'Cancel order 13']],
    ['12', []],
    ['11', []],
  ])('order %s offers only its valid next steps', (id, expected) => {
    view();
    expect(enabledButtons(id)).toEqual(expected);
    expect(within(card(id)).getAllByRole('button')).toHaveLength(4);
  });

  it('calls onStatusChange with the order id and the next status', () => {
    const onStatusChange = vi.fn();
    view({ onStatusChange });
    fireEvent.click(screen.getByRole('button', { name: 'Mark order 14 ready' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order 15' }));
    expect(onStatusChange.mock.calls).toEqual([['14', 'ready'], ['15', 'cancelled']]);
  });

  it('disables an order’s buttons while its change is in flight', () => {
    view({ pending: { '14': true } });
    expect(enabledButtons(14)).toEqual([]);
    expect(card(14).closest('li')).toHaveAttribute('aria-busy', 'true');
    expect(enabledButtons(15)).toEqual(['Mark order 15 preparing', 'Cancel order 15']);
  });

  it('announces a new order in a status region, and the banner can be dismissed until the next one', () => {
    const onDismissLatest = vi.fn();
    const { rerender } = view({ orders: [newOrder, ...ordersByStatus], latestOrder: newOrder, onDismissLatest });
    const region = screen.getByRole('status', { name: 'New orders' });
    expect(region).toHaveTextContent('New order #17 from Ploy S. · ฿180.00');
    fireEvent.click(within(region).getByRole('button', { name: 'Dismiss new order 17' }));
    expect(onDismissLatest).toHaveBeenCalledExactlyOnceWith(newOrder);
    expect(screen.getByRole('status', { name: 'New orders' })).toBeEmptyDOMElement();
    const next = timingOrder(18, 'pending', { customerName: 'Krit' });
    rerender(<OrdersBoardView orders={[next, newOrder, ...ordersByStatus]} latestOrder={next} status="open" />);
    expect(screen.getByRole('status', { name: 'New orders' })).toHaveTextContent('New order #18 from Krit');
  });

  it('shows a failure in an alert, with a retry', () => {
    const onRetry = vi.fn();
    view({ error: 'PUT /api/admin/orders/14/status answered 400: status must be one of: pending, preparing', onRetry });
    expect(screen.getByRole('alert')).toHaveTextContent('answered 400');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('shows skeletons while the first list loads, and an empty state after', async () => {
    const { container, rerender } = render(<OrdersBoardView orders={[]} status="connecting" />);
    expect(root(container)).toHaveAttribute('data-loading');
    expect(root(container)).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByText('Loading orders…')).toBeInTheDocument();
    await expectNoAxeViolations(container, noContrast);
    rerender(<OrdersBoardView orders={[]} status="open" />);
    expect(root(container)).not.toHaveAttribute('data-loading');
    expect(screen.getByText('No orders yet')).toBeInTheDocument();
  });

  it.each([['reconnecting', 'Reconnecting…'], ['closed', 'Offline']] as const)('keeps showing orders, marked stale, while %s', (status, text) => {
    const { container } = view({ status });
    expect(root(container)).toHaveAttribute('data-stale');
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(5);
  });

  it('filters by status with toggle buttons that show counts', () => {
    const onFilterChange = vi.fn();
    const { container } = view({ onFilterChange });
    const filter = screen.getByRole('group', { name: 'Filter orders by status' });
    expect(within(filter).getByRole('button', { name: 'All (5)' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(filter).getByRole('button', { name: 'Ready (1)' }));
    expect(onFilterChange).toHaveBeenCalledWith('ready');
    expect(root(container)).toHaveAttribute('data-filter', 'ready');
    expect(screen.getAllByRole('article').map((a) => a.querySelector('h3')!.textContent)).toEqual(['Order #13 · Malee S.']);
    view({ orders: [ordersByStatus[0]!], defaultFilter: 'completed' });
    expect(screen.getByText('No completed orders')).toBeInTheDocument();
  });

  it('summarises a long order on one line and lists every item on demand', () => {
    view({ orders: [longOrder] });
    const article = card(16);
    expect(within(article).getByText('3 × Pad Thai, 2 × Green Curry, 2 × Tom Yum Goong + 5 more')).toBeInTheDocument();
    expect(article.querySelectorAll('details li')).toHaveLength(8);
    expect(article.querySelector('h3 span')).toHaveAttribute('title', longOrder.customerName);
  });

  it('has no kit class names when unstyled', () => {
    const { container } = view({ unstyled: true });
    expect(container.querySelectorAll('[class]')).toHaveLength(0);
  });
});

describe('OrdersBoard on the simulator server (Socket.IO)', () => {
  const harness = useSimulatorServer();

  it('moves an order along over REST: the badge changes and the server applies it', async () => {
    renderLive(harness, <OrdersBoard locale="en-US" />, { token: 'admin', backends: { timing: { transport: socketIoTransport() } } });
    const total = harness.simulator.world.timingOrders.size;
    await until(() => screen.queryAllByRole('article').length === total && screen.queryByText('Live'), 'the order list');
    const created = harness.server.emit.timingNewOrder({ customer_name: 'Ploy' });
    await until(() => screen.getByRole('status', { name: 'New orders' }).textContent?.includes(`New order #${created.id} from Ploy`), 'the banner');
    fireEvent.click(screen.getByRole('button', { name: `Mark order ${created.id} preparing` }));
    expect(card(created.id).querySelector('[data-status]')).toHaveAttribute('data-status', 'preparing');
    await until(() => harness.simulator.world.timingOrders.get(created.id)?.status === 'preparing', 'the server to apply it');
    await until(() => enabledButtons(created.id).includes(`Mark order ${created.id} ready`), 'the next step');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('OrdersBoardView with 500 orders under a stream of status changes', () => {
  it('re-renders only the row whose order changed, in one commit (React Profiler)', () => {
    const commits: string[] = [];
    const onStatusChange = vi.fn();
    const board = (orders: typeof fiveHundredOrders) => (
      <Profiler id="board" onRender={(_, phase) => commits.push(phase)}>
        <OrdersBoardView orders={orders} status="open" locale="en-US" onStatusChange={onStatusChange} />
      </Profiler>
    );
    const { rerender } = render(board(fiveHundredOrders));
    expect(rowRenders.count).toBeGreaterThanOrEqual(500);
    let orders = fiveHundredOrders;
    for (const i of [0, 250, 499]) {
      rowRenders.count = 0;
      commits.length = 0;
      orders = orders.map((o, j) => (j === i ? { ...o, status: 'ready' } : o));
      rerender(board(orders));
      expect(rowRenders.count).toBe(1);
      expect(commits).toEqual(['update']);
      expect(document.querySelector(`li[data-order-id="${orders[i]!.id}"]`)).toHaveAttribute('data-status', 'ready');
    }
  }, 60_000);

  it('re-renders one row when a status change for an order is in flight', () => {
    const { rerender } = view({ orders: fiveHundredOrders });
    rowRenders.count = 0;
    rerender(<OrdersBoardView orders={fiveHundredOrders} status="open" locale="en-US" pending={{ [fiveHundredOrders[7]!.id]: true }} />);
    expect(rowRenders.count).toBe(1);
    expect(document.querySelector(`li[data-order-id="${fiveHundredOrders[7]!.id}"]`)).toHaveAttribute('data-pending');
  }, 60_000);
});

