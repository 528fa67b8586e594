/**
 * Socket.IO transport, in its own entry point so that `socket.io-client` stays an optional
 * peer: `import { socketIoTransport } from 'react-realtime-kit/socketio'`.
 */
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import type { Transport, TransportFactory } from './core/Transport';

export interface SocketIoTransportOptions {
  /**
   * Engine.IO transports to try. WebSocket only keeps one socket per endpoint.
   * @default ['websocket']
   */
  transports?: ('websocket' | 'polling' | 'webtransport')[];
  /** Extra socket.io-client options (reconnection is always handled by the kit). */
  extra?: Partial<ManagerOptions & SocketOptions>;
}

/**
 * A transport on socket.io-client. The endpoint URL's path is the namespace (`/admin`).
 * The token goes in the handshake's `auth: { token }`, which every build of the server reads.
 * socket.io-client's own reconnection is off: the kit's backoff and token refresh apply.
 */
export function socketIoTransport(options: SocketIoTransportOptions = {}): TransportFactory {
  return (context): Transport => {
    let socket: ReturnType<typeof io> | null = null;
    let closed = false;
    let wasOpen = false;

    async function attempt(): Promise<void> {
      const next = await context.nextAttempt();
      if (!next || closed) return;
      const url = new URL(next.url.replace(/^ws/i, 'http'));
      socket?.removeAllListeners();
      socket?.disconnect();
      wasOpen = false;
      const current = io(url.toString(), {
        ...options.extra,
        transports: options.transports ?? ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: context.connectTimeout,
        auth: next.token ? { token: next.token } : {},
      });
      socket = current;
      current.on('connect', () => {
        wasOpen = true;
        context.onOpen();
      });
      current.onAny((event: string, data: unknown) => context.onFrame({ event, data }));
      const ended = (reason: string): void => {
        if (socket !== current || closed) return;
        current.removeAllListeners();
        current.disconnect();
        context.onClose({ code: 1006, reason, wasOpen });
        wasOpen = false;
        void attempt();
      };
      current.on('connect_error', (error: Error) => ended(error.message));
      current.on('disconnect', (reason: string) => ended(reason));
    }

    void attempt();
    return {
      send(frame) {
        if (!socket?.connected) return false;
        if (typeof frame === 'string') socket.send(frame);
        else socket.emit(frame.event, frame.data);
        return true;
      },
      reconnect() {
        if (!socket || closed) return;
        const current = socket;
        current.removeAllListeners();
        current.disconnect();
        const hadOpened = wasOpen;
        wasOpen = false;
        context.onClose({ code: 4000, reason: 'reconnect', wasOpen: hadOpened });
        void attempt();
      },
      close() {
        closed = true;
        socket?.removeAllListeners();
        socket?.disconnect();
        socket = null;
      },
    };
  };
}
