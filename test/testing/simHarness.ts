/**
 * In-process harness for the simulator core: a recording SimSink (the simulator's own seam,
 * not a mocked WebSocket) and a check that every frame the simulator sends parses with the
 * kit's dialect for that backend.
 */
import { expect } from 'vitest';
import { adminDashboardDialect, chatDialect, noticesDialect, notificationsDialect, orderStreamDialect, timingDialect, type Dialect } from 'react-realtime-kit';
import { createSimulator, type CreateSimulatorOptions, type Simulator, type SimBackendName, type SimConnectRequest, type SimFrame, type SimSession, type SimSink } from 'react-realtime-kit/testing';

export const ORIGIN = 'http://localhost:5173';

export class RecordingSink implements SimSink {
  readonly frames: SimFrame[] = [];
  closes: { code: number; reason: string | undefined }[] = [];
  send(frame: SimFrame): void {
    this.frames.push(frame);
  }
  close(code: number, reason?: string): void {
    this.closes.push({ code, reason });
  }
  /** Raw-socket frames, decoded. */
  json(): Record<string, unknown>[] {
    return this.frames.map((f) => (typeof f === 'string' ? (JSON.parse(f) as Record<string, unknown>) : (f as unknown as Record<string, unknown>)));
  }
  types(): string[] {
    return this.json().map((m) => String(m['type'] ?? m['event']));
  }
  last(): Record<string, unknown> {
    const all = this.json();
    return all[all.length - 1]!;
  }
  clear(): void {
    this.frames.length = 0;
  }
}

export interface Client {
  sink: RecordingSink;
  session: SimSession;
  send(message: unknown): void;
}

/** Connect (expecting success) and start the session, as a transport would after accept. */
export function join(sim: Simulator, url: string, extra: Partial<SimConnectRequest> = {}): Client {
  const sink = new RecordingSink();
  const result = sim.connect({ url, origin: ORIGIN, kind: 'websocket', ...extra }, sink);
  if (!result.ok) throw new Error(`connect ${url} refused: ${result.status} ${result.message}`);
  result.session.start();
  return { sink, session: result.session, send: (m) => result.session.receive(typeof m === 'string' ? m : JSON.stringify(m)) };
}

/** The connect result without starting anything. */
export function attempt(sim: Simulator, url: string, extra: Partial<SimConnectRequest> = {}) {
  return sim.connect({ url, origin: ORIGIN, kind: 'websocket', ...extra }, new RecordingSink());
}

function dialectFor(backend: SimBackendName, sim: Simulator): Dialect<unknown> {
  switch (backend) {
    case 'orderStream':
      return orderStreamDialect as Dialect<unknown>;
    case 'timing':
      return timingDialect as Dialect<unknown>;
    case 'notifications':
      return (sim.options.shapes.notifications === 'smarthunt' ? notificationsDialect : noticesDialect) as Dialect<unknown>;
    case 'chat':
      return chatDialect as Dialect<unknown>;
    case 'admin':
      return adminDashboardDialect as Dialect<unknown>;
  }
}

/**
 * A simulator whose every outgoing frame is parsed with the kit's dialect; `assertParsed()`
 * fails the test with the first frames that did not parse, and returns how many were checked.
 */
export function checkedSimulator(options: CreateSimulatorOptions = {}): Simulator & { assertParsed(): number } {
  const sim = createSimulator({ botReplyDelayMs: false, clock: 'manual', ...options });
  const failures: string[] = [];
  let checked = 0;
  sim.onEvent((event) => {
    if (event.direction !== 'out') return;
    checked++;
    const result = dialectFor(event.backend, sim).parse(event.frame);
    if (!result.ok) failures.push(`${event.backend}: ${result.error} in ${JSON.stringify(event.frame)}`);
  });
  return Object.assign(sim, {
    assertParsed(): number {
      expect(failures).toEqual([]);
      return checked;
    },
  });
}
