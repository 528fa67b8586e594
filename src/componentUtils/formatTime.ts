/**
 * Numbers and times as people read them. A malformed locale falls back to the browser's
 * rather than throwing. Server timestamps are usually ISO, but the admin dashboard's real
 * server can send a quoted Python datetime, and the dialects keep text they could not parse
 * as-is: such a value is shown as sent (without its quote marks), never "Invalid Date".
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A malformed locale from an app's settings must not break the whole dashboard.
      format = new Intl.DateTimeFormat(undefined, options);
    }
    formats.set(key, format);
  }
  return format;
}

/** A timestamp as the components accept it: ISO text, epoch ms, or a Date. */
export type TimeInput = string | number | Date;

/** The instant a timestamp names (quote marks of the admin server's quirk stripped), or null when it is not a date. */
export function parseTime(value: TimeInput | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' ? value.trim().replace(/^"+|"+$/g, '') : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `10:30` (in the viewer's time zone and locale), or the raw text when it is not a date. */
export function formatTime(
  value: string | null | undefined,
  locale?: string,
  options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' },
): string {
  const date = parseTime(value);
  if (date) return formatter(locale, options).format(date);
  return typeof value === 'string' ? value.trim().replace(/^"+|"+$/g, '') : '';
}

/** A value for `<time dateTime>`: ISO when the timestamp parses, otherwise undefined. */
export function isoTime(value: string | null | undefined): string | undefined {
  return parseTime(value)?.toISOString();
}

const numbers = new Map<string, Intl.NumberFormat>();

/** `1,234` in the locale's grouping. */
export function formatNumber(value: number, locale?: string): string {
  const key = locale ?? '';
  let format = numbers.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale);
    } catch {
      format = new Intl.NumberFormat();
    }
    numbers.set(key, format);
  }
  return format.format(value);
}

// Intl formatters are costly to build; lists render hundreds of times, so keep them per locale.
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: (locale: string | undefined) => T, locale: string | undefined): T {
  let formatter = cache.get(key);
  if (!formatter) {
    try {
      formatter = make(locale);
    } catch {
      // A malformed locale from an app's settings must not break rendering: use the browser's.
      formatter = make(undefined);
    }
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
  return cached(key, (l) => new Intl.DateTimeFormat(l, options), locale).format(date);
}

/** The full date and time, for `title` tooltips. */
export function formatFull(date: Date, locale?: string): string {
  return cached(`full:${locale ?? ''}`, (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }), locale).format(date);
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
  const formatter = cached(`rel:${locale ?? ''}`, (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }), locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatter.format(Math.trunc(seconds / size), unit);
  }
  return formatter.format(0, 'second');
}
