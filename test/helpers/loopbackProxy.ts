import { createConnection, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 for fault and scale-out tests: it adds latency in both directions,
 * spreads new connections over its upstreams round-robin (as a load balancer would, no sticky
 * sessions), skips an upstream that refuses, and can drop every connection at once ("the
 * network dropped"). It speaks no protocol: WebSocket, SSE and REST pass through unchanged.
 */
export interface LoopbackProxy {
  port: number;
  /** `ws://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  httpUrl: string;
  /** Replace the upstream ports new connections go to (open ones stay where they are). */
  setUpstreams(ports: number[]): void;
  /** Set the one-way delay added to every chunk (ms). */
  setLatency(ms: number): void;
  /** Destroy every open connection, both sides, now. Returns how many there were. */
  dropAll(): number;
  /** Open connections, by upstream port. */
  openByUpstream(): Record<number, number>;
  /** Connections accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

export interface LoopbackProxyOptions {
  /** Upstream ports on 127.0.0.1, used round-robin. */
  upstreams: number[];
  /** One-way delay added to every chunk in both directions (ms). Default 0. */
  latencyMs?: number;
}

/** Writes chunks to `to` `latency()` ms after they were read, in order. */
function delayed(to: Socket, latency: () => number): (chunk: Buffer) => void {
  const queue: { at: number; chunk: Buffer }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const drain = (): void => {
    timer = null;
    const now = Date.now();
    while (queue.length && queue[0]!.at <= now) {
      const { chunk } = queue.shift()!;
      if (!to.destroyed) to.write(chunk);
    }
    if (queue.length) timer = setTimeout(drain, queue[0]!.at - now);
  };
  return (chunk) => {
    const ms = latency();
    if (ms <= 0 && !queue.length) {
      if (!to.destroyed) to.write(chunk);
      return;
    }
    queue.push({ at: Date.now() + ms, chunk });
    if (!timer) timer = setTimeout(drain, Math.max(0, queue[0]!.at - Date.now()));
  };
}

export function startLoopbackProxy(options: LoopbackProxyOptions): Promise<LoopbackProxy> {
  let upstreams = [...options.upstreams];
  let latency = options.latencyMs ?? 0;
  let next = 0;
  let accepted = 0;
  const open = new Map<Socket, { upstream: Socket | null; port: number | null }>();

  /** Bytes a client sent before its upstream connected, and the listener that keeps them. */
  const early = new Map<Socket, { chunks: Buffer[]; listener: (chunk: Buffer) => void }>();

  /** Try the upstreams in turn from `first` (each once) until one accepts. */
  const connectUpstream = (downstream: Socket, first: number, tried: number): void => {
    if (downstream.destroyed) return;
    if (tried >= upstreams.length) {
      downstream.destroy();
      return;
    }
    const port = upstreams[(first + tried) % upstreams.length]!;
    const upstream = createConnection({ host: '127.0.0.1', port });
    upstream.setNoDelay(true);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      const entry = open.get(downstream);
      if (!entry || downstream.destroyed) {
        upstream.destroy();
        return;
      }
      entry.upstream = upstream;
      entry.port = port;
      const toUpstream = delayed(upstream, () => latency);
      const toDownstream = delayed(downstream, () => latency);
      // Bytes read before the upstream was there.
      const held = early.get(downstream);
      early.delete(downstream);
      if (held) {
        downstream.removeListener('data', held.listener);
        for (const chunk of held.chunks) toUpstream(chunk);
      }
      downstream.on('data', toUpstream);
      upstream.on('data', toDownstream);
      // A close on one side closes the other after the data in flight (latency) has gone.
      upstream.once('end', () => setTimeout(() => downstream.end(), latency));
      downstream.once('end', () => setTimeout(() => upstream.end(), latency));
    });
    upstream.once('error', () => {
      // A refused upstream (a killed worker): try the next one, as a load balancer would.
      if (!connected) connectUpstream(downstream, first, tried + 1);
      else downstream.destroy();
    });
    upstream.once('close', () => {
      if (connected) setTimeout(() => downstream.destroy(), latency);
    });
  };

  const server = createServer((downstream) => {
    accepted++;
    downstream.setNoDelay(true);
    open.set(downstream, { upstream: null, port: null });
    downstream.on('error', () => downstream.destroy());
    downstream.once('close', () => {
      open.get(downstream)?.upstream?.destroy();
      open.delete(downstream);
      early.delete(downstream);
    });
    const chunks: Buffer[] = [];
    const listener = (chunk: Buffer): void => void chunks.push(chunk);
    early.set(downstream, { chunks, listener });
    downstream.on('data', listener);
    connectUpstream(downstream, next++, 0);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        port,
        url: `ws://127.0.0.1:${port}`,
        httpUrl: `http://127.0.0.1:${port}`,
        setUpstreams(ports) {
          upstreams = [...ports];
        },
        setLatency(ms) {
          latency = ms;
        },
        dropAll() {
          const count = open.size;
          for (const [downstream, entry] of open) {
            entry.upstream?.destroy();
            downstream.destroy();
          }
          open.clear();
          early.clear();
          return count;
        },
        openByUpstream() {
          const counts: Record<number, number> = {};
          for (const entry of open.values()) if (entry.port !== null) counts[entry.port] = (counts[entry.port] ?? 0) + 1;
          return counts;
        },
        accepted: () => accepted,
        close() {
          for (const [downstream, entry] of open) {
            entry.upstream?.destroy();
            downstream.destroy();
          }
          return new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
