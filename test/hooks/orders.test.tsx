// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useConnectionStatus, useOrderSocket, useOrderSockets } from 'react-realtime-kit';
import { renderLive, sessionsOf, until, useSimulatorServer } from './harness';

const harness = useSimulatorServer();

function Card({ id, renders }: { id: number | string | undefined; renders?: Record<string, number> }) {
  const { order, status, lastEvent, error } = useOrderSocket(id);
  if (renders) renders[String(id)] = (renders[String(id)] ?? 0) + 1;
  if (error) return <p role="alert">{error}</p>;
  return (
    <article data-testid={`card-${id}`} data-status={status}>
      {order ? `${order.status}|${order.progress}|${order.boosterPrice}|${lastEvent?.kind}` : 'loading'}
    </article>
  );
}

describe('useOrderSocket', () => {
  it("shows an order's snapshot and its live changes", async () => {
    renderLive(harness, <Card id={101} />);
    await until(() => screen.getByTestId('card-101').dataset.status === 'open', 'open');
    await until(() => screen.getByTestId('card-101').textContent !== 'loading', 'the snapshot');
    harness.server.emit.orderUpdate({ order_id: 101, status: 'Continue', progress: 64, booster_price: '85.50' });
    await until(() => screen.getByTestId('card-101').textContent === 'Continue|64|85.5|order/upsert', 'the update');
  });

  it.each([
    [undefined, 'orderId must be a positive integer (got undefined). Pass the numeric id of the order to watch.'],
    [Number.NaN, 'orderId must be a positive integer (got NaN). Pass the numeric id of the order to watch.'],
    [-1, 'orderId must be a positive integer (got -1). Pass the numeric id of the order to watch.'],
  ])('returns an error for %s and opens no socket', async (id, message) => {
    renderLive(harness, <><Card id={id} /><Card id={103} /></>);
    expect(screen.getByRole('alert').textContent).toBe(message);
    await until(() => screen.getByTestId('card-103').textContent !== 'loading', 'the valid card');
    expect(harness.server.simulator.sessions().map((s) => s.backend)).toEqual(['orderStream']);
  });

  it('re-renders only the consumer whose order changed, among 200', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => 1000 + i);
    for (const id of ids) harness.simulator.world.addBoostOrder({ order_id: id, status: 'New', progress: 0 });
    const renders: Record<string, number> = {};
    const { client } = renderLive(harness, <>{ids.map((id) => <Card key={id} id={id} renders={renders} />)}</>);
    await until(() => {
      const state = client.store.getState();
      return ids.every((id) => state.orders.byId[id] && state.connections[`orders:${id}`]?.status === 'open');
    }, 'all 200 snapshots', 15_000);
    await until(() => ids.every((id) => screen.getByTestId(`card-${id}`).dataset.status === 'open'), 'all 200 cards live');
    expect(sessionsOf(harness, 'orderStream')).toHaveLength(200);
    for (const id of ids) renders[id] = 0;
    harness.server.emit.orderUpdate({ order_id: 1050, progress: 10 });
    await until(() => screen.getByTestId('card-1050').textContent?.startsWith('New|10|'), 'the first update');
    harness.server.emit.orderUpdate({ order_id: 1050, progress: 20 });
    await until(() => screen.getByTestId('card-1050').textContent?.startsWith('New|20|'), 'the second update');
    const rerendered = Object.entries(renders).filter(([, n]) => n > 0);
    expect(rerendered).toEqual([['1050', 2]]);
  });
});

describe('useOrderSockets', () => {
  function Board({ ids }: { ids: (number | string)[] }) {
    const { orders, statuses, errors } = useOrderSockets(ids);
    const overall = useConnectionStatus();
    return (
      <div data-testid="board" data-overall={overall.status}>
        {orders.map((o, i) => `${o?.id ?? '?'}:${statuses[i]}`).join(',')}
        {errors.length ? ` errors:${errors.length}` : ''}
      </div>
    );
  }

  it('watches many orders, skipping bad ids with an error each', async () => {
    renderLive(harness, <Board ids={[101, 102, 'x', 102, 104]} />);
    await until(() => screen.getByTestId('board').textContent === '101:open,102:open,104:open errors:1', 'three live orders');
    expect(screen.getByTestId('board').dataset.overall).toBe('open');
    expect(sessionsOf(harness, 'orderStream')).toHaveLength(3);
  });
});
