import type { Dialect, OutgoingFrame } from './Dialect';
import type { ConnectionState, ConnectionStatus } from './ConnectionState';
import type { StoreEvent } from './events';

export type { ConnectionState, ConnectionStatus };
import { backoffDelay, type ResolvedReconnect } from './backoff';
import { RealtimeError, redactToken } from './RealtimeError';
import { Heartbeat } from './Heartbeat';
import type { TokenProvider } from './tokenProvider';
import type { Transport, TransportAttempt, TransportFactory } from './Transport';

/** Heartbeat timing for dialects that have a ping. */
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
  /** Socket stays open this long before the retry count resets. @default 5000 */
  stableAfter?: number;
  random?: () => number;
  onEvents(events: StoreEvent[]): void;
  onState(state: ConnectionState, previous: ConnectionStatus): void;
  onError(error: RealtimeError): void;
  onFrame?(valid: boolean): void;
  /** A queued command with a tag was written to the socket. */
  onSent?(tag: string): void;
}

/**
 * One socket with a state machine: idle → connecting → open → reconnecting → … → closed,
 * or failed once retries are exhausted. Owns backoff, the token per attempt, the heartbeat
 * and the bounded send queue. Pure TypeScript: no React, no DOM beyond the socket and timers.
 */
export class Connection {
  readonly key: string;
  private readonly options: ConnectionOptions;
  private transport: Transport | null = null;
  private state: ConnectionState = { status: 'idle', attempt: 0, queued: 0, error: null };
  private readonly queue: { frame: OutgoingFrame; tag: string | undefined }[] = [];
  private failures = 0;
  private refusedInRow = 0;
  private openedAt = 0;
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  private wakeWait: (() => void) | undefined;
  private readonly heartbeat: Heartbeat | null;

  constructor(options: ConnectionOptions) {
    this.options = options;
    this.key = options.key;
    const ping = options.dialect.heartbeat;
    this.heartbeat =
      options.heartbeat && ping
        ? new Heartbeat(
            options.heartbeat,
            () => this.state.status === 'open' && Boolean(this.transport?.send(ping.ping())),
            () => {
              this.report('heartbeat-timeout', `${this.key}: no pong within ${(options.heartbeat as Required<HeartbeatOptions>).timeout} ms; replacing the socket.`);
              this.transport?.reconnect();
            },
          )
        : null;
  }

  get status(): ConnectionStatus {
    return this.state.status;
  }

  getState(): ConnectionState {
    return this.state;
  }

  /** Start connecting. Calling it again is a no-op. */
  open(): void {
    if (this.state.status !== 'idle') return;
    this.setState({ status: 'connecting' });
    try {
      this.transport = this.options.transport({
        nextAttempt: () => this.nextAttempt(),
        connectTimeout: this.options.reconnect.connectTimeout,
        onOpen: () => this.handleOpen(),
        onFrame: (frame) => this.handleFrame(frame),
        onClose: (info) => this.handleClose(info.wasOpen, info.code, info.reason),
      });
    } catch (cause) {
      this.fail(new RealtimeError('connection-failed', `${this.key}: ${(cause as Error).message}`, { endpoint: this.key, cause }));
    }
  }

  /**
   * Send a command. It goes out now when open, otherwise it waits in the queue and is
   * flushed in order on open. Throws a `queue-overflow` RealtimeError when the queue is full,
   * and when the connection is closed or failed, so nothing is dropped silently. A `tag`
   * comes back through `onSent` when a queued command is finally written.
   */
  send(command: unknown, tag?: string): 'sent' | 'queued' {
    if (this.state.status === 'closed' || this.state.status === 'failed') {
      throw new RealtimeError('connection-failed', `${this.key}: cannot send, the connection is ${this.state.status}.`, { endpoint: this.key });
    }
    const frame = this.options.dialect.encode(command as never);
    if (frame === '') {
      throw new TypeError(`${this.key}: the ${this.options.dialect.name} protocol has no such command (${JSON.stringify(command)?.slice(0, 80)}); see its Command type.`);
    }
    if (this.state.status === 'open' && this.queue.length === 0 && this.transport?.send(frame)) return 'sent';
    if (this.queue.length >= this.options.queueLimit) {
      const error = new RealtimeError(
        'queue-overflow',
        `${this.key}: the send queue is full (${this.options.queueLimit} commands waiting for the socket). Raise limits.sendQueue or wait for the connection to open.`,
        { endpoint: this.key },
      );
      this.options.onError(error);
      throw error;
    }
    this.queue.push({ frame, tag });
    this.setState({ queued: this.queue.length });
    return 'queued';
  }

  /** Start again after `failed`, with a fresh retry count. */
  restart(): void {
    if (this.state.status !== 'failed') return;
    this.failures = 0;
    this.refusedInRow = 0;
    this.state = { ...this.state, status: 'idle' };
    this.open();
  }

