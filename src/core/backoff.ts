import { MAX_TIMER_MS, resolveNumbers, TIMER_LIMIT } from './resolveLimits';

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
   * How long a connection keeps trying while no attempt opens, in ms, before it gives up as
   * `failed` with one `handshake-failed` error naming the last cause (the app can then call
   * `client.reconnect()`). A browser shows a refused WebSocket handshake (a 403 for a bad token
   * or a foreign Origin) exactly like an unreachable server, with no reason, so the kit cannot
   * tell "refused for ever" from "down for a while": it counts time, not the kind of failure.
   * The clock starts at the first failed attempt after a socket last stayed open 5 s
   * (`stableAfter`) or brought a message (a socket closed sooner without a word counts as a
   * failed attempt: a server that accepts and closes at once, or an endpoint that sends nothing
   * on connect on a network that cuts every socket within 5 s), and starts again at each failure while the device says it is
   * offline (`navigator.onLine === false`), so an offline device never gives up; the last
   * attempt starts by the deadline at the latest: a connection that never opens is `failed` within
   * `giveUpAfter + connectTimeout` (70 s with the defaults). Each distinct cause is reported
   * once through `onError` meanwhile, not once per attempt. `Infinity` keeps trying for ever.
   * @default 60000
   */
  giveUpAfter?: number;
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
  giveUpAfter: 60_000,
  maxRefusals: 3,
};

const timers = { minDelay: MAX_TIMER_MS, maxDelay: MAX_TIMER_MS, connectTimeout: MAX_TIMER_MS, giveUpAfter: MAX_TIMER_MS };
const why = { minDelay: TIMER_LIMIT, maxDelay: TIMER_LIMIT, connectTimeout: TIMER_LIMIT, giveUpAfter: TIMER_LIMIT };

/**
 * Validate options, naming the fix for each mistake: milliseconds and counts are numbers >= 0,
 * and delays fit a timer (at most {@link MAX_TIMER_MS}; a longer one would fire at once).
 */
export function resolveReconnect(options: ReconnectOptions = {}): ResolvedReconnect {
  const out = resolveNumbers(reconnectDefaults, options, 'reconnect', 0, false, { max: timers, endless: ['giveUpAfter'], why });
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
