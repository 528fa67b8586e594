import type { ReactElement } from 'react';
import { classNames } from '../../componentUtils/classNames';

export interface ProgressBarProps {
  /** 0–100, or null when unknown. */
  value: number | null | undefined;
  /** Accessible name. @default 'Progress' */
  label?: string;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean;
}

/**
 * A progress bar with `role="progressbar"`; the number is also shown as text. The fill is
 * scaled (`transform: scaleX()`), never resized, so a change moves on the compositor.
 */
export function ProgressBar({ value, label = 'Progress', unstyled = false }: ProgressBarProps): ReactElement {
  const known = typeof value === 'number' && Number.isFinite(value);
  const clamped = known ? Math.min(100, Math.max(0, value)) : 0;
  const cls = classNames(unstyled);
  return (
    <div className={cls('rrk-progress')} data-known={known}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? clamped : undefined}
        aria-valuetext={known ? `${clamped}%` : 'Not started'}
        className={cls('rrk-progress__track')}
      >
        <span className={cls('rrk-progress__fill')} style={{ transform: `scaleX(${clamped / 100})` }} />
      </div>
      <span className={cls('rrk-progress__value')} aria-hidden="true">
        {known ? `${clamped}%` : '—'}
      </span>
    </div>
  );
}
