import { describe, isPlainObject } from '../validation/decode';

/**
 * The valid name closest to `name`, if it is within about `max` typing mistakes: closeness is
 * the prefix and suffix the two share (typos sit in the middle or the end of a name), so
 * `reconect` → reconnect, `maxRetry` → maxRetries, `timng` → timing.
 */
export function nearest(name: string, valid: readonly string[], max = Infinity): string | undefined {
  let best: string | undefined;
  let fewest = max + 1;
  const a = name.toLowerCase();
  for (const candidate of valid) {
    const b = candidate.toLowerCase();
    let prefix = 0;
    while (prefix < a.length && a[prefix] === b[prefix]) prefix += 1;
    let suffix = 0;
    while (suffix < Math.min(a.length, b.length) - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
    // Characters left unmatched, less a little for a longer shared prefix (ties go to it).
    const mistakes = Math.max(a.length, b.length) - prefix - suffix - prefix / 100;
    if (mistakes < fewest) [best, fewest] = [candidate, mistakes];
  }
  return best;
}

/**
 * Throw a TypeError for the first key of `value` that is not in `valid`, naming where it is
 * and the nearest valid name (`reconect` → "did you mean reconnect?"). `moved` names options
 * that exist elsewhere now.
 */
export function checkOptions(value: unknown, valid: readonly string[], where: string, moved: Record<string, string> = {}): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) throw new TypeError(`${where || 'the options'} must be an object (got ${describe(value)}).`);
  for (const key of Object.keys(value)) {
    if (valid.includes(key)) continue;
    const path = where ? `${where}.${key}` : key;
    if (Object.hasOwn(moved, key)) throw new TypeError(`${path} is not an option any more: use ${moved[key]}.`);
    const hint = nearest(key, valid);
    throw new TypeError(`${path} is not an option${hint ? `; did you mean ${where ? `${where}.` : ''}${hint}?` : '.'} Valid: ${valid.join(', ')}.`);
  }
}
