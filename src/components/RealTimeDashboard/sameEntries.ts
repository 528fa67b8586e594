/**
 * The same [key, count] pairs in the same order. Each `stats_update` parses a new object, mostly
 * with the same numbers: the stats tiles and the chart compare what they draw, not the object.
 */
export function sameEntries(x: readonly (readonly [string, number])[], y: readonly (readonly [string, number])[]): boolean {
  return x.length === y.length && x.every(([key, n], i) => y[i]![0] === key && y[i]![1] === n);
}
