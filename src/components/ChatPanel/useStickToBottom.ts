import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Within this many pixels of the end counts as "at the bottom" (sub-pixel and rounding slack). */
const SLACK = 32;

function end(el: HTMLElement, toEnd: RefObject<(() => void) | null> | undefined): void {
  const scroll = toEnd?.current;
  if (scroll) scroll();
  else el.scrollTop = el.scrollHeight;
}

export interface StickToBottom {
  /** New messages arrived while the user was reading further up. */
  unseen: boolean;
  onScroll(): void;
  /** Jump to the newest message and follow new ones again. */
  scrollToBottom(): void;
  /** The reader is at the bottom, following new messages (call from handlers and effects). */
  isPinned(): boolean;
}

/**
 * Keep a scroll container at its newest item, unless the user scrolled up to read: then
 * leave the position alone and report `unseen` (for a "New messages" button) instead.
 * `lastKey` identifies the newest item, so state changes of old items don't count as new.
 * `toEnd` (when set) scrolls to the newest item instead of `scrollTop = scrollHeight`: a
 * virtualised list, whose height is an estimate until the items near the end are measured.
 */
export function useStickToBottom(ref: RefObject<HTMLElement | null>, lastKey: string | undefined, version: unknown, toEnd?: RefObject<(() => void) | null>): StickToBottom {
  const pinned = useRef(true);
  const seenKey = useRef(lastKey);
  const [unseen, setUnseen] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    const arrived = lastKey !== seenKey.current;
    seenKey.current = lastKey;
    if (!el) return;
    if (pinned.current) end(el, toEnd);
    else if (arrived && lastKey !== undefined) setUnseen(true);
  }, [ref, lastKey, version, toEnd]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK;
    if (pinned.current) setUnseen(false);
  }, [ref]);

  const scrollToBottom = useCallback(() => {
    pinned.current = true;
    setUnseen(false);
    const el = ref.current;
    if (el) end(el, toEnd);
  }, [ref, toEnd]);

  const isPinned = useCallback(() => pinned.current, []);

  return { unseen, onScroll, scrollToBottom, isPinned };
}
