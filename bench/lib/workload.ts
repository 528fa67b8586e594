/** Seeded workloads, so both sides get exactly the same frames in every repetition. */

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Frame i (seq i+1) is about order `result[i]`, uniformly random in 1..orders. */
export function orderSequence(seed: number, frames: number, orders: number): Int32Array {
  const random = prng(seed);
  const out = new Int32Array(frames);
  for (let i = 0; i < frames; i++) out[i] = 1 + Math.floor(random() * orders);
  return out;
}

/**
 * The sequence number each card must end on: card i watches order i+1 (or every card order 1
 * when `sameOrder`); a card that got nothing keeps `initial` (-1 nothing, 0 the snapshot).
 */
export function expectedFinal(sequence: Int32Array, cards: number, initial: number, sameOrder = false): number[] {
  const last = new Map<number, number>();
  sequence.forEach((orderId, i) => last.set(orderId, i + 1));
  return Array.from({ length: cards }, (_, i) => last.get(sameOrder ? 1 : i + 1) ?? initial);
}
