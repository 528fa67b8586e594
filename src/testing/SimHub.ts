/**
 * The simulator's session registry: who is connected to which backend, which groups
 * (Channels groups, the Socket.IO namespace) each session is in, and the event log.
 */
import type { SimBackendName, SimFrame, SimSession, SimSink } from './types';
import type { SimUser } from './simEntities';

/** One frame that crossed the simulator's edge. */
export interface SimEvent {
  backend: SimBackendName;
  sessionId: number;
  frame: SimFrame;
  direction: 'out' | 'in';
}

/** A connection as the backends see it. */
export interface HubSession {
  readonly id: number;
  readonly backend: SimBackendName;
  /** The authenticated user, or null (the order stream has no auth). */
  readonly user: SimUser | null;
  /** Which wire shape this session speaks (`smarthunt`, `notify`, `erp`, `real`, `documented`…). */
  readonly shape: string;
  /** Groups joined on start. */
  readonly groups: readonly string[];
  state: 'pending' | 'live' | 'closed';
}

/** What a backend does with its sessions. */
export interface SessionBehaviour {
  /** Greeting and joins happen here, once the transport accepted the socket. */
  start?(session: HubSession): void;
  receive?(session: HubSession, frame: SimFrame): void;
  /** After the session left its groups (client gone, or closed by the server). */
  closed?(session: HubSession): void;
}

interface Entry extends HubSession {
  sink: SimSink;
  behaviour: SessionBehaviour;
  /** Set when dropped before start: close as soon as the transport starts it. */
  closeOnStart: number | null;
}

export class SimHub {
  private nextId = 1;
  private readonly entries = new Map<number, Entry>();
  private readonly listeners = new Set<(event: SimEvent) => void>();

  /** Register an accepted handshake; the returned session is what the transport drives. */
  open(spec: { backend: SimBackendName; user: SimUser | null; shape: string; groups: string[]; sink: SimSink; behaviour: SessionBehaviour }): SimSession {
    const entry: Entry = { ...spec, id: this.nextId++, state: 'pending', closeOnStart: null };
    this.entries.set(entry.id, entry);
    return {
      id: entry.id,
      backend: entry.backend,
      start: () => {
        if (entry.closeOnStart !== null) return this.safeClose(entry, entry.closeOnStart);
        if (entry.state !== 'pending') return;
        entry.state = 'live';
        this.run(entry, () => entry.behaviour.start?.(entry));
      },
      receive: (frame) => {
        if (entry.state !== 'live') return;
        this.log({ backend: entry.backend, sessionId: entry.id, frame, direction: 'in' });
        this.run(entry, () => entry.behaviour.receive?.(entry, frame));
      },
      closed: () => this.finish(entry, true),
    };
  }

  /** Send one frame to one live session. */
  send(session: HubSession, frame: SimFrame): void {
    const entry = this.entries.get(session.id);
    if (!entry || entry.state !== 'live') return;
    this.log({ backend: entry.backend, sessionId: entry.id, frame, direction: 'out' });
    try {
      entry.sink.send(frame);
    } catch {
      // A transport that fails to send has lost the socket; it will report the close.
    }
  }

  /** `send(session, JSON.stringify(message))`. */
  sendJson(session: HubSession, message: unknown): void {
    this.send(session, JSON.stringify(message));
  }

  /** Live sessions in a group, oldest first. */
  members(group: string): HubSession[] {
    return this.live().filter((s) => s.groups.includes(group));
  }

  /** Send to every live member of `group` (but `except`); `frame` may depend on the session. */
  broadcast(group: string, frame: SimFrame | ((session: HubSession) => SimFrame | null), except?: HubSession): number {
    let count = 0;
    for (const session of this.members(group)) {
      if (session === except) continue;
      const out = typeof frame === 'function' ? frame(session) : frame;
      if (out === null) continue;
      this.send(session, out);
      count++;
    }
    return count;
  }

  /** Every live session, oldest first. */
  live(): HubSession[] {
    return [...this.entries.values()].filter((e) => e.state === 'live');
  }

  /** The server closes one session: it leaves its groups (with the backend's goodbye), then the sink closes. */
  close(session: HubSession, code: number, reason?: string): void {
    const entry = this.entries.get(session.id);
    if (!entry || entry.state === 'closed') return;
    this.finish(entry, true);
    this.safeClose(entry, code, reason);
  }

  /** Close every open session at once, without goodbyes (a server going down). Returns how many. */
  dropAll(code: number, reason?: string): number {
    const victims = [...this.entries.values()].filter((e) => e.state !== 'closed');
    for (const entry of victims) {
      if (entry.state === 'pending') {
        entry.closeOnStart = code;
        continue;
      }
      this.finish(entry, false);
    }
    for (const entry of victims) if (entry.state === 'closed') this.safeClose(entry, code, reason);
    return victims.length;
  }

  onEvent(listener: (event: SimEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private finish(entry: Entry, goodbye: boolean): void {
    if (entry.state === 'closed') return;
    const wasLive = entry.state === 'live';
    entry.state = 'closed';
    this.entries.delete(entry.id);
    if (wasLive && goodbye) this.run(null, () => entry.behaviour.closed?.(entry));
  }

  private safeClose(entry: Entry, code: number, reason?: string): void {
    this.entries.delete(entry.id);
    entry.state = 'closed';
    try {
      entry.sink.close(code, reason);
    } catch {
      // Already gone.
    }
  }

  // A backend bug must not escape into a transport: it becomes what daphne does with a
  // consumer that raises after accept, a 1011 close.
  private run(entry: Entry | null, fn: () => void): void {
    try {
      fn();
    } catch {
      if (entry) this.close(entry, 1011, 'Internal server error');
    }
  }

  private log(event: SimEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A faulty listener must not break the simulation.
      }
    }
  }
}
