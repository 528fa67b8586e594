// OrderTracking in real Chromium with the shipped CSS: colour contrast in both themes.
import { render } from '@testing-library/react';
import '../../src/styles.css';
import { OrderTrackingView } from 'react-realtime-kit';
import { longOrder, timingOrder } from '../fixtures/timingOrders';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

function renderThemed(theme: 'light' | 'dark', ui: React.ReactNode) {
  return render(
    <div data-theme={theme} style={{ background: 'var(--rrk-color-surface)', color: 'var(--rrk-color-text)', padding: 16, display: 'grid', gap: 16 }}>
      {ui}
    </div>,
  );
}

describe('OrderTracking in Chromium', () => {
  it.each(['light', 'dark'] as const)('every state passes axe, colour contrast included (%s theme)', async (theme) => {
    const { container } = renderThemed(
      theme,
      <>
        <OrderTrackingView order={timingOrder(1, 'preparing')} mode="live" />
        <OrderTrackingView order={timingOrder(2, 'completed')} mode="polling" onRefresh={() => {}} />
        <OrderTrackingView order={timingOrder(3, 'cancelled')} />
        <OrderTrackingView order={longOrder} error="loading order 16 failed: Failed to fetch" onRefresh={() => {}} />
        <OrderTrackingView orderId={4} loading />
        <OrderTrackingView orderId={999} notFound />
        <OrderTrackingView mode="idle" />
      </>,
    );
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });

  it('shows done steps with a check mark in the success colour and the current step in bold', () => {
    const { container } = renderThemed('light', <OrderTrackingView order={timingOrder(1, 'ready')} />);
    const [done, , current] = [...container.querySelectorAll<HTMLElement>('.rrk-order-tracking__step')];
    expect(done!.querySelector('svg[data-icon="check"]')!.getBoundingClientRect().width).toBeGreaterThan(0);
    expect(getComputedStyle(done!.querySelector('.rrk-order-tracking__marker')!).color).toBe('rgb(22, 101, 52)');
    expect(Number(getComputedStyle(current!).fontWeight)).toBeGreaterThanOrEqual(600);
  });
});
