import { memo, type ReactElement } from 'react';
import type { ClassNameFn } from '../../componentUtils/classNames';
import { formatNumber } from '../../componentUtils/formatTime';
import { sameEntries } from './sameEntries';

// The counts the admin dashboard's `stats_update` documents, in reading order. Servers differ
// in what they send, so only the keys present are shown, and unknown numeric keys follow.
const labels: Record<string, string> = {
  total_users: 'Total users',
  pending_users: 'Pending',
  approved_users: 'Approved',
  rejected_users: 'Rejected',
  total_orders: 'Orders',
};

/** `active_sessions` → "Active sessions". */
export function statLabel(key: string): string {
  // Own keys only: a stats key named `__proto__` or `constructor` is a server's word.
  const known = Object.hasOwn(labels, key) ? labels[key] : undefined;
  if (known) return known;
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The numeric stats worth a tile, as [key, value], known keys first. */
export function statEntries(stats: Record<string, unknown>): [string, number][] {
  const numeric = Object.entries(stats).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]));
  const rank = (key: string): number => {
    const i = Object.keys(labels).indexOf(key);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return numeric.sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** The same counts (what the tiles show): each `stats_update` parses a new object, often with the same numbers. */
function sameStats(a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return sameEntries(statEntries(a), statEntries(b));
}

export interface StatsTilesProps {
  /** null while the first `stats_update` has not come: skeleton tiles. */
  stats: Record<string, unknown> | null;
  locale: string | undefined;
  cls: ClassNameFn;
}

/** One tile per count in `stats`; a term/definition list so each number keeps its label. Memoised: renders only when a count changes. */
export const StatsTiles = /* @__PURE__ */ memo(function StatsTiles({ stats, locale, cls }: StatsTilesProps): ReactElement {
  if (stats === null) {
    return (
      <div className={cls('rrk-dashboard__tiles')} aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={cls('rrk-dashboard__tile rrk-dashboard__skeleton')} />
        ))}
      </div>
    );
  }
  const entries = statEntries(stats);
  if (entries.length === 0) return <p className={cls('rrk-dashboard__empty')} data-empty="">No statistics yet</p>;
  return (
    <dl className={cls('rrk-dashboard__tiles')}>
      {entries.map(([key, value]) => (
        <div key={key} className={cls('rrk-dashboard__tile')} data-stat={key}>
          <dt className={cls('rrk-dashboard__muted')}>{statLabel(key)}</dt>
          <dd className={cls('rrk-dashboard__tile-value')}>{formatNumber(value, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}, (a, b) => a.locale === b.locale && a.cls === b.cls && sameStats(a.stats, b.stats));
