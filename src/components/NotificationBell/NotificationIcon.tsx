import type { ReactElement } from 'react';
import type { NotificationKindKey } from './notificationKind';

export type NotificationIconName = NotificationKindKey | 'bell';

// 16×16 strokes in currentColor, like the StatusBadge icons: one distinct shape per kind.
const shapes: Record<NotificationIconName, ReactElement> = {
  bell: <path d="M4 11.5V7.3a4 4 0 0 1 8 0v4.2l1.3 1.2H2.7zM6.6 14.3h2.8" />,
  booking: <path d="M2.5 4h11v9.5h-11zM2.5 7h11M5.5 2.2V5M10.5 2.2V5M6 10.2l1.4 1.3 2.6-2.7" />,
  message: <path d="M2.5 3.5h11v7.5H7l-3 2.5V11H2.5z" />,
  maintenance: <path d="M10.8 2.4a3 3 0 0 0-3.6 4L2.6 11a1.3 1.3 0 0 0 1.8 1.8L9 8.2a3 3 0 0 0 4-3.6l-1.7 1.7-1.6-.4-.4-1.6z" />,
  notice: <path d="M2.5 6.5v3h2l5 3v-9l-5 3zM11.5 6a2.5 2.5 0 0 1 0 4M5 9.5l.8 3.3" />,
  other: (
    <>
      <circle cx="8" cy="8" r="6.2" />
      <circle cx="8" cy="8" r="1.6" />
    </>
  ),
};

export interface NotificationIconProps {
  /** Which shape: a notification kind, or the bell itself. */
  name: NotificationIconName;
  /** @default none */
  className?: string | undefined;
}

/** Decorative: the kind's text label sits next to it, so it is hidden from assistive tech. */
export function NotificationIcon({ name, className }: NotificationIconProps): ReactElement {
  return (
    <svg
      className={className}
      data-icon={name}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[name] ?? shapes.other}
    </svg>
  );
}
