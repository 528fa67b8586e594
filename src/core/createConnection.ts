import type { Dialect, OutgoingFrame } from './Dialect';
import type { ConnectionState, ConnectionStatus } from './ConnectionState';
import type { CoreEvent, StoreEvent } from './events';

export type { ConnectionState, ConnectionStatus };
import { backoffDelay, type ResolvedReconnect } from './backoff';
import { redact } from '../validation/redact';
import { RealtimeError } from './RealtimeError';
import type { TokenProvider } from './tokenProvider';
import type { Transport, TransportAttempt, TransportCloseInfo, TransportFactory } from './Transport';

/**
 * Heartbeat timing for dialects that have a ping: whole milliseconds from 1 to 2147483647 (the
 * longest a timer can wait; a longer or an infinite one would fire at once and replace a healthy
 * socket in a loop), so both are checked when the client is created. One ping is outstanding at
 * most, so a `timeout` longer than the `interval` is fine: the next ping waits for the pong.
 */
export interface HeartbeatOptions {
  /** Time between pings, in ms. @default 25000 */
  interval?: number;
  /** How long to wait for the pong before the socket counts as dead and is replaced. @default 10000 */
  timeout?: number;
}

export interface ConnectionOptions {
  /** The endpoint key, used in errors (`orders:42`, `notifications`). */
  key: string;
  /** The socket URL without any token. */
  url: string;
  dialect: Dialect<any, any>;
  token: TokenProvider;
  transport: TransportFactory;
  reconnect: ResolvedReconnect;
  heartbeat: Required<HeartbeatOptions> | false;
  /** Most commands kept while offline. */
  queueLimit: number;
  /** Frames longer than this many characters are rejected unparsed. */
  maxFrameChars: number;
  /**
   * Socket stays open this long before the retry count resets, and the give-up clock too unless
   * the socket brought a message: one closed sooner without one is a failed attempt of the
   * current run. @default 5000
   */
  stableAfter?: number;
  random?: () => number;
  /** Appended to a refused handshake's error when the transport gives no reason: the likely causes. */
  handshakeHint?: string;
  /** The scheme of an `Authorization` header for dialects whose token goes there. @default 'Bearer' */
  authScheme?: string;
  /** Passed to transports built on HTTP. */
  fetch?: typeof fetch;
  onEvents(events: StoreEvent[]): void;
  onState(state: ConnectionState, previous: ConnectionStatus): void;
  onError(error: RealtimeError): void;
  onFrame?(valid: boolean): void;
  /** A queued command with a tag was written to the socket. */
  onSent?(tag: string): void;
}

/**
 * One socket with a state machine: idle → connecting → open → reconnecting → … → closed,
 * or failed once retries are exhausted, the server refused the credentials `maxRefusals` times,
 * no attempt opened for `reconnect.giveUpAfter`, or the platform refused the URL. Owns backoff,
 * the token per attempt, the heartbeat and the bounded send queue. Every text it reports or
 * stores (errors, the state's `error`, a server's error message) is redacted. Pure TypeScript:
 * no React, no DOM beyond the socket and timers.
 */
export interface Connection {
  /** The endpoint key (`orders:42`, `notifications`). */
  readonly key: string;
  readonly status: ConnectionStatus;
  getState(): ConnectionState;
  /** Start connecting. Calling it again is a no-op. */
  open(): void;
  /**
   * Send a command. It goes out now when open, otherwise it waits in the queue and is
   * flushed in order on open. Throws a `queue-overflow` RealtimeError when the queue is full,
   * and when the connection is closed or failed, so nothing is dropped silently. A `tag`
   * comes back through `onSent` when a queued command is finally written.
   */
  send(command: unknown, tag?: string): 'sent' | 'queued';
  /** Start again after `failed`, with a fresh retry count. */
  restart(): void;
  /** Close for good and release every timer. */
  close(): void;
}

/**
 * Create a {@link Connection}: idle until `open()`. A factory with closure state rather than a
 * class, so that minifiers can shorten every private name.
 */
