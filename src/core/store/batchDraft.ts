/**
 * Copy-on-write within one batch. Reducers are pure: they never change a slice they were
 * given. But a burst of 1,000 frames in one batch would copy an order map of 1,000 entries
 * 1,000 times. While a batch is being reduced, objects created during it are not visible to
 * anyone yet, so a reducer may update them in place; anything older is copied first.
 */
let owned: WeakSet<object> | null = null;

/** Whether `value` was created in the batch being reduced (and so may be changed in place). */
export function isDraft(value: object): boolean {
  return owned?.has(value) ?? false;
}

/** Mark `value`, just created by a reducer, as changeable in place for the rest of the batch. */
export function adopt<T extends object>(value: T): T {
  owned?.add(value);
  return value;
}

/** Run `reduce` with batch-local copy-on-write enabled. */
export function withBatchDraft<T>(reduce: () => T): T {
  const outer = owned;
  owned = new WeakSet();
  try {
    return reduce();
  } finally {
    owned = outer;
  }
}

/**
 * `value` itself if it was created in this batch, otherwise a shallow copy that now is. A
 * record without a prototype (see `records.ts`) is copied without one, so an id such as
 * `"__proto__"` stays an ordinary key of the copy.
 */
export function writable<T extends object>(value: T): T {
  if (owned?.has(value)) return value;
  const copy = (Array.isArray(value) ? [...value] : Object.getPrototypeOf(value) === null ? Object.assign(Object.create(null) as object, value) : { ...value }) as T;
  owned?.add(copy);
  return copy;
}
