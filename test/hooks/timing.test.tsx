// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useOrderTracking, useTimingOrders } from 'react-realtime-kit';
import { socketIoTransport } from 'react-realtime-kit/socketio';
import { renderLive, until, useSimulatorServer } from './harness';

const harness = useSimulatorServer();
const adminOptions = { token: 'admin', backends: { timing: { transport: socketIoTransport() } } };

function Board() {
  const { orders, latestOrder, status, updateOrderStatus, pending, error } = useTimingOrders();
  return (
    <section data-testid="board" data-status={status}>
      {latestOrder && <p data-testid="banner">New order #{latestOrder.id} from {latestOrder.customerName}</p>}
      {error && <p role="alert">{error}</p>}
      <ul>
        {orders.map((o) => (
          <li key={o.id} data-testid={`order-${o.id}`}>
            {o.customerName}:{o.status}
            <button disabled={pending[o.id]} onClick={() => void updateOrderStatus(o.id, 'ready')}>ready {o.id}</button>
            <button onClick={() => void updateOrderStatus(o.id, 'eaten')}>bad {o.id}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

describe('useTimingOrders', () => {
  it('loads the list, shows new orders live, and updates a status over REST', async () => {
    renderLive(harness, <Board />, adminOptions);
    const existing = harness.simulator.world.timingOrders.size;
    await until(() => screen.getByTestId('board').querySelectorAll('li').length === existing, 'the REST list');
    // The list comes over REST before the socket opens; new orders are announced on the socket.
    await until(() => screen.getByTestId('board').dataset.status === 'open', 'the socket');
    const created = harness.server.emit.timingNewOrder({ customer_name: 'Ploy' });
    await until(() => screen.queryByTestId('banner')?.textContent === `New order #${created.id} from Ploy`, 'the new-order banner');
    fireEvent.click(screen.getByText(`ready ${created.id}`));
    // Optimistic: the new status shows before the server answered.
    expect(screen.getByTestId(`order-${created.id}`).textContent).toContain('Ploy:ready');
    await until(() => harness.simulator.world.timingOrders.get(created.id)?.status === 'ready', 'the server to apply it');
    expect(harness.restCalls.some((r) => r.method === 'PUT' && r.path === `/api/admin/orders/${created.id}/status` && r.headers.authorization === 'Bearer admin')).toBe(true);
  });

  it('rolls an optimistic status back, with an error, when the server refuses it', async () => {
    const view = renderLive(harness, <Board />, adminOptions);
    const order = harness.server.emit.timingNewOrder({ customer_name: 'Krit' });
    await until(() => screen.queryByTestId(`order-${order.id}`), 'the order');
    fireEvent.click(screen.getByText(`bad ${order.id}`));
    expect(screen.getByTestId(`order-${order.id}`).textContent).toContain('Krit:eaten');
    await until(() => screen.queryByRole('alert'), 'the error');
    expect(screen.getByTestId(`order-${order.id}`).textContent).toContain('Krit:pending');
    expect(screen.getByRole('alert').textContent).toMatch(/^PUT \/api\/admin\/orders\/\d+\/status answered 400: /);
    expect(view.errors.map((e) => e.code)).toContain('rest');
  });

  it('reloads the list after a reconnect, so an order created while away shows up', async () => {
    renderLive(harness, <Board />, adminOptions);
    await until(() => screen.getByTestId('board').dataset.status === 'open', 'open');
    harness.server.faults.refuseHandshakes(401);
    harness.server.faults.dropAll();
    await until(() => screen.getByTestId('board').dataset.status === 'reconnecting', 'reconnecting');
    const missed = harness.simulator.emit.timingNewOrder({ customer_name: 'Away' });
    harness.server.faults.refuseHandshakes(null);
    await until(() => screen.queryByTestId(`order-${missed.id}`)?.textContent?.includes('Away:pending'), 'the missed order');
  });
});

function Tracker({ id, pollInterval }: { id: number | undefined; pollInterval: number }) {
  const { order, mode, loading, error } = useOrderTracking(id, { pollInterval });
  return <p data-testid="tracker" data-mode={mode}>{loading ? 'loading' : error ? `error: ${error}` : `${order?.status} ${order?.total}`}</p>;
}

describe('useOrderTracking (customer)', () => {
  it('polls the order status while no socket is open, and stops polling on unmount', async () => {
    const order = harness.simulator.emit.timingNewOrder({ customer_name: 'Guest', items: [{ menu_name: 'Tom Yum', quantity: 1, price: 150 }] });
    const view = renderLive(harness, <Tracker id={order.id} pollInterval={50} />, { token: 'demo' });
    await until(() => screen.getByTestId('tracker').textContent === 'pending 150', 'the first poll');
    expect(screen.getByTestId('tracker').dataset.mode).toBe('polling');
    harness.simulator.emit.timingStatus(order.id, 'preparing');
    await until(() => screen.getByTestId('tracker').textContent === 'preparing 150', 'a later poll');
    view.unmount();
    const polls = harness.restCalls.length;
    // Proving an absence takes time: three poll intervals pass with no further request.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(harness.restCalls.length).toBe(polls);
  });

  it('says what is wrong for a missing id or an unknown order', async () => {
    renderLive(harness, <><Tracker id={undefined} pollInterval={50} /><Tracker id={9999} pollInterval={60_000} /></>, { token: 'demo' });
    const [missing, unknown] = screen.getAllByTestId('tracker');
    expect(missing!.textContent).toBe('error: orderId is required: pass the id of the order to track.');
    await until(() => unknown!.textContent?.startsWith('error: GET /api/orders/9999/status answered 404'), 'the 404');
  });
});
