/**
 * The component profile page (bench/profileComponents.ts): N real `OrderCard`s, one per-order
 * socket each, with `dist/styles.css` (unless `styles=0`). It reuses the bench page's harness
 * (socket tap, ideal renders, lag, frame intervals): a card's `<Profiler>` commit reports the
 * status its badge shows, read from the DOM, so the harness's numbers mean the same as in
 * `npm run bench`.
 */
import { Profiler, type ProfilerOnRenderCallback, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createRealtimeClient, OrderCard, RealtimeProvider } from 'react-realtime-kit';
// `dist/styles.css` of the checkout profiled (bench/profileComponents.ts aliases it).
import styles from '@styles?inline';
import { bench, config } from '../page/harness';

const q = new URLSearchParams(location.search);
const highlightFor = Number(q.get('highlight') ?? 1500);
if (q.get('styles') !== '0') {
  const style = document.createElement('style');
  style.textContent = styles;
  document.head.append(style);
}
// `css=<rules>`: added after the stylesheet, to measure one rule's cost (e.g. content-visibility).
if (q.get('css')) {
  const style = document.createElement('style');
  style.textContent = q.get('css')!;
  document.head.append(style);
}

const client = createRealtimeClient({
  url: config.base,
  heartbeat: false,
  onError: (error) => bench.error(error.code, error.message),
});

/** Long tasks while measuring, summed (the "main-thread long tasks"). */
const longTasks = { total: 0, count: 0 };
new PerformanceObserver((list) => {
  if (!bench.measuring) return;
  for (const entry of list.getEntries()) {
    longTasks.total += entry.duration;
    longTasks.count += 1;
  }
}).observe({ entryTypes: ['longtask'] });

const labels: (Element | null)[] = [];
const onRender: ProfilerOnRenderCallback = (id, phase) => {
  const index = Number(id);
  bench.onRender(id, phase);
  if (phase === 'mount') bench.mountedCard();
  const label = (labels[index] ??= document.querySelector(`[data-card="${index}"] .rrk-status-badge__label`));
  if (!label?.isConnected) labels[index] = null;
  const text = label?.isConnected ? label.textContent : null;
  bench.committed(index, text === null ? undefined : text.startsWith('#') ? text : 'New');
};

function App(): ReactElement {
  return (
    <RealtimeProvider client={client}>
      {Array.from({ length: config.cards }, (_, index) => (
        <Profiler key={index} id={String(index)} onRender={onRender}>
          <OrderCard orderId={index + 1} highlightFor={highlightFor} data-card={index} />
        </Profiler>
      ))}
    </RealtimeProvider>
  );
}

Object.assign(window, { __longTasks: longTasks });
createRoot(document.getElementById('root')!).render(<App />);
