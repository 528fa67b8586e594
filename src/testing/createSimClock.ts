/**
 * The simulator's clock. `manual` never reads the real time: it starts at `startTime` and moves
 * only when told, so every timestamp is repeatable (tests). `real` flows with the wall clock
 * (plus whatever `advance()` added), so a live demo's times agree with the browser's.
 */

/** A simulated clock. */
export interface SimClock {
  /** The simulated time, in ms since the epoch. */
  now(): number;
  /** Move forward by `ms` (>= 0) and return the new time. */
  advance(ms: number): number;
  /** The simulated time as ISO 8601 (`2025-01-01T10:00:00.000Z`). */
  iso(): string;
}

export interface SimClockOptions {
  /** The start, as ISO 8601 text or epoch ms. @default '2025-01-01T10:00:00.000Z' (manual), now (real) */
  startTime?: string | number;
  /** `manual`: moves only through `advance()`; `real`: flows with the wall clock too. @default 'manual' */
  mode?: 'manual' | 'real';
}

/** The default start of simulated time. */
export const DEFAULT_START_TIME = '2025-01-01T10:00:00.000Z';

/** Create a clock that starts at `options.startTime` and advances only through `advance()`. */
export function createSimClock(options: SimClockOptions = {}): SimClock {
  const real = options.mode === 'real';
  const start = options.startTime ?? (real ? Date.now() : DEFAULT_START_TIME);
  let base = typeof start === 'number' ? start : Date.parse(start);
  if (!Number.isFinite(base)) {
    throw new TypeError(`createSimClock: startTime must be an ISO date or epoch ms (got ${JSON.stringify(start)}).`);
  }
  const realStart = real ? Date.now() : 0;
  const now = (): number => (real ? base + (Date.now() - realStart) : base);
  return {
    now,
    advance(ms: number): number {
      if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`SimClock.advance: ms must be a finite number >= 0 (got ${ms}).`);
      base += ms;
      return now();
    },
    iso: () => new Date(now()).toISOString(),
  };
}

/** `2025-01-01 10:00:00`: a non-ISO wall-clock form (SmartHunt's `notify` variant). */
export function plainTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Python's `str(datetime)` of a naive UTC time: `2025-01-01 10:00:00.123000`, and without the
 * fraction when the microseconds are 0, exactly as Python prints it.
 */
export function pythonTime(ms: number): string {
  const micros = (((ms % 1000) + 1000) % 1000) * 1000;
  return micros === 0 ? plainTime(ms) : `${plainTime(ms)}.${String(micros).padStart(6, '0')}`;
}

/**
 * The admin server's quirk: `json.dumps(str(datetime))` put into a JSON field, so the value
 * itself holds quote marks: `"2025-01-01 10:00:00.123000"` including the quotes.
 */
export function quotedPythonTime(ms: number): string {
  return JSON.stringify(pythonTime(ms));
}

/**
 * Python's `datetime.isoformat()` of an aware UTC time, `2025-01-01T10:00:00.123000+00:00`
 * (no fraction when the microseconds are 0); `zulu` gives DRF's rendering, with `Z` instead of
 * `+00:00`.
 */
export function pythonIsoTime(ms: number, zulu = false): string {
  return `${pythonTime(ms).replace(' ', 'T')}${zulu ? 'Z' : '+00:00'}`;
}
