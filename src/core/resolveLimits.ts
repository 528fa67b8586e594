import { checkOptions } from './checkOptions';

/**
 * Longest delay a timer can take, in ms (about 24.8 days). A longer one fires at once in every
 * runtime (browsers and Node clamp it to 1 ms), so a "very long" timeout would turn into a loop.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * `defaults` with `overrides` on top, each a number of at least `min` and at most `max[key]`
 * (whole when `whole`; Infinity only where the default is Infinity, or the key is in
 * `endless`). Unknown names throw, naming the nearest known one (`where` is the option's path,
 * e.g. `limits` or `backends.chat.limits`).
 */
export function resolveNumbers<L extends Record<string, number>>(
  defaults: L,
  overrides: Partial<L> | undefined,
  where: string,
  min = 1,
  whole = true,
  { max = {}, endless = [], why = {} }: { max?: Partial<Record<keyof L, number>>; endless?: readonly (keyof L)[]; why?: Partial<Record<keyof L, string>> } = {},
): L {
  checkOptions(overrides, Object.keys(defaults), where);
  const out: Record<string, number> = { ...defaults };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) continue;
    const infinite = defaults[key] === Infinity || endless.includes(key);
    const most = max[key] ?? Infinity;
    const ok = typeof value === 'number' && (value === Infinity ? infinite : (whole ? Number.isInteger(value) : Number.isFinite(value)) && value >= min && value <= most);
    if (!ok) {
      if (typeof value === 'number' && value > most) throw new TypeError(`${where}.${key} must be at most ${most}${why[key] ? `: ${why[key]}` : ''} (got ${String(value)}).`);
      throw new TypeError(`${where}.${key} must be a ${whole ? 'whole ' : ''}number >= ${min}${infinite ? ', or Infinity for no limit' : ''} (got ${String(value)}).`);
    }
    out[key] = value;
  }
  return out as L;
}

/** Caps: whole numbers of at least 1 (and at most `max[key]`, for the reason `why[key]`). */
export function resolveLimits<L extends Record<string, number>>(defaults: L, overrides: Partial<L> | undefined, where: string, max: Partial<Record<keyof L, number>> = {}, why: Partial<Record<keyof L, string>> = {}): L {
  return resolveNumbers(defaults, overrides, where, 1, true, { max, why });
}

/** Why a delay is capped at {@link MAX_TIMER_MS}, for error messages. */
export const TIMER_LIMIT = 'a longer timer fires at once';
