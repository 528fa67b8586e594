import { backoffDelay, resolveReconnect } from '../../src/core/backoff';

describe('backoffDelay (exponential, full jitter)', () => {
  const options = resolveReconnect({ minDelay: 1000, maxDelay: 30_000, growth: 2 });

  it('waits nothing before the first attempt', () => {
    expect(backoffDelay(0, options, () => 0.99)).toBe(0);
  });

  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16_000],
    [6, 30_000],
    [40, 30_000],
  ])('retry %i has a ceiling of %i ms', (retry, ceiling) => {
    expect(backoffDelay(retry, options, () => 0.999999)).toBe(ceiling - 1);
    expect(backoffDelay(retry, options, () => 0)).toBe(0);
    expect(backoffDelay(retry, options, () => 0.5)).toBe(ceiling / 2);
  });

  it('spreads delays uniformly under the ceiling (full jitter)', () => {
    const delays = Array.from({ length: 2000 }, () => backoffDelay(3, options));
    expect(Math.min(...delays)).toBeLessThan(400);
    expect(Math.max(...delays)).toBeGreaterThan(3600);
    expect(Math.max(...delays)).toBeLessThan(4000);
    expect(new Set(delays).size).toBeGreaterThan(500);
  });

  it.each([
    [{ minDelay: -1 }, 'reconnect.minDelay must be a number >= 0 (got -1).'],
    [{ maxDelay: Number.NaN }, 'reconnect.maxDelay must be a number >= 0 (got NaN).'],
    [{ growth: 0.5 }, 'reconnect.growth must be a number >= 1 (got 0.5).'],
    [{ maxRetries: -2 }, 'reconnect.maxRetries must be a number >= 0, or Infinity for no limit (got -2).'],
    [{ minDelay: 500, maxDelay: 100 }, 'reconnect.maxDelay (100) must not be smaller than reconnect.minDelay (500).'],
  ])('rejects %o with a message naming the fix', (bad, message) => {
    expect(() => resolveReconnect(bad)).toThrow(message);
  });
});
