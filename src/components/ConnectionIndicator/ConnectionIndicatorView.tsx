import type { ComponentPropsWithoutRef, ReactElement } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { connectionText } from './connectionText';

export interface ConnectionIndicatorViewProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** The socket state to show. */
  status: ConnectionStatus;
  /** Consecutive failed attempts, shown while reconnecting. @default 0 */
  attempt?: number;
  /** Text before the state, e.g. "Orders". @default none */
  label?: string;
  /** Show only the dot, keeping the text for screen readers. @default false */
  compact?: boolean;
  /** Render without the kit's class names (data-* attributes stay). @default false */
  unstyled?: boolean;
  /**
   * Announce changes to screen readers (`role="status"`). Components that embed an indicator
   * turn this off, so a page with several of them says each change once. @default true
   */
  announce?: boolean;
}

/** A dot plus text for a connection state; `role="status"` so changes are announced politely. */
export function ConnectionIndicatorView({ status, attempt = 0, label, compact = false, unstyled = false, announce = true, className, ...rest }: ConnectionIndicatorViewProps): ReactElement {
  const text = connectionText(status, attempt);
  // The attempt number changes on every retry: shown, but kept out of what is announced.
  const spoken = connectionText(status, 0);
  const attemptText = text.slice(spoken.replace(/…$/, '').length).replace(/…$/, '');
  const cls = classNames(unstyled);
  return (
    <span
      role={announce ? 'status' : undefined}
      {...rest}
      className={joinClasses(cls('rrk-connection'), className)}
      data-connection={status}
      data-compact={compact || undefined}
      title={compact ? (label ? `${label}: ${text}` : text) : undefined}
    >
      <span className={cls('rrk-connection__dot')} aria-hidden="true" />
      <span className={compact ? cls('rrk-visually-hidden') : cls('rrk-connection__text')}>
        {label ? `${label}: ` : ''}
        {attemptText ? (
          <>
            {spoken.replace(/…$/, '')}
            <span aria-hidden="true">{attemptText}</span>…
          </>
        ) : (
          text
        )}
      </span>
    </span>
  );
}
