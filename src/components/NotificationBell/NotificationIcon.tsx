import type { ReactElement } from 'react';
import { Icon } from '../../componentUtils/Icon';
import type { IconShape } from '../../componentUtils/iconShapes';
import type { NotificationKindKey } from './notificationKind';

export type NotificationIconName = NotificationKindKey | 'bell';

// One distinct shape per kind, so the kind never rests on its colour or label alone.
const shapes: Readonly<Record<NotificationIconName, IconShape>> = {
  bell: 'bell',
  booking: 'calendar-check',
  message: 'speech-bubble',
  maintenance: 'wrench',
  notice: 'megaphone',
  other: 'target',
};

export interface NotificationIconProps {
  /** Which shape: a notification kind, or the bell itself. */
  name: NotificationIconName;
  /** @default none */
  className?: string | undefined;
}

/** Decorative: the kind's text label sits next to it, so it is hidden from assistive tech. */
export function NotificationIcon({ name, className }: NotificationIconProps): ReactElement {
  return <Icon shape={shapes[name] ?? shapes.other} className={className} data-icon={name} />;
}
