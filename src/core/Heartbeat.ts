/**
 * Pings on an interval and declares the socket dead when a pong does not come back in time.
 * One ping is outstanding at most: while waiting for its pong, later ticks send nothing new.
 */
export class Heartbeat {
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly schedule: { interval: number; timeout: number },
    /** Send a ping now; false when the socket could not take it (nothing is awaited then). */
    private readonly ping: () => boolean,
    /** No pong within `timeout` ms. */
    private readonly onDead: () => void,
  ) {}

  start(): void {
    this.stop();
    this.pingTimer = setInterval(() => {
      if (this.pongTimer !== undefined || !this.ping()) return;
      this.pongTimer = setTimeout(() => {
        this.stop();
        this.onDead();
      }, this.schedule.timeout);
    }, this.schedule.interval);
  }

  /** The server answered: the socket is alive. */
  pong(): void {
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
  }

  get awaitingPong(): boolean {
    return this.pongTimer !== undefined;
  }

  stop(): void {
    clearInterval(this.pingTimer);
    this.pong();
    this.pingTimer = undefined;
  }
}
