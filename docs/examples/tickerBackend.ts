import { useEffect } from 'react';
import { parseTyped, useRealtimeClient, useRealtimeState, useSubscription, type BackendDefinition, type StoreSlice } from 'react-realtime-kit';

// Wire: {"type":"quote","symbol":"ACME","price":12.5,"time":"…"} in; {"type":"watch","symbols":[…]} out.
export interface Quote { symbol: string; price: number; time: string }
export interface TickerSlice { quotes: Record<string, Quote>; watching: string[] }
type TickerCommand = { type: 'watch'; symbols: string[] };
type TickerEvent = { kind: 'ticker/quote'; quote: Quote } | { kind: 'ticker/watch'; symbol: string };

declare module 'react-realtime-kit' {
  interface RealtimeSlices { ticker: TickerSlice }
}

export const tickerSlice: StoreSlice<TickerSlice> = {
  key: 'ticker',
  initial: { quotes: {}, watching: [] },
  limits: { symbols: 500 },
  reduce(slice, entry, limits) {
    const event = entry.event as TickerEvent;
    if (event.kind === 'ticker/quote') return { ...slice, quotes: { ...slice.quotes, [event.quote.symbol]: event.quote } };
    if (event.kind === 'ticker/watch' && !slice.watching.includes(event.symbol)) return { ...slice, watching: [...slice.watching, event.symbol].slice(-limits.symbols!) };
    return slice;
  },
};

export const tickerBackend: BackendDefinition<TickerCommand> = {
  name: 'ticker',
  path: 'ws/ticker/',
  slices: [tickerSlice],
  dialect: {
    name: 'ticker',
    token: 'query', // ?token=… on the socket URL
    parse: (frame) =>
      parseTyped('ticker', frame, {
        quote: (r) => [{ kind: 'ticker/quote', quote: { symbol: r.string('symbol', 'required', { max: 16 }), price: r.number('price'), time: r.timestamp('time') } }],
      }),
    encode: (command) => JSON.stringify(command),
  },
  // The server forgets what a socket watched when it drops: every (re)open asks again.
  onOpen: ({ send, client }) => {
    const { watching } = client.store.getState().ticker;
    if (watching.length) send({ type: 'watch', symbols: watching });
  },
};

/** The live quote of one symbol; undefined until the first one arrives. */
export function useQuote(symbol: string): Quote | undefined {
  const client = useRealtimeClient();
  useSubscription(tickerBackend);
  useEffect(() => {
    client.dispatch({ endpoint: 'ticker', event: { kind: 'ticker/watch', symbol } });
    client.send(tickerBackend, { type: 'watch', symbols: [symbol] });
  }, [client, symbol]);
  return useRealtimeState((s) => s.ticker.quotes[symbol]);
}
