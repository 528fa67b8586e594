/**
 * The component bench page: N order cards as the kit's components draw them, with the kit's
 * `dist/styles.css` (`styles=0` in the query leaves it out). The card comes from the variant
 * module (`@cardVariant`): the kit's `OrderCard`, or react-use-websocket feeding the kit's
 * `OrderCardView`; the DOM is the same. A card's `<Profiler>` commit reports the status its
 * badge shows, read from the DOM, so the harness's renders, ideal, lag and frames mean what
 * they mean on the minimal-card page (bench/page/main.tsx).
 */
import type { ProfilerOnRenderCallback } from 'react';
import { Card, Root } from '@cardVariant';
import styles from '@kit-styles?inline';
import { mountCards } from './cardList';
import { bench } from './harness';

if (new URLSearchParams(location.search).get('styles') !== '0') {
  const style = document.createElement('style');
  style.textContent = styles;
  document.head.append(style);
}

const LABEL = '.rrk-status-badge__label';
bench.cardText = (card) => card.querySelector(LABEL)?.textContent ?? '—';

const labels: (Element | null)[] = [];
const reported: (string | undefined | null)[] = [];
const onRender: ProfilerOnRenderCallback = (id, phase) => {
  const index = Number(id);
  bench.onRender(id, phase);
  if (phase === 'mount') bench.mountedCard();
  let label = labels[index];
  if (!label?.isConnected) label = labels[index] = document.querySelector(`[data-card="${index}"] ${LABEL}`);
  // The badge shows `#<seq>` for a frame, the snapshot's `New` as New; no badge yet: nothing.
  const text = label ? (label.textContent ?? undefined) : undefined;
  // A commit that shows the same value (the change highlight's own render) is a render, not a
  // new value: the harness records each value once per card, as the minimal card's effect does.
  if (phase === 'mount' || text !== reported[index]) {
    reported[index] = text;
    bench.committed(index, text);
  }
};

mountCards(Root, Card, onRender);
