import type { Simulator } from './createSimulator';

export interface SimulatorFetchOptions {
  /** Delay before each answer, in ms, so loading states show as they would. @default 40 */
  latency?: number;
}

/**
 * A `fetch` answered by the simulator's REST routes, for the browser: pass it with the
 * in-memory transport, `createRealtimeClient({ transport: simulatorTransport(sim), fetch: simulatorFetch(sim), apiUrl: 'http://simulator.local' })`,
 * and actions (approvals, Timing status changes, polling) work with no server.
 */
export function simulatorFetch(simulator: Simulator, options: SimulatorFetchOptions = {}): typeof fetch {
  const latency = options.latency ?? 40;
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const body = typeof init?.body === 'string' ? init.body : '';
    await new Promise((resolve) => setTimeout(resolve, latency));
    const answer = simulator.rest({ method: init?.method ?? 'GET', path: url.pathname + url.search, headers, body });
    return new Response(answer.body === undefined || answer.status === 204 ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}
