import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../backends/chat/types';

/**
 * What to announce about new messages: the text of a message from the peer that arrived at
 * the end of the conversation since the last render ("Sam: see you at 3"). Earlier messages
 * loaded above (history pages) and state changes of own messages are not news, so the log
 * itself is not a live region and only this text is.
 */
export function useNewMessageAnnouncement(messages: readonly ChatMessage[], peerName: string | undefined): string {
  const last = messages[messages.length - 1];
  const seen = useRef<string | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => {
    const previous = seen.current;
    seen.current = last?.clientId;
    // The first render shows what is there; only what comes after it is news.
    if (previous === undefined || !last || last.clientId === previous || last.own) return;
    setText(`${last.senderName || peerName || 'New message'}: ${last.text || 'sent an attachment'}`);
  }, [last, peerName]);
  return text;
}
