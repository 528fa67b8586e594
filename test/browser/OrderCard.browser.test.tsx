import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../src/styles.css';
import { OrderCardView, ProgressBar } from 'react-realtime-kit';
import { boostingOrders } from '../fixtures/orders';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

describe.each(['light', 'dark'] as const)('OrderCard in Chromium (%s theme)', (theme) => {
  it('passes axe, colour contrast included, in every state', async () => {
    const { container } = render(
      <main data-theme={theme} style={{ background: 'var(--rrk-color-surface)', padding: 16 }}>
        {boostingOrders.map((order) => <OrderCardView key={order.id} orderId={order.id} order={order} status="open" />)}
        <OrderCardView orderId={1} order={boostingOrders[0]} status="reconnecting" highlight />
        <OrderCardView orderId={2} order={undefined} status="connecting" />
        <OrderCardView orderId={3} order={undefined} status="open" notFound />
      </main>,
    );
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });
});

describe('OrderCard change highlight in Chromium', () => {
  const ring = (card: Element) => Number(getComputedStyle(card, '::after').opacity);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  function renderCard(changeKey: string, highlightFor = 300) {
    const ui = (key: string) => <OrderCardView orderId={101} order={boostingOrders[0]} status="open" changeKey={key} highlightFor={highlightFor} />;
    const view = render(ui(changeKey));
    return { card: view.container.querySelector('article')!, change: (key: string) => view.rerender(ui(key)) };
  }

  it('shows a ring at once on change, none on an unchanged frame, and fades it out by opacity alone', async () => {
    const { card, change } = renderCard('a');
    expect(ring(card)).toBe(0);
    change('a');
    expect(ring(card)).toBe(0);
    expect(card).not.toHaveAttribute('data-changed');

    change('b');
    expect(card).toHaveAttribute('data-changed', 'true');
    expect(ring(card)).toBe(1);
    expect(document.getAnimations()).toHaveLength(0); // nothing runs while it shows

    await sleep(400);
    expect(card).not.toHaveAttribute('data-changed');
    const fades = document.getAnimations() as CSSTransition[];
    expect(fades.map((a) => [a.transitionProperty, (a.effect as KeyframeEffect).pseudoElement])).toEqual([['opacity', '::after']]);
    fades[0]!.finish();
    expect(ring(card)).toBe(0);
  });

  it('keeps one steady ring while changes keep coming, and ends it after the last', async () => {
    const { card, change } = renderCard('a');
    for (const key of ['b', 'c', 'd']) {
      change(key);
      await sleep(200);
      expect(card).toHaveAttribute('data-changed', 'true');
    }
    expect(document.getAnimations()).toHaveLength(0);
    await sleep(200);
    expect(card).not.toHaveAttribute('data-changed');
  });

  it('moves the progress fill with a transition on a single change, and makes it jump while changes come faster', async () => {
    const order = boostingOrders[0]!;
    const ui = (key: string, progress: number) => <OrderCardView orderId={101} order={{ ...order, progress }} status="open" changeKey={key} highlightFor={1000} />;
    const view = render(ui('a', 10));
    const card = view.container.querySelector('article')!;
    const fillMoves = () => (document.getAnimations() as CSSTransition[]).filter((a) => a.transitionProperty === 'transform');
    const fill = card.querySelector('.rrk-progress__fill')!;
    expect(getComputedStyle(fill).transform).toBe('matrix(0.1, 0, 0, 1, 0, 0)'); // the style a transition starts from
    view.rerender(ui('b', 20));
    // Chromium's getAnimations() does not restyle first; reading the style does (as a frame would).
    expect(getComputedStyle(fill).transform).not.toBe('matrix(0.2, 0, 0, 1, 0, 0)'); // on its way from 10 %, not there yet
    expect(fillMoves()).toHaveLength(1);
    await sleep(50);
    view.rerender(ui('c', 30));
    expect(card).toHaveAttribute('data-rapid', 'true');
    expect(getComputedStyle(fill).transform).toBe('matrix(0.3, 0, 0, 1, 0, 0)'); // at 30 % at once
    expect(fillMoves()).toHaveLength(0);
  });
});

describe('ProgressBar in Chromium', () => {
  const rects = (container: HTMLElement) => {
    const track = container.querySelector('[role="progressbar"]')!.getBoundingClientRect();
    const fill = container.querySelector('.rrk-progress__fill')!.getBoundingClientRect();
    return { track, fill };
  };

  it.each(['ltr', 'rtl'] as const)('fills from the start edge (%s) by scaling, with the value for assistive technology', (dir) => {
    const { container } = render(
      <div dir={dir} style={{ inlineSize: 400 }}>
        <ProgressBar value={25} label="Progress of order 1" />
      </div>,
    );
    const bar = container.querySelector('[role="progressbar"]')!;
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar).toHaveAttribute('aria-valuetext', '25%');
    const fill = container.querySelector<HTMLElement>('.rrk-progress__fill')!;
    expect(getComputedStyle(fill).transform).toBe('matrix(0.25, 0, 0, 1, 0, 0)');
    const { track, fill: drawn } = rects(container);
    expect(drawn.width).toBeCloseTo(track.width / 4, 0);
    if (dir === 'ltr') expect(drawn.left).toBeCloseTo(track.left, 0);
    else expect(drawn.right).toBeCloseTo(track.right, 0);
  });
});
