import type { Transport, TransportFactory } from './Transport';

/** The subset of the WebSocket constructor the kit needs (browser's, or `ws` in Node). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

const OPEN = 1;

/**
 * A transport on the platform's WebSocket. The connection owns every policy (backoff with full
 * jitter, a fresh token per attempt, retries, the heartbeat); this only dials when asked, times
 * out a handshake that hangs, and reports each close.
 */
export function webSocketTransport(WebSocketImpl?: WebSocketConstructor): TransportFactory {
  return (context): Transport => {
    const Found = WebSocketImpl ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Found) {
      throw new TypeError(
        'No WebSocket implementation found. In Node before 22, pass one: createRealtimeClient({ WebSocket: (await import("ws")).WebSocket, … }).',
      );
    }
    const Impl: WebSocketConstructor = Found;
    let socket: WebSocket | null = null;
    let opened = false;
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    /** Forget the current socket (its late events are ignored) and close it. */
    function drop(code: number, reason: string): boolean {
      const old = socket;
      const wasOpen = opened;
      clearTimeout(timer);
      socket = null;
      opened = false;
      if (!old) return false;
      old.onopen = old.onmessage = old.onclose = null;
      try {
        old.close(code, reason);
      } catch {
        // Already closing, or a socket that never got going: either way it is gone for us.
      }
      return wasOpen;
    }

    function lost(code: number, reason: string, wasOpen: boolean): void {
      context.onClose({ code, reason, wasOpen });
      void dial();
    }

    async function dial(): Promise<void> {
      const attempt = await context.nextAttempt();
      if (!attempt || closed) return;
      let ws: WebSocket;
      try {
        ws = new Impl(attempt.url);
      } catch (cause) {
        return lost(1006, String((cause as Error)?.message ?? cause), false);
      }
      socket = ws;
      // Node's `ws` throws an 'error' nobody listens to; browsers never do. The close follows.
      ws.addEventListener('error', () => undefined);
      timer = setTimeout(() => drop(4008, 'handshake timeout') || lost(1006, '', false), context.connectTimeout);
      ws.onopen = () => {
        clearTimeout(timer);
        opened = true;
        context.onOpen();
      };
      ws.onmessage = (event) => context.onFrame(event.data as string);
      ws.onclose = (event) => {
        const wasOpen = opened;
        drop(event.code, event.reason);
        lost(event.code, event.reason ?? '', wasOpen);
      };
    }

    void dial();
    return {
      send(frame) {
        if (!opened || socket?.readyState !== OPEN) return false;
        socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
        return true;
      },
      // Don't wait for a dead peer's closing handshake: report the close now and dial again.
      reconnect() {
        if (socket) lost(4000, 'heartbeat timeout', drop(4000, 'heartbeat timeout'));
      },
      close() {
        closed = true;
        drop(1000, 'client closed');
      },
    };
  };
}
