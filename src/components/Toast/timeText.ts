/**
 * Time helpers shared by the kit's components. Timestamps come from the wire and may be
 * non-ISO server text (see PROTOCOLS §3 and §5), so every helper accepts a bad value and
 * falls back to showing the raw text rather than "Invalid Date".
 */

/** A timestamp as the components accept it: ISO text, epoch ms, or a Date. */
export type TimeInput = string | number | Date;

/** The Date for `value`, or null when it cannot be read as a time. */
export function parseTime(value: TimeInput | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Intl formatters are costly to build; lists render hundreds of times, so keep them per locale.
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    if (cache.size > 50) cache.clear();
    cache.set(key, formatter);
  }
  return formatter as T;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" today, "3 Jan, 14:05" on another day (in `locale`'s own wording and order). */
export function formatClock(date: Date, locale?: string, now: Date = new Date()): string {
  const today = sameDay(date, now);
  const key = `clock:${locale ?? ''}:${today}`;
  const options: Intl.DateTimeFormatOptions = today ? { hour: 'numeric', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
  return cached(key, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

/** The full date and time, for `title` tooltips. */
export function formatFull(date: Date, locale?: string): string {
  return cached(`full:${locale ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday", "in 2 hours". */
export function formatRelative(date: Date, now: Date = new Date(), locale?: string): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const formatter = cached(`rel:${locale ?? ''}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatter.format(Math.trunc(seconds / size), unit);
  }
  return formatter.format(0, 'second');
}
