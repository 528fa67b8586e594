// OrdersBoard in real Chromium with the shipped CSS: colour contrast in both themes, and the
// real layout of long names.
import { render } from '@testing-library/react';
import '../../src/styles.css';
import { OrdersBoardView } from 'react-realtime-kit';
import { fiveHundredOrders, longOrder, newOrder, ordersByStatus } from '../fixtures/timingOrders';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

// No fixed width: text that straddles the test iframe's edge is something axe cannot judge.
function renderThemed(theme: 'light' | 'dark', ui: React.ReactNode) {
  return render(
    <div data-theme={theme} style={{ background: 'var(--rrk-color-surface)', color: 'var(--rrk-color-text)', padding: 16 }}>
      {ui}
    </div>,
  );
}

describe('OrdersBoard in Chromium', () => {
  it.each(['light', 'dark'] as const)('live with a banner, stale with an error, and loading pass axe, colour contrast included (%s theme)', async (theme) => {
    const { container } = renderThemed(
      theme,
      <>
        <OrdersBoardView orders={[newOrder, longOrder, ...ordersByStatus]} latestOrder={newOrder} pending={{ '14': true }} status="open" title="Live" />
        <OrdersBoardView orders={ordersByStatus} status="closed" error="PUT /api/admin/orders/14/status answered 400: bad status" onRetry={() => {}} defaultFilter="ready" title="Stale" />
        <OrdersBoardView orders={[]} status="connecting" title="Loading" />
      </>,
    );
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });

  it('wraps a very long customer name inside its card', () => {
    const { container } = renderThemed('light', <OrdersBoardView orders={[longOrder]} status="open" />);
    const card = container.querySelector<HTMLElement>('.rrk-orders-board__order')!;
    const title = card.querySelector<HTMLElement>('h3')!;
    expect(title.getBoundingClientRect().right).toBeLessThanOrEqual(card.getBoundingClientRect().right);
  });
});

describe('OrdersBoard in Chromium with 500 orders', () => {
  it('contains each row and skips laying out the rows out of view; a change shows in its row', async () => {
    const { container, rerender } = renderThemed('light', <OrdersBoardView orders={fiveHundredOrders} status="open" locale="en-US" />);
    const rows = container.querySelectorAll<HTMLElement>('li[data-order-id]');
    expect(rows).toHaveLength(500);
    const style = getComputedStyle(rows[0]!);
    // layout paint style, which Chromium reports by its short name.
    expect(style.contain).toBe('content');
    expect(style.contentVisibility).toBe('auto');
    // An off-screen row keeps a reserved height, so the scrollbar stays put.
    expect(rows[499]!.getBoundingClientRect().height).toBeGreaterThan(100);

    const changed = fiveHundredOrders.map((o, i) => (i === 300 ? { ...o, status: 'ready' } : o));
    rerender(
      <div data-theme="light" style={{ background: 'var(--rrk-color-surface)', color: 'var(--rrk-color-text)', padding: 16 }}>
        <OrdersBoardView orders={changed} status="open" locale="en-US" />
      </div>,
    );
    expect(container.querySelector(`li[data-order-id="${changed[300]!.id}"]`)).toHaveAttribute('data-status', 'ready');
  });
});

