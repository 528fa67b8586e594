/**
 * The bench server on 127.0.0.1:<random>: serves the built pages over HTTP and answers
 * WebSocket handshakes on the kit's paths (any Origin, any token), then replays a workload.
 *
 * - `ws/admin/dashboard/`: the admin dashboard's multi-order `order_update` stream.
 * - `ws/orders/<id>/`: the per-order stream; a snapshot (`status: "New"`) on connect.
 *
 * Every frame carries `status: "#<seq>"` (what the card shows) and `sent_at`, the epoch time
 * in ms at which the server handed it to the socket (the page measures lag against it).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export const MULTI_PATH = '/ws/admin/dashboard/';
const ORDER_PATH = /^\/ws\/orders\/(\d+)\/$/;

export interface SendResult {
  /** Epoch ms of the first frame handed to a socket. */
  startedAt: number;
  endedAt: number;
  frames: number;
  /** Times the sender waited because the sockets' buffers were full. */
  waits: number;
}

export class BenchServer {
  readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly byPath = new Map<string, Set<WebSocket>>();
  /** Handshakes accepted since the last reset. */
  handshakes = 0;
  port = 0;

  constructor(private readonly staticRoot: string) {
    this.http = createServer((req, res) => {
      const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
      let file = join(this.staticRoot, path);
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file.startsWith(this.staticRoot) || !existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(file).pipe(res);
    });
    this.wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    this.http.on('upgrade', (req, socket, head) => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path !== MULTI_PATH && !ORDER_PATH.test(path)) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, path));
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.port = (this.http.address() as AddressInfo).port;
    return this;
  }

  private accept(ws: WebSocket, path: string): void {
    this.handshakes += 1;
    let set = this.byPath.get(path);
    if (!set) this.byPath.set(path, (set = new Set()));
    set.add(ws);
    ws.on('close', () => set.delete(ws));
    ws.on('error', () => undefined);
    const order = ORDER_PATH.exec(path);
    if (order) ws.send(this.frame('perOrder', Number(order[1]), 0));
  }

  /** Sockets open now, in all or on one path. */
  open(path?: string): number {
    if (path) return this.byPath.get(path)?.size ?? 0;
    let n = 0;
    for (const set of this.byPath.values()) n += set.size;
    return n;
  }

  /** Paths with at least one open socket. */
  openPaths(): string[] {
    return [...this.byPath].filter(([, set]) => set.size > 0).map(([path]) => path);
  }

  resetCounts(): void {
    this.handshakes = 0;
  }

  /** Close every socket (between runs, so no page's leftovers carry over). */
  dropAll(): void {
    for (const set of this.byPath.values()) for (const ws of set) ws.terminate();
    this.byPath.clear();
  }

  private frame(stream: 'multi' | 'perOrder', orderId: number, seq: number): string {
    const sentAt = now();
    const timestamp = new Date(sentAt).toISOString();
    const status = seq > 0 ? `#${seq}` : 'New';
    return stream === 'multi'
      ? `{"type":"order_update","order_id":${orderId},"status":"${status}","previous_status":null,"timestamp":"${timestamp}","sent_at":${sentAt}}`
      : `{"type":"order.update","order_id":${orderId},"status":"${status}","progress":${seq % 101},"timestamp":"${timestamp}","sent_at":${sentAt}}`;
  }

  /**
   * Send frame i (seq seqBase+i+1) about order `orders[i]`, on the multi-order stream or on that
   * order's own socket(s). `rate` in msg/s paces it; without, as fast as the sockets take it.
   */
  async replay(stream: 'multi' | 'perOrder', orders: Int32Array, rate?: number, seqBase = 0): Promise<SendResult> {
    const multi = this.byPath.get(MULTI_PATH) ?? new Set<WebSocket>();
    const targets = (orderId: number): Iterable<WebSocket> => (stream === 'multi' ? multi : (this.byPath.get(`/ws/orders/${orderId}/`) ?? []));
    const full = (): boolean => {
      for (const set of stream === 'multi' ? [multi] : this.byPath.values()) for (const ws of set) if (ws.bufferedAmount > 4 * 1024 * 1024) return true;
      return false;
    };
    const startedAt = now();
    let waits = 0;
    let i = 0;
    while (i < orders.length) {
      const upTo = rate ? Math.min(orders.length, Math.floor(((now() - startedAt) / 1000) * rate) + 1) : Math.min(orders.length, i + 200);
      for (; i < upTo; i++) {
        const orderId = orders[i]!;
        const text = this.frame(stream, orderId, seqBase + i + 1);
        for (const ws of targets(orderId)) ws.send(text);
      }
      if (full()) {
        waits += 1;
        await sleep(1);
      } else if (rate) await sleep(1);
      else await new Promise((r) => setImmediate(r));
    }
    return { startedAt, endedAt: now(), frames: orders.length, waits };
  }

  async close(): Promise<void> {
    this.dropAll();
    this.wss.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}
