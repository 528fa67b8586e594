import type { ComponentPropsWithoutRef, ReactElement } from 'react';
import type { Notification } from '../../backends/notifications/types';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { NotificationItem } from './NotificationItem';

export interface NotificationListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSelect'> {
  /** Newest first, as `useNotifications` returns them. */
  notifications: Notification[];
  /** Mark one read: called when an unread notification is activated. */
  onMarkRead(id: string): void;
  /** Called whenever a notification is activated, e.g. to open what it is about. @default none */
  onSelect?: ((notification: Notification) => void) | undefined;
  /** Accessible name of the list. @default 'Notifications' */
  label?: string | undefined;
  /** Shown when there is nothing to list. @default 'No notifications yet' */
  emptyText?: string | undefined;
  /** Locale for times. @default the runtime's locale */
  locale?: string | undefined;
  /** "Now" for relative times ("5 minutes ago"), in ms. @default Date.now() at render */
  now?: number | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

/** Notifications as a list of buttons (activate one to mark it read); it scrolls when long. */
export function NotificationList({
  notifications,
  onMarkRead,
  onSelect,
  label = 'Notifications',
  emptyText = 'No notifications yet',
  locale,
  now,
  unstyled = false,
  className,
  ...rest
}: NotificationListProps): ReactElement {
  const cls = classNames(unstyled);
  // Whole minutes: relative times change no faster, and items stay memoised between renders.
  const at = now ?? Math.floor(Date.now() / 60_000) * 60_000;
  return (
    <div {...rest} className={joinClasses(cls('rrk-notification-list'), className)} data-empty={notifications.length === 0}>
      {notifications.length === 0 ? (
        <p className={cls('rrk-notification-list__empty')}>{emptyText}</p>
      ) : (
        <ul className={cls('rrk-notification-list__items')} aria-label={label}>
          {notifications.map((n) => (
            <NotificationItem key={n.id} notification={n} onMarkRead={onMarkRead} onSelect={onSelect} locale={locale} now={at} unstyled={unstyled} />
          ))}
        </ul>
      )}
    </div>
  );
}
