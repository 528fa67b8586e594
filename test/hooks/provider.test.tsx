// @vitest-environment jsdom
import { render, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { RealtimeProvider, useOrderSocket, useRealtimeClient } from 'react-realtime-kit';
import { OriginWebSocket } from '../helpers/clientFor';
import { renderLive, sessionsOf, until, useSimulatorServer } from './harness';

const harness = useSimulatorServer();

function Status({ id }: { id: number }) {
  const { order, status } = useOrderSocket(id);
  return <p data-testid={`order-${id}`}>{order ? `${order.status} ${order.progress}` : status}</p>;
}

describe('RealtimeProvider and useRealtimeClient', () => {
  it('throws a message naming the fix outside a provider', () => {
    expect(() => renderHook(() => useRealtimeClient())).toThrow(
      'useRealtimeClient must be used inside <RealtimeProvider>: wrap your app in <RealtimeProvider client={createRealtimeClient({ url, token })}> (react-realtime-kit).',
    );
    expect(() => renderHook(() => useOrderSocket(1))).toThrow(/useRealtimeClient must be used inside <RealtimeProvider>/);
  });

  it('creates a client from options, and disposes it (closing its sockets) on unmount', async () => {
    const view = render(
      <RealtimeProvider options={{ url: harness.server.url, WebSocket: OriginWebSocket as never, heartbeat: false }}>
        <Status id={101} />
      </RealtimeProvider>,
    );
    await until(() => !/idle|connecting/.test(view.getByTestId('order-101').textContent ?? ''), 'order 101 on screen');
    expect(sessionsOf(harness, 'orderStream')).toHaveLength(1);
    view.unmount();
    await until(() => sessionsOf(harness, 'orderStream').length === 0, 'the server to see the close');
  });

  it('opens one socket under StrictMode, however many components watch the order', async () => {
    const view = renderLive(
      harness,
      <StrictMode>
        <Status id={102} />
        <Status id={102} />
        <Status id={102} />
      </StrictMode>,
    );
    await until(() => view.getAllByTestId('order-102').every((p) => /\d/.test(p.textContent ?? '')), 'three cards with data');
    expect(sessionsOf(harness, 'orderStream')).toHaveLength(1);
    expect(harness.server.simulator.sessions().length).toBe(1);
  });
});
