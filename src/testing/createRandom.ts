/**
 * A small seeded random source (mulberry32). The simulator draws every random choice from
 * one of these, so the same seed replays the same world and the same traffic.
 */

/** A seeded pseudo-random source. Not for cryptography. */
export interface Random {
  /** The seed it was created with. */
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p` (0..1). */
  chance(p: number): boolean;
  /** An RFC 4122 version-4 UUID built from this source (so it too is repeatable). */
  uuid(): string;
  /** A choice weighted by `weight`; the list must be non-empty with a positive total. */
  weighted<T>(items: readonly { value: T; weight: number }[]): T;
}

/**
 * Create a seeded random source.
 * @param seed any number; it is truncated to 32 bits, so `7` and `7.9` give the same stream
 */
export function createRandom(seed: number): Random {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new TypeError(`createRandom: seed must be a finite number (got ${String(seed)}). Pass e.g. createRandom(1).`);
  }
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('Random.pick: the list is empty; pass at least one item.');
      return items[int(0, items.length - 1)]!;
    },
    chance: (p) => next() < p,
    uuid(): string {
      const hex: string[] = [];
      for (let i = 0; i < 16; i++) {
        let byte = int(0, 255);
        if (i === 6) byte = (byte & 0x0f) | 0x40;
        if (i === 8) byte = (byte & 0x3f) | 0x80;
        hex.push(byte.toString(16).padStart(2, '0'));
      }
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    weighted<T>(items: readonly { value: T; weight: number }[]): T {
      const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
      if (!(total > 0)) throw new RangeError('Random.weighted: the weights must add up to more than 0.');
      let roll = next() * total;
      for (const item of items) {
        roll -= Math.max(0, item.weight);
        if (roll < 0) return item.value;
      }
      return items[items.length - 1]!.value;
    },
  };
}
