/** What the gate decided for one event. */
export type ToastDecision = 'show' | 'duplicate' | 'overflow';

export interface ToastGate {
  /**
   * Decide for one event. `duplicate`: its slot already showed this very id. `show`: within
   * the rate. `overflow`: over the rate, so it only counts toward the summary toast.
   * `inPlace`: the event updates a toast already on screen, so it is deduped but adds no
   * toast and is never rate-limited.
   */
  offer(id: string, slot: string, now: number, maxPerSecond: number, inPlace?: boolean): ToastDecision;
  /** Events summarised since the summary toast appeared. */
  readonly overflowCount: number;
  /** The summary toast closed: the next flood starts a new count. */
  resetOverflow(): void;
}

/** Slots remembered for dedupe; older ones are forgotten first, so memory stays bounded. */
export const GATE_MEMORY = 2000;

const WINDOW_MS = 1000;

/**
 * Dedupe plus a per-second rate limit, with time passed in (no timers), so it is pure enough
 * to test without fake clocks. A flood keeps going to the summary for as long as it lasts:
 * individual toasts resume only after a window that stayed within the rate, otherwise a
 * steady flood would still add `maxPerSecond` new toasts every second.
 */
export function createToastGate(memory = GATE_MEMORY): ToastGate {
  const seen = new Map<string, string>();
  let windowStart = Number.NEGATIVE_INFINITY;
  let inWindow = 0;
  let flooding = false;
  let overflow = 0;

  return {
    offer(id, slot, now, maxPerSecond, inPlace = false) {
      if (seen.get(slot) === id) return 'duplicate';
      seen.delete(slot); // re-insert, so Map order is least recently used first
      seen.set(slot, id);
      if (seen.size > memory) seen.delete(seen.keys().next().value!);
      if (inPlace) return 'show';

      if (now - windowStart >= WINDOW_MS) {
        // The flood continues only into the window right after an overflowing one.
        flooding = inWindow > maxPerSecond && now - windowStart < 2 * WINDOW_MS;
        windowStart = now;
        inWindow = 0;
      }
      inWindow += 1;
      if (!flooding && inWindow <= maxPerSecond) return 'show';
      overflow += 1;
      return 'overflow';
    },
    get overflowCount() {
      return overflow;
    },
    resetOverflow() {
      overflow = 0;
    },
  };
}
