import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Decorator } from '@storybook/react-vite';
import { createRealtimeClient, type RealtimeClient, RealtimeProvider } from 'react-realtime-kit';
import { createSimulator, type Simulator, simulatorFetch, simulatorTransport } from 'react-realtime-kit/testing';

export interface LiveSimulatorProps {
  /** Demo token the client signs in with: demo, peer, admin or staff. @default 'admin' */
  token?: string;
  /** Seed of the simulated world. @default 1 */
  seed?: number;
  /** Scenario events per second; 0 keeps the world still. @default 2 */
  rate?: number;
  /** Called with the simulator and client once they exist (to push events from a story). */
  onReady?(simulator: Simulator, client: RealtimeClient): void;
  children?: ReactNode;
}

/**
 * A whole backend in the browser: the in-memory simulator of all five servers, a client on
 * it, and a RealtimeProvider — so live stories move with no server at all.
 */
export function LiveSimulator({ token = 'admin', seed = 1, rate = 2, onReady, children }: LiveSimulatorProps): ReactNode {
  const [live] = useState(() => {
    const simulator = createSimulator({ seed });
    const client = createRealtimeClient({
      url: 'ws://simulator.local',
      apiUrl: 'http://simulator.local',
      token,
      transport: simulatorTransport(simulator),
      fetch: simulatorFetch(simulator),
    });
    return { simulator, client };
  });
  const ready = useRef(onReady);
  ready.current = onReady;
  const disposeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    // StrictMode unmounts and remounts at once: keep the same world, cancel the pending dispose.
    clearTimeout(disposeTimer.current);
    ready.current?.(live.simulator, live.client);
    if (rate > 0) live.simulator.scenario.start({ ratePerSecond: rate });
    return () => {
      live.simulator.scenario.stop();
      disposeTimer.current = setTimeout(() => {
        live.client.dispose();
        live.simulator.dispose();
      }, 0);
    };
  }, [live, rate]);
  return <RealtimeProvider client={live.client}>{children}</RealtimeProvider>;
}

/** A Storybook decorator that runs the story inside `<LiveSimulator>`. */
export function withLiveSimulator(props: Omit<LiveSimulatorProps, 'children'> = {}): Decorator {
  return (Story) => (
    <LiveSimulator {...props}>
      <Story />
    </LiveSimulator>
  );
}
