/** Inputs no parser may throw on. Shared by every dialect's "never throws" test. */
export function oddFrames(types: readonly string[]): unknown[] {
  const cyclic: Record<string, unknown> = { type: types[0] };
  cyclic.self = cyclic;
  const throwingGetter = Object.defineProperty({ type: types[0] }, 'order', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });
  const throwingProxy = new Proxy({}, {
    ownKeys() {
      throw new Error('ownKeys exploded');
    },
  });
  const deepArray = `{"type":"x","a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
  return [
    undefined, null, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, true, false, 10n, () => 1,
    '', ' ', '\u0000', '\ud800', 'null', 'true', '0', '""', '[]', '{}', '[{}]', '{"type":1}',
    '{"type":null}', '{"type":{}}', '{"type":[]}', '{"type":""}', '{"type":"constructor"}',
    '{"type":"toString"}', '{"type":"hasOwnProperty"}', '{"type":"__proto__"}', '{"__proto__":null}',
    '{"type":"x","__proto__":{"type":"order.update"}}', deepArray, '['.repeat(300_000),
    `{"type":"${'t'.repeat(10_000)}"}`, '{"type":"x"'.repeat(1000), 'x'.repeat(300_000),
    {}, [], [[[]]], new Date(0), new Map(), new Uint8Array(3), new ArrayBuffer(8), Object.create(null),
    cyclic, throwingGetter, throwingProxy, { event: 'constructor', data: {} }, { event: 'toString' },
    { event: 1, data: null }, { event: 'x', data: [] }, { type: types[0], data: { nested: new Set() } },
    ...types.flatMap((type) => [
      JSON.stringify({ type }),
      JSON.stringify({ type, order: null, user: [], data: 'x', count: '1', id: {}, order_id: [], timestamp: {} }),
      { type },
      { event: type },
      { event: type, data: null },
      { event: type, data: { type, order: 'x' } },
    ]),
  ];
}
