import { forwardRef, memo, type ReactElement } from 'react';
import type { Notification } from '../../backends/notifications/types';
import { classNames } from '../../componentUtils/classNames';
import { formatFull, formatRelative, parseTime } from '../../componentUtils/formatTime';
import { NotificationIcon } from './NotificationIcon';
import { notificationKindInfo } from './notificationKind';

export interface NotificationItemProps {
  /** The notification to show. */
  notification: Notification;
  /** Called for an unread notification when it is activated (click, Enter, Space). */
  onMarkRead(id: string): void;
  /** Called for every activation, read or not (e.g. to navigate). @default none */
  onSelect?: ((notification: Notification) => void) | undefined;
  /** Locale for the time. @default the runtime's locale */
  locale?: string | undefined;
  /** "Now" for relative times, in ms. */
  now: number;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
  /** Its place in the list (from 0) when the list is virtualised: `data-index` (for measuring) and `aria-posinset`. @default none */
  index?: number | undefined;
  /** How many the whole list holds when virtualised (`aria-setsize`), so a screen reader says "5 of 1,000". @default none */
  setSize?: number | undefined;
}

/**
 * One notification as a button (its `ref` is the `<li>`). Unread is shown three ways: bold title, a dot, and
 * visually hidden "Unread" text — never by weight or colour alone.
 */
export const NotificationItem = /* @__PURE__ */ memo(
  /* @__PURE__ */ forwardRef<HTMLLIElement, NotificationItemProps>(function NotificationItem({ notification: n, onMarkRead, onSelect, locale, now, unstyled = false, index, setSize }, ref): ReactElement {
    const cls = classNames(unstyled);
    const kind = notificationKindInfo(n.kind);
    const date = parseTime(n.timestamp);
    return (
      <li ref={ref} data-index={index} aria-posinset={index === undefined ? undefined : index + 1} aria-setsize={setSize} className={cls('rrk-notification')} data-read={n.read} data-kind={kind.key}>
        <button
          type="button"
          className={cls('rrk-notification__button')}
          onClick={() => {
            if (!n.read) onMarkRead(n.id);
            onSelect?.(n);
          }}
        >
          <span className={cls('rrk-notification__top')}>
            {n.read ? null : (
              <>
                <span className={cls('rrk-notification__dot')} aria-hidden="true" />
                <span className={cls('rrk-visually-hidden')}>Unread: </span>
              </>
            )}
            <span className={cls('rrk-notification__kind')}>
              <NotificationIcon name={kind.key} className={cls('rrk-notification__icon')} />
              {kind.label}
            </span>
            {date ? (
              <time className={cls('rrk-notification__time')} dateTime={date.toISOString()} title={formatFull(date, locale)}>
                {formatRelative(date, new Date(now), locale)}
              </time>
            ) : n.timestamp ? (
              <span className={cls('rrk-notification__time')}>{n.timestamp}</span>
            ) : null}
          </span>
          <span className={cls('rrk-notification__title')}>{n.title || kind.label}</span>
          {n.body ? <span className={cls('rrk-notification__body')}>{n.body}</span> : null}
        </button>
      </li>
    );
  }),
);
