import { useId, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import type { ChatConversation, ChatSlice } from '../../backends/chat/types';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { ConversationItem } from './ConversationItem';
import { NO_CONVERSATIONS_TEXT, UNSUPPORTED_TEXT } from './conversationText';

/** What the list is showing, in `data-state`. */
export type ConversationListState = 'unsupported' | 'loading' | 'error' | 'empty' | 'ready';

export interface ConversationListViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'onSelect'> {
  /** The inbox, newest first (as `useConversations` returns it). */
  conversations: ChatConversation[];
  /** Loading the list: `idle` and `loading` show "Loading conversations…" until there is one. */
  status: ChatSlice['conversations']['status'];
  /** Why the list could not be loaded: shown with Retry. @default none */
  error?: string | null | undefined;
  /** Whether the server has a conversation list; `false` says so instead of loading forever. @default true */
  supported?: boolean | undefined;
  /** The peer whose conversation is open: its row gets `aria-current`. @default none */
  selectedPeerId?: string | number | null | undefined;
  /** Called with the peer's id when a conversation is chosen (give it to `<ChatPanel peerId>`). */
  onSelect(peerId: string): void;
  /** Load the list again: shows a Retry button after an error. @default none */
  onRetry?: (() => void) | undefined;
  /** The heading. @default 'Conversations' */
  title?: string | undefined;
  /** Locale for the times. @default the runtime's locale */
  locale?: string | undefined;
  /** "Now", for the rows' times (today's show the clock, this week's the weekday). @default the current time */
  now?: Date | number | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

function listState(conversations: ChatConversation[], status: ConversationListViewProps['status'], supported: boolean): ConversationListState {
  if (!supported) return 'unsupported';
  if (conversations.length > 0) return 'ready';
  if (status === 'error') return 'error';
  if (status === 'loaded') return 'empty';
  return 'loading';
}

/**
 * The chat inbox, render-only (`ConversationList` wires it to `useConversations`): one button
 * per conversation with the peer's name, presence, last message, time and unread count, newest
 * first; the open one has `aria-current`. Loading, empty, error (with Retry) and "not supported
 * by this server" each say so in words.
 */
export function ConversationListView({
  conversations,
  status,
  error,
  supported = true,
  selectedPeerId,
  onSelect,
  onRetry,
  title = 'Conversations',
  locale,
  now,
  unstyled = false,
  className,
  ...rest
}: ConversationListViewProps): ReactElement {
  const cls = classNames(unstyled);
  const titleId = useId();
  const state = listState(conversations, status, supported);
  const selected = selectedPeerId === undefined || selectedPeerId === null ? null : String(selectedPeerId);
  const at = now === undefined ? new Date() : new Date(now);
  const totalUnread = conversations.reduce((sum, c) => sum + c.unread, 0);
  const failed = status === 'error' && supported;

  return (
    <section {...rest} className={joinClasses(cls('rrk-convlist'), className)} aria-labelledby={titleId} aria-busy={state === 'loading' || undefined} data-state={state}>
      <header className={cls('rrk-convlist__header')}>
        <span id={titleId} className={cls('rrk-convlist__title')}>
          {title}
        </span>
        {totalUnread > 0 ? <span className={cls('rrk-convlist__total')}>{totalUnread} unread</span> : null}
      </header>
      {failed ? (
        <div role="alert" className={joinClasses(cls('rrk-notice'), cls('rrk-convlist__error'))} data-tone="danger">
          <p>{state === 'ready' ? 'Could not refresh the conversations' : 'Could not load the conversations'}{error ? `: ${error}` : '.'}</p>
          {onRetry ? (
            <button type="button" className={cls('rrk-convlist__retry')} onClick={onRetry}>
              Retry
            </button>
          ) : null}
        </div>
      ) : null}
      {state === 'ready' ? (
        <ul className={cls('rrk-convlist__list')}>
          {conversations.map((c) => (
            <ConversationItem key={c.peerId} conversation={c} selected={c.peerId === selected} onSelect={onSelect} now={at} locale={locale} unstyled={unstyled} />
          ))}
        </ul>
      ) : state === 'error' ? null : (
        <p className={cls('rrk-convlist__placeholder')}>{state === 'unsupported' ? UNSUPPORTED_TEXT : state === 'empty' ? NO_CONVERSATIONS_TEXT : 'Loading conversations…'}</p>
      )}
    </section>
  );
}
