import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ChatHistoryState } from '../../backends/chat/types';

/** Within this many pixels of the top counts as "scrolled to the top". */
const TOP_SLACK = 48;

/**
 * Load the earlier page when the reader reaches the top of the log (call the returned function
 * from its scroll handler), or at once when the messages shown are too few to scroll. Asks once
 * per arrival at the top, and only while `history.hasMore` and nothing is loading or failed
 * (a failed page waits for Retry). `version` changes with the messages shown.
 */
export function useLoadOlderAtTop(ref: RefObject<HTMLElement | null>, history: ChatHistoryState | undefined, onLoadOlder: (() => void) | undefined, ready: boolean, version: unknown): () => void {
  const status = history?.status;
  const canLoad = Boolean(onLoadOlder && history?.hasMore && status !== 'loading' && status !== 'error');
  // Scroll events come in bursts: one request until the history or the messages change.
  const asked = useRef(false);
  useEffect(() => {
    asked.current = false;
  }, [status, version]);
  const check = useCallback(() => {
    const el = ref.current;
    if (!el || !canLoad || asked.current) return;
    if (el.scrollTop <= TOP_SLACK && el.clientHeight > 0) {
      asked.current = true;
      onLoadOlder?.();
    }
  }, [ref, canLoad, onLoadOlder]);
  useEffect(() => {
    const el = ref.current;
    if (el && ready && el.scrollHeight <= el.clientHeight) check();
  }, [ref, ready, version, check]);
  return check;
}
