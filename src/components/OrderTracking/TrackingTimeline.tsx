import type { ReactElement } from 'react';
import type { ClassNameFn } from '../../componentUtils/classNames';
import { StatusIcon } from '../StatusBadge/StatusIcon';
import { stepIndex, trackingSteps } from './trackingSteps';

export interface TrackingTimelineProps {
  status: string;
  cls: ClassNameFn;
}

type StepState = 'complete' | 'current' | 'upcoming';

const stateText: Record<StepState, string> = { complete: 'Done', current: 'In progress', upcoming: 'Not yet' };

/**
 * Order received → Preparing → Ready for pickup → Completed, as an ordered list. The current
 * step has `aria-current="step"`; each step says in words whether it is done, in progress
 * or still to come, and done steps also get a check mark, so colour is never the only cue.
 */
export function TrackingTimeline({ status, cls }: TrackingTimelineProps): ReactElement {
  const current = stepIndex(status);
  const last = trackingSteps.length - 1;
  return (
    <ol className={cls('rrk-order-tracking__timeline')} aria-label="Order progress" data-step={current}>
      {trackingSteps.map((step, i) => {
        // The final step is both current and done: a completed order has nothing in progress.
        const state: StepState = i < current || (i === current && i === last) ? 'complete' : i === current ? 'current' : 'upcoming';
        return (
          <li key={step.status} className={cls('rrk-order-tracking__step')} data-state={state} data-status={step.status} aria-current={i === current ? 'step' : undefined}>
            <span className={cls('rrk-order-tracking__marker')} aria-hidden="true">
              {state === 'complete' ? <StatusIcon name="check" /> : state === 'current' ? <StatusIcon name="dot" /> : null}
            </span>
            {i < last && <span className={cls('rrk-order-tracking__connector')} aria-hidden="true" />}
            <span className={cls('rrk-order-tracking__step-label')}>{step.label}</span>
            <span className={state === 'upcoming' ? cls('rrk-visually-hidden') : cls('rrk-order-tracking__step-state')}>
              {/* A separator for screen readers, which would otherwise run the two words together. */}
              <span className={cls('rrk-visually-hidden')}>: </span>
              {stateText[state]}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
