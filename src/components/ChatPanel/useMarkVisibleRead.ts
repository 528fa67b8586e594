import { useEffect, useRef, type RefObject } from 'react';
import { useEventCallback } from '../../componentUtils/useEventCallback';

/** Visible ids are gathered this long, then marked read in one call (and a message passed by in a fling is not). */
export const MARK_READ_DELAY_MS = 300;

/** The attribute a message element carries while it is received and not yet read: its server id. */
const UNSEEN = 'data-unseen-id';

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/**
 * Mark received messages read once the user can actually see them: an IntersectionObserver on
 * the elements under `ref` that carry `data-unseen-id`, rooted at `ref` (the scrolling log). Ids
 * that became visible are gathered and passed to `onMarkRead` once per {@link MARK_READ_DELAY_MS},
 * only while the page is visible (a hidden tab marks nothing; what is on screen is marked when
 * it shows again). Without `onMarkRead`, or where IntersectionObserver does not exist, nothing is
 * marked. `version` changes whenever the rendered messages may have (it re-scans the elements).
 */
export function useMarkVisibleRead(ref: RefObject<HTMLElement | null>, onMarkRead: ((serverIds: string[]) => void) | undefined, version: unknown): void {
  const enabled = Boolean(onMarkRead) && typeof IntersectionObserver !== 'undefined';
  const markRead = useEventCallback((ids: string[]) => onMarkRead?.(ids));
  const observer = useRef<IntersectionObserver | null>(null);
  const observed = useRef(new Set<Element>());
  /** Ids on screen now, and ids already passed to `onMarkRead` (never twice). */
  const visible = useRef(new Set<string>());
  const marked = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const root = ref.current;
    if (!enabled || !root) return undefined;
    const flush = (): void => {
      timer.current = undefined;
      if (pageHidden()) return;
      const ids = [...visible.current].filter((id) => !marked.current.has(id));
      if (!ids.length) return;
      for (const id of ids) marked.current.add(id);
      markRead(ids);
    };
    const schedule = (): void => {
      if (timer.current === undefined && visible.current.size) timer.current = setTimeout(flush, MARK_READ_DELAY_MS);
    };
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = entry.target.getAttribute(UNSEEN);
          if (!id) continue;
          // Half the message, or half the log for a message taller than it.
          const half = entry.intersectionRatio >= 0.5 || (entry.rootBounds !== null && entry.intersectionRect.height >= entry.rootBounds.height / 2);
          if (entry.isIntersecting && half) visible.current.add(id);
          else visible.current.delete(id);
        }
        schedule();
      },
      { root, threshold: [0, 0.25, 0.5, 0.75, 1] },
    );
    observer.current = io;
    const onVisibility = (): void => {
      if (!pageHidden()) schedule();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const seen = observed.current;
    const shown = visible.current;
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer.current);
      timer.current = undefined;
      io.disconnect();
      observer.current = null;
      seen.clear();
      shown.clear();
    };
  }, [ref, enabled, markRead]);

  // After every change of the list: watch new unseen messages, stop watching read or removed ones.
  useEffect(() => {
    const io = observer.current;
    const root = ref.current;
    if (!io || !root) return;
    const now = new Set(root.querySelectorAll(`[${UNSEEN}]`));
    for (const el of observed.current) {
      if (now.has(el)) continue;
      io.unobserve(el);
      observed.current.delete(el);
    }
    const ids = new Set<string>();
    for (const el of now) {
      ids.add(el.getAttribute(UNSEEN)!);
      if (observed.current.has(el)) continue;
      io.observe(el);
      observed.current.add(el);
    }
    for (const id of visible.current) if (!ids.has(id)) visible.current.delete(id);
  }, [ref, version, enabled]);
}
