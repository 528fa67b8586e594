/** A connection's heartbeat (see {@link createHeartbeat}). */
export interface Heartbeat {
  start(): void;
  /** The server answered: the socket is alive. */
  pong(): void;
  readonly awaitingPong: boolean;
  stop(): void;
}

/**
 * Pings on an interval and declares the socket dead when a pong does not come back in time.
 * One ping is outstanding at most: while waiting for its pong, later ticks send nothing new.
 *
 * @param ping send a ping now; false when the socket could not take it (nothing is awaited then)
 * @param onDead no pong within `timeout` ms
 */
export function createHeartbeat(schedule: { interval: number; timeout: number }, ping: () => boolean, onDead: () => void): Heartbeat {
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  function pong(): void {
    clearTimeout(pongTimer);
    pongTimer = undefined;
  }
  function stop(): void {
    clearInterval(pingTimer);
    pong();
    pingTimer = undefined;
  }
  return {
    start() {
      stop();
      pingTimer = setInterval(() => {
        if (pongTimer !== undefined || !ping()) return;
        pongTimer = setTimeout(() => {
          stop();
          onDead();
        }, schedule.timeout);
      }, schedule.interval);
    },
    pong,
    get awaitingPong() {
      return pongTimer !== undefined;
    },
    stop,
  };
}
