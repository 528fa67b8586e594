import { useLayoutEffect, useRef, type RefObject } from 'react';

interface Mark {
  timer: ReturnType<typeof setTimeout> | undefined;
  /** When the highlight ends: the latest change plus its duration. */
  until: number;
  /** Which of the attributes this hook set (a `data-changed` the component rendered is not ours). */
  set: boolean;
  rapid: boolean;
  element: HTMLElement | null;
}

/** End the highlight now: the timer, and the attributes this hook set. */
function unmark(mark: Mark): void {
  clearTimeout(mark.timer);
  mark.timer = undefined;
  if (mark.rapid) mark.element?.removeAttribute('data-rapid');
  if (mark.set) mark.element?.removeAttribute('data-changed');
  mark.set = mark.rapid = false;
}

/**
 * Highlight the element on every change of `key` after its first value, in the commit that
 * shows the change: no state, no timer-driven re-render. `data-changed="true"` is set (if it is
 * not already) and removed `duration` ms after the latest change by one timer; `duration` 0
 * turns it off. The stylesheet shows the ring of the element's `::after` at once and fades it
 * out (opacity only) when the mark goes, so a card that keeps changing keeps a steady ring and
 * no animation runs while changes come in. A change that comes while the mark is still on also
 * sets `data-rapid`, removed with it: the stylesheet then moves the progress fill without its
 * transition, so a card updated faster than the transition lasts jumps to each value instead of
 * running a transition that never finishes (on a busy board that is compositor work on every
 * frame). Attribute writes only, nothing read back: the browser restyles the card with the rest
 * of the frame. Attach the returned ref to the element.
 */
export function useChangeFlash<T extends HTMLElement>(key: unknown, duration: number): RefObject<T | null> {
  const ref = useRef<T>(null);
  const seen = useRef(key);
  const mark = useRef<Mark>({ timer: undefined, until: 0, set: false, rapid: false, element: null });
  useLayoutEffect(() => {
    const previous = seen.current;
    seen.current = key;
    const element = ref.current;
    if (previous == null || key == null || Object.is(previous, key) || !(duration > 0) || !element) return;
    const current = mark.current;
    // A busy card changes many times per highlight: the one timer is moved by its deadline,
    // not cleared and set again on every change.
    current.until = Date.now() + duration;
    current.element = element;
    if (!current.set && !element.hasAttribute('data-changed')) {
      element.setAttribute('data-changed', 'true');
      current.set = true;
    } else if (current.set && !current.rapid) {
      element.setAttribute('data-rapid', 'true');
      current.rapid = true;
    }
    if (current.timer !== undefined) return;
    const expire = (): void => {
      const left = current.until - Date.now();
      current.timer = left > 0 ? setTimeout(expire, left) : undefined;
      if (left <= 0) unmark(current);
    };
    current.timer = setTimeout(expire, duration);
  }, [key, duration]);
  // Unmounted, or hidden (`<Activity>`, a Suspense fallback) with its refs kept: no mark outlives it.
  useLayoutEffect(() => () => unmark(mark.current), []);
  return ref;
}
