import ReconnectingWebSocket from 'reconnecting-websocket';
import type { Transport, TransportFactory } from './Transport';

/** The subset of the WebSocket constructor the kit needs (browser's, or `ws` in Node). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

const OPEN = 1;
/** Used only to satisfy reconnecting-websocket after a close; it checks `close()` first and never dials it. */
const CLOSED_URL = 'ws://127.0.0.1:9/closed';

const quiet = new WeakMap<WebSocketConstructor, WebSocketConstructor>();

/**
 * reconnecting-websocket detaches its listeners before closing a socket that is still
 * connecting; Node's `ws` then emits an `error` nobody listens to, which crashes the process.
 * Browsers never throw there. A listener of our own that outlives reconnecting-websocket's
 * keeps Node as quiet as a browser; the error still reaches the connection as a close.
 */
function withQuietErrors(Impl: WebSocketConstructor): WebSocketConstructor {
  let wrapped = quiet.get(Impl);
  if (!wrapped) {
    wrapped = class extends Impl {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('error', () => undefined);
      }
    };
    quiet.set(Impl, wrapped);
  }
  return wrapped;
}

/**
 * A transport on reconnecting-websocket. Its own delays are switched off: the connection's
 * `nextAttempt()` applies backoff with full jitter and fetches a fresh token per attempt.
 */
export function webSocketTransport(WebSocketImpl?: WebSocketConstructor): TransportFactory {
  return (context): Transport => {
    const Impl = WebSocketImpl ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Impl) {
      throw new TypeError(
        'No WebSocket implementation found. In Node before 22, pass one: createRealtimeClient({ WebSocket: (await import("ws")).WebSocket, … }).',
      );
    }
    let wasOpen = false;
    const socket = new ReconnectingWebSocket(
      async () => {
        const attempt = await context.nextAttempt();
        wasOpen = false;
        return attempt ? attempt.url : CLOSED_URL;
      },
      [],
      {
        WebSocket: withQuietErrors(Impl),
        minReconnectionDelay: 0,
        maxReconnectionDelay: 0,
        reconnectionDelayGrowFactor: 1,
        connectionTimeout: context.connectTimeout,
        maxEnqueuedMessages: 0,
        maxRetries: Infinity,
      },
    );
    socket.addEventListener('open', () => {
      wasOpen = true;
      context.onOpen();
    });
    socket.addEventListener('message', (event) => context.onFrame(event.data as string));
    socket.addEventListener('close', (event) => {
      const info = { code: event.code, reason: event.reason ?? '', wasOpen };
      wasOpen = false;
      context.onClose(info);
    });
    return {
      send(frame) {
        if (socket.readyState !== OPEN) return false;
        socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
        return true;
      },
      reconnect: () => socket.reconnect(4000, 'heartbeat timeout'),
      close: () => socket.close(1000, 'client closed'),
    };
  };
}
