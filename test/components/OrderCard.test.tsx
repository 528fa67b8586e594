// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { Activity, Profiler, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrderCardView, formatCurrency } from 'react-realtime-kit';
import { continuingOrder, doneOrder, longNamesOrder, sparseOrder, unknownStatusOrder } from '../fixtures/orders';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

describe('OrderCardView', () => {
  it('shows status, progress, price as currency, booster and rank', () => {
    render(<OrderCardView orderId={123} order={continuingOrder} status="open" />);
    const card = screen.getByRole('article', { name: 'Order #123' });
    expect(card).toHaveAttribute('data-state', 'ready');
    expect(card).toHaveAttribute('data-connection', 'open');
    expect(within(card).getByText('Continue')).toBeInTheDocument();
    const bar = within(card).getByRole('progressbar', { name: 'Progress of order 123' });
    expect(bar).toHaveAttribute('aria-valuenow', '75');
    expect(bar).toHaveAttribute('aria-valuetext', '75%');
    expect(within(card).getByText('$85.50')).toBeInTheDocument();
    expect(within(card).getByText('pro_booster')).toBeInTheDocument();
    expect(within(card).getByText('Platinum, division 2, 1 marks')).toBeInTheDocument();
    expect(card.querySelector('time, dd')).not.toBeNull();
  });

  it('formats the price in the currency and locale asked for', () => {
    render(<OrderCardView orderId={123} order={continuingOrder} status="open" currency="THB" locale="en-US" />);
    expect(screen.getByText('฿85.50')).toBeInTheDocument();
    expect(formatCurrency(240, 'THB', 'th-TH')).toBe('฿240.00');
    expect(formatCurrency(12.5, 'EUR', 'de-DE')).toBe('12,50 €');
    expect(formatCurrency(null, 'USD')).toBe('—');
    expect(formatCurrency(5, 'NOT-A-CODE')).toBe('5.00 NOT-A-CODE');
  });

  it('renders nulls from the server as dashes, with an unknown progress', () => {
    render(<OrderCardView orderId={128} order={sparseOrder} status="open" />);
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', 'Not started');
    expect(screen.getAllByText('—').length).toBeGreaterThanOrEqual(3);
  });

  it('renders an unknown status neutrally and keeps long names whole', () => {
    const { container } = render(<OrderCardView orderId={129} order={unknownStatusOrder} status="open" />);
    expect(container.querySelector('[data-status]')).toHaveAttribute('data-tone', 'neutral');
    render(<OrderCardView orderId={130} order={longNamesOrder} status="open" />);
    expect(screen.getByText(longNamesOrder.boosterUsername!)).toBeInTheDocument();
  });

  it.each([
    [{ order: undefined, status: 'connecting' as const }, 'loading', 'Loading order…'],
    [{ order: undefined, status: 'failed' as const }, 'loading', 'Offline: the order will load when the connection is back.'],
    [{ order: undefined, status: 'open' as const, notFound: true }, 'not-found', 'No data from the server for this order yet. It may not exist, or the server could not send it; the card updates when it does.'],
    [{ order: continuingOrder, status: 'reconnecting' as const }, 'ready', 'Reconnecting… showing the last known state.'],
    [{ order: continuingOrder, status: 'closed' as const }, 'ready', 'Offline: showing the last known state.'],
  ])('shows the %o state', (props, state, text) => {
    render(<OrderCardView orderId={5} {...props} />);
    expect(screen.getByRole('article')).toHaveAttribute('data-state', state);
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('shows an unusable id as an alert', () => {
    render(<OrderCardView orderId={undefined} order={undefined} status="idle" error="orderId must be a positive integer (got undefined)." />);
    expect(screen.getByRole('alert')).toHaveTextContent('orderId must be a positive integer (got undefined).');
    expect(screen.getByRole('article')).toHaveAttribute('data-state', 'error');
  });

  it('marks a recent change with data-changed, and works unstyled', () => {
    const { container } = render(<OrderCardView orderId={125} order={doneOrder} status="open" highlight unstyled />);
    const card = screen.getByRole('article');
    expect(card).toHaveAttribute('data-changed', 'true');
    expect(container.querySelector('[class]')).toBeNull();
  });

  it('shows progress by scaling the fill, never by resizing it', () => {
    const { container } = render(<OrderCardView orderId={123} order={continuingOrder} status="open" />);
    const fill = container.querySelector<HTMLElement>('.rrk-progress__fill')!;
    expect(fill.style.transform).toBe('scaleX(0.75)');
    expect(fill.style.inlineSize).toBe('');
    expect(fill.style.width).toBe('');
  });

  it('has no axe violations in any state', async () => {
    const { container } = render(
      <main>
        <OrderCardView orderId={123} order={continuingOrder} status="open" />
        <OrderCardView orderId={128} order={sparseOrder} status="reconnecting" />
        <OrderCardView orderId={5} order={undefined} status="connecting" />
        <OrderCardView orderId={6} order={undefined} status="open" notFound />
        <OrderCardView orderId={undefined} order={undefined} status="idle" error="bad id" />
      </main>,
    );
    await expectNoAxeViolations(container);
  });
});

describe('OrderCardView change highlight (changeKey)', () => {
  afterEach(() => void vi.useRealTimers());

  function Board({ changeKey, status = 'open', highlightFor }: { changeKey: unknown; status?: 'open' | 'reconnecting'; highlightFor?: number }): ReactElement {
    return <OrderCardView orderId={101} order={continuingOrder} status={status} changeKey={changeKey} highlightFor={highlightFor} />;
  }

  function setup(highlightFor?: number) {
    let renders = 0;
    const ui = (changeKey: unknown, status?: 'open' | 'reconnecting') => (
      <Profiler id="card" onRender={() => (renders += 1)}>
        <Board changeKey={changeKey} status={status} highlightFor={highlightFor} />
      </Profiler>
    );
    const view = render(ui('snapshot'));
    return { card: within(view.container).getByRole('article', { name: 'Order #101' }), rerender: (key: unknown, status?: 'open' | 'reconnecting') => view.rerender(ui(key, status)), renders: () => renders };
  }

  it('is off for the first value and for a render that changed nothing it watches', () => {
    const { card, rerender } = setup();
    expect(card).not.toHaveAttribute('data-changed');
    rerender('snapshot', 'reconnecting');
    expect(card).not.toHaveAttribute('data-changed');
  });

  it('appears with the change, in that one render, and goes after highlightFor without another render', () => {
    vi.useFakeTimers();
    const { card, rerender, renders } = setup(1200);
    const before = renders();
    rerender('event 2');
    expect(card).toHaveAttribute('data-changed', 'true');
    expect(renders() - before).toBe(1);
    act(() => void vi.advanceTimersByTime(1100));
    expect(card).toHaveAttribute('data-changed', 'true');
    act(() => void vi.advanceTimersByTime(200));
    expect(card).not.toHaveAttribute('data-changed');
    expect(renders() - before).toBe(1);
  });

  it('restarts on each change, and highlightFor 0 turns it off', () => {
    vi.useFakeTimers();
    const { card, rerender } = setup(1000);
    rerender('event 2');
    act(() => void vi.advanceTimersByTime(800));
    rerender('event 3');
    act(() => void vi.advanceTimersByTime(800));
    expect(card).toHaveAttribute('data-changed', 'true');
    act(() => void vi.advanceTimersByTime(300));
    expect(card).not.toHaveAttribute('data-changed');

    const off = setup(0);
    off.rerender('event 2');
    expect(off.card).not.toHaveAttribute('data-changed');
  });

  it('ends the highlight when the card is hidden mid-highlight (<Activity>), and highlights the next change after it shows', () => {
    vi.useFakeTimers();
    const ui = (key: string, mode: 'visible' | 'hidden') => (
      <Activity mode={mode}>
        <OrderCardView orderId={101} order={continuingOrder} status="open" changeKey={key} highlightFor={1000} />
      </Activity>
    );
    const view = render(ui('a', 'visible'));
    const card = view.container.querySelector('article')!;
    view.rerender(ui('b', 'visible'));
    view.rerender(ui('c', 'visible'));
    expect(card).toHaveAttribute('data-rapid', 'true');
    view.rerender(ui('c', 'hidden'));
    view.rerender(ui('c', 'visible'));
    expect(card).not.toHaveAttribute('data-changed');
    expect(card).not.toHaveAttribute('data-rapid');
    view.rerender(ui('d', 'visible'));
    expect(card).toHaveAttribute('data-changed', 'true');
    act(() => void vi.advanceTimersByTime(1001));
    expect(card).not.toHaveAttribute('data-changed');
  });

  it('marks a card changing faster than its highlight as data-rapid (the progress fill then jumps), until it settles', () => {
    vi.useFakeTimers();
    const { card, rerender } = setup(1000);
    rerender('event 2');
    // One change: the fill may take its transition.
    expect(card).not.toHaveAttribute('data-rapid');
    act(() => void vi.advanceTimersByTime(100));
    rerender('event 3');
    expect(card).toHaveAttribute('data-rapid', 'true');
    act(() => void vi.advanceTimersByTime(1001));
    expect(card).not.toHaveAttribute('data-rapid');
    expect(card).not.toHaveAttribute('data-changed');
    // Settled: the next single change animates again.
    rerender('event 4');
    expect(card).toHaveAttribute('data-changed', 'true');
    expect(card).not.toHaveAttribute('data-rapid');
  });
});
