import { useCallback, useLayoutEffect, useMemo, useState, type MutableRefObject, type ReactElement, type RefObject } from 'react';
import type { ChatMessage } from '../../backends/chat/types';
import { classNames } from '../../componentUtils/classNames';
import { ChatMessageItem } from './ChatMessageItem';
import { useListWindow } from './useListWindow';
import { useMarkVisibleRead } from './useMarkVisibleRead';

export interface ChatMessageListProps {
  messages: readonly ChatMessage[];
  /** The scrolling log that holds the list. */
  logRef: RefObject<HTMLElement | null>;
  /** Render only the messages in and near view (a long conversation); else every message. */
  virtualize: boolean;
  /** Set to "scroll to the newest message" while virtualised (the log's height is an estimate then). */
  toEndRef: MutableRefObject<(() => void) | null>;
  peerName: string | undefined;
  onRetry(clientId: string): void;
  onMarkRead: ((serverIds: string[]) => void) | undefined;
  locale: string | undefined;
  unstyled: boolean;
}

/**
 * The conversation's `<ol>`. A long one is virtualised (`useListWindow`): only the messages in
 * and near the log are in the DOM, each measured as it renders, with padding standing in for
 * the rest, so the scrollbar and keyboard scrolling cover the whole conversation. It anchors to
 * the end: it opens at the newest message, earlier pages prepended above keep the message the
 * reader looks at in place, and a reader at the bottom stays there as messages are measured.
 * Received messages that come into view are marked read (`useMarkVisibleRead`).
 */
export function ChatMessageList({ messages, logRef, virtualize, toEndRef, peerName, onRetry, onMarkRead, locale, unstyled }: ChatMessageListProps): ReactElement {
  const cls = useMemo(() => classNames(unstyled), [unstyled]);
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const getItemKey = useCallback((index: number) => messages[index]?.clientId ?? index, [messages]);
  // A message with its meta line is about 88 px; the log's default height less its frame about 320.
  const { virtualizer, items, style } = useListWindow({ scrollRef: logRef, list, enabled: virtualize, count: messages.length, getItemKey, estimateSize: 88, overscan: 8, initialHeight: 320, anchorToEnd: true });

  const last = messages.length - 1;
  useLayoutEffect(() => {
    toEndRef.current = virtualize && last >= 0 ? () => virtualizer.scrollToIndex(last, { align: 'end' }) : null;
  }, [toEndRef, virtualize, virtualizer, last]);

  // Mark-read re-scans the rendered messages whenever the messages or the rendered window change.
  const from = items?.[0]?.index;
  const to = items?.[items.length - 1]?.index;
  const rendered = useMemo(() => [messages, from, to], [messages, from, to]);
  useMarkVisibleRead(logRef, onMarkRead, rendered);

  return (
    <ol ref={setList} className={cls('rrk-chat__list')} style={style} data-virtual={virtualize || undefined}>
      {items
        ? items.map(({ index }) => {
            const m = messages[index]!;
            return <ChatMessageItem key={m.clientId} ref={virtualizer.measureElement} index={index} message={m} peerName={peerName} onRetry={onRetry} locale={locale} unstyled={unstyled} />;
          })
        : messages.map((m) => <ChatMessageItem key={m.clientId} message={m} peerName={peerName} onRetry={onRetry} locale={locale} unstyled={unstyled} />)}
    </ol>
  );
}
