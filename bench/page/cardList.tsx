/**
 * The card pages' app: N cards, card i on order i+1 (every card on order 1 with `sameOrder`),
 * each in its own `<Profiler>`, under the variant's root; a card the socket check unmounts
 * (`__bench.unmount`) leaves the list.
 */
import { Profiler, useSyncExternalStore, type ComponentType, type ProfilerOnRenderCallback, type ReactElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { bench, config } from './harness';

const cards = Array.from({ length: config.cards }, (_, index) => ({ index, orderId: config.sameOrder ? 1 : index + 1 }));

export function mountCards(Root: ComponentType<{ children: ReactNode }>, Card: ComponentType<{ index: number; orderId: number }>, onRender: ProfilerOnRenderCallback): void {
  function App(): ReactElement {
    const removed = useSyncExternalStore(bench.subscribeRemoved, bench.getRemoved);
    return (
      <Root>
        {cards.map(({ index, orderId }) =>
          removed.has(index) ? null : (
            <Profiler key={index} id={String(index)} onRender={onRender}>
              <Card index={index} orderId={orderId} />
            </Profiler>
          ),
        )}
      </Root>
    );
  }
  createRoot(document.getElementById('root')!).render(<App />);
}
