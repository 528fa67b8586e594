import { memo, type ReactElement } from 'react';
import type { ChatConversation } from '../../backends/chat/types';
import { classNames } from '../../componentUtils/classNames';
import { formatFull } from '../../componentUtils/formatTime';
import { lastMessageText, shortTime, unreadBadge } from './conversationText';

export interface ConversationItemProps {
  /** The conversation to show. */
  conversation: ChatConversation;
  /** This is the open conversation: `aria-current="true"` on its button. */
  selected: boolean;
  /** Called with the peer's id when the row is chosen. */
  onSelect(peerId: string): void;
  /** "Now", for the row's time. */
  now: Date;
  /** Locale for the time. @default the runtime's locale */
  locale?: string | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

/**
 * One conversation: a button with the peer's name, presence (a dot plus words for screen
 * readers), the last message ("You: …" when yours), when it was, and the unread count as a
 * badge whose text says "3 unread". Unread rows are bold as well as badged, never colour alone.
 */
export const ConversationItem = /* @__PURE__ */ memo(function ConversationItem({ conversation: c, selected, onSelect, now, locale, unstyled = false }: ConversationItemProps): ReactElement {
  const cls = classNames(unstyled);
  const time = shortTime(c.lastMessageAt, now, locale);
  const last = lastMessageText(c.lastMessage, c.lastMessageByMe);
  return (
    <li className={cls('rrk-convlist__row')} data-selected={selected} data-unread={c.unread > 0} data-online={c.online ?? undefined}>
      <button type="button" className={cls('rrk-convlist__item')} aria-current={selected ? 'true' : undefined} onClick={() => onSelect(c.peerId)}>
        <span className={cls('rrk-convlist__top')}>
          {c.online !== null ? <span className={cls('rrk-convlist__dot')} aria-hidden="true" /> : null}
          <span className={cls('rrk-convlist__name')} title={c.name.length > 24 ? c.name : undefined}>
            {c.name}
          </span>
          {c.online !== null ? <span className={cls('rrk-visually-hidden')}>{c.online ? ', online' : ', offline'}</span> : null}{' '}
          {time ? (
            <time className={cls('rrk-convlist__time')} dateTime={time.date.toISOString()} title={formatFull(time.date, locale)}>
              {time.text}
            </time>
          ) : null}
        </span>{' '}
        <span className={cls('rrk-convlist__bottom')}>
          <span className={cls('rrk-convlist__last')} data-empty={last === null || undefined}>
            {last ?? 'No messages yet'}
          </span>{' '}
          {c.unread > 0 ? (
            <span className={cls('rrk-convlist__unread')}>
              {c.unread > 99 ? (
                // "99+" is what fits; the words give the real count.
                <>
                  <span aria-hidden="true">{unreadBadge(c.unread)}</span>
                  <span className={cls('rrk-visually-hidden')}>{c.unread} unread</span>
                </>
              ) : (
                <>
                  {c.unread}
                  <span className={cls('rrk-visually-hidden')}> unread</span>
                </>
              )}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
});
