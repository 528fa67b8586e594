// @vitest-environment jsdom
// Every connected component renders any store state the reducers can produce from hostile
// events (prototype-member names as ids, kinds and keys; emoji; empty and long texts) without
// throwing and without React reporting an error.
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import type { ReactElement } from 'react';
import {
  adminBackend,
  chatBackend,
  ChatPanel,
  chatSseDialect,
  ConnectionIndicator,
  ConversationList,
  createRealtimeClient,
  NotificationBell,
  notificationsBackend,
  OrderCard,
  ordersBackend,
  OrdersBoard,
  RealtimeProvider,
  RealTimeDashboard,
  timingBackend,
  type RealtimeState,
  type TransportFactory,
} from 'react-realtime-kit';
import { reduceBatch } from '../../src/core/store/createRealtimeStore';
import { initialState, slicesWith } from '../helpers/storeOf';
import { event } from './events';
import { RUNS, TIMEOUT } from './hostile';

/** Rendering seven components costs far more than a reducer run: a fortieth of the runs. */
const RENDER_RUNS = Math.max(50, Math.round(RUNS / 40));
const slices = slicesWith();
/** Sockets that never open: the state under test is the one put in the store. */
const idle: TransportFactory = () => ({ send: () => false, reconnect: () => undefined, close: () => undefined });

function stateFrom(batches: Parameters<typeof reduceBatch>[1][]): RealtimeState {
  let s = initialState();
  for (const batch of batches) s = reduceBatch(s, batch, slices, () => undefined);
  return s;
}

function board(state: RealtimeState): ReactElement {
  const peer = Object.keys(state.chat.byPeer)[0] ?? 'nobody';
  const orderId = state.orders.ids.find((id) => /^[1-9]\d{0,8}$/.test(id)) ?? '1';
  return (
    <>
      <ConnectionIndicator />
      <NotificationBell defaultOpen />
      <OrderCard orderId={orderId} />
      <OrdersBoard socket={false} pollInterval={60_000} />
      <RealTimeDashboard />
      <ConversationList pollInterval={false} onSelect={() => undefined} />
      <ChatPanel peerId={peer} />
    </>
  );
}

describe('hostile store states: every connected component', () => {
  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  });

  it(`renders whatever the reducers produce, without a throw or a React error (${RENDER_RUNS} runs)`, { timeout: TIMEOUT }, () => {
    const reactErrors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      // React's own reports of a bad render; anything else a component logs is not this test's subject.
      if (/not valid as a React child|Each child in a list should have a unique "key"|Encountered two children with the same key|Cannot read properties|is not a function/.test(text)) reactErrors.push(text.slice(0, 300));
    };
    try {
      fc.assert(
        fc.property(fc.array(fc.array(event, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }), (batches) => {
          reactErrors.length = 0;
          const state = stateFrom(batches);
          const client = createRealtimeClient({
            url: 'ws://127.0.0.1:1',
            apiUrl: 'http://127.0.0.1:1',
            transport: idle,
            // REST answers never come: every list stays as the state has it.
            fetch: () => new Promise<Response>(() => undefined),
            backends: { chat: { dialect: chatSseDialect } },
            onError: () => undefined,
          });
          try {
            for (const backend of [ordersBackend, timingBackend, notificationsBackend, chatBackend, adminBackend]) client.use(backend);
            client.store.setState(state, true);
            render(<RealtimeProvider client={client}>{board(state)}</RealtimeProvider>);
            if (reactErrors.length) throw new Error(`React reported: ${reactErrors[0]}`);
          } finally {
            cleanup();
            client.dispose();
          }
        }),
        { numRuns: RENDER_RUNS },
      );
    } finally {
      console.error = original;
    }
  });
});
