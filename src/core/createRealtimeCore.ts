import { resolveReconnect } from './backoff';
import { Connection } from './Connection';
import { createRestClient } from './createRestClient';
import { endpointUrl, type EndpointConfig, type EndpointDefinition } from './endpoints';
import type { RealtimeEvent } from './events';
import { createChatOutbox } from './createChatOutbox';
import { restPathDefaults } from './restPaths';
import { Pool } from './Pool';
import { RealtimeError } from './RealtimeError';
import type { RealtimeClientOptions, RealtimeCore, RealtimeStats } from './RealtimeClient';
import { createRealtimeStore } from './store/createRealtimeStore';
import { toTokenProvider } from './tokenProvider';
import { webSocketTransport } from './webSocketTransport';

export type { RealtimeClient, RealtimeClientOptions, RealtimeCore, RealtimeStats } from './RealtimeClient';

function defaultSocketBase(who: string): string {
  const location = (globalThis as { location?: Location }).location;
  if (!location?.host) {
    throw new TypeError(`${who} needs a url here (there is no page to take the origin from): pass { url: 'ws://localhost:8000' }.`);
  }
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

// Typed locally so the core needs no Node types; bundlers replace `process.env.NODE_ENV`.
declare const process: { env?: Record<string, string | undefined> } | undefined;

let clientSeq = 0;

/**
 * Create a core client: it owns the socket pool, the store and the REST helper, and knows only
 * the endpoints in `options.endpoints` and the definitions passed to `subscribe`/`send` (e.g.
 * `ordersEndpoint`), so an app bundles only the dialects it uses. No `actions`: call the
 * action functions with the client (`approveUser(client, id)`). `createRealtimeClient` is this
 * with the five built-in endpoints by name and `client.actions`.
 */
export function createRealtimeCore(options: RealtimeClientOptions = {}): RealtimeCore {
  return buildCore(options, 'createRealtimeCore');
}

/** The core client; `who` names the public function in error messages. */
export function buildCore(options: RealtimeClientOptions, who: string): RealtimeCore {
  if (options === null || typeof options !== 'object') throw new TypeError(`${who} takes an options object, e.g. { url, token }.`);
  const base = options.url ?? defaultSocketBase(who);
  if (!/^(wss?|https?):\/\//i.test(base)) throw new TypeError(`url must start with ws://, wss://, http:// or https:// (got "${base}").`);
  const token = toTokenProvider(options.token);
  const reconnect = resolveReconnect(options.reconnect);
  const heartbeat = options.heartbeat === false ? false : { interval: 25_000, timeout: 10_000, ...options.heartbeat };
  if (heartbeat && !(heartbeat.interval > 0 && heartbeat.timeout > 0)) throw new TypeError('heartbeat.interval and heartbeat.timeout must be positive numbers of milliseconds.');
  const { store, dispatch, flush, dispose: disposeStore } = createRealtimeStore(options.limits);
  const limits = { sendQueue: 1000, maxFrameChars: 262_144, socketBudget: 200, ...options.limits };
  const rest = createRestClient({ baseUrl: options.apiUrl ?? null, token, fetch: options.fetch });
  const listeners = new Set<(error: RealtimeError) => void>();
  const counters: RealtimeStats = { framesIn: 0, invalidFrames: 0, reconnects: 0, queuedCommands: 0, openSockets: 0, errors: 0 };
  const chat = createChatOutbox({ clientTag: ++clientSeq, connection: () => pool.get('chat'),
    dispatch,
    flush,
    stateOf: (clientId) => {
      for (const list of Object.values(store.getState().chat.byPeer)) {
        const found = list.find((m) => m.clientId === clientId);
        if (found) return found.state;
      }
      return undefined;
    },
    cap: 4 * (options.limits?.chatMessages ?? 500),
  });
  const restPaths = { ...restPathDefaults, ...options.restPaths };
  // Definitions passed to subscribe/send/connectionState, by name.
  const registered = new Map<string, EndpointConfig>();

  function report(error: RealtimeError): void {
    counters.errors += 1;
    options.onError?.(error);
    for (const listener of listeners) listener(error);
  }

  const pool = new Pool({
    socketBudget: limits.socketBudget,
    releaseDelay: options.releaseDelay,
    onBudgetExceeded(key, budget) {
      const message = `${key}: the socket budget (${budget}) is spent, so this subscription waits until another socket closes. Watch many orders through one multi-order stream (the admin dashboard's order_update or the Timing feed) instead of one socket each, or raise limits.socketBudget (browsers refuse past about 255).`;
      report(new RealtimeError('socket-budget', message, { endpoint: key }));
      if (typeof process === 'undefined' || process.env?.NODE_ENV !== 'production') console.warn(`[react-realtime-kit] ${message}`);
    },
  });

  /** The endpoint's name; a definition is registered under it. */
  function nameOf(endpoint: string | EndpointDefinition): string {
    if (typeof endpoint === 'string') return endpoint;
    if (!endpoint || typeof endpoint.name !== 'string' || !endpoint.name) throw new TypeError('An endpoint definition needs a name: { name, path, dialect }.');
    registered.set(endpoint.name, endpoint);
    return endpoint.name;
  }

  /** A registered definition with the user's `endpoints[name]` on top (the user wins). */
  function merged(name: string): Partial<EndpointConfig> {
    return { ...registered.get(name), ...options.endpoints?.[name] };
  }

  function endpointConfig(name: string): EndpointConfig {
    const config = merged(name);
    if (!config.path || !config.dialect) {
      const known = [...new Set([...Object.keys(options.endpoints ?? {}), ...registered.keys()])].filter((n) => merged(n).path && merged(n).dialect);
      const use = known.length ? `Use one of ${known.join(', ')}` : 'Pass its definition (e.g. ordersEndpoint) instead of its name';
      throw new TypeError(`Unknown endpoint "${name}". ${use}, or declare it in endpoints: { ${name}: { path, dialect } }.`);
    }
    return config as EndpointConfig;
  }

  function keyOf(name: string, param: string | number | undefined): string {
    return param === undefined ? name : `${name}:${param}`;
  }

  function createConnection(name: string, param: string | undefined): Connection {
    const config = endpointConfig(name);
    const key = keyOf(name, param);
    let opened = false;
    const connection: Connection = new Connection({
      key,
      url: endpointUrl(config.url ?? base, config.path, param),
      dialect: config.dialect,
      token,
      transport: config.transport ?? options.transport ?? webSocketTransport(options.WebSocket),
      reconnect,
      heartbeat,
      queueLimit: limits.sendQueue,
      maxFrameChars: limits.maxFrameChars,
      random: options.random,
      onEvents(events: RealtimeEvent[]) {
        for (const event of events) {
          if (event.kind === 'server/error') report(new RealtimeError('server-error', `${key}: the server said: ${event.message}`, { endpoint: key, dialect: config.dialect.name }));
          dispatch({ endpoint: key, event });
        }
      },
      onFrame(valid) {
        counters.framesIn += 1;
        if (!valid) counters.invalidFrames += 1;
      },
      onError: report,
      onSent: (clientId) => dispatch({ endpoint: key, event: { kind: 'chat/sending', clientId } }),
      onState(state, previous) {
        if (state.status === 'open' && previous !== 'open') {
          counters.openSockets += 1;
          if (opened) counters.reconnects += 1;
          const reconnected = opened;
          opened = true;
          void Promise.resolve()
            .then(() => config.onOpen?.({ reconnected, param, rest, client, send: (command) => connection.send(command) }))
            // Actions report their own failures; anything else thrown by a custom onOpen is reported here.
            .catch((cause: unknown) => cause instanceof RealtimeError || report(new RealtimeError('rest', `${key}: resync failed: ${String((cause as Error)?.message ?? cause)}`, { endpoint: key, cause })));
        } else if (previous === 'open' && state.status !== 'open') {
          counters.openSockets -= 1;
          if (config.dialect.name === 'chat') dispatch({ endpoint: key, event: { kind: 'chat/failed', clientIds: 'awaiting', error: 'The connection closed before the server confirmed this message.' } });
        }
        dispatch({ endpoint: key, event: { kind: 'connection/state', state } });
      },
    });
    return connection;
  }

  function normalizeParam(param: string | number | undefined): string | undefined {
    return param === undefined ? undefined : String(param);
  }

  const client: RealtimeCore = {
    store,
    rest,
    restPaths,
    get stats() {
      let queued = 0;
      for (const key of pool.keys()) queued += pool.get(key)?.getState().queued ?? 0;
      return { ...counters, queuedCommands: queued };
    },
    subscribe(definition, rawParam) {
      const endpoint = nameOf(definition);
      const config = endpointConfig(endpoint);
      config.checkParam?.(rawParam);
      if (config.path.includes('{id}') && (rawParam === undefined || rawParam === '')) {
        throw new TypeError(`client.subscribe('${endpoint}') needs a parameter for {id} in ${config.path}, e.g. client.subscribe('${endpoint}', 123).`);
      }
      const param = normalizeParam(rawParam);
      const key = keyOf(endpoint, param);
      pool.acquire(key, () => createConnection(endpoint, param));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        pool.release(key);
      };
    },
    send(definition, command, rawParam) {
      const endpoint = nameOf(definition);
      const key = keyOf(endpoint, normalizeParam(rawParam));
      const connection = pool.get(key);
      if (!connection) throw new RealtimeError('connection-failed', `${key}: nothing is subscribed to this endpoint; call client.subscribe('${endpoint}') (or mount its hook) before sending.`, { endpoint: key });
      return connection.send(command);
    },
    connectionState(endpoint, param) {
      return pool.get(keyOf(nameOf(endpoint), normalizeParam(param)))?.getState();
    },
    sendChat: (peerId, text, chatOptions) => chat.send(peerId, text, chatOptions),
    retryChat: (clientId) => chat.retry(clientId),
    dispatch,
    flush,
    report,
    addErrorListener(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnect() {
      for (const key of pool.keys()) pool.get(key)?.restart();
    },
    dispose() {
      pool.clear();
      flush();
      disposeStore();
      listeners.clear();
    },
  };

  return client;
}