export function createConnection(options: ConnectionOptions): Connection {
  const { key, dialect, reconnect, queueLimit, onError, stableAfter = 5000 } = options;
  let transport: Transport | null = null;
  let state: ConnectionState = { status: 'idle', attempt: 0, queued: 0, error: null };
  const queue: { frame: OutgoingFrame; tag: string | undefined }[] = [];
  let failures = 0;
  let refusedInRow = 0;
  /** Refusals stated by the server in a row (`connection/refused`), and the last one's reason. */
  let refusals = 0;
  let refusal: string | null = null;
  /** The last `server/error` of this socket, shown as the state's error when it closes. */
  let serverError: string | null = null;
  /** This socket brought a message other than an error: the server works, however soon it closes. */
  let heard = false;
  let openedAt = 0;
  /** When the current attempt started, and the first attempt of the current run that never opened (null when none). */
  let attemptAt = 0;
  let failingSince: number | null = null;
  /** Attempts in that run, those of them that opened and were closed before `stableAfter`, and the causes reported in it: each distinct cause is reported once. */
  let failedInRun = 0;
  let closedEarly = 0;
  const reported = new Set<string>();
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeWait: (() => void) | undefined;
  const ping = dialect.heartbeat;
  const schedule = options.heartbeat;
  const heartbeat =
    schedule && ping
      ? ping.monitor(
          schedule,
          () => state.status === 'open' && Boolean(transport?.send(ping.ping())),
          // With a reason: a server that never answers pings is no longer pinged (see createHeartbeat).
          (silent) => {
            report('heartbeat-timeout', `${key}: ${silent ?? `no pong within ${schedule.timeout} ms; replacing the socket.`}`);
            if (!silent) transport?.reconnect();
          },
        )
      : null;

  function isFinished(): boolean {
    return state.status === 'closed' || state.status === 'failed';
  }

  function setState(patch: Partial<ConnectionState>): void {
    const previous = state.status;
    state = { ...state, ...patch };
    options.onState(state, previous);
  }

  function report(code: 'token-provider' | 'handshake-failed' | 'heartbeat-timeout', message: string, cause?: unknown): void {
    onError(new RealtimeError(code, message, { endpoint: key, cause }));
  }

  function offline(): boolean {
    return (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
  }

  /**
   * An attempt that never opened (a failed handshake, a failing token function), or opened and
   * was closed before `stableAfter` with no message (`code` null). A cause is reported once per run of such
   * attempts, not once per attempt (an early close only when the run gives up); once the run has
   * lasted `reconnect.giveUpAfter` (counted from the last failure seen while the device was
   * offline, if any) the connection gives up as `failed`, naming the last cause. Returns true
   * when it gave up.
   */
  function notOpened(code: 'token-provider' | 'handshake-failed' | null, message: string, cause?: unknown): boolean {
    const now = Date.now();
    failedInRun += 1;
    if (failingSince === null || offline()) failingSince = offline() ? now : attemptAt || now;
    if (now - failingSince >= reconnect.giveUpAfter) {
      const last = message.slice(key.length + 2); // every message starts with `${key}: `
      fail(
        new RealtimeError(
          code ? 'handshake-failed' : 'connection-failed',
          `${key}: gave up after ${failedInRun} attempts in ${duration(reconnect.giveUpAfter)} (reconnect.giveUpAfter); the last: ${last} ${code ? 'Check the server, the token and the Origin' : "Check the token and the server's logs"}, then call client.reconnect().`,
          { endpoint: key },
        ),
      );
      return true;
    }
    if (code && !reported.has(message) && reported.size < 20) {
      reported.add(message);
      report(code, message, cause);
    }
    return false;
  }

  function fail(error: RealtimeError): void {
    heartbeat?.stop();
    transport?.close();
    transport = null;
    setState({ status: 'failed', error: error.message });
    onError(error);
  }

  function wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      wakeWait = resolve;
      waitTimer = setTimeout(resolve, ms);
    });
  }

  function withToken(token: string | null): string {
    if (!token || dialect.token !== 'query') return options.url;
    const url = new URL(options.url);
    url.searchParams.set('token', token);
    return url.toString();
  }

  async function nextAttempt(): Promise<TransportAttempt | null> {
    for (;;) {
      if (isFinished()) return null;
      if (failures > reconnect.maxRetries) {
        fail(new RealtimeError('connection-failed', `${key}: gave up after ${failures} failed attempts. Call client.reconnect() or raise reconnect.maxRetries.`, { endpoint: key }));
        return null;
      }
      // The last attempt starts by the give-up deadline at the latest, not a backoff step past it.
      const left = failingSince === null ? Infinity : failingSince + reconnect.giveUpAfter - Date.now();
      await wait(Math.min(backoffDelay(failures, reconnect, options.random), Math.max(0, left)));
      if (isFinished()) return null;
      attemptAt = Date.now();
      try {
        const value = await options.token({ forceRefresh: refusedInRow >= 2 || refusals > 0 });
        if (isFinished()) return null;
        const headers: Record<string, string> = value && dialect.token === 'header' ? { Authorization: `${options.authScheme ?? 'Bearer'} ${value}` } : {};
        return { url: withToken(value), token: value, headers };
      } catch (cause) {
        failures += 1;
        if (notOpened('token-provider', `${key}: the token function failed: ${String((cause as Error)?.message ?? cause)}`, cause)) return null;
      }
    }
  }

  function flush(): void {
    while (queue.length && state.status === 'open') {
      const head = queue[0]!;
      if (!transport?.send(head.frame)) break;
      queue.shift();
      if (head.tag !== undefined) options.onSent?.(head.tag);
    }
    if (state.queued !== queue.length) setState({ queued: queue.length });
  }

  function handleOpen(): void {
    openedAt = Date.now();
    serverError = null;
    heard = false;
    setState({ status: 'open', attempt: failures, error: null });
    flush();
    heartbeat?.start();
  }

  function invalid(reason: string): void {
    options.onFrame?.(false);
    onError(new RealtimeError('invalid-frame', reason, { endpoint: key, dialect: dialect.name }));
  }

  function handleFrame(frame: unknown): void {
    const { maxFrameChars } = options;
    if (isFinished()) return;
    const text = typeof frame === 'string' ? frame : (frame as { data?: unknown } | null)?.data;
    if (typeof text === 'string' && text.length > maxFrameChars) {
      invalid(`${dialect.name}: frame is larger than ${maxFrameChars} characters`);
      return;
    }
    const result = dialect.parse(frame);
    // A frame with unusable fields is reported once; what was valid in it is still applied.
    if (result.error) invalid(result.error);
    else options.onFrame?.(true);
    if (!result.ok) return;
    if (heartbeat?.awaitingPong && result.events.some((e) => ping!.isPong(e))) heartbeat.pong();
    const events = result.events.map(redactEvent);
    heard ||= events.some((e) => e.kind !== 'server/error');
    for (const event of events as CoreEvent[]) {
      if (event.kind === 'server/error') serverError = event.message;
      else if (event.kind === 'session/established') refusals = refusedInRow = 0;
      else if (event.kind === 'connection/refused') refusal = event.reason;
    }
    if (events.length) options.onEvents(events);
    // A refusal after the stream opened counts as a refused handshake: end this attempt now.
    if (refusal !== null) transport?.reconnect();
  }

  function handleClose({ wasOpen, code, reason, permanent }: TransportCloseInfo): void {
    heartbeat?.stop();
    if (isFinished()) return;
    reason = redact(reason);
    if (permanent) {
      return fail(new RealtimeError('connection-failed', `${key}: ${options.url} cannot be dialled: ${reason.replace(/\.$/, '')}. Fix the backend's url or path.`, { endpoint: key }));
    }
    // A refusal the server stated after the stream opened is a refused handshake, with its reason.
    if (refusal !== null) [wasOpen, reason, refusals, refusal] = [false, refusal, refusals + 1, null];
    const stable = wasOpen && Date.now() - openedAt >= stableAfter;
    failures = stable ? 1 : failures + 1;
    if (wasOpen) {
      // The server took the token. A socket that lasted, or brought a message (a working socket
      // the network drops often), ends the run of failed attempts; one the server closed sooner
      // without a word is one more failed attempt of it, so a server that accepts and at once
      // closes is given up on too (a stream that opened only to state a refusal counts as a
      // refused handshake above).
      // Closed at once without a word may be a token refused after accepting (a consumer's
      // close(4001)): in a row, such closes ask the token function for a fresh token.
      refusals = 0;
      refusedInRow = stable || heard ? 0 : refusedInRow + 1;
      if (stable || heard) {
        failedInRun = closedEarly = 0;
        failingSince = null;
        reported.clear();
      } else if (notOpened(null, `${key}: the server closed the socket within ${stableAfter} ms of opening, with no message, ${(closedEarly += 1)} times (code ${code}${reason ? ` "${reason}"` : ''} the last time).`)) return;
    } else {
      refusedInRow += 1;
      if (refusals >= Math.max(1, reconnect.maxRefusals)) {
        return fail(new RealtimeError('handshake-failed', `${key}: the server refused the credentials ${refusals} times in a row (${reason}). Check the token, then call client.reconnect().`, { endpoint: key }));
      }
      const message = reason
        ? // The transport knows why (Socket.IO's connect_error): say that, not a guess.
          `${key}: the handshake to ${options.url} failed before the socket opened (${reason}).`
        : `${key}: the handshake to ${options.url} failed before the socket opened.${options.handshakeHint ? ` ${options.handshakeHint}` : ''}`;
      if (notOpened('handshake-failed', message)) return;
    }
    setState({ status: 'reconnecting', attempt: failures, error: wasOpen ? (serverError ?? `closed with code ${code}`) : reason || 'handshake failed' });
  }

  const connection: Connection = {
    key,
    get status() {
      return state.status;
    },
    getState: () => state,
    open() {
      if (state.status !== 'idle') return;
      setState({ status: 'connecting' });
      try {
        transport = options.transport({
          nextAttempt,
          connectTimeout: reconnect.connectTimeout,
          maxFrameChars: options.maxFrameChars,
          fetch: options.fetch,
          onOpen: handleOpen,
          onFrame: handleFrame,
          onClose: handleClose,
        });
      } catch (cause) {
        fail(new RealtimeError('connection-failed', `${key}: ${(cause as Error).message}`, { endpoint: key, cause }));
      }
    },
    send(command, tag) {
      if (isFinished()) {
        throw new RealtimeError('connection-failed', `${key}: cannot send, the connection is ${state.status}.`, { endpoint: key });
      }
      const frame = dialect.encode(command as never);
      if (frame === '') {
        throw new TypeError(`${key}: the ${dialect.name} protocol has no such command (${JSON.stringify(command)?.slice(0, 80)}); see its Command type.`);
      }
      if (state.status === 'open' && queue.length === 0 && transport?.send(frame)) return 'sent';
      if (queue.length >= queueLimit) {
        const error = new RealtimeError(
          'queue-overflow',
          `${key}: the send queue is full (${queueLimit} commands waiting for the socket). Raise limits.sendQueue or wait for the connection to open.`,
          { endpoint: key },
        );
        onError(error);
        throw error;
      }
      queue.push({ frame, tag });
      setState({ queued: queue.length });
      return 'queued';
    },
    restart() {
      if (state.status !== 'failed') return;
      failures = 0;
      refusedInRow = 0;
      refusals = 0;
      failingSince = null;
      failedInRun = closedEarly = 0;
      reported.clear();
      state = { ...state, status: 'idle' };
      connection.open();
    },
    close() {
      if (state.status === 'closed') return;
      heartbeat?.stop();
      clearTimeout(waitTimer);
      wakeWait?.();
      wakeWait = undefined;
      transport?.close();
      transport = null;
      const dropped = queue.length;
      queue.length = 0;
      setState({ status: 'closed', queued: 0, error: dropped ? `${dropped} queued commands were not sent` : null });
    },
  };
  return connection;
}

/** `60 s`, `1.5 s` or `300 ms`: a give-up time as people read it. */
function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/**
 * An event whose top-level `message`, `error` and `reason` texts (a `server/error`'s message, a
 * refusal's reason, a rejected chat message's error) are redacted: a server that quotes the
 * socket URL back (`?token=…`) must not put the token in the store. Nested content (a chat
 * message's text) is left alone.
 */
function redactEvent(event: StoreEvent): StoreEvent {
  let out = event;
  for (const field of ['message', 'error', 'reason']) {
    const value = event[field];
    if (typeof value === 'string' && redact(value) !== value) out = { ...out, [field]: redact(value) };
  }
  return out;
}
