import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Where an element sits in its scroll container's content, in px (independent of the scroll position). */
function contentTop(el: Element, root: HTMLElement): number {
  return el.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop;
}

/**
 * Keep what the reader sees in place when earlier items are inserted above it (an older page of
 * history): after each commit, if the item that was first (`firstKey`, its element's `data-key`) moved
 * down the content, scroll down by as much. The container should set `overflow-anchor: none`,
 * so the browser's own scroll anchoring does not adjust a second time.
 */
export function useKeepScrollOnPrepend(ref: RefObject<HTMLElement | null>, firstKey: string | undefined): void {
  const anchor = useRef<{ key: string; top: number } | null>(null);
  // Every commit: the loading row above the list comes and goes too, and moves the content.
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const previous = anchor.current;
    if (previous && previous.key !== firstKey) {
      const el = [...root.querySelectorAll('[data-key]')].find((e) => e.getAttribute('data-key') === previous.key);
      if (el) {
        const moved = contentTop(el, root) - previous.top;
        if (moved) root.scrollTop += moved;
      }
    }
    // The first item in document order is the first of the list.
    const first = root.querySelector('[data-key]');
    const key = first?.getAttribute('data-key');
    anchor.current = first && key && key === firstKey ? { key, top: contentTop(first, root) } : null;
  });
}