  /** Close for good and release every timer. */
  close(): void {
    if (this.state.status === 'closed') return;
    this.heartbeat?.stop();
    this.cancelWait();
    this.transport?.close();
    this.transport = null;
    const dropped = this.queue.length;
    this.queue.length = 0;
    this.setState({ status: 'closed', queued: 0, error: dropped ? `${dropped} queued commands were not sent` : null });
  }

  private async nextAttempt(): Promise<TransportAttempt | null> {
    const { reconnect, token } = this.options;
    for (;;) {
      if (this.isFinished()) return null;
      if (this.failures > reconnect.maxRetries) {
        this.fail(
          new RealtimeError('connection-failed', `${this.key}: gave up after ${this.failures} failed attempts. Call client.reconnect() or raise reconnect.maxRetries.`, {
            endpoint: this.key,
          }),
        );
        return null;
      }
      await this.wait(backoffDelay(this.failures, reconnect, this.options.random));
      if (this.isFinished()) return null;
      try {
        const value = await token({ forceRefresh: this.refusedInRow >= 2 });
        if (this.isFinished()) return null;
        return { url: this.withToken(value), token: value };
      } catch (cause) {
        this.failures += 1;
        this.report('token-provider', `${this.key}: the token function failed: ${redactToken(String((cause as Error)?.message ?? cause))}`, cause);
      }
    }
  }

  private withToken(token: string | null): string {
    if (!token || this.options.dialect.token !== 'query') return this.options.url;
    const url = new URL(this.options.url);
    url.searchParams.set('token', token);
    return url.toString();
  }

  private handleOpen(): void {
    this.refusedInRow = 0;
    this.openedAt = Date.now();
    this.setState({ status: 'open', attempt: this.failures, error: null });
    this.flush();
    this.heartbeat?.start();
  }

  private handleFrame(frame: unknown): void {
    const { dialect, maxFrameChars } = this.options;
    if (this.isFinished()) return;
    if (typeof frame === 'string' && frame.length > maxFrameChars) {
      this.invalid(`${dialect.name}: frame is larger than ${maxFrameChars} characters`);
      return;
    }
    const result = dialect.parse(frame);
    if (!result.ok) {
      this.invalid(result.error);
      return;
    }
    this.options.onFrame?.(true);
    if (this.heartbeat?.awaitingPong && result.events.some((e) => dialect.heartbeat!.isPong(e))) this.heartbeat.pong();
    if (result.events.length) this.options.onEvents(result.events);
  }

  private invalid(reason: string): void {
    this.options.onFrame?.(false);
    this.options.onError(new RealtimeError('invalid-frame', reason, { endpoint: this.key, dialect: this.options.dialect.name }));
  }

  private handleClose(wasOpen: boolean, code: number, reason: string): void {
    this.heartbeat?.stop();
    if (this.isFinished()) return;
    const stable = wasOpen && Date.now() - this.openedAt >= (this.options.stableAfter ?? 5000);
    this.failures = stable ? 1 : this.failures + 1;
    if (!wasOpen) {
      this.refusedInRow += 1;
      if (this.refusedInRow <= 2) {
        this.report(
          'handshake-failed',
          reason
            ? // The transport knows why (Socket.IO's connect_error): say that, not a guess.
              `${this.key}: the handshake to ${redactToken(this.options.url)} failed before the socket opened (${redactToken(reason)}).`
            : `${this.key}: the handshake to ${redactToken(this.options.url)} failed before the socket opened. ` +
              'A Django Channels server answers a bad token or a foreign Origin with HTTP 403, which browsers report as close 1006; check the token and ALLOWED_HOSTS.',
        );
      }
    }
    this.setState({ status: 'reconnecting', attempt: this.failures, error: wasOpen ? `closed with code ${code}` : 'handshake failed' });
  }

  private flush(): void {
    while (this.queue.length && this.state.status === 'open') {
      const head = this.queue[0]!;
      if (!this.transport?.send(head.frame)) break;
      this.queue.shift();
      if (head.tag !== undefined) this.options.onSent?.(head.tag);
    }
    if (this.state.queued !== this.queue.length) this.setState({ queued: this.queue.length });
  }

  private wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.wakeWait = resolve;
      this.waitTimer = setTimeout(resolve, ms);
    });
  }

  private cancelWait(): void {
    clearTimeout(this.waitTimer);
    this.wakeWait?.();
    this.wakeWait = undefined;
  }

  private isFinished(): boolean {
    return this.state.status === 'closed' || this.state.status === 'failed';
  }

  private fail(error: RealtimeError): void {
    this.heartbeat?.stop();
    this.transport?.close();
    this.transport = null;
    this.setState({ status: 'failed', error: error.message });
    this.options.onError(error);
  }

  private report(code: 'token-provider' | 'handshake-failed' | 'heartbeat-timeout', message: string, cause?: unknown): void {
    this.options.onError(new RealtimeError(code, message, { endpoint: this.key, cause }));
  }

  private setState(patch: Partial<ConnectionState>): void {
    const previous = this.state.status;
    this.state = { ...this.state, ...patch };
    this.options.onState(this.state, previous);
  }
}
