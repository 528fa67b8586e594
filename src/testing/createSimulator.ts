/**
 * An isomorphic simulator of the five backends in PROTOCOLS.md. It knows nothing about
 * sockets: a transport (the Node server, or the in-memory browser transport) turns
 * connections into `connect()` calls and HTTP requests into `rest()` calls. It uses only
 * timers, Math, Date and JSON, so it runs in a browser, a worker and Node alike.
 */
import { createEmitters } from './createEmitters';
import type { SimEmitters } from './createEmitters';
import { createRandom } from './createRandom';
import { createScenario } from './createScenario';
import type { SimScenario } from './createScenario';
import { createSimClock, DEFAULT_START_TIME } from './createSimClock';
import type { SimClock } from './createSimClock';
import { ErpSseState } from './ErpSseState';
import { isErpStreamPath, openErpStream, setRedisDown } from './erpSse';
import { handleRest } from './handleRest';
import { routeConnect } from './routeConnect';
import { seedWorld } from './seedWorld';
import type { ResolvedSimulatorOptions, SimContext } from './SimContext';
import { SimHub } from './SimHub';
import type { SimEvent } from './SimHub';
import { SimWorld } from './SimWorld';
import type { SimBackendName, SimConnectRequest, SimConnectResult, SimRestRequest, SimRestResponse, SimSink, SimStream, SimStreamRequest, SimStreamSink, SimulatorOptions } from './types';

/** {@link SimulatorOptions} plus the simulator's own knobs. */
export interface CreateSimulatorOptions extends SimulatorOptions {
  /**
   * Real-time delay, in ms, before a bot peer (`sam`, `priya`, `lee`) answers a chat message a
   * person sent it. The reply's text is drawn from the seeded random when the message arrives
   * and its timestamp comes from the simulated clock; `false` switches replies off.
   * @default 300
   */
  botReplyDelayMs?: number | false;
  /** Simulated ms the clock advances on every scenario step. @default 1000 */
  scenarioStepMs?: number;
  /**
   * Publish a `read_receipt` event to the sender for every message a mark-read marks (the ERP
   * chat over SSE). The real server has a bug that publishes none, so senders learn of reads
   * only by refetching the history; `true` simulates the server as it was meant to work.
   * @default false
   */
  erpReadReceipts?: boolean;
}

/** The fault switches, for testing reconnects and heartbeats. */
export interface SimFaults {
  /** Close every open session with `code` (no goodbyes, as when a server dies). Returns how many. @default code 1001 */
  dropAll(code?: number): number;
  /**
   * Refuse every new handshake with this HTTP status (Socket.IO: a `connect_error`; the ERP
   * event stream: this status with an empty body), until `null`.
   */
  refuseHandshakes(status: number | null): void;
  /** Stop (or resume) answering pings on SmartHunt notifications and the admin dashboard. */
  silencePings(on: boolean): void;
  /**
   * Make the ERP chat's Redis unavailable (`true`) or available again (`false`). While it is
   * down a new SSE stream gets one `error` event `{"error": "Redis not available"}` and ends,
   * published events are lost, and nobody is online; REST keeps working. Going down ends every
   * open stream (a last `disconnected` event, then the end). Returns how many streams it ended.
   */
  redisUnavailable(down: boolean): number;
}

export interface Simulator {
  readonly options: ResolvedSimulatorOptions;
  readonly world: SimWorld;
  readonly clock: SimClock;
  /** Route and authenticate a handshake. The greeting comes only on `session.start()`. */
  connect(request: SimConnectRequest, sink: SimSink): SimConnectResult;
  /** Answer one REST request (Timing, admin dashboard, SmartHunt notifications, ERP chat). Never throws. */
  rest(request: SimRestRequest): SimRestResponse;
  /**
   * Answer a request for a Server-Sent Events stream (the ERP chat's
   * `/api/v1/communication/sse/events/`), or `null` when the path is no stream: answer it with
   * `rest()`. Send the returned status and headers, call `start()`, and `close()` when the
   * client goes away; the simulator writes events into `sink` and calls `sink.end()` when it
   * ends the stream.
   */
  stream(request: SimStreamRequest, sink: SimStreamSink): SimStream | null;
  readonly emit: SimEmitters;
  readonly faults: SimFaults;
  readonly scenario: SimScenario;
  /** The open sessions, oldest first. */
  sessions(): { id: number; backend: SimBackendName; userId: string | null }[];
  /** Every frame in and out of every session, in order. Returns the unsubscribe function. */
  onEvent(listener: (event: SimEvent) => void): () => void;
  /** Stop the scenario and cancel pending timers (bot replies). Sessions stay as they are. */
  dispose(): void;
}

