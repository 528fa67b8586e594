// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectionIndicatorView, type ConnectionStatus } from 'react-realtime-kit';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

describe('ConnectionIndicatorView', () => {
  it.each<[ConnectionStatus, number, string]>([
    ['open', 0, 'Live'],
    ['connecting', 0, 'Connecting…'],
    ['reconnecting', 1, 'Reconnecting…'],
    ['reconnecting', 3, 'Reconnecting (attempt 3)…'],
    ['closed', 0, 'Offline'],
    ['failed', 0, 'Connection failed'],
    ['idle', 0, 'Not connected'],
  ])('%s (attempt %i) reads "%s", with data-connection for styling', (status, attempt, text) => {
    render(<ConnectionIndicatorView status={status} attempt={attempt} label="Orders" />);
    const indicator = screen.getByRole('status');
    expect(indicator).toHaveTextContent(`Orders: ${text}`);
    expect(indicator).toHaveAttribute('data-connection', status);
  });

  it('shows the attempt number but keeps it out of what is announced, and can stay silent', () => {
    const { container } = render(<ConnectionIndicatorView status="reconnecting" attempt={4} />);
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting (attempt 4)…');
    expect(container.querySelector('[aria-hidden="true"]:not(.rrk-connection__dot)')).toHaveTextContent('(attempt 4)');
    render(<ConnectionIndicatorView status="open" announce={false} data-testid="quiet" />);
    expect(screen.getByTestId('quiet')).not.toHaveAttribute('role');
  });

  it('keeps the text for screen readers when compact', () => {
    render(<ConnectionIndicatorView status="reconnecting" attempt={2} compact />);
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting (attempt 2)…');
    expect(screen.getByRole('status')).toHaveAttribute('title', 'Reconnecting (attempt 2)…');
  });

  it('has no class names when unstyled, and no axe violations', async () => {
    const { container } = render(
      <div>
        <ConnectionIndicatorView status="open" unstyled />
        <ConnectionIndicatorView status="failed" compact />
      </div>,
    );
    expect(container.firstElementChild!.firstElementChild!.getAttribute('class')).toBeNull();
    await expectNoAxeViolations(container);
  });
});
