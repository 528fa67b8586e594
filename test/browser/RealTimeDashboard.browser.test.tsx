// RealTimeDashboard in real Chromium with the shipped CSS: axe computes colour contrast
// (jsdom cannot), and the layout (scrolling list, ellipsis, responsive grid) is real.
import { render } from '@testing-library/react';
import '../../src/styles.css';
import { RealTimeDashboardView } from 'react-realtime-kit';
import { approvalError, liveDashboard, longNameUser, manyPendingUsers, pendingUsers } from '../fixtures/admin';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

// Width only for layout checks: text that straddles the test iframe's edge is something axe cannot judge.
function renderThemed(theme: 'light' | 'dark', ui: React.ReactNode, width?: number) {
  return render(
    <div data-theme={theme} style={{ background: 'var(--rrk-color-surface)', color: 'var(--rrk-color-text)', padding: 16, width }}>
      {ui}
    </div>,
  );
}

describe('RealTimeDashboard in Chromium', () => {
  it.each(['light', 'dark'] as const)('live, stale with an error, and loading all pass axe, colour contrast included (%s theme)', async (theme) => {
    const { container } = renderThemed(
      theme,
      <>
        <RealTimeDashboardView {...liveDashboard} pending={{ [pendingUsers[0]!.id]: true }} title="Live" />
        <RealTimeDashboardView {...liveDashboard} status="reconnecting" attempt={2} error={approvalError} onRetry={() => {}} title="Stale" />
        <RealTimeDashboardView stats={null} pendingCount={null} status="connecting" title="Loading" />
      </>,
    );
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });

  it('scrolls sixty pending users inside their card and cuts a long name with an ellipsis', () => {
    const { container } = renderThemed('light', <RealTimeDashboardView {...liveDashboard} pendingUsers={[longNameUser, ...manyPendingUsers]} pendingCount={61} />);
    const list = container.querySelector<HTMLElement>('[aria-label="Pending users list"]')!;
    expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
    expect(list.clientHeight).toBeLessThanOrEqual(20 * 16 + 1);
    const name = container.querySelector<HTMLElement>('.rrk-dashboard__user-name')!;
    expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
  });

  it('lays the cards out in columns when wide and in one column when narrow', () => {
    const columns = (width: number) => {
      const { container, unmount } = renderThemed('light', <RealTimeDashboardView {...liveDashboard} />, width);
      const grid = container.querySelector<HTMLElement>('.rrk-dashboard__grid')!;
      const count = getComputedStyle(grid).gridTemplateColumns.split(' ').length;
      unmount();
      return count;
    };
    expect(columns(1100)).toBeGreaterThanOrEqual(3);
    expect(columns(320)).toBe(1);
  });

  it('draws each bar with a height proportional to its value', () => {
    const { container } = renderThemed('light', <RealTimeDashboardView {...liveDashboard} stats={{ orders_by_status: { New: 5, Done: 10 } }} />);
    const [half, full] = [...container.querySelectorAll<SVGRectElement>('.rrk-dashboard__chart-bar')].map((bar) => bar.getBoundingClientRect().height);
    expect(full).toBeGreaterThan(0);
    expect(half! / full!).toBeCloseTo(0.5, 1);
  });
});

describe('RealTimeDashboard in Chromium: what an update costs', () => {
  it('contains each card, and its skeletons pulse opacity rather than repainting a gradient', () => {
    const { container, unmount } = renderThemed('light', <RealTimeDashboardView {...liveDashboard} />);
    const cards = container.querySelectorAll<HTMLElement>('[data-card]');
    expect(cards.length).toBeGreaterThan(4);
    // layout paint style, which Chromium reports by its short name.
    for (const card of cards) expect(getComputedStyle(card).contain).toBe('content');
    unmount();

    const loading = renderThemed('light', <RealTimeDashboardView stats={null} pendingCount={null} status="connecting" />);
    const skeleton = loading.container.querySelector<HTMLElement>('.rrk-dashboard__skeleton')!;
    const animation = skeleton.getAnimations()[0] as CSSAnimation;
    expect(animation.animationName).toBe('rrk-dashboard-pulse');
    const keyframes = (animation.effect as KeyframeEffect).getKeyframes();
    const animated = new Set(keyframes.flatMap((k) => Object.keys(k).filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p))));
    expect([...animated]).toEqual(['opacity']);
  });
});

