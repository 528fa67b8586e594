import { render } from '@testing-library/react';
import { describe, it } from 'vitest';
import '../../src/styles.css';
import { OrderCardView } from 'react-realtime-kit';
import { boostingOrders } from '../fixtures/orders';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

describe.each(['light', 'dark'] as const)('OrderCard in Chromium (%s theme)', (theme) => {
  it('passes axe, colour contrast included, in every state', async () => {
    const { container } = render(
      <main data-theme={theme} style={{ background: 'var(--rrk-color-surface)', padding: 16 }}>
        {boostingOrders.map((order) => <OrderCardView key={order.id} orderId={order.id} order={order} status="open" />)}
        <OrderCardView orderId={1} order={boostingOrders[0]} status="reconnecting" highlight />
        <OrderCardView orderId={2} order={undefined} status="connecting" />
        <OrderCardView orderId={3} order={undefined} status="open" notFound />
      </main>,
    );
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });
});
