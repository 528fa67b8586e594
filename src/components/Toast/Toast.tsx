import type { ComponentPropsWithoutRef, ReactElement } from 'react';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { formatClock, formatFull, parseTime, type TimeInput } from '../../componentUtils/formatTime';
import { ToastIcon, toastKindLabel, type ToastKind } from './ToastIcon';

export interface ToastProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'title'> {
  /** Icon, tint and the kind read out before the title. @default 'default' */
  kind?: ToastKind | undefined;
  /** The headline. */
  title: string;
  /** A line of detail under the title. @default none */
  message?: string | null | undefined;
  /** When it happened: ISO text, epoch ms or a Date; unreadable text is shown as-is. @default none */
  time?: TimeInput | null | undefined;
  /** Locale for the time. @default the runtime's locale */
  locale?: string | undefined;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean | undefined;
  // react-toastify clones a toast's element with these; accepted here so they never reach the DOM.
  /** @internal Set by react-toastify. */
  closeToast?: unknown;
  /** @internal Set by react-toastify. */
  toastProps?: unknown;
  /** @internal Set by react-toastify. */
  isPaused?: unknown;
  /** @internal Set by react-toastify. */
  data?: unknown;
}

/**
 * The body of one toast: icon by kind, title, message and time. Render-only, so it works in
 * `<RealtimeToaster>` and on its own: `toast(<Toast kind="success" title="Saved" />)`. It has
 * no role of its own: react-toastify's wrapper carries `role="status"`.
 */
export function Toast({
  kind = 'default',
  title,
  message,
  time,
  locale,
  unstyled = false,
  className,
  closeToast: _closeToast,
  toastProps: _toastProps,
  isPaused: _isPaused,
  data: _data,
  ...rest
}: ToastProps): ReactElement {
  const cls = classNames(unstyled);
  const known = toastKindLabel[kind] ? kind : 'default';
  const date = parseTime(time);
  const rawTime = time === null || time === undefined || time === '' ? null : String(time);
  return (
    <div {...rest} className={joinClasses(cls('rrk-toast'), className)} data-kind={known}>
      <ToastIcon kind={known} className={cls('rrk-toast__icon')} />
      <div className={cls('rrk-toast__body')}>
        <p className={cls('rrk-toast__title')}>
          <span className={cls('rrk-visually-hidden')}>{toastKindLabel[known]}: </span>
          {title}
        </p>
        {message ? <p className={cls('rrk-toast__message')}>{message}</p> : null}
        {date ? (
          <time className={cls('rrk-toast__time')} dateTime={date.toISOString()} title={formatFull(date, locale)}>
            {formatClock(date, locale)}
          </time>
        ) : rawTime ? (
          <span className={cls('rrk-toast__time')}>{rawTime}</span>
        ) : null}
      </div>
    </div>
  );
}
