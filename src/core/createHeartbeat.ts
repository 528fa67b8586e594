/** A connection's heartbeat (see {@link createHeartbeat}). */
export interface Heartbeat {
  start(): void;
  /** The server answered: the socket is alive. */
  pong(): void;
  readonly awaitingPong: boolean;
  stop(): void;
}

/** Unanswered pings after which a server that never answered one is no longer pinged. */
export const SILENT_PINGS = 2;

/**
 * Pings on an interval and declares the socket dead when a pong does not come back in time.
 * One ping is outstanding at most: while waiting for its pong, later ticks send nothing new.
 * A server that has never answered a ping (a route shadowed by another consumer, a variant
 * without pong) is not dead: after {@link SILENT_PINGS} unanswered pings it is no longer pinged
 * (for the heartbeat's lifetime, across reopens), and `onDead` is told so once, with the reason.
 *
 * @param ping send a ping now; false when the socket could not take it (nothing is awaited then)
 * @param onDead no pong within `timeout` ms (replace the socket); or, with a reason, pinging has stopped for good
 */
export function createHeartbeat(schedule: { interval: number; timeout: number }, ping: () => boolean, onDead: (silent?: string) => void): Heartbeat {
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let ponged = false;
  let silent = 0;
  function clearPong(): void {
    clearTimeout(pongTimer);
    pongTimer = undefined;
  }
  function stop(): void {
    clearInterval(pingTimer);
    clearPong();
    pingTimer = undefined;
  }
  return {
    start() {
      stop();
      if (!ponged && silent >= SILENT_PINGS) return;
      pingTimer = setInterval(() => {
        if (pongTimer !== undefined || !ping()) return;
        pongTimer = setTimeout(() => {
          if (ponged) {
            stop();
            onDead();
          } else if (++silent < SILENT_PINGS) {
            clearPong();
          } else {
            stop();
            onDead(`the server never answered a ping (${silent} sent, ${schedule.timeout} ms each); pinging stops, and a dead socket is noticed only when it closes.`);
          }
        }, schedule.timeout);
      }, schedule.interval);
    },
    pong() {
      ponged = true;
      clearPong();
    },
    get awaitingPong() {
      return pongTimer !== undefined;
    },
    stop,
  };
}
