import { actionsFor } from './actionsFor';
import { buildCore } from './createRealtimeCore';
import type { EndpointConfig } from './endpoints';
import { defaultEndpoints } from './endpoints/defaultEndpoints';
import type { RealtimeClient, RealtimeClientOptions } from './RealtimeClient';

export type { RealtimeClient, RealtimeClientOptions, RealtimeCore, RealtimeStats } from './RealtimeClient';

/**
 * Create a client, batteries included: the core (`createRealtimeCore`) with the five built-in
 * endpoints by name (your `endpoints` merged on top) and `client.actions`. It bundles every
 * dialect; an app on one backend through the hooks can use `createRealtimeCore` instead.
 */
export function createRealtimeClient(options: RealtimeClientOptions = {}): RealtimeClient {
  if (options === null || typeof options !== 'object') throw new TypeError('createRealtimeClient takes an options object, e.g. { url, token }.');
  const endpoints: Record<string, Partial<EndpointConfig>> = { ...defaultEndpoints };
  for (const [name, override] of Object.entries(options.endpoints ?? {})) endpoints[name] = { ...endpoints[name], ...override };
  const core = buildCore({ ...options, endpoints }, 'createRealtimeClient');
  return Object.assign(core, { actions: actionsFor(core) });
}
