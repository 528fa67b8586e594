// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { OrderTracking, OrderTrackingView, type OrderTrackingViewProps } from 'react-realtime-kit';
import { defaultTotal, longOrder, timingOrder } from '../fixtures/timingOrders';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';
import { renderLive, until, useSimulatorServer } from '../hooks/harness';

// en-US pinned so exact money strings do not depend on the machine's default locale.
const view = (props: Partial<OrderTrackingViewProps> = {}) => render(<OrderTrackingView orderId={12} order={timingOrder(12, 'preparing')} locale="en-US" {...props} />);
const root = (container: HTMLElement) => container.querySelector<HTMLElement>('section')!;
const steps = () => within(screen.getByRole('list', { name: 'Order progress' })).getAllByRole('listitem');
const noContrast = { rules: { 'color-contrast': { enabled: false } } };

describe('OrderTrackingView', () => {
  it.each([
    ['pending', 0, ['current', 'upcoming', 'upcoming', 'upcoming']],
    ['preparing', 1, ['complete', 'current', 'upcoming', 'upcoming']],
    ['ready', 2, ['complete', 'complete', 'current', 'upcoming']],
    ['completed', 3, ['complete', 'complete', 'complete', 'complete']],
  ] as const)('marks the timeline for a %s order', async (status, current, states) => {
    const { container } = view({ order: timingOrder(12, status) });
    const items = steps();
    expect(items.map((li) => li.dataset.status)).toEqual(['pending', 'preparing', 'ready', 'completed']);
    expect(items.map((li) => li.dataset.state)).toEqual(states);
    expect(items.filter((li) => li.getAttribute('aria-current') === 'step')).toEqual([items[current]]);
    // Words, not just colour: each step says where it stands, and done steps have a check mark.
    expect(items[current]).toHaveTextContent(status === 'completed' ? 'Completed: Done' : /: In progress$/);
    for (const li of items.filter((l) => l.dataset.state === 'complete')) {
      expect(li).toHaveTextContent(/: Done$/);
      expect(li.querySelector('svg[data-icon="check"]')).not.toBeNull();
    }
    expect(root(container)).toHaveAttribute('data-state', status === 'completed' ? 'completed' : 'active');
    await expectNoAxeViolations(container, noContrast);
  });

  it('uses the customer’s words for the steps and the badge', () => {
    const { container } = view({ order: timingOrder(12, 'ready') });
    expect(steps().map((li) => li.textContent)).toEqual(['Order received: Done', 'Preparing: Done', 'Ready for pickup: In progress', 'Completed: Not yet']);
    expect(screen.getByRole('heading', { name: 'Order #12' })).toBeInTheDocument();
    const badge = container.querySelector('p [data-status="ready"]');
    expect(badge).toHaveTextContent('Ready for pickup');
  });

  it('replaces the timeline with a clear cancelled notice', async () => {
    const { container } = view({ order: timingOrder(12, 'cancelled') });
    expect(screen.queryByRole('list', { name: 'Order progress' })).toBeNull();
    expect(screen.getByText('This order was cancelled.')).toBeInTheDocument();
    expect(container.querySelector('[data-status="cancelled"]')).toHaveTextContent('Cancelled');
    expect(root(container)).toHaveAttribute('data-state', 'cancelled');
    await expectNoAxeViolations(container, noContrast);
  });

  it('lists the items and the total in baht by default, or another currency', () => {
    const { unmount } = view();
    expect(screen.getByRole('list', { name: 'Items' })).toHaveTextContent('2 × Pad Thai฿240.00');
    expect(screen.getByText('Total').parentElement).toHaveTextContent(`Total ${defaultTotal.thb}`);
    unmount();
    view({ currency: 'USD', locale: 'en-US' });
    expect(screen.getByText('Total').parentElement).toHaveTextContent(`Total ${defaultTotal.usd}`);
  });

  it('lists every line of a long order', () => {
    view({ order: longOrder });
    expect(within(screen.getByRole('list', { name: 'Items' })).getAllByRole('listitem')).toHaveLength(8);
  });

  it('says "Live" on a socket, and how often it refreshes while polling', () => {
    const onRefresh = vi.fn();
    const { container, rerender } = view({ mode: 'live' });
    expect(screen.getByText('Live')).toBeInTheDocument();
    expect(root(container)).toHaveAttribute('data-mode', 'live');
    rerender(<OrderTrackingView order={timingOrder(12, 'preparing')} mode="polling" onRefresh={onRefresh} />);
    expect(screen.getByText(/Updated every 30 s/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledOnce();
    rerender(<OrderTrackingView order={timingOrder(12, 'preparing')} mode="polling" pollInterval={120_000} />);
    expect(screen.getByText(/Updated every 2 min/)).toBeInTheDocument();
  });

  it('shows a skeleton while loading', async () => {
    const { container } = render(<OrderTrackingView orderId={12} loading />);
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(root(container)).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading order…')).toBeInTheDocument();
    await expectNoAxeViolations(container, noContrast);
  });

  it('says when there is no such order', () => {
    const { container } = render(<OrderTrackingView orderId={999} notFound error="GET /api/orders/999/status answered 404: Order not found" />);
    expect(root(container)).toHaveAttribute('data-state', 'not-found');
    expect(screen.getByText(/We could not find order #999/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an error with a retry, and keeps a known order on screen when a later poll fails', async () => {
    const onRefresh = vi.fn();
    const { container, rerender } = render(<OrderTrackingView orderId={12} error="loading order 12 failed: Failed to fetch" onRefresh={onRefresh} />);
    expect(root(container)).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load this order: loading order 12 failed: Failed to fetch');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRefresh).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container, noContrast);
    rerender(<OrderTrackingView order={timingOrder(12, 'ready')} error="loading order 12 failed: Failed to fetch" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not refresh');
    expect(screen.getByRole('list', { name: 'Order progress' })).toBeInTheDocument();
  });

  it('explains the idle state (no order id)', () => {
    const { container } = render(<OrderTrackingView mode="idle" />);
    expect(root(container)).toHaveAttribute('data-state', 'idle');
    expect(screen.getByText(/No order to track yet/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Your order' })).toBeInTheDocument();
  });

  it('has no kit class names when unstyled', () => {
    const { container } = view({ unstyled: true });
    expect(container.querySelectorAll('[class]')).toHaveLength(0);
  });
});

describe('OrderTracking on the simulator server', () => {
  const harness = useSimulatorServer();

  it('polls a customer’s order and follows it along the timeline', async () => {
    const order = harness.simulator.emit.timingNewOrder({ customer_name: 'Guest', items: [{ menu_name: 'Tom Yum Goong', quantity: 1, price: 180 }] });
    const { container } = renderLive(harness, <OrderTracking orderId={order.id} pollInterval={50} locale="en-US" />, { token: 'demo' });
    await until(() => root(container).dataset.state === 'active', 'the first poll');
    expect(root(container)).toHaveAttribute('data-mode', 'polling');
    expect(screen.getByText('Total').parentElement).toHaveTextContent('฿180.00');
    harness.simulator.emit.timingStatus(order.id, 'ready');
    await until(() => screen.getByText('Ready for pickup', { selector: 'li span' }).closest('li')?.getAttribute('aria-current') === 'step', 'the ready step');
  });

  it('says when the order does not exist', async () => {
    const { container } = renderLive(harness, <OrderTracking orderId={9999} pollInterval={50} />, { token: 'demo' });
    await until(() => root(container).dataset.state === 'not-found', 'the 404');
    expect(screen.getByText(/We could not find order #9999/)).toBeInTheDocument();
  });
});
