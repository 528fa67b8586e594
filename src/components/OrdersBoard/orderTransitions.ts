import type { TimingStatus } from '../../backends/timing/timingDialect';

/** A status button: where it moves an order, its visible text, and its accessible name. */
export interface StatusStep {
  status: TimingStatus;
  text: string;
  /** Contains `text`, so speech users can say what they see (WCAG 2.5.3). */
  name(orderId: string): string;
}

/** The kitchen's buttons, in the order a board shows them. */
export const statusSteps: readonly StatusStep[] = [
  { status: 'preparing', text: 'Preparing', name: (id) => `Mark order ${id} preparing` },
  { status: 'ready', text: 'Ready', name: (id) => `Mark order ${id} ready` },
  { status: 'completed', text: 'Completed', name: (id) => `Mark order ${id} completed` },
  { status: 'cancelled', text: 'Cancel', name: (id) => `Cancel order ${id}` },
];

const forward: Readonly<Record<string, TimingStatus>> = { pending: 'preparing', preparing: 'ready', ready: 'completed' };

/** The next step forward, if any: pending → preparing → ready → completed. */
export function nextStatus(status: string): TimingStatus | undefined {
  return forward[status.trim().toLowerCase()];
}

/**
 * Where an order may go from `status`: one step forward, or cancelled while it is still
 * open. Completed, cancelled and unknown statuses go nowhere, so a board never offers a
 * move the server would refuse or that would undo a finished order.
 */
export function allowedTransitions(status: string): TimingStatus[] {
  const next = nextStatus(status);
  return next ? [next, 'cancelled'] : [];
}
