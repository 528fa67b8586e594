import { MAX_FRAME_CHARS } from '../validation/decode';
import { redact } from '../validation/redact';
import { checkPathParam, endpointUrl } from './endpointUrl';
import { resolveReconnect } from './backoff';
import { checkOptions, nearest } from './checkOptions';
import { createConnection, type Connection } from './createConnection';
import type { CoreEvent, StoreEvent } from './events';
import { createPool } from './createPool';
import { RealtimeError } from './RealtimeError';
import type { BackendDefinition, BackendOptions, BackendRef, CoreLimits, RealtimeClient, RealtimeClientOptions, RealtimeStats, ResolvedBackend } from './RealtimeClient';
import { MAX_TIMER_MS, resolveLimits, TIMER_LIMIT } from './resolveLimits';
import { createRealtimeStore, reportOnce } from './store/createRealtimeStore';
import { toTokenProvider } from './tokenProvider';
import { webSocketTransport } from './webSocketTransport';

const optionNames: readonly (keyof RealtimeClientOptions)[] = ['url', 'apiUrl', 'token', 'backends', 'reconnect', 'heartbeat', 'limits', 'onError', 'transport', 'WebSocket', 'fetch', 'authScheme', 'releaseDelay', 'random'];
const movedOptions = { endpoints: 'backends', restPaths: 'backends.<name>.restPaths' };
const backendOptionNames: readonly (keyof BackendOptions)[] = ['path', 'dialect', 'url', 'transport', 'restPaths', 'limits', 'onOpen', 'timeZone'];
const coreLimits: Required<CoreLimits> = { sendQueue: 1000, maxFrameChars: 262_144, socketBudget: 200 };

