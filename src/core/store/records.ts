/**
 * Records keyed by ids from the wire (order ids, peer ids, user ids). An id may be any
 * string, `"__proto__"`, `"constructor"` and `"toString"` included, so these records have no
 * prototype: a lookup of such an id finds nothing unless it was stored, and storing it never
 * touches a prototype. Reducers build and copy them only through these helpers, which keep
 * the null prototype (a spread `{ ...record }` would not).
 */
import { adopt, isDraft } from './batchDraft';

/**
 * Entry counts of records, so a cap is checked without listing the keys. Kept for records
 * changed only through `put` and `remove` (or not at all after creation).
 */
const sizes = new WeakMap<object, number>();

/** A record with no prototype, optionally holding the own entries of `from`. */
export function record<V>(from?: Readonly<Record<string, V>> | null): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  let size = 0;
  if (from) {
    for (const key of Object.keys(from)) {
      out[key] = from[key]!;
      size += 1;
    }
  }
  sizes.set(out, size);
  return out;
}

/** How many entries `target` holds. */
export function sizeOf(target: Readonly<Record<string, unknown>>): number {
  let size = sizes.get(target);
  if (size === undefined) sizes.set(target, (size = Object.keys(target).length));
  return size;
}

/** Set `key` in `target` in place (a record just copied, or a batch draft). */
export function put<V>(target: Record<string, V>, key: string, value: V): void {
  if (!Object.hasOwn(target, key)) sizes.set(target, sizeOf(target) + 1);
  target[key] = value;
}

/** Delete `key` from `target` in place (a record just copied, or a batch draft). */
export function remove(target: Record<string, unknown>, key: string): void {
  if (!Object.hasOwn(target, key)) return;
  sizes.set(target, sizeOf(target) - 1);
  delete target[key];
}

/** The value stored under `key`, never one inherited from a prototype. */
export function own<V>(from: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  return from && Object.hasOwn(from, key) ? from[key] : undefined;
}

/** Whether `key` is stored in `from` (not inherited). */
export function has(from: Readonly<Record<string, unknown>> | null | undefined, key: string): boolean {
  return Boolean(from) && Object.hasOwn(from!, key);
}

/** A copy of `from` without `key` (`from` itself when it has no such entry). */
export function withoutEntry<V>(from: Readonly<Record<string, V>>, key: string): Record<string, V> {
  if (!has(from, key)) return from as Record<string, V>;
  const out = record(from);
  remove(out, key);
  return out;
}

/** A copy of `from` with every entry of `entries` set. */
export function withEntries<V>(from: Readonly<Record<string, V>>, entries: Readonly<Record<string, V>>): Record<string, V> {
  const out = record(from);
  for (const key of Object.keys(entries)) put(out, key, entries[key]!);
  return out;
}

/**
 * Drop the first entries of `target` (in key order: integer-like keys first, then the others
 * in insertion order) once it holds more than `cap`, never those in `keep`. With `slack` it
 * drops that many more at once, so a record that stays at its cap under a stream of new keys
 * lists its keys once per `slack` additions rather than on every one. Changes `target` in
 * place: call it only on a record just copied (or a batch draft).
 */
export function trimRecord(target: Record<string, unknown>, cap: number, keep: readonly (string | null | undefined)[] = [], slack = 0): void {
  const size = sizeOf(target);
  if (size <= cap) return;
  let excess = size - Math.max(0, cap - Math.max(0, Math.floor(slack)));
  const keys = Object.keys(target);
  for (let i = 0; excess > 0 && i < keys.length; i += 1) {
    if (keep.includes(keys[i])) continue;
    remove(target, keys[i]!);
    excess -= 1;
  }
}

/** The slack of a cap: a tenth of it, so trimming costs O(1) amortised per new key. */
export function slackOf(cap: number): number {
  return Math.floor(cap / 10);
}

/**
 * `from` itself when it is a record without a prototype created in the batch being reduced,
 * otherwise such a copy: within a batch, N writes to one record cost one copy, not N.
 */
export function draftRecord<V>(from: Readonly<Record<string, V>>): Record<string, V> {
  if (isDraft(from) && Object.getPrototypeOf(from) === null) return from as Record<string, V>;
  return adopt(record(from));
}
