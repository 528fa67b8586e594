import { memo, type ReactElement } from 'react';
import { Avatar } from './Avatar';
import type { ClassNameFn } from '../../componentUtils/classNames';

export interface AdminsOnlineProps {
  admins: readonly { id: string; username: string }[];
  cls: ClassNameFn;
}

/** Who else is watching the dashboard now, as initials and names. Memoised: renders only when they change. */
export const AdminsOnline = /* @__PURE__ */ memo(function AdminsOnline({ admins, cls }: AdminsOnlineProps): ReactElement {
  if (admins.length === 0) return <p className={cls('rrk-dashboard__empty')} data-empty="">No admins online</p>;
  const sorted = [...admins].sort((a, b) => a.username.localeCompare(b.username));
  return (
    <ul className={cls('rrk-dashboard__admins')}>
      {sorted.map((admin) => (
        <li key={admin.id} className={cls('rrk-dashboard__admin')}>
          <Avatar name={admin.username} cls={cls} />
          <span className={cls('rrk-dashboard__user-name')} title={admin.username}>{admin.username}</span>
        </li>
      ))}
    </ul>
  );
});
