// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { StatusBadge, statusInfo } from 'react-realtime-kit';
import {
  approvalStatuses,
  boostingStatuses,
  knownStatuses,
  longStatus,
  timingStatuses,
  unknownStatuses,
  variantSpellings,
  type StatusCase,
} from '../fixtures/statuses';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

function badgeFor(status: string, props: Partial<Parameters<typeof StatusBadge>[0]> = {}) {
  const { container } = render(<StatusBadge status={status} {...props} />);
  const badge = container.firstElementChild as HTMLElement;
  return badge;
}

function expectBadge(badge: HTMLElement, c: StatusCase) {
  expect(badge).toHaveAttribute('data-status', c.key);
  expect(badge).toHaveAttribute('data-tone', c.tone);
  expect(badge).toHaveTextContent(c.label, { normalizeWhitespace: false });
  const icon = badge.querySelector('svg');
  expect(icon).not.toBeNull();
  expect(icon).toHaveAttribute('data-icon', c.icon);
  expect(icon).toHaveAttribute('aria-hidden', 'true');
}

describe('StatusBadge', () => {
  it.each(knownStatuses.map((c) => [c.status, c] as const))('renders known status %j with its label and icon', (_, c) => {
    expectBadge(badgeFor(c.status), c);
  });

  it.each(variantSpellings.map((c) => [c.status, c] as const))('recognises the spelling %j', (_, c) => {
    expectBadge(badgeFor(c.status), c);
  });

  it.each(unknownStatuses.map((c) => [c.status, c] as const))('renders unknown status %j neutrally with its own text', (_, c) => {
    const badge = badgeFor(c.status);
    expectBadge(badge, c);
    expect(badge).toHaveAttribute('title', c.label);
  });

  it('never relies on colour alone: within each vocabulary every status has its own icon and label', () => {
    for (const vocabulary of [boostingStatuses, timingStatuses, approvalStatuses]) {
      const infos = vocabulary.map((c) => statusInfo(c.status));
      expect(new Set(infos.map((i) => i.icon)).size).toBe(vocabulary.length);
      expect(new Set(infos.map((i) => i.label)).size).toBe(vocabulary.length);
    }
  });

  it('shows the wire spelling "Droped" as "Dropped"', () => {
    render(<StatusBadge status="Droped" />);
    expect(screen.getByText('Dropped')).toBeInTheDocument();
    expect(screen.queryByText('Droped')).toBeNull();
  });

  it('renders markup in a status as text', () => {
    const badge = badgeFor('<img src=x onerror=alert(1)>');
    expect(badge.querySelector('img')).toBeNull();
    expect(badge).toHaveTextContent('<img src=x onerror=alert(1)>');
  });

  it('survives a non-string status from an untyped caller', () => {
    for (const bad of [undefined, null, 42, { status: 'Done' }]) {
      const badge = badgeFor(bad as unknown as string);
      expect(badge).toHaveAttribute('data-tone', 'neutral');
    }
  });

  it('puts the full text of a long status in title and keeps data-status short', () => {
    const badge = badgeFor(longStatus);
    expect(badge).toHaveAttribute('title', longStatus);
    expect(badge.getAttribute('data-status')!.length).toBeLessThanOrEqual(64);
  });

  it('gives short known statuses no title', () => {
    expect(badgeFor('Done')).not.toHaveAttribute('title');
  });

  it('shows an override label but keeps the status state', () => {
    const badge = badgeFor('ready', { label: 'Ready for pickup' });
    expect(badge).toHaveTextContent('Ready for pickup');
    expect(badge).toHaveAttribute('data-status', 'ready');
    expect(badge).toHaveAttribute('data-tone', 'info');
  });

  it('carries the kit class names, the size and a custom className', () => {
    const badge = badgeFor('pending', { size: 'sm', className: 'mine' });
    expect(badge).toHaveClass('rrk-status-badge', 'mine');
    expect(badge).toHaveAttribute('data-size', 'sm');
    expect(badgeFor('pending')).toHaveAttribute('data-size', 'md');
  });

  it('has no kit class names when unstyled, but keeps its data attributes', () => {
    const badge = badgeFor('completed', { unstyled: true });
    expect(badge.outerHTML).not.toContain('rrk-');
    expect(badge).not.toHaveAttribute('class');
    expect(badge).toHaveAttribute('data-status', 'completed');
    expect(badgeFor('completed', { unstyled: true, className: 'app-badge' }).className).toBe('app-badge');
  });

  it('passes other span attributes through', () => {
    const badge = badgeFor('approved', { id: 'b1', 'aria-describedby': 'why' });
    expect(badge).toHaveAttribute('id', 'b1');
    expect(badge).toHaveAttribute('aria-describedby', 'why');
  });

  it.each(['light', 'dark'])('a grid of every status has no axe violations (%s theme)', async (theme) => {
    const { container } = render(
      <div data-theme={theme}>
        <ul aria-label="Statuses">
          {[...knownStatuses, ...unknownStatuses].map((c, i) => (
            <li key={i}>
              <StatusBadge status={c.status} />
              <StatusBadge status={c.status} size="sm" />
            </li>
          ))}
        </ul>
      </div>,
    );
    expect(within(container).getAllByRole('listitem')).toHaveLength(knownStatuses.length + unknownStatuses.length);
    // jsdom has no layout or canvas, so contrast is left to test/browser/StatusBadge.browser.test.tsx.
    await expectNoAxeViolations(container, { rules: { 'color-contrast': { enabled: false } } });
  });
});
