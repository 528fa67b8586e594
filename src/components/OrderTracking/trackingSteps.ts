import type { TimingStatus } from '../../backends/timing/timingDialect';

/** One step of the customer timeline. */
export interface TrackingStep {
  status: TimingStatus;
  label: string;
}

/** The customer's words for the Timing statuses, in order (PROTOCOLS.md §2). `cancelled` is not a step. */
export const trackingSteps: readonly TrackingStep[] = [
  { status: 'pending', label: 'Order received' },
  { status: 'preparing', label: 'Preparing' },
  { status: 'ready', label: 'Ready for pickup' },
  { status: 'completed', label: 'Completed' },
];

/** The index of `status` in the timeline, or -1 (cancelled, unknown). */
export function stepIndex(status: string | undefined): number {
  const key = (status ?? '').trim().toLowerCase();
  return trackingSteps.findIndex((step) => step.status === key);
}

/** "30 s", "2 min": how often a polling tracker refreshes. */
export function intervalText(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'regularly';
  const seconds = Math.round(ms / 1000);
  return seconds < 60 || seconds % 60 !== 0 ? `${Math.max(1, seconds)} s` : `${seconds / 60} min`;
}
