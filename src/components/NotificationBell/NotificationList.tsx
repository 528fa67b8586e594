import { useCallback, useMemo, useRef, useState, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import type { Notification } from '../../backends/notifications/types';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { useListWindow } from '../ChatPanel/useListWindow';
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
  /**
   * Above this many notifications the list is virtualised: only the items in and near view are
   * rendered (and measured as they scroll in); Tab still moves from one to the next, scrolling
   * the next into view, and each item says its place (`aria-posinset` of `aria-setsize`). @default 100
   */
  virtualizeAfter?: number | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

/**
 * Notifications as a list of buttons (activate one to mark it read); it scrolls when long, and a
 * long list (more than `virtualizeAfter`) renders only the items in and near view.
 */
export function NotificationList({
  notifications,
  onMarkRead,
  onSelect,
  label = 'Notifications',
  emptyText = 'No notifications yet',
  locale,
  now,
  virtualizeAfter = 100,
  unstyled = false,
  className,
  ...rest
}: NotificationListProps): ReactElement {
  const cls = useMemo(() => classNames(unstyled), [unstyled]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const virtualize = notifications.length > virtualizeAfter;
  const getItemKey = useCallback((index: number) => notifications[index]?.id ?? index, [notifications]);
  // An item with a one-line body is about 76 px; the panel's list is at most 24rem high.
  const { virtualizer, items, style } = useListWindow({ scrollRef, list, enabled: virtualize, count: notifications.length, getItemKey, estimateSize: 76, overscan: 6, initialHeight: 384 });
  // Whole minutes: relative times change no faster, and items stay memoised between renders.
  const at = now ?? Math.floor(Date.now() / 60_000) * 60_000;
  return (
    <div {...rest} ref={scrollRef} className={joinClasses(cls('rrk-notification-list'), className)} data-empty={notifications.length === 0}>
      {notifications.length === 0 ? (
        <p className={cls('rrk-notification-list__empty')}>{emptyText}</p>
      ) : (
        <ul ref={setList} className={cls('rrk-notification-list__items')} aria-label={label} style={style} data-virtual={virtualize || undefined}>
          {items
            ? items.map(({ index }) => {
                const n = notifications[index]!;
                return <NotificationItem key={n.id} ref={virtualizer.measureElement} index={index} setSize={notifications.length} notification={n} onMarkRead={onMarkRead} onSelect={onSelect} locale={locale} now={at} unstyled={unstyled} />;
              })
            : notifications.map((n) => <NotificationItem key={n.id} notification={n} onMarkRead={onMarkRead} onSelect={onSelect} locale={locale} now={at} unstyled={unstyled} />)}
        </ul>
      )}
    </div>
  );
}
