import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../backends/chat/types';

/**
 * What to announce about new messages: the text of a message from the peer that arrived at
 * the end of the conversation since the last render ("Sam: see you at 3"). Earlier messages
 * loaded above (history pages) and state changes of own messages are not news, so the log
 * itself is not a live region and only this text is.
 *
 * News is a new last message that follows the one that was last before (or the first message
 * of a conversation that was empty); a page of history arriving at once is not. The same text
 * twice in a row ("ok", "ok") is announced twice: the second gets an invisible trailing space
 * so the live region sees a change.
 */
export function useNewMessageAnnouncement(messages: readonly ChatMessage[], peerName: string | undefined): string {
  const last = messages[messages.length - 1];
  const before = useRef<{ lastId: string | undefined; count: number } | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const previous = before.current;
    before.current = { lastId: last?.clientId, count: messages.length };
    // The first render shows what is there; only what comes after it is news.
    if (!previous || !last || last.own || last.clientId === previous.lastId) return;
    const follows = previous.lastId === undefined ? previous.count === 0 && messages.length === 1 : messages[messages.length - 2]?.clientId === previous.lastId;
    if (!follows) return;
    const next = `${last.senderName || peerName || 'New message'}: ${last.text || 'sent an attachment'}`;
    setText((shown) => (shown.replace(/\u00a0$/, '') === next && !shown.endsWith('\u00a0') ? `${next}\u00a0` : next));
  }, [last, messages, peerName]);
  return text;
}
