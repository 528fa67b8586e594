// StatusBadge in real Chromium with the shipped CSS: here axe can compute colour contrast,
// which jsdom cannot, and the layout (ellipsis) is real.
import { render } from '@testing-library/react';
import '../../src/styles.css';
import { StatusBadge } from 'react-realtime-kit';
import { knownStatuses, longStatus, unknownStatuses } from '../fixtures/statuses';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

function renderGrid(theme: 'light' | 'dark') {
  return render(
    <div data-theme={theme} style={{ background: 'var(--rrk-color-surface)', padding: 16 }}>
      <ul aria-label="Statuses">
        {[...knownStatuses, ...unknownStatuses].map((c, i) => (
          <li key={i}>
            <StatusBadge status={c.status} /> <StatusBadge status={c.status} size="sm" />
          </li>
        ))}
      </ul>
    </div>,
  );
}

describe('StatusBadge in Chromium', () => {
  it.each(['light', 'dark'] as const)('a grid of every status passes axe, colour contrast included (%s theme)', async (theme) => {
    const { container } = renderGrid(theme);
    await expectNoAxeViolations(container, { requireRules: ['color-contrast'] });
  });

  it('the dark theme really changes the colours', () => {
    const { container } = render(
      <>
        <div data-theme="light"><StatusBadge status="Done" /></div>
        <div data-theme="dark"><StatusBadge status="Done" /></div>
      </>,
    );
    const [light, dark] = [...container.querySelectorAll<HTMLElement>('.rrk-status-badge')].map((el) => getComputedStyle(el));
    expect(light!.color).toBe('rgb(22, 101, 52)');
    expect(dark!.color).toBe('rgb(187, 247, 208)');
    expect(light!.backgroundColor).not.toBe(dark!.backgroundColor);
  });

  it('cuts a long status with an ellipsis, keeps the icon, and puts the full text in title', () => {
    const { container } = render(<StatusBadge status={longStatus} />);
    const badge = container.querySelector<HTMLElement>('.rrk-status-badge')!;
    const label = badge.querySelector<HTMLElement>('.rrk-status-badge__label')!;
    const icon = badge.querySelector('svg')!;
    expect(badge.getBoundingClientRect().width).toBeLessThanOrEqual(16 * 16 + 1);
    expect(label.scrollWidth).toBeGreaterThan(label.clientWidth);
    expect(getComputedStyle(label).textOverflow).toBe('ellipsis');
    expect(icon.getBoundingClientRect().width).toBeGreaterThan(0);
    expect(badge.title).toBe(longStatus);
  });

  it('an app rule overrides kit styles without !important (selectors are in :where())', () => {
    const style = document.createElement('style');
    style.textContent = '.app-badge { border-radius: 0; }';
    document.head.append(style);
    try {
      const { container } = render(<StatusBadge status="ready" className="app-badge" />);
      expect(getComputedStyle(container.firstElementChild!).borderRadius).toBe('0px');
    } finally {
      style.remove();
    }
  });

  it('unstyled badges get none of the kit styles', () => {
    const { container } = render(<StatusBadge status="ready" unstyled />);
    const badge = container.firstElementChild as HTMLElement;
    expect(getComputedStyle(badge).display).toBe('inline');
    expect(getComputedStyle(badge).borderStyle).toBe('none');
  });
});
