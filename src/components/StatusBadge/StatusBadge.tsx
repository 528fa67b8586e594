import type { ComponentPropsWithoutRef, ReactElement } from 'react';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { StatusIcon } from './StatusIcon';
import { statusInfo } from './statusInfo';

export type StatusBadgeSize = 'sm' | 'md';

export interface StatusBadgeProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /**
   * A status from any vocabulary the kit knows (Boosting `New`…`Continue`, Timing
   * `pending`…`cancelled`, approval states), in any case. Anything else renders neutrally
   * with its own text.
   */
  status: string;
  /** Text to show instead of the status's own label. @default the status's label */
  label?: string | undefined;
  /** `'sm'` for dense tables and lists. @default 'md' */
  size?: StatusBadgeSize | undefined;
  /** Added after the kit's class names (or alone when `unstyled`). */
  className?: string | undefined;
  /**
   * Render without the kit's class names, so none of `styles.css` applies; the `data-*`
   * attributes stay for your own CSS. @default false
   */
  unstyled?: boolean | undefined;
}

// Past this length a label is likely to be cut by the badge's max width, so the full
// text goes in `title` too. Unknown statuses always get it: they may be arbitrarily long.
const LONG_LABEL = 20;

/**
 * A status as icon + text, tinted by tone. Colour is never the only signal: every status
 * has its own icon and a text label. State is in `data-status`, `data-tone`, `data-size`.
 */
export function StatusBadge({
  status,
  label,
  size = 'md',
  className,
  unstyled = false,
  title,
  ...rest
}: StatusBadgeProps): ReactElement {
  const info = statusInfo(status);
  const text = label ?? info.label;
  const cls = classNames(unstyled);
  return (
    <span
      {...rest}
      className={joinClasses(cls('rrk-status-badge'), className)}
      title={title ?? (!info.known || text.length > LONG_LABEL ? text : undefined)}
      data-status={info.key}
      data-tone={info.tone}
      data-size={size}
    >
      <StatusIcon name={info.icon} className={cls('rrk-status-badge__icon')} />
      <span className={cls('rrk-status-badge__label')}>{text}</span>
    </span>
  );
}
