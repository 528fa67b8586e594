/**
 * The bench page: N minimal cards, the same DOM and the same work on both sides. Only
 * `useCardStatus` (from the variant module, `@variant`) differs: the kit's hooks or
 * react-use-websocket. Built once per variant by bench/lib/build.ts.
 */
import { Profiler, useLayoutEffect, useSyncExternalStore, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Root, useCardStatus } from '@variant';
import { bench, config } from './harness';

function CardView({ index, orderId, status }: { index: number; orderId: number; status: string | undefined }): ReactElement {
  useLayoutEffect(() => bench.mountedCard(), []);
  useLayoutEffect(() => bench.committed(index, status), [index, status]);
  return (
    <div className="card" data-card={index}>
      {orderId} <b>{status ?? '—'}</b>
    </div>
  );
}

function Card({ index, orderId }: { index: number; orderId: number }): ReactElement {
  const status = useCardStatus(orderId);
  return <CardView index={index} orderId={orderId} status={status} />;
}

const cards = Array.from({ length: config.cards }, (_, index) => ({ index, orderId: config.sameOrder ? 1 : index + 1 }));

function App(): ReactElement {
  const removed = useSyncExternalStore(bench.subscribeRemoved, bench.getRemoved);
  return (
    <Root>
      {cards.map(({ index, orderId }) =>
        removed.has(index) ? null : (
          <Profiler key={index} id={String(index)} onRender={bench.onRender}>
            <Card index={index} orderId={orderId} />
          </Profiler>
        ),
      )}
    </Root>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
