// OrdersBoard in real Chromium with the shipped CSS: colour contrast in both themes, and the
// real layout of long names.
import { render } from '@testing-library/react';
import '../../src/styles.css';
import { OrdersBoardView } from 'react-realtime-kit';
import { longOrder, newOrder, ordersByStatus } from '../fixtures/timingOrders';
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
