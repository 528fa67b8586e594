import { createHeartbeat } from './createHeartbeat';
import type { DialectHeartbeat, OutgoingFrame } from './Dialect';
import type { StoreEvent } from './events';

/**
 * A dialect's application-level heartbeat: `ping` builds the ping frame, `isPong` recognises
 * the answer among the parsed events. The connection pings on `heartbeat.interval` and
 * replaces a socket whose pong does not come within `heartbeat.timeout`. Dialects without a
 * ping leave `heartbeat` out, and their apps bundle none of this.
 *
 * @example heartbeat: pingPong(() => JSON.stringify({ type: 'ping' }), (event) => event.kind === 'pong')
 */
export function pingPong(ping: () => OutgoingFrame, isPong: (event: StoreEvent) => boolean): DialectHeartbeat {
  return { ping, isPong, monitor: createHeartbeat };
}
