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

/** The instant a timestamp names, or null when it is not a date. */
export function parseTime(value: string | null | undefined): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const date = new Date(value.trim().replace(/^"+|"+$/g, ''));
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
