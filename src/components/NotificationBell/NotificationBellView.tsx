import { useEffect, useId, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent, type ReactElement } from 'react';
import { useEventCallback } from '../../componentUtils/useEventCallback';
import type { ConnectionStatus } from '../../core/ConnectionState';
import type { Notification } from '../../backends/notifications/types';
import { ConnectionIndicatorView } from '../ConnectionIndicator/ConnectionIndicatorView';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { NotificationIcon } from './NotificationIcon';
import { badgeText } from './notificationKind';
import { NotificationList } from './NotificationList';

export interface NotificationBellViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSelect'> {
  /** Newest first. */
  notifications: Notification[];
  /** Unread count for the badge (the server's count, which may exceed the list). */
  unreadCount: number;
  /** The notifications socket's state, shown compact in the panel header. */
  status: ConnectionStatus;
  /** Consecutive failed attempts, shown while reconnecting. @default 0 */
  attempt?: number | undefined;
  /** Mark one read: called when an unread notification is activated. */
  onMarkRead(id: string): void;
  /** Mark every notification read ("Mark all read"). */
  onMarkAllRead(): void;
  /** Called whenever a notification is activated. @default none */
  onSelect?: ((notification: Notification) => void) | undefined;
  /** Name of the bell and the panel. @default 'Notifications' */
  label?: string | undefined;
  /** Largest number the badge shows before "99+". @default 99 */
  maxBadge?: number | undefined;
  /** Controlled open state. @default uncontrolled */
  open?: boolean | undefined;
  /** Open state on mount when uncontrolled. @default false */
  defaultOpen?: boolean | undefined;
  /** Told when the panel opens or closes. @default none */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Locale for times. @default the runtime's locale */
  locale?: string | undefined;
  /** "Now" for relative times, in ms (stories and tests pin it). @default the current minute */
  now?: number | undefined;
  /** Above this many notifications the list renders only the items in and near view (see `NotificationList`). @default 100 */
  virtualizeAfter?: number | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
}

/**
 * A bell with an unread badge that discloses the notification list. Non-modal: Escape closes
 * it and returns focus to the bell, a click outside closes it, Tab moves on as usual.
 */
export function NotificationBellView({
  notifications,
  unreadCount,
  status,
  attempt = 0,
  onMarkRead,
  onMarkAllRead,
  onSelect,
  label = 'Notifications',
  maxBadge = 99,
  open: controlledOpen,
  defaultOpen = false,
  onOpenChange,
  locale,
  now,
  virtualizeAfter,
  unstyled = false,
  className,
  ...rest
}: NotificationBellViewProps): ReactElement {
  const cls = classNames(unstyled);
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const open = controlledOpen ?? ownOpen;
  const panelId = useId();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const count = Math.max(0, Math.floor(unreadCount) || 0);
  const hasUnread = count > 0 || notifications.some((n) => !n.read);
  const setOpen = (next: boolean): void => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };

  // A click outside closes the panel (focus stays where the user put it).
  const onPointerDown = useEventCallback((event: PointerEvent): void => {
    if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
  });
  useEffect(() => {
    if (!open) return undefined;
    const listener = (event: PointerEvent): void => onPointerDown(event);
    document.addEventListener('pointerdown', listener);
    return () => document.removeEventListener('pointerdown', listener);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };

  const badge = badgeText(count, maxBadge);
  const offline = status !== 'open';
  return (
    <div {...rest} ref={rootRef} className={joinClasses(cls('rrk-bell'), className)} data-state={open ? 'open' : 'closed'} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className={cls('rrk-bell__button')}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count > 0 ? `${label}, ${badge} unread` : `${label}, none unread`}
        data-unread={count}
        onClick={() => setOpen(!open)}
      >
        <NotificationIcon name="bell" className={cls('rrk-bell__icon')} />
        {count > 0 ? (
          <span className={cls('rrk-bell__badge')} aria-hidden="true">
            {badge}
          </span>
        ) : null}
      </button>
      <section id={panelId} className={cls('rrk-bell__panel')} aria-labelledby={titleId} hidden={!open}>
        <div className={cls('rrk-bell__header')}>
          <span id={titleId} className={cls('rrk-bell__title')}>
            {label}
          </span>
          <ConnectionIndicatorView status={status} attempt={attempt} compact unstyled={unstyled} announce={false} />
          {/* aria-disabled keeps focus on the button once everything is read (Escape still closes). */}
          <button type="button" className={cls('rrk-bell__mark-all')} onClick={() => hasUnread && onMarkAllRead?.()} aria-disabled={!hasUnread || undefined}>
            Mark all read
          </button>
        </div>
        {offline && notifications.length > 0 ? <p className={cls('rrk-bell__offline')}>Offline — new notifications will arrive when the connection is back.</p> : null}
        {/* Rendered while open only: a closed bell receiving notifications updates just its badge. */}
        {open ? (
          <NotificationList
            notifications={notifications}
            onMarkRead={onMarkRead}
            onSelect={onSelect}
            label={label}
            emptyText={notifications.length === 0 && (status === 'connecting' || status === 'idle') ? 'Loading notifications…' : undefined}
            locale={locale}
            now={now}
            virtualizeAfter={virtualizeAfter}
            unstyled={unstyled}
          />
        ) : null}
      </section>
    </div>
  );
}
