/**
 * Collects items and hands them over in one call per animation frame, or per microtask where
 * there is no `requestAnimationFrame` (Node, workers). A hidden tab gets no frames, so a
 * timer flushes too if the frame has not come within `maxWait` ms.
 */
export function createBatcher<T>(flush: (items: T[]) => void, maxWait = 250): { push(item: T): void; flushNow(): void; cancel(): void } {
  let items: T[] = [];
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scheduled = false;
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  const caf = (globalThis as { cancelAnimationFrame?: (id: number) => void }).cancelAnimationFrame;

  function run(): void {
    if (frame !== undefined) caf?.(frame);
    clearTimeout(timer);
    frame = undefined;
    timer = undefined;
    scheduled = false;
    if (items.length === 0) return;
    const batch = items;
    items = [];
    flush(batch);
  }

  return {
    push(item) {
      items.push(item);
      if (scheduled) return;
      scheduled = true;
      if (raf) {
        frame = raf(run);
        timer = setTimeout(run, maxWait);
      } else {
        queueMicrotask(run);
      }
    },
    flushNow: run,
    cancel() {
      items = [];
      run();
    },
  };
}