function defaultSocketBase(): string {
  const location = (globalThis as { location?: Location }).location;
  if (!location?.host) {
    throw new TypeError(`createRealtimeClient needs a url where there is no page origin: pass { url: 'ws://localhost:8000' }.`);
  }
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

// Typed locally so the core needs no Node types. Bundlers replace `process.env.NODE_ENV`
// (written out in full, so they can), which drops the development warning from production builds.
declare const process: { env: Record<string, string | undefined> };

/**
 * Create a client: it owns the socket pool, the store, the REST settings and error reporting
 * (the REST helper itself is `restOf(client)`, built on first use).
 * It knows no backend until one is used (a hook, `client.use(backend)` or
 * `client.subscribe(backend)`), so an app bundles only the backends it uses. Unknown options
 * throw a TypeError naming the nearest valid one.
 */
export function createRealtimeClient(options: RealtimeClientOptions = {}): RealtimeClient {
  if (options === null || typeof options !== 'object') throw new TypeError('createRealtimeClient takes an options object, e.g. { url, token }.');
  checkOptions(options, optionNames, '', movedOptions);
  checkOptions(options.backends, Object.keys(options.backends ?? {}), 'backends');
  for (const [name, settings] of Object.entries(options.backends ?? {})) checkOptions(settings, backendOptionNames, `backends.${name}`);
  const base = options.url ?? defaultSocketBase();
  if (!/^(wss?|https?):\/\//i.test(base)) throw new TypeError(`url must start with ws://, wss://, http:// or https:// (got "${redact(base)}").`);
  if (base.includes('#')) throw new TypeError(`url must not contain "#": a socket URL has no fragment (got "${redact(base)}").`);
  const token = toTokenProvider(options.token);
  const authScheme = options.authScheme ?? 'Bearer';
  if (!/^[A-Za-z][\w-]*$/.test(authScheme)) throw new TypeError(`authScheme must be a word such as 'Bearer' or 'Token' (got ${JSON.stringify(authScheme)}).`);
  const reconnect = resolveReconnect(options.reconnect);
  // Whole milliseconds a timer can wait: a fraction, Infinity or more than 2^31 - 1 ms would fire
  // at once and make a healthy socket look dead.
  const heartbeat = options.heartbeat !== false && resolveLimits({ interval: 25_000, timeout: 10_000 }, options.heartbeat, 'heartbeat', { interval: MAX_TIMER_MS, timeout: MAX_TIMER_MS }, { interval: TIMER_LIMIT, timeout: TIMER_LIMIT });
  // Refused above the dialects' own cap rather than accepted and not honoured: every dialect
  // decodes through validation's decodeFrame, which rejects frames over MAX_FRAME_CHARS.
  const limits = resolveLimits(coreLimits, options.limits, 'limits', { maxFrameChars: MAX_FRAME_CHARS }, { maxFrameChars: "the dialects' cap (MAX_FRAME_CHARS)" });
  const releaseDelay = options.releaseDelay;
  if (releaseDelay !== undefined && !(typeof releaseDelay === 'number' && releaseDelay >= 0 && releaseDelay <= MAX_TIMER_MS)) {
    throw new TypeError(`releaseDelay must be a number of ms from 0 to ${MAX_TIMER_MS} (got ${String(releaseDelay)}).`);
  }
  // A reducer that throws loses its one event, never the batch; the app hears of it once per slice and cause.
  const { store, register, dispatch, flush, dispose: disposeStore } = createRealtimeStore({
    onReducerError: reportOnce((why, cause, entry, sliceKey) =>
      report(new RealtimeError('reducer', `${entry.endpoint}: the ${sliceKey} slice could not apply a ${entry.event.kind} event (${why}); it was skipped.`, { endpoint: entry.endpoint, cause })),
    ),
  });
  const listeners = new Set<(error: RealtimeError) => void>();
  const counters: RealtimeStats = { framesIn: 0, invalidFrames: 0, reconnects: 0, queuedCommands: 0, openSockets: 0, errors: 0 };
  const backends = new Map<string, { definition: BackendDefinition; resolved: ResolvedBackend }>();
  let disposed = false;
  let warnedDisposed = false;

  function report(error: RealtimeError): void {
    counters.errors += 1;
    // An app's handler that throws must not break the connection that is reporting (its state
    // machine is mid-step): the exception is rethrown on its own, as an event listener's is.
    for (const listener of [options.onError, ...listeners]) {
      try {
        listener?.(error);
      } catch (thrown) {
        setTimeout(() => {
          throw thrown;
        });
      }
    }
  }

  function devWarn(message: string): void {
    try {
      if (process.env.NODE_ENV !== 'production') console.warn(`[react-realtime-kit] ${message}`);
    } catch {
      // No bundler and no `process` (a plain browser page): onError has it already, if it matters.
    }
  }

  const pool = createPool({
    socketBudget: limits.socketBudget,
    releaseDelay,
    onBudgetExceeded(key, budget) {
      const owner = [...backends.values()].find(({ resolved }) => key === resolved.name || key.startsWith(`${resolved.name}:`));
      const hint = owner?.resolved.hints?.budget ?? 'Share one socket across many items where the backend allows it';
      const error = new RealtimeError('socket-budget', `${key}: the socket budget (${budget}) is spent, so this subscription waits until another socket closes. ${hint}, or raise limits.socketBudget (browsers refuse past about 255).`, { endpoint: key });
      report(error);
      devWarn(error.message); // the redacted text, like every message the kit prints
    },
  });

  function resolve<B extends BackendDefinition>(definition: B): ResolvedBackend<B> {
    const name = definition.name;
    const settings: BackendOptions = options.backends?.[name] ?? {};
    if (!options.backends?.[name]) {
      // A misspelt backend name would otherwise be ignored for ever: say so when its backend shows up.
      const unused = Object.keys(options.backends ?? {}).filter((key) => !backends.has(key));
      const close = unused.find((key) => nearest(key, [name], 2));
      if (close) throw new TypeError(`backends.${close} names no backend; did you mean backends.${name}?`);
    }
    const { limits: _limits, restPaths, timeZone, ...rest } = settings;
    const merged = { ...definition, ...rest };
    if (definition.applySettings) return definition.applySettings(merged, settings);
    if (restPaths || timeZone) throw new TypeError(`backends.${name}.${restPaths ? 'restPaths' : 'timeZone'}: this backend takes no such setting.`);
    return merged;
  }

  function use<B extends BackendDefinition>(definition: B): ResolvedBackend<B> {
    const name: unknown = definition?.name;
    const known = backends.get(name as string);
    if (known && known.definition === definition) return known.resolved as ResolvedBackend<B>;
    // ':' joins a backend's name and its parameter in endpoint keys (`orders:42`): a backend
    // named `notifications:1` would share its socket, state and errors with notifications' id 1.
    if (typeof name === 'string' && name.includes(':')) throw new TypeError(`A backend name must not contain ":" (got ${JSON.stringify(name)}): it would collide with endpoint keys (name:42). Rename the backend.`);
    const resolved = typeof name === 'string' && name ? resolve(definition) : undefined;
    if (!resolved?.path || !resolved.dialect) throw new TypeError(`A backend needs a name, a path and a dialect: { name, path, dialect } (got ${JSON.stringify(name) ?? 'no name'}).`);
    if (`${resolved.path}${resolved.url}`.includes('#')) throw new TypeError(`backends.${name}: a socket path or url must not contain "#" (a socket URL has no fragment).`);
    const own = options.backends?.[definition.name]?.limits;
    if (own && !resolved.slices?.some((slice) => slice.key === definition.name)) throw new TypeError(`backends.${definition.name}.limits: this backend has no caps to set.`);
    for (const slice of resolved.slices ?? []) register(slice, resolveLimits(slice.limits ?? {}, options.backends?.[slice.key]?.limits, `backends.${slice.key}.limits`));
    backends.set(definition.name, { definition, resolved });
    return resolved;
  }

  function lookup(ref: BackendRef): ResolvedBackend {
    if (typeof ref !== 'string') return use(ref);
    const found = backends.get(ref);
    if (found) return found.resolved;
    const hint = nearest(ref, [...backends.keys()], 2);
    throw new TypeError(`Unknown backend "${ref}"${hint ? `; did you mean "${hint}"?` : '.'} Pass its definition (the object exported as …Backend) instead of its name, or call client.use(definition) first.`);
  }

  function keyOf(name: string, param: string | undefined): string {
    return param === undefined ? name : `${name}:${param}`;
  }

  function connect(backend: ResolvedBackend, param: string | undefined): Connection {
    const key = keyOf(backend.name, param);
    const context = { endpoint: key, dispatch: (event: StoreEvent) => dispatch({ endpoint: key, event }) };
    let opened = false;
    const connection: Connection = createConnection({
      key,
      url: endpointUrl(backend.url ?? base, backend.path, param),
      dialect: backend.dialect,
      token,
      transport: backend.transport ?? options.transport ?? webSocketTransport(options.WebSocket),
      reconnect,
      heartbeat,
      queueLimit: limits.sendQueue,
      maxFrameChars: limits.maxFrameChars,
      random: options.random,
      handshakeHint: backend.hints?.handshake,
      authScheme,
      fetch: options.fetch,
      onEvents(events) {
        for (const event of events) {
          if (event.kind === 'server/error') report(new RealtimeError('server-error', `${key}: the server said: ${(event as CoreEvent & { kind: 'server/error' }).message}`, { endpoint: key, dialect: backend.dialect.name }));
          dispatch({ endpoint: key, event });
        }
      },
      onFrame(valid) {
        counters.framesIn += 1;
        if (!valid) counters.invalidFrames += 1;
      },
      onError: report,
      onSent: (tag) => backend.onSent?.(tag, context),
      onState(state, previous) {
        if (state.status === 'open' && previous !== 'open') {
          counters.openSockets += 1;
          if (opened) counters.reconnects += 1;
          const reconnected = opened;
          opened = true;
          void Promise.resolve()
            .then(() => backend.onOpen?.({ reconnected, param, client, send: (command) => connection.send(command) }))
            // Actions report their own failures; anything else thrown by a custom onOpen is reported here.
            .catch((cause: unknown) => cause instanceof RealtimeError || report(new RealtimeError('rest', `${key}: resync failed: ${String((cause as Error)?.message ?? cause)}`, { endpoint: key, cause })));
        } else if (previous === 'open' && state.status !== 'open') {
          counters.openSockets -= 1;
          backend.onClosed?.(context);
        }
        const event: CoreEvent = { kind: 'connection/state', state };
        dispatch({ endpoint: key, event });
      },
    });
    return connection;
  }

  function normalizeParam(param: string | number | undefined): string | undefined {
    return param === undefined ? undefined : String(param);
  }

  const client: RealtimeClient = {
    store,
    get disposed() {
      return disposed;
    },
    restConfig: { apiUrl: options.apiUrl ?? null, token, fetch: options.fetch, authScheme },
    get stats() {
      let queued = 0;
      for (const key of pool.keys()) queued += pool.get(key)?.getState().queued ?? 0;
      return { ...counters, queuedCommands: queued };
    },
    use,
    subscribe(ref, rawParam) {
      // A no-op, not a throw: hooks subscribe from effects, which React may run after the app
      // disposed the client (StrictMode's unmount-and-remount, a subtree committing in the same
      // tick as a logout that disposes it, a provider's deferred disposal overtaking a late
      // mount). Throwing there would take down the whole tree through an error boundary, for a
      // socket nobody could read. Nothing opens; development builds say so once.
      if (disposed) {
        if (!warnedDisposed) devWarn('subscribe() on a disposed client opens nothing: use a new client.');
        warnedDisposed = true;
        return () => undefined;
      }
      const backend = lookup(ref);
      backend.checkParam?.(rawParam);
      if (backend.path.includes('{id}') && (rawParam === undefined || rawParam === '')) {
        throw new TypeError(`${backend.name} needs a parameter for {id} in ${backend.path}: client.subscribe(backend, id).`);
      }
      if (rawParam !== undefined) checkPathParam(rawParam, backend.path, backend.name);
      const param = normalizeParam(rawParam);
      const key = keyOf(backend.name, param);
      pool.acquire(key, () => connect(backend, param));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        pool.release(key);
      };
    },
    send(ref, command, rawParam, tag) {
      // A throw, unlike subscribe: sends come from the app's handlers, which expect one when
      // nothing can take the command (as when nothing is subscribed), and must not lose it silently.
      if (disposed) throw new RealtimeError('connection-failed', 'cannot send: this client was disposed; use a new client.');
      const name = lookup(ref).name;
      const key = keyOf(name, normalizeParam(rawParam));
      const connection = pool.get(key);
      if (!connection) throw new RealtimeError('connection-failed', `${key}: nothing is subscribed to this endpoint; mount its hook (or call client.subscribe) before sending.`, { endpoint: key });
      return connection.send(command, tag);
    },
    connectionState(ref, param) {
      return pool.get(keyOf(lookup(ref).name, normalizeParam(param)))?.getState();
    },
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
      disposed = true;
      pool.clear();
      flush();
      disposeStore();
      listeners.clear();
    },
  };

  return client;
}
