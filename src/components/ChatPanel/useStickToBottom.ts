import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Within this many pixels of the end counts as "at the bottom" (sub-pixel and rounding slack). */
const SLACK = 32;

export interface StickToBottom {
  /** New messages arrived while the user was reading further up. */
  unseen: boolean;
  onScroll(): void;
  /** Jump to the newest message and follow new ones again. */
  scrollToBottom(): void;
}

/**
 * Keep a scroll container at its newest item, unless the user scrolled up to read: then
 * leave the position alone and report `unseen` (for a "New messages" button) instead.
 * `lastKey` identifies the newest item, so state changes of old items don't count as new.
 */
export function useStickToBottom(ref: RefObject<HTMLElement | null>, lastKey: string | undefined, version: unknown): StickToBottom {
  const pinned = useRef(true);
  const seenKey = useRef(lastKey);
  const [unseen, setUnseen] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    const arrived = lastKey !== seenKey.current;
    seenKey.current = lastKey;
    if (!el) return;
    if (pinned.current) el.scrollTop = el.scrollHeight;
    else if (arrived && lastKey !== undefined) setUnseen(true);
  }, [ref, lastKey, version]);

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
    if (el) el.scrollTop = el.scrollHeight;
  }, [ref]);

  return { unseen, onScroll, scrollToBottom };
}
