import { describe, isPlainObject } from '../validation/decode';

/** Edit distance, for "did you mean". Small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The valid name closest to `name`, if any is within `max` edits. */
export function nearest(name: string, valid: readonly string[], max = Infinity): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of valid) {
    const d = distance(name, candidate);
    if (d > max) continue;
    // Ties go to the longer shared prefix (`maxRetry` → maxRetries, not maxDelay).
    let prefix = 0;
    while (prefix < name.length && name[prefix]!.toLowerCase() === candidate[prefix]?.toLowerCase()) prefix += 1;
    const score = d - prefix / 100;
    if (score < bestScore) [best, bestScore] = [candidate, score];
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
