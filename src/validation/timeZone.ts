import { setZoneOffset } from './normalizeTimestamp';

const readers = new Map<string, (localMs: number) => number>();

/**
 * The offset of an IANA zone (`Asia/Kolkata`) at a local wall time, through Intl. Throws a
 * TypeError for a name the runtime does not know.
 */
export function zoneOffsetOf(timeZone: string): (localMs: number) => number {
  let reader = readers.get(timeZone);
  if (reader) return reader;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    throw new TypeError(`timeZone must be an IANA zone name such as "Asia/Kolkata" (got ${JSON.stringify(timeZone)}).`);
  }
  // The zone's offset at the instant `utc`: its wall time read as if UTC, minus the instant.
  const at = (utc: number): number => {
    const p: Record<string, number> = {};
    for (const { type, value } of format.formatToParts(utc)) p[type] = Number(value);
    return Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']! % 24, p['minute']!, p['second']!) - (utc - (utc % 1000 + 1000) % 1000);
  };
  // Two rounds settle the offset, also next to a DST change.
  reader = (localMs) => at(localMs - at(localMs));
  readers.set(timeZone, reader);
  return reader;
}

/**
 * The same dialect, reading times without a zone as local times of `timeZone` (the server's
 * `TIME_ZONE`). Only dialects that read such times offer this (`dialect.withTimeZone`), so an
 * app whose backends never use the option does not bundle it.
 */
export function inTimeZone<D extends { parse(frame: unknown): unknown }>(dialect: D, timeZone: string): D {
  const offset = zoneOffsetOf(timeZone);
  return {
    ...dialect,
    parse(frame: unknown) {
      const previous = setZoneOffset(offset);
      try {
        return dialect.parse(frame);
      } finally {
        setZoneOffset(previous);
      }
    },
  };
}
