import { resolveNumbers } from './resolveLimits';

/** Reconnect timing. All delays are in milliseconds. */
export interface ReconnectOptions {
  /** Smallest ceiling for the first retry. @default 1000 */
  minDelay?: number;
  /** Largest delay between two attempts. @default 30000 */
  maxDelay?: number;
  /** How much the ceiling grows per failed attempt. @default 2 */
  growth?: number;
  /** Attempts after the first before the connection gives up as `failed`. @default Infinity */
  maxRetries?: number;
  /** How long one handshake may take before it counts as failed. @default 10000 */
  connectTimeout?: number;
  /**
   * Refusals in a row that the server states after accepting the connection (an SSE `error`
   * event saying "Unauthorized") before the connection gives up as `failed`; each is one
   * attempt per backoff step, and the token function is asked for a fresh token from the
   * second on. @default 3
   */
  maxRefusals?: number;
}

export type ResolvedReconnect = Required<ReconnectOptions>;

export const reconnectDefaults: ResolvedReconnect = {
  minDelay: 1000,
  maxDelay: 30_000,
  growth: 2,
  maxRetries: Infinity,
  connectTimeout: 10_000,
  maxRefusals: 3,
};

/** Validate options, naming the fix for each mistake: milliseconds and counts are numbers >= 0. */
export function resolveReconnect(options: ReconnectOptions = {}): ResolvedReconnect {
  const out = resolveNumbers(reconnectDefaults, options, 'reconnect', 0, false);
  if (out.growth < 1) throw new TypeError(`reconnect.growth must be a number >= 1 (got ${out.growth}).`);
  if (out.maxDelay < out.minDelay) throw new TypeError(`reconnect.maxDelay (${out.maxDelay}) must not be smaller than reconnect.minDelay (${out.minDelay}).`);
  return out;
}

/**
 * Exponential backoff with full jitter: a uniform delay between 0 and
 * `min(maxDelay, minDelay * growth^(retry-1))`. Retry 0 is the first attempt and waits 0.
 */
export function backoffDelay(retry: number, options: ResolvedReconnect, random: () => number = Math.random): number {
  if (retry <= 0) return 0;
  const ceiling = Math.min(options.maxDelay, options.minDelay * Math.pow(options.growth, retry - 1));
  return Math.floor(random() * ceiling);
}
