import { useEffect, useRef } from 'react';
import type { RealtimeError } from '../core/RealtimeError';

/**
 * Run `poll` now and every `interval` ms while `enabled`, one call at a time. After a failure
 * the next call waits twice as long each time (up to 8 × `interval`), and never less than a
 * server's `Retry-After` (a 429's `error.retryAfter`); a success goes back to `interval`.
 * Stops on unmount; starts over (polling at once) when `restartOn` changes. Runs only in an
 * effect, so server rendering polls nothing.
 */
export function usePoll(poll: () => Promise<unknown>, interval: number, enabled: boolean, restartOn?: unknown): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const run = (): void => {
      latest.current().then(
        () => {
          failures = 0;
          schedule(interval);
        },
        (error: Partial<RealtimeError>) => {
          failures += 1;
          schedule(Math.max(error?.retryAfter ?? 0, interval * Math.min(8, 2 ** failures)));
        },
      );
    };
    const schedule = (ms: number): void => {
      if (!stopped) timer = setTimeout(run, ms);
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [interval, enabled, restartOn]);
}
