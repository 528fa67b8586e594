import type { ReactElement, ReactNode } from 'react';
import type { ClassNameFn } from '../../componentUtils/classNames';

export interface DashboardCardProps {
  heading: ReactNode;
  /** Names the card for `data-card`, so apps can place or hide cards with CSS. */
  name: string;
  cls: ClassNameFn;
  children: ReactNode;
}

/**
 * One titled card of the dashboard grid. Not a landmark (no accessible name on the section):
 * the dashboard itself is the region, its cards are reached by their headings, and two
 * dashboards on one page would otherwise repeat every landmark name.
 */
export function DashboardCard({ heading, name, cls, children }: DashboardCardProps): ReactElement {
  return (
    <section className={cls('rrk-dashboard__card')} data-card={name}>
      <h3 className={cls('rrk-dashboard__card-title')}>{heading}</h3>
      {children}
    </section>
  );
}
