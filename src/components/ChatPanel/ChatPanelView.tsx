import { useCallback, useId, useLayoutEffect, useRef, useState, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import type { ChatHistoryState, ChatMessage, ChatTyping } from '../../backends/chat/types';
import { ConnectionIndicatorView } from '../ConnectionIndicator/ConnectionIndicatorView';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { ChatComposer } from './ChatComposer';
import { ChatMessageList } from './ChatMessageList';
import { EMPTY_TEXT, FAILED_HINT, OFFLINE_HINT, typingText } from './chatText';
import { useKeepScrollOnPrepend } from './useKeepScrollOnPrepend';
import { useLoadOlderAtTop } from './useLoadOlderAtTop';
import { useNewMessageAnnouncement } from './useNewMessageAnnouncement';
import { useStickToBottom } from './useStickToBottom';


const visuallyHidden = { position: 'absolute', inlineSize: 1, blockSize: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as const;

/** What the panel is showing, in `data-state`. */
export type ChatPanelState = 'error' | 'loading' | 'failed' | 'empty' | 'ready';

export interface ChatPanelViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The conversation, ordered by time (as `useChat` returns it). */
  messages: ChatMessage[];
  /** The chat socket's state. */
  status: ConnectionStatus;
  /** Consecutive failed attempts, shown while reconnecting. @default 0 */
  attempt?: number | undefined;
  /** The other person's name, for the heading and received messages without a sender name. @default none */
  peerName?: string | undefined;
  /** Send a message. The panel keeps working offline: messages queue until the socket is back. */
  onSend(text: string, options?: { attachment?: string | null }): void;
  /** Send a failed message again. */
  onRetry(clientId: string): void;
  /** Start a connection that gave up again; shows a "Try again" button when `status` is `failed`. @default none */
  onReconnect?: (() => void) | undefined;
  /** A problem that makes the chat unusable (e.g. a bad peer id): shown, and the input is disabled. @default none */
  error?: string | null | undefined;
  /**
   * Why the connection is not open, as its state says (`useConnectionStatus().error`: "Redis not
   * available", a refused token): shown with the offline hint. @default none
   */
  connectionError?: string | null | undefined;
  /**
   * Loading earlier messages (servers with a REST history): a row at the top while `loading`, an
   * error row with Retry on `error`; scrolling to the top loads more while `hasMore`. Leave it
   * out where the server has no history. @default none
   */
  history?: ChatHistoryState | undefined;
  /** Load the page before the oldest message shown: on scroll to the top, and Retry. @default none */
  onLoadOlder?: (() => void) | undefined;
  /**
   * The peer while they are typing (`useChat().typing`), else null: "Sam is typing…" in a polite
   * status line. Leave it out where the server has no typing indicator (no line is kept for it). @default none
   */
  typing?: ChatTyping | null | undefined;
  /** This user started (`true`) or stopped (`false`) typing: on input, on blur and when the input is emptied. @default none */
  onTyping?: ((active: boolean) => void) | undefined;
  /**
   * Mark received messages read: called with the server ids of unread received messages that
   * became visible in the log (batched, only while the page is visible; needs IntersectionObserver). @default none
   */
  onMarkRead?: ((serverIds: string[]) => void) | undefined;
  /** The peer is online (`true`), offline (`false`) or unknown (`null`, nothing shown). @default null */
  online?: boolean | null | undefined;
  /** Locale for message times. @default the runtime's locale */
  locale?: string | undefined;
  /** Placeholder of the input. @default 'Write a message…' */
  placeholder?: string | undefined;
  /**
   * Above this many messages the log is virtualised: only the messages in and near view are
   * rendered (and measured as they scroll in), so a conversation of 10,000 costs about what one
   * of 30 does. Scrolling, keyboard scrolling, the reader's place on earlier pages and marking
   * read work the same; find-in-page sees only the rendered messages. @default 100
   */
  virtualizeAfter?: number | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

function panelState(messages: ChatMessage[], status: ConnectionStatus, error: string | null | undefined, history: ChatHistoryState | undefined): ChatPanelState {
  if (error) return 'error';
  if (messages.length > 0) return 'ready';
  if (history?.status === 'loading') return 'loading';
  if (status === 'failed') return 'failed';
  if (status === 'idle' || status === 'connecting' || status === 'reconnecting') return 'loading';
  return 'empty';
}

const placeholderText: Record<Exclude<ChatPanelState, 'ready'>, string> = {
  error: 'This conversation cannot be opened.',
  loading: 'Loading conversation…',
  failed: 'Could not connect to the chat.',
  empty: EMPTY_TEXT,
};

/**
 * A one-to-one chat, render-only: every state comes in as props (`ChatPanel` wires it to
 * `useChat`). The message list is a `role="log"` that follows new messages unless the user
 * scrolled up to read, in which case a "New messages" button appears instead. Where the server
 * has them: earlier messages load on scrolling to the top (the reader's place is kept), received
 * messages are marked read once visible, the peer's typing and presence show, and own messages
 * carry read receipts.
 */
export function ChatPanelView({
  messages,
  status,
  attempt = 0,
  peerName,
  onSend,
  onRetry,
  onReconnect,
  error,
  connectionError,
  history,
  onLoadOlder,
  typing,
  onTyping,
  onMarkRead,
  online = null,
  locale,
  placeholder = 'Write a message…',
  virtualizeAfter = 100,
  unstyled = false,
  className,
  ...rest
}: ChatPanelViewProps): ReactElement {
  const cls = classNames(unstyled);
  const titleId = useId();
  const hintId = useId();
  const logRef = useRef<HTMLDivElement>(null);
  const state = panelState(messages, status, error, history);
  // Past the threshold the log is virtualised, but it switches only while the reader is at the
  // bottom (or on opening): a reader paging back through history keeps the full list, and their
  // place in it, until they return to the newest message.
  const long = messages.length > virtualizeAfter;
  const [virtualize, setVirtualize] = useState(long);
  // Set by the virtualised list: its height is an estimate, so it scrolls to the newest message itself.
  const toEndRef = useRef<(() => void) | null>(null);
  // Declared before stick-to-bottom: a reader pinned to the bottom stays there whatever was prepended.
  // A virtualised list keeps the reader's place itself (it anchors to the end).
  useKeepScrollOnPrepend(logRef, virtualize ? undefined : messages[0]?.clientId);
  const stick = useStickToBottom(logRef, messages[messages.length - 1]?.clientId, messages, toEndRef);
  const announcement = useNewMessageAnnouncement(messages, peerName);
  const offline = !error && status !== 'open';
  const who = peerName || 'this person';
  const historyStatus = history?.status;
  const historyError = historyStatus === 'error';
  const loadOlderAtTop = useLoadOlderAtTop(logRef, history, onLoadOlder, state === 'ready', messages);
  const { onScroll: stickOnScroll, isPinned } = stick;
  useLayoutEffect(() => {
    if (long !== virtualize && (!long || isPinned())) setVirtualize(long);
  }, [long, virtualize, isPinned]);
  const onScroll = useCallback(() => {
    stickOnScroll();
    loadOlderAtTop();
    if (long && !virtualize && isPinned()) setVirtualize(true);
  }, [stickOnScroll, loadOlderAtTop, long, virtualize, isPinned]);

  const { scrollToBottom } = stick;
  const send = useCallback(
    (text: string) => {
      // Your own message always comes into view, even if you had scrolled up.
      scrollToBottom();
      onSend(text, {});
    },
    [onSend, scrollToBottom],
  );

  return (
    <section
      {...rest}
      className={joinClasses(cls('rrk-chat'), className)}
      aria-labelledby={titleId}
      data-state={state}
      data-connection={status}
    >
      <header className={cls('rrk-chat__header')}>
        <span className={cls('rrk-chat__heading')}>
          <span id={titleId} className={cls('rrk-chat__title')} title={peerName && peerName.length > 24 ? peerName : undefined}>
            {peerName ? `Chat with ${peerName}` : 'Chat'}
          </span>
          {online !== null ? (
            <span className={cls('rrk-chat__presence')} data-online={online}>
              <span className={cls('rrk-chat__presence-dot')} aria-hidden="true" />
              {online ? 'online' : 'offline'}
            </span>
          ) : null}
        </span>
        <ConnectionIndicatorView status={status} attempt={attempt} unstyled={unstyled} announce={false} />
      </header>
      {error ? (
        <p role="alert" className={joinClasses(cls('rrk-notice'), cls('rrk-chat__error'))} data-tone="danger">
          {error}
        </p>
      ) : null}
      <div className={cls('rrk-chat__body')}>
        <div
          ref={logRef}
          role="log"
          // Not a live region itself: earlier pages loaded above and state changes (Sending…,
          // Sent) are not news. New messages from the peer are announced by the status below.
          aria-live="off"
          aria-label={`Messages with ${who}`}
          aria-busy={state === 'loading' || undefined}
          // Focusable so keyboard users can scroll the history.
          tabIndex={0}
          className={cls('rrk-chat__log')}
          onScroll={onScroll}
        >
          {historyStatus === 'loading' && state === 'ready' ? (
            <p className={cls('rrk-chat__history')} data-history="loading">
              Loading earlier messages…
            </p>
          ) : null}
          {historyError ? (
            <p className={cls('rrk-chat__history')} data-history="error">
              <span>{history?.error ? `Could not load earlier messages: ${history.error}` : 'Could not load earlier messages.'}</span>
              {onLoadOlder ? (
                <button type="button" className={cls('rrk-chat__retry')} onClick={onLoadOlder} aria-label="Retry loading earlier messages">
                  Retry
                </button>
              ) : null}
            </p>
          ) : null}
          {state === 'ready' ? (
            <ChatMessageList messages={messages} logRef={logRef} virtualize={virtualize} toEndRef={toEndRef} peerName={peerName} onRetry={onRetry} onMarkRead={onMarkRead} locale={locale} unstyled={unstyled} />
          ) : historyError && state === 'empty' ? null : (
            <p className={cls('rrk-chat__placeholder')}>{placeholderText[state]}</p>
          )}
        </div>
        {stick.unseen ? (
          <button type="button" className={cls('rrk-chat__jump')} onClick={stick.scrollToBottom}>
            New messages <span aria-hidden="true">↓</span>
          </button>
        ) : null}
      </div>
      {/* Heard, not seen: inline so it stays hidden in unstyled use too. */}
      <p aria-live="polite" aria-atomic="true" style={visuallyHidden} data-announce="">
        {announcement}
      </p>
      {typing !== undefined ? (
        // Always present while the server has typing, so the start is announced; the same text
        // on every further signal changes nothing in the DOM, so it is not read again.
        <p role="status" className={cls('rrk-chat__typing')} data-typing={Boolean(typing)}>
          {typing ? typingText(typing.name || peerName) : ''}
        </p>
      ) : null}
      {offline ? (
        <p id={hintId} role={status === 'failed' ? 'alert' : undefined} className={cls('rrk-chat__hint')} data-connection={status}>
          <span>{status === 'failed' ? FAILED_HINT : OFFLINE_HINT}</span>
          {connectionError ? <span className={cls('rrk-chat__reason')}>Reason: {connectionError}</span> : null}
          {status === 'failed' && onReconnect ? (
            <button type="button" className={cls('rrk-chat__reconnect')} onClick={onReconnect}>
              Try again
            </button>
          ) : null}
        </p>
      ) : null}
      <ChatComposer onSend={send} onTyping={onTyping} label={`Message to ${who}`} disabled={Boolean(error)} placeholder={placeholder} describedBy={offline ? hintId : undefined} unstyled={unstyled} />
    </section>
  );
}