function resolve(options: CreateSimulatorOptions): ResolvedSimulatorOptions {
  const botReplyDelayMs = options.botReplyDelayMs ?? 300;
  if (botReplyDelayMs !== false && !(botReplyDelayMs >= 0)) throw new RangeError(`botReplyDelayMs must be a number >= 0 or false (got ${String(botReplyDelayMs)}).`);
  const scenarioStepMs = options.scenarioStepMs ?? 1000;
  if (!(scenarioStepMs >= 0) || !Number.isFinite(scenarioStepMs)) throw new RangeError(`scenarioStepMs must be a finite number >= 0 (got ${String(scenarioStepMs)}).`);
  return {
    seed: options.seed ?? 1,
    startTime: options.startTime ?? (options.clock === 'manual' ? DEFAULT_START_TIME : new Date().toISOString()),
    clock: options.clock ?? 'real',
    shapes: { timing: options.shapes?.timing ?? 'real', notifications: options.shapes?.notifications ?? 'smarthunt' },
    allowedOrigins: options.allowedOrigins === undefined ? ['localhost', '127.0.0.1', '[::1]'] : options.allowedOrigins === false ? false : [...options.allowedOrigins],
    botReplyDelayMs,
    scenarioStepMs,
    erpReadReceipts: options.erpReadReceipts === true,
  };
}

/** Create a simulator. The same options (and the same calls) give the same frames. */
export function createSimulator(options: CreateSimulatorOptions = {}): Simulator {
  const resolved = resolve(options);
  const random = createRandom(resolved.seed);
  const clock = createSimClock({ startTime: resolved.startTime, mode: resolved.clock });
  const world = new SimWorld(random, clock);
  seedWorld(world);
  const hub = new SimHub();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let disposed = false;
  const ctx: SimContext = {
    options: resolved,
    world,
    clock,
    random,
    hub,
    faults: { refuseStatus: null, pingsSilenced: false },
    erp: new ErpSseState(),
    later(fn, ms) {
      if (disposed) return;
      const handle = setTimeout(() => {
        timers.delete(handle);
        fn();
      }, ms);
      timers.add(handle);
    },
  };
  const emit = createEmitters(ctx);
  const scenario = createScenario(ctx, emit);

  return {
    options: resolved,
    world,
    clock,
    emit,
    scenario,
    connect: (request, sink) => routeConnect(ctx, request, sink),
    rest: (request) => handleRest(ctx, emit, request),
    stream: (request, sink) => (isErpStreamPath(request.path) ? openErpStream(ctx, request, sink) : null),
    faults: {
      dropAll: (code = 1001) => hub.dropAll(code, 'Simulated drop'),
      refuseHandshakes(status) {
        if (status !== null && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
          throw new RangeError(`refuseHandshakes: status must be an HTTP error status (400-599) or null (got ${String(status)}).`);
        }
        ctx.faults.refuseStatus = status;
      },
      silencePings(on) {
        ctx.faults.pingsSilenced = on;
      },
      redisUnavailable: (down) => setRedisDown(ctx, down),
    },
    sessions: () => hub.live().map((s) => ({ id: s.id, backend: s.backend, userId: s.user === null ? null : String(s.user.id) })),
    onEvent: (listener) => hub.onEvent(listener),
    dispose() {
      disposed = true;
      scenario.stop();
      for (const handle of timers) clearTimeout(handle);
      timers.clear();
    },
  };
}
