import { memo, type ReactElement } from 'react';
import type { ActivityEntry } from '../../backends/admin/types';
import { StatusIcon } from '../StatusBadge/StatusIcon';
import type { StatusIconName } from '../StatusBadge/statusInfo';
import type { ClassNameFn } from '../../componentUtils/classNames';
import { formatTime, isoTime } from '../../componentUtils/formatTime';

// An icon per kind for scanning, and a word for screen readers: the icon is never the only cue.
const kinds: Record<ActivityEntry['kind'], { icon: StatusIconName; label: string; tone: string }> = {
  approved: { icon: 'check', label: 'Approved', tone: 'success' },
  rejected: { icon: 'cross', label: 'Rejected', tone: 'danger' },
  new_user: { icon: 'plus', label: 'Registration', tone: 'info' },
  admin_joined: { icon: 'play', label: 'Admin joined', tone: 'progress' },
  admin_left: { icon: 'dot', label: 'Admin left', tone: 'neutral' },
  order_update: { icon: 'clock', label: 'Order update', tone: 'warning' },
  booking: { icon: 'bell', label: 'Booking', tone: 'info' },
};

export interface ActivityFeedProps {
  entries: readonly ActivityEntry[];
  limit: number;
  locale: string | undefined;
  cls: ClassNameFn;
}

interface ActivityItemProps {
  entry: ActivityEntry;
  locale: string | undefined;
  cls: ClassNameFn;
}

/** One entry; memoised, so a new entry at the top formats only its own time. */
const ActivityItem = /* @__PURE__ */ memo(function ActivityItem({ entry, locale, cls }: ActivityItemProps): ReactElement {
  const kind = kinds[entry.kind] ?? { icon: 'dot' as const, label: entry.kind, tone: 'neutral' };
  return (
    <li className={cls('rrk-dashboard__activity')} data-kind={entry.kind}>
      <span className={cls('rrk-dashboard__activity-icon')} data-tone={kind.tone}>
        <StatusIcon name={kind.icon} />
      </span>
      <span className={cls('rrk-visually-hidden')}>{kind.label}: </span>
      <span className={cls('rrk-dashboard__activity-text')}>{entry.text}</span>
      <time className={cls('rrk-dashboard__muted')} dateTime={isoTime(entry.timestamp)}>
        {formatTime(entry.timestamp, locale)}
      </time>
    </li>
  );
});

/** Recent activity, newest first: time, kind icon and text. Memoised: renders only when the entries change. */
export const ActivityFeed = /* @__PURE__ */ memo(function ActivityFeed({ entries, limit, locale, cls }: ActivityFeedProps): ReactElement {
  if (entries.length === 0) return <p className={cls('rrk-dashboard__empty')} data-empty="">No activity yet</p>;
  return (
    <div className={cls('rrk-dashboard__scroll')} tabIndex={0} role="group" aria-label="Activity list">
      <ol className={cls('rrk-dashboard__list')}>
        {entries.slice(0, limit).map((entry) => (
          <ActivityItem key={entry.id} entry={entry} locale={locale} cls={cls} />
        ))}
      </ol>
    </div>
  );
});
