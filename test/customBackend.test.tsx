// @vitest-environment jsdom
// The README's "Write your own backend" example, exactly as printed there, against a real
// `ws` server on 127.0.0.1: its data reaches a component, its commands reach the server, and a
// reconnect resyncs it.
import { render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { RealtimeProvider } from 'react-realtime-kit';
import { useQuote } from '../docs/examples/tickerBackend';
import { clientFor } from './helpers/clientFor';
import { useWsServer } from './helpers/useWsServer';

const live = useWsServer();

function Price({ symbol }: { symbol: string }) {
  const quote = useQuote(symbol);
  return <p data-testid={symbol}>{quote ? `${quote.symbol} ${quote.price.toFixed(2)}` : 'waiting'}</p>;
}

const quote = (symbol: string, price: number) => JSON.stringify({ type: 'quote', symbol, price, time: '2026-12-01T10:00:00Z' });
const watched = (received: string[]) => received.map((r) => JSON.parse(r) as { type: string; symbols: string[] }).filter((m) => m.type === 'watch').flatMap((m) => m.symbols);

describe('a sixth backend written by an app (README: Write your own backend)', () => {
  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  });

  it('is printed in the README exactly as tested, in under 60 lines', () => {
    const source = readFileSync('docs/examples/tickerBackend.ts', 'utf8').trim();
    expect(readFileSync('README.md', 'utf8')).toContain(source);
    expect(source.split('\n').length).toBeLessThan(60);
  });

  it('brings its data to a component, its commands to the server, and resyncs after a reconnect', async () => {
    const server = live.current;
    const { client, errors } = clientFor(server, { token: 't0ken' });
    render(
      <RealtimeProvider client={client}>
        <Price symbol="ACME" />
        <Price symbol="INIT" />
      </RealtimeProvider>,
    );
    expect(screen.getByTestId('ACME').textContent).toBe('waiting');

    // Commands reach the server, on the backend's path with the token in the query.
    const first = await server.waitFor(() => server.open()[0], 'the ticker socket');
    expect(new URL(first.url, 'ws://x').pathname).toBe('/ws/ticker/');
    expect(new URL(first.url, 'ws://x').searchParams.get('token')).toBe('t0ken');
    await server.waitFor(() => ['ACME', 'INIT'].every((s) => watched(first.received).includes(s)), 'both watch commands');

    // Data reaches the components; a frame the dialect refuses is reported and changes nothing.
    first.socket.send(quote('ACME', 12.5));
    first.socket.send(JSON.stringify({ type: 'quote', symbol: 'INIT', price: 'cheap', time: 'now' }));
    await waitFor(() => expect(screen.getByTestId('ACME').textContent).toBe('ACME 12.50'));
    expect(screen.getByTestId('INIT').textContent).toBe('waiting');
    await waitFor(() => expect(errors.map((e) => e.code)).toEqual(['invalid-frame']));
    expect(errors[0]!.message).toContain('ticker quote: "price"');

    // The server drops the socket; on the new one the backend's onOpen asks for both again.
    first.socket.terminate();
    const second = await server.waitFor(() => server.open().find((c) => c !== first), 'the reconnect');
    await server.waitFor(() => ['ACME', 'INIT'].every((s) => watched(second.received).includes(s)), 'the resync on the new socket');
    second.socket.send(quote('INIT', 3));
    second.socket.send(quote('ACME', 13));
    await waitFor(() => expect(screen.getByTestId('ACME').textContent).toBe('ACME 13.00'));
    expect(screen.getByTestId('INIT').textContent).toBe('INIT 3.00');
    expect(client.stats.reconnects).toBe(1);
  });
});
