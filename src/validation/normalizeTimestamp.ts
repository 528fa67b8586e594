/** Longest raw timestamp text kept when a timestamp cannot be parsed. */
export const MAX_RAW_TIMESTAMP_CHARS = 64;

// Python's str(datetime) and ISO 8601: date, optional time (T or space), fraction, a 12-hour
// clock's AM/PM (Django REST framework's `DATETIME_FORMAT = "%Y-%m-%d %I:%M %p"`), zone.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*([AP]M)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH_TEXT = /^\d{9,13}(?:\.\d+)?$/;
// Already what this returns (JavaScript's toISOString), when it prints back as itself.
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// The same with every field in range (a day up to 28 is in every month): prints back as itself.
const IN_RANGE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
// Edge junk: whitespace, quote marks and the backslashes of a doubly-escaped string.
const EDGE_JUNK = /^[\s"'\\]+|[\s"'\\]+$/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Offset (ms) of a zone at a local wall time given as if UTC; set only while a zoned dialect parses (see timeZone.ts). */
let zoneOffset: ((localMs: number) => number) | null = null;

/** Read zoneless times in another zone until the returned value is set back; used by `inTimeZone`. */
export function setZoneOffset(next: typeof zoneOffset): typeof zoneOffset {
  const previous = zoneOffset;
  zoneOffset = next;
  return previous;
}

function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  // Below 1e11 is seconds (1e11 s is the year 5138; 1e11 ms is 1973).
  const ms = Math.abs(value) < 1e11 ? value * 1000 : value;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function fromDateTime(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, clock = '0', mi = '0', s = '0', frac = '', half, zone] = m;
  // 12 AM is 00, 12 PM is 12; a 12-hour clock has no hour 0 or 13.
  const h = half ? String((Number(clock) % 12) + (/p/i.test(half) ? 12 : 0)) : clock;
  if (half && (Number(clock) < 1 || Number(clock) > 12)) return null;
  const ms = Number((frac + '000').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  // Reject overflow such as 2025-02-30 or 25:00, which Date.UTC would silently roll over
  // (and two-digit years, which it reads as 19xx): the date must print back as it was written.
  const pad = (v: string) => v.padStart(2, '0');
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${pad(h)}:${pad(mi)}:${pad(s)}`) return null;
  let offsetMinutes = !zone && zoneOffset ? zoneOffset(utc) / 60_000 : 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

/**
 * Turn a wire timestamp into an ISO string, leniently. Accepts ISO strings, epoch numbers
 * (milliseconds, or seconds when below 1e11), Python's `str(datetime)` form
 * (`"2025-01-01 10:00:00.123456"`, microseconds truncated to milliseconds) and the admin
 * server's quirk of a string that itself holds quote marks (`"\"2025-01-01 10:00:00\""`).
 * A time without a zone is read as UTC (or in the backend's `timeZone` option), so the result
 * does not depend on the viewer's zone. Text without a digit (`"now"`, `{"timestamp": "now"}`)
 * names no time: it gives `null`, which lenient readers replace with the receipt time.
 *
 * @returns the ISO string; or, when the text cannot be parsed, the cleaned text (quotes and
 * control characters stripped, trimmed, capped at {@link MAX_RAW_TIMESTAMP_CHARS}); or
 * `null` for `null`, `undefined`, empty text and values of other types. Never throws.
 */
export function normalizeTimestamp(value: unknown): string | null {
  try {
    if (typeof value === 'number') return fromEpoch(value);
    if (typeof value !== 'string') return null;
    // The common case on a busy stream: a canonical UTC time that prints back as itself (most
    // need no Date to tell).
    if (IN_RANGE.test(value)) return value;
    if (value.length === 24 && CANONICAL.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime()) && date.toISOString() === value) return value;
    }
    const text = value.replace(CONTROL, '').replace(EDGE_JUNK, '');
    if (!/\d/.test(text)) return null;
    if (EPOCH_TEXT.test(text)) return fromEpoch(Number(text));
    const parsed = fromDateTime(text);
    if (parsed !== null) return parsed;
    // Other forms with a four-digit year (RFC 2822 and the like): let the engine try.
    // (Not for text shaped like YYYY-MM-DD that failed the checks above: the engine would roll
    // an impossible date such as 02-30 over into March.)
    if (text.length >= 8 && text.length <= 64 && /\d{4}/.test(text) && !/^\d{4}-\d{2}-\d{2}/.test(text)) {
      const ms = Date.parse(text);
      if (!Number.isNaN(ms)) return new Date(ms).toISOString();
    }
    return text.slice(0, MAX_RAW_TIMESTAMP_CHARS);
  } catch {
    return null;
  }
}

/** The current time as an ISO string: the fallback for a missing or unreadable timestamp. */
export function nowIso(): string {
  return new Date().toISOString();
}
