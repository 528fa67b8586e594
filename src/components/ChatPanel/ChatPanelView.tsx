import { useCallback, useId, useRef, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import type { ChatMessage } from '../../backends/chat/types';
import { ConnectionIndicatorView } from '../ConnectionIndicator/ConnectionIndicatorView';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { ChatComposer } from './ChatComposer';
import { ChatMessageItem } from './ChatMessageItem';
import { EMPTY_TEXT, OFFLINE_HINT } from './chatText';
import { useStickToBottom } from './useStickToBottom';

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
  /** Locale for message times. @default the runtime's locale */
  locale?: string | undefined;
  /** Placeholder of the input. @default 'Write a message…' */
  placeholder?: string | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

function panelState(messages: ChatMessage[], status: ConnectionStatus, error: string | null | undefined): ChatPanelState {
  if (error) return 'error';
  if (messages.length > 0) return 'ready';
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
 * scrolled up to read, in which case a "New messages" button appears instead.
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
  locale,
  placeholder = 'Write a message…',
  unstyled = false,
  className,
  ...rest
}: ChatPanelViewProps): ReactElement {
  const cls = classNames(unstyled);
  const titleId = useId();
  const hintId = useId();
  const logRef = useRef<HTMLDivElement>(null);
  const state = panelState(messages, status, error);
  const stick = useStickToBottom(logRef, messages[messages.length - 1]?.clientId, messages);
  const offline = !error && status !== 'open';
  const who = peerName || 'this person';

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
        <span id={titleId} className={cls('rrk-chat__title')} title={peerName && peerName.length > 24 ? peerName : undefined}>
          {peerName ? `Chat with ${peerName}` : 'Chat'}
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
          aria-live="polite"
          // Only new messages are news; state changes (Sending…, Sent) would be re-read each time.
          aria-relevant="additions"
          aria-label={`Messages with ${who}`}
          aria-busy={state === 'loading' || undefined}
          // Focusable so keyboard users can scroll the history.
          tabIndex={0}
          className={cls('rrk-chat__log')}
          onScroll={stick.onScroll}
        >
          {state === 'ready' ? (
            <ol className={cls('rrk-chat__list')}>
              {messages.map((m) => (
                <ChatMessageItem key={m.clientId} message={m} peerName={peerName} onRetry={onRetry} locale={locale} unstyled={unstyled} />
              ))}
            </ol>
          ) : (
            <p className={cls('rrk-chat__placeholder')}>{placeholderText[state]}</p>
          )}
        </div>
        {stick.unseen ? (
          <button type="button" className={cls('rrk-chat__jump')} onClick={stick.scrollToBottom}>
            New messages <span aria-hidden="true">↓</span>
          </button>
        ) : null}
      </div>
      {offline ? (
        <p id={hintId} className={cls('rrk-chat__hint')}>
          {OFFLINE_HINT}
          {status === 'failed' && onReconnect ? (
            <button type="button" className={cls('rrk-chat__reconnect')} onClick={onReconnect}>
              Try again
            </button>
          ) : null}
        </p>
      ) : null}
      <ChatComposer onSend={send} label={`Message to ${who}`} disabled={Boolean(error)} placeholder={placeholder} describedBy={offline ? hintId : undefined} unstyled={unstyled} />
    </section>
  );
}
