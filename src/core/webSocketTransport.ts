import type { Transport, TransportFactory } from './Transport';

/** The subset of the WebSocket constructor the kit needs (browser's, or `ws` in Node). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

/**
 * A transport on the platform's WebSocket. The connection owns every policy (backoff with full
 * jitter, a fresh token per attempt, retries, the heartbeat); this only dials when asked, times
 * out a handshake that hangs, and reports each close.
 */
export function webSocketTransport(WebSocketImpl?: WebSocketConstructor): TransportFactory {
  return (context): Transport => {
    const Impl = WebSocketImpl ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Impl) {
      throw new TypeError(
        'No WebSocket implementation found. In Node before 22, pass one: createRealtimeClient({ WebSocket: (await import("ws")).WebSocket, … }).',
      );
    }
    let socket: WebSocket | null = null;
    let opened = false;
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    /**
     * Forget the current socket (its late events are ignored), close it, report the close and,
     * unless the transport is closed, dial again. Reporting at once, rather than on the close
     * event, means a dead peer's missing closing handshake delays nothing.
     */
    function drop(code: number, reason: string, permanent = false): void {
      const old = socket;
      const wasOpen = opened;
      clearTimeout(timer);
      socket = null;
      opened = false;
      if (old) {
        old.onopen = old.onmessage = old.onclose = null;
        try {
          old.close(code, reason);
        } catch {
          // Already closing, or never got going: either way it is gone for us.
        }
      }
      if (closed) return;
      context.onClose(permanent ? { code, reason, wasOpen, permanent } : { code, reason, wasOpen });
      redial();
    }

    /** Dial, and never leave a rejection unhandled: whatever throws ends the attempt for good, reported. */
    function redial(): void {
      dial().catch((cause: unknown) => {
        if (!closed) drop(1006, String((cause as Error)?.message ?? cause), true);
      });
    }

    async function dial(): Promise<void> {
      const attempt = await context.nextAttempt();
      if (!attempt || closed) return;
      try {
        socket = new Impl!(attempt.url);
      } catch (cause) {
        // The platform refused the URL (a fragment, a blocked port, mixed content): retrying
        // the same URL cannot help, so the connection fails now with the platform's reason.
        return drop(1006, String((cause as Error)?.message ?? cause), true);
      }
      const ws = socket;
      // Node's `ws` throws an 'error' nobody listens to; browsers never do. The close follows.
      ws.addEventListener('error', () => undefined);
      timer = setTimeout(() => drop(4008, 'handshake timeout'), context.connectTimeout);
      ws.onopen = () => {
        clearTimeout(timer);
        opened = true;
        context.onOpen();
      };
      ws.onmessage = (event) => context.onFrame(event.data as string);
      ws.onclose = (event) => drop(event.code, event.reason ?? '');
    }

    redial();
    return {
      send(frame) {
        if (!opened || socket?.readyState !== 1) return false;
        socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
        return true;
      },
      reconnect() {
        if (socket) drop(4000, 'heartbeat timeout');
      },
      close() {
        closed = true;
        drop(1000, 'client closed');
      },
    };
  };
}
