import { memo, useId, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import type { AdminUser } from '../../backends/admin/types';
import { Avatar } from './Avatar';
import type { ClassNameFn } from '../../componentUtils/classNames';
import { formatTime, isoTime } from '../../componentUtils/formatTime';

// The dialect camelCases extra wire fields (`first_name` → `firstName`); snake_case is also
// read, for users an app builds by hand from its own REST data.
function text(user: AdminUser, camel: string, snake: string): string | undefined {
  const value = user[camel] ?? user[snake];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** "Alice Smith" from first/last name when the server sent them, else the username. */
export function displayName(user: AdminUser): string {
  const full = [text(user, 'firstName', 'first_name'), text(user, 'lastName', 'last_name')].filter(Boolean).join(' ');
  return full || user.username;
}

export interface PendingUsersListProps {
  users: readonly AdminUser[];
  pending: Record<string, boolean>;
  pendingCount: number | null;
  loading: boolean;
  onApprove: ((id: string) => void) | undefined;
  /** Called with the reason the admin typed (servers may require one to reject). */
  onReject: ((id: string, reason: string) => void) | undefined;
  locale: string | undefined;
  cls: ClassNameFn;
}

/**
 * Users awaiting approval, each with Approve / Reject; scrolls when the list is long.
 * Memoised: renders only when the users, their in-flight state or the handlers change.
 */
export const PendingUsersList = /* @__PURE__ */ memo(function PendingUsersList({ users, pending, pendingCount, loading, onApprove, onReject, locale, cls }: PendingUsersListProps): ReactElement {
  const listRef = useRef<HTMLDivElement>(null);
  const formId = useId();
  // The user whose Reject asks for a reason, and the reason typed so far.
  const [rejecting, setRejecting] = useState<{ id: string; reason: string } | null>(null);
  // The row leaves the list at once (optimistic): keep keyboard focus in the list rather than
  // letting it fall back to the page.
  const decide = (act: () => void): void => {
    setRejecting(null);
    act();
    listRef.current?.focus();
  };
  if (loading) {
    return (
      <ul className={cls('rrk-dashboard__list')} aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className={cls('rrk-dashboard__skeleton-row')}>
            <span className={cls('rrk-dashboard__skeleton')} />
          </li>
        ))}
      </ul>
    );
  }
  if (users.length === 0) {
    // The count can arrive before the REST list: say so rather than "nobody" beside "3".
    const text = pendingCount ? `${pendingCount} waiting; loading the list…` : 'Nobody is waiting for approval';
    return <p className={cls('rrk-dashboard__empty')} data-empty="">{text}</p>;
  }
  return (
    // Focusable so keyboard users can scroll a long list (axe: scrollable-region-focusable).
    <div ref={listRef} className={cls('rrk-dashboard__scroll')} tabIndex={0} role="group" aria-label="Pending users list">
      <ul className={cls('rrk-dashboard__list')}>
        {users.map((user) => {
          const name = displayName(user);
          const busy = pending[user.id] === true;
          const joined = text(user, 'dateJoined', 'date_joined');
          return (
            <li key={user.id} className={cls('rrk-dashboard__user')} data-pending={busy || undefined} aria-busy={busy || undefined}>
              <Avatar name={name} cls={cls} />
              <span className={cls('rrk-dashboard__user-text')}>
                <span className={cls('rrk-dashboard__user-name')} title={name}>{name}</span>
                <span className={cls('rrk-dashboard__muted')} title={user.email ?? user.username}>
                  {name === user.username ? user.email ?? '' : `@${user.username}`}
                  {joined && (
                    <>
                      {' · joined '}
                      <time dateTime={isoTime(joined)}>{formatTime(joined, locale, { dateStyle: 'medium' })}</time>
                    </>
                  )}
                </span>
              </span>
              <span className={cls('rrk-dashboard__actions')}>
                <button type="button" className={cls('rrk-dashboard__button')} data-variant="primary" disabled={busy} aria-label={`Approve ${user.username}`} onClick={() => decide(() => onApprove?.(user.id))}>
                  Approve
                </button>
                <button
                  type="button"
                  className={cls('rrk-dashboard__button')}
                  data-variant="danger"
                  disabled={busy}
                  aria-label={`Reject ${user.username}`}
                  aria-expanded={rejecting?.id === user.id}
                  aria-controls={rejecting?.id === user.id ? `${formId}-reject` : undefined}
                  onClick={() => setRejecting(rejecting?.id === user.id ? null : { id: user.id, reason: '' })}
                >
                  Reject
                </button>
              </span>
              {rejecting?.id === user.id && (
                <form
                  id={`${formId}-reject`}
                  className={cls('rrk-dashboard__reject')}
                  aria-label={`Rejecting ${user.username}`}
                  onSubmit={(event) => {
                    event.preventDefault();
                    const reason = rejecting.reason.trim();
                    if (reason) decide(() => onReject?.(user.id, reason));
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') setRejecting(null);
                  }}
                >
                  <label className={cls('rrk-dashboard__reject-label')} htmlFor={`${formId}-reason`}>
                    Reason for rejecting {user.username}
                  </label>
                  <input
                    id={`${formId}-reason`}
                    className={cls('rrk-dashboard__reject-input')}
                    type="text"
                    required
                    maxLength={500}
                    autoFocus
                    value={rejecting.reason}
                    onChange={(event) => setRejecting({ id: user.id, reason: event.target.value })}
                  />
                  <button type="submit" className={cls('rrk-dashboard__button')} data-variant="danger" disabled={!rejecting.reason.trim()}>
                    Confirm reject
                  </button>
                  <button type="button" className={cls('rrk-dashboard__button')} onClick={() => setRejecting(null)}>
                    Cancel
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
