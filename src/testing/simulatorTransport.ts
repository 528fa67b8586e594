/**
 * The simulator behind an in-memory transport, for the browser (Storybook, a static demo,
 * jsdom tests): `createRealtimeClient({ url: 'ws://simulator', transport: simulatorTransport(sim) })`.
 * Frames are delivered asynchronously after `latency` ms, in order, as over a real socket.
 */
import type { IncomingFrame, OutgoingFrame } from '../core/Dialect';
import type { Transport, TransportFactory } from '../core/Transport';
import type { Simulator } from './createSimulator';
import type { SimFrame, SimSession } from './types';

export interface SimulatorTransportOptions {
  /** One-way delay of every frame, in ms. @default 5 */
  latency?: number;
  /** The Origin the simulated handshake carries. @default the page's origin, else 'http://localhost' */
  origin?: string;
}

/** Whether a path is served as Socket.IO by this simulator (the real Timing feed). */
function isSocketIo(simulator: Simulator, path: string): boolean {
  return path === '/admin' && (simulator.options.shapes?.timing ?? 'real') === 'real';
}

export function simulatorTransport(simulator: Simulator, options: SimulatorTransportOptions = {}): TransportFactory {
  const latency = options.latency ?? 5;
  const origin = options.origin ?? (globalThis as { location?: { origin?: string } }).location?.origin ?? 'http://localhost';
  return (context): Transport => {
    let current: { session: SimSession | null; open: boolean; socketio: boolean } | null = null;
    let finished = false;
    const later = (fn: () => void): void => void setTimeout(fn, latency);

    async function attempt(): Promise<void> {
      const next = await context.nextAttempt();
      if (!next || finished) return;
      const url = new URL(next.url);
      const path = url.pathname;
      const socketio = isSocketIo(simulator, path);
      const link: { session: SimSession | null; open: boolean; socketio: boolean } = { session: null, open: false, socketio };
      current = link;
      const end = (code: number, reason: string): void => {
        if (current !== link) return;
        const wasOpen = link.open;
        link.open = false;
        current = null;
        later(() => {
          if (finished) return;
          context.onClose({ code, reason, wasOpen });
          void attempt();
        });
      };
      const result = simulator.connect(
        { url: path + url.search, origin: socketio ? undefined : origin, kind: socketio ? 'socketio' : 'websocket', auth: socketio && next.token ? { token: next.token } : undefined },
        {
          send: (frame: SimFrame) => later(() => current === link && link.open && context.onFrame(frame as IncomingFrame)),
          close: (code, reason) => {
            link.session?.closed();
            end(code, reason ?? '');
          },
        },
      );
      if (!result.ok) {
        end(1006, socketio ? result.message : `HTTP ${result.status}`);
        return;
      }
      link.session = result.session;
      later(() => {
        if (current !== link || finished) return;
        link.open = true;
        context.onOpen();
        result.session.start();
      });
    }

    void attempt();
    return {
      send(frame: OutgoingFrame) {
        const link = current;
        if (!link?.open || !link.session) return false;
        const session = link.session;
        later(() => session.receive(typeof frame === 'string' ? frame : { event: frame.event, data: frame.data }));
        return true;
      },
      reconnect() {
        const link = current;
        if (!link) return;
        link.session?.closed();
        current = null;
        const wasOpen = link.open;
        link.open = false;
        later(() => {
          if (finished) return;
          context.onClose({ code: 4000, reason: 'reconnect', wasOpen });
          void attempt();
        });
      },
      close() {
        finished = true;
        current?.session?.closed();
        current = null;
      },
    };
  };
}
