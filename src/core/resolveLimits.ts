import { checkOptions } from './checkOptions';

/**
 * `defaults` with `overrides` on top, each a number of at least `min` (whole when `whole`;
 * Infinity only where the default is Infinity). Unknown names throw, naming the nearest known
 * one (`where` is the option's path, e.g. `limits` or `backends.chat.limits`).
 */
export function resolveNumbers<L extends Record<string, number>>(defaults: L, overrides: Partial<L> | undefined, where: string, min = 1, whole = true): L {
  checkOptions(overrides, Object.keys(defaults), where);
  const out: Record<string, number> = { ...defaults };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) continue;
    const endless = defaults[key] === Infinity;
    const ok = typeof value === 'number' && (value === Infinity ? endless : (whole ? Number.isInteger(value) : Number.isFinite(value)) && value >= min);
    if (!ok) throw new TypeError(`${where}.${key} must be a ${whole ? 'whole ' : ''}number >= ${min}${endless ? ', or Infinity for no limit' : ''} (got ${String(value)}).`);
    out[key] = value;
  }
  return out as L;
}

/** Caps: whole numbers of at least 1. */
export function resolveLimits<L extends Record<string, number>>(defaults: L, overrides: Partial<L> | undefined, where: string): L {
  return resolveNumbers(defaults, overrides, where);
}
