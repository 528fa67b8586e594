import { checkOptions } from './checkOptions';

/**
 * `defaults` with `overrides` on top, each a positive integer. Unknown names throw, naming the
 * nearest known one (`where` is the option's path, e.g. `limits` or `backends.chat.limits`).
 */
export function resolveLimits<L extends Record<string, number>>(defaults: L, overrides: Partial<L> | undefined, where: string): L {
  checkOptions(overrides, Object.keys(defaults), where);
  const out: Record<string, number> = { ...defaults };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new TypeError(`${where}.${key} must be a positive integer (got ${String(value)}).`);
    out[key] = value;
  }
  return out as L;
}
