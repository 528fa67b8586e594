import { forwardRef, memo, type ReactElement } from 'react';
import type { ChatMessage } from '../../backends/chat/types';
import { StatusIcon } from '../StatusBadge/StatusIcon';
import { classNames } from '../../componentUtils/classNames';
import { formatClock, formatFull, parseTime } from '../../componentUtils/formatTime';
import { ChatAttachment } from './ChatAttachment';
import { messageStateInfo } from './chatText';

export interface ChatMessageItemProps {
  /** The message to show. */
  message: ChatMessage;
  /** Name shown on received messages without a sender name. @default 'Them' */
  peerName?: string | undefined;
  /** Called with the client id when Retry is pressed on a failed message. */
  onRetry(clientId: string): void;
  /** Locale for the time. @default the runtime's locale */
  locale?: string | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
  /**
   * Its place in the conversation (from 0), as `data-index`: set by a virtualised list, which
   * measures the element by it. @default none
   */
  index?: number | undefined;
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * One message (its `ref` is the `<li>`). Own and received messages differ in text ("You" / the sender's name) and
 * alignment, never by colour alone; an own message's delivery state is an icon plus text
 * (receipts: ✓ "Sent" / "Delivered", ✓✓ "Read").
 * Memoised: a long conversation re-renders only the message that changed, and its times are
 * parsed and formatted once per mount, not on every render of the panel.
 */
export const ChatMessageItem = /* @__PURE__ */ memo(
  /* @__PURE__ */ forwardRef<HTMLLIElement, ChatMessageItemProps>(function ChatMessageItem({ message, peerName, onRetry, locale, unstyled = false, index }, ref): ReactElement {
    const cls = classNames(unstyled);
    const sender = message.own ? 'You' : message.senderName || peerName || 'Them';
    const date = parseTime(message.timestamp);
    const state = message.own ? messageStateInfo(message.state) : null;
    const readAt = message.state === 'read' ? parseTime(message.readAt) : null;
    // A received message not yet read on the server: the panel watches it and marks it read once seen.
    const unseenId = !message.own && !message.seen && message.id !== null ? message.id : undefined;
    return (
      <li ref={ref} data-index={index} className={cls('rrk-chat__message')} data-key={message.clientId} data-own={message.own} data-state={message.state} data-seen={message.own ? undefined : Boolean(message.seen)} data-unseen-id={unseenId}>
        <p className={cls('rrk-chat__meta')}>
          <span className={cls('rrk-chat__sender')} title={sender.length > 24 ? sender : undefined}>
            {sender}
          </span>
          {date ? (
            <time className={cls('rrk-chat__time')} dateTime={date.toISOString()} title={formatFull(date, locale)}>
              {formatClock(date, locale)}
            </time>
          ) : message.timestamp ? (
            <span className={cls('rrk-chat__time')}>{message.timestamp}</span>
          ) : null}
        </p>
        {message.text ? <p className={cls('rrk-chat__text')}>{message.text}</p> : null}
        {message.attachment ? <ChatAttachment url={message.attachment} unstyled={unstyled} /> : null}
        {state ? (
          <p className={cls('rrk-chat__state')}>
            {state.ticks ? (
              // Receipts: one tick for sent or delivered, two for read; the word beside them says which.
              <span className={cls('rrk-chat__receipt')} data-ticks={state.ticks} aria-hidden="true">
                <StatusIcon name="check" className={cls('rrk-chat__state-icon')} />
                {state.ticks === 2 ? <StatusIcon name="check" className={cls('rrk-chat__state-icon')} /> : null}
              </span>
            ) : (
              <StatusIcon name={state.icon} className={cls('rrk-chat__state-icon')} />
            )}
            {/* One text run, so a long server error wraps as a sentence after "Not sent". */}
            <span title={readAt ? `Read ${formatFull(readAt, locale)}` : undefined}>{message.state === 'failed' && message.error ? `${state.text}: ${message.error}` : state.text}</span>
            {message.state === 'failed' ? (
              <button type="button" className={cls('rrk-chat__retry')} onClick={() => onRetry(message.clientId)} aria-label={`Retry sending "${preview(message.text || 'attachment')}"`}>
                Retry
              </button>
            ) : null}
          </p>
        ) : null}
      </li>
    );
  }),
);
