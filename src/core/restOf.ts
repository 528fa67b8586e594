import { createRestClient, type RestClient } from './createRestClient';
import type { RealtimeClient } from './RealtimeClient';

const restClients = new WeakMap<RealtimeClient, RestClient>();

/**
 * The REST helper of a client, built from its `restConfig` on first use and kept for the
 * client's lifetime (one per client). Backends' actions and resync handlers call it, so an app
 * whose backends make no REST call bundles no REST code. On a disposed client every request
 * rejects with `connection-failed` and makes no request.
 */
export function restOf(client: RealtimeClient): RestClient {
  let rest = restClients.get(client);
  if (!rest) {
    const { apiUrl, token, fetch, authScheme } = client.restConfig;
    rest = createRestClient({ baseUrl: apiUrl, token, fetch, authScheme, disposed: () => client.disposed });
    restClients.set(client, rest);
  }
  return rest;
}
