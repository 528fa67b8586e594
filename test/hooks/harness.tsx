import { render, waitFor, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach } from 'vitest';
import { type RealtimeClient, type RealtimeClientOptions, type RealtimeError, RealtimeProvider } from 'react-realtime-kit';
import { createSimulator, type Simulator, type SimRestRequest, type SimRestResponse } from 'react-realtime-kit/testing';
import { createSimulatorServer, type SimulatorServer } from 'react-realtime-kit/testing/server';
import { clientFor, disposeClients } from '../helpers/clientFor';

export interface Harness {
  server: SimulatorServer;
  simulator: Simulator;
  /** REST calls the server answered, in order. */
  restCalls: SimRestRequest[];
  /** Answer a REST call before the simulator does (to make it refuse); return undefined to pass. */
  interceptRest: ((request: SimRestRequest) => SimRestResponse | undefined) | undefined;
}

/** A simulator server on 127.0.0.1:0 for each test, stopped after it. */
export function useSimulatorServer(): Harness {
  const harness = { restCalls: [], interceptRest: undefined } as unknown as Harness;
  beforeEach(async () => {
    // These tests drive React from real sockets, not from act(): updates arrive whenever the
    // server sends them, as in an app.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    const simulator = createSimulator({ seed: 21, botReplyDelayMs: 20 });
    const answer = simulator.rest.bind(simulator);
    (simulator as { rest: Simulator['rest'] }).rest = (request) => {
      harness.restCalls.push(request);
      return harness.interceptRest?.(request) ?? answer(request);
    };
    harness.simulator = simulator;
    harness.restCalls.length = 0;
    harness.interceptRest = undefined;
    harness.server = await createSimulatorServer({ port: 0, simulator });
  });
  afterEach(async () => {
    disposeClients();
    await harness.server.close();
  });
  return harness;
}

/** Render `ui` under a provider whose client talks to the harness server. */
export function renderLive(
  harness: Harness,
  ui: ReactNode,
  options: RealtimeClientOptions = {},
): RenderResult & { client: RealtimeClient; errors: RealtimeError[] } {
  const { client, errors } = clientFor(harness.server, { apiUrl: harness.server.httpUrl, ...options });
  const result = render(<RealtimeProvider client={client}>{ui}</RealtimeProvider>);
  return Object.assign(result, { client, errors });
}

/**
 * Wait until `read` returns something truthy: Testing Library's `waitFor`, which re-checks on
 * DOM changes and lets React apply socket-driven updates outside `act` warnings.
 */
export function until<T>(read: () => T | undefined | null | false, what: string, timeout = 8000): Promise<T> {
  return waitFor(
    () => {
      const value = read();
      if (!value) throw new Error(`still waiting for ${what}`);
      return value;
    },
    { timeout, interval: 10 },
  );
}

export const sessionsOf = (harness: Harness, backend: string) => harness.simulator.sessions().filter((s) => s.backend === backend);
