import { memo, type CSSProperties, type ReactElement } from 'react';
import { statusInfo } from '../StatusBadge/statusInfo';
import type { ClassNameFn } from '../../componentUtils/classNames';
import { sameEntries } from './sameEntries';

// The SVG is stretched to its columns (preserveAspectRatio="none"), so it is drawn in
// abstract units: each bar owns COLUMN units of width and is half as wide.
const COLUMN = 10;
const PLOT = 100;

/** Finite counts from `stats.orders_by_status`, or [] when it is missing or malformed. */
export function chartEntries(data: unknown): [string, number][] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.entries(data).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] >= 0);
}

function sameCounts(a: unknown, b: unknown): boolean {
  return a === b || sameEntries(chartEntries(a), chartEntries(b));
}

/** "Orders by status: New 1, Continue 2." — the chart's text alternative. */
export function chartSummary(title: string, entries: readonly [string, number][]): string {
  if (entries.length === 0) return `${title}: no data.`;
  return `${title}: ${entries.map(([key, n]) => `${statusInfo(key).label} ${n}`).join(', ')}.`;
}

export interface OrdersChartProps {
  /** `stats.orders_by_status`; undefined while stats are loading. */
  data: unknown;
  loading: boolean;
  title: string;
  cls: ClassNameFn;
}

/**
 * A bar chart of counts by status: one SVG for the bars, with each count written above its
 * bar and its status under it as HTML text, in matching columns — so colour is never needed
 * to read it, and the text keeps its size and contrast whatever the chart's width. Screen
 * readers get the summary as the image's label and the numbers as a (visually hidden)
 * table; the visible text rows are hidden from them to avoid reading everything three
 * times. Bars grow with a CSS transform transition, off under reduced motion. Memoised: a
 * stats update whose counts by status are unchanged does not render it again.
 */
export const OrdersChart = /* @__PURE__ */ memo(function OrdersChart({ data, loading, title, cls }: OrdersChartProps): ReactElement {
  if (loading) return <span className={cls('rrk-dashboard__skeleton rrk-dashboard__chart-skeleton')} aria-hidden="true" />;
  const entries = chartEntries(data);
  if (entries.length === 0) return <p className={cls('rrk-dashboard__empty')} data-empty="">No order data yet</p>;
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const columns = { '--rrk-chart-bars': entries.length } as CSSProperties;
  return (
    <figure className={cls('rrk-dashboard__chart')} style={columns}>
      <div className={cls('rrk-dashboard__chart-row rrk-dashboard__chart-values')} data-row="values" aria-hidden="true">
        {entries.map(([key, n]) => (
          <span key={key} data-status={statusInfo(key).key}>{n}</span>
        ))}
      </div>
      <svg role="img" aria-label={chartSummary(title, entries)} viewBox={`0 0 ${entries.length * COLUMN} ${PLOT}`} preserveAspectRatio="none" className={cls('rrk-dashboard__chart-svg')}>
        {entries.map(([key, n], i) => {
          const info = statusInfo(key);
          return (
            <rect
              key={key}
              className={cls('rrk-dashboard__chart-bar')}
              data-status={info.key}
              data-tone={info.tone}
              data-value={n}
              x={i * COLUMN + COLUMN / 4}
              y={0}
              width={COLUMN / 2}
              height={PLOT}
              style={{ transform: `scaleY(${n / max})` }}
            />
          );
        })}
        <line x1={0} x2={entries.length * COLUMN} y1={PLOT} y2={PLOT} className={cls('rrk-dashboard__chart-axis')} stroke="currentColor" vectorEffect="non-scaling-stroke" />
      </svg>
      <div className={cls('rrk-dashboard__chart-row rrk-dashboard__chart-labels')} data-row="labels" aria-hidden="true">
        {entries.map(([key]) => {
          const { label } = statusInfo(key);
          // Cut by CSS with an ellipsis when the column is narrow; whole in title.
          return <span key={key} title={label}>{label}</span>;
        })}
      </div>
      <table className={cls('rrk-visually-hidden')}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Orders</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([key, n]) => (
            <tr key={key}>
              <th scope="row">{statusInfo(key).label}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}, (a, b) => a.loading === b.loading && a.title === b.title && a.cls === b.cls && sameCounts(a.data, b.data));
