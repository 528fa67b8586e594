// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrderCard } from 'react-realtime-kit';
import { renderLive, until, useSimulatorServer } from './harness';

const harness = useSimulatorServer();

describe('OrderCard on the simulator', () => {
  it('shows the live order, highlights a change, and says when an order does not exist', async () => {
    renderLive(harness, <><OrderCard orderId={101} highlightFor={5000} /><OrderCard orderId={4242} notFoundAfter={100} /></>);
    const card = await until(() => screen.queryByRole('article', { name: 'Order #101' })?.getAttribute('data-state') === 'ready' && screen.getByRole('article', { name: 'Order #101' }), 'order 101');
    expect(card).not.toHaveAttribute('data-changed');
    harness.server.emit.orderUpdate({ order_id: 101, progress: 88, status: 'Continue' });
    await until(() => within(card).getByRole('progressbar').getAttribute('aria-valuenow') === '88', 'the new progress');
    // The highlight is set by an effect once the change rendered: wait for it, don't race it.
    await until(() => card.getAttribute('data-changed') === 'true', 'the change highlight');
    await until(() => screen.getByRole('article', { name: 'Order #4242' }).getAttribute('data-state') === 'not-found', 'not found');
  });
});
