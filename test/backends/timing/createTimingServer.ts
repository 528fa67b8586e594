/**
 * A Node reference server for the REAL Timing restaurant API (PROTOCOLS.md §2), written the way
 * its document's server is (an Express + Socket.IO app) but on node:http: not the raw WebSocket
 * the document describes, but Socket.IO namespace `/admin` behind a JWT middleware, the
 * `connected` / `new_order` / `order_status_update` events, and the REST routes with
 * `{ data: … }` bodies. JWTs are HS256, signed and verified with node:crypto (the real app uses
 * jsonwebtoken: `jwt.verify(token, JWT_SECRET)`), so an expired or foreign token is refused the
 * same way.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export const TIMING_STATUSES = ['pending', 'preparing', 'ready', 'completed', 'cancelled'] as const;
export type TimingServerStatus = (typeof TIMING_STATUSES)[number];

export interface TimingServerItem {
  id: number;
  menu_name: string;
  quantity: number;
  /** Baht, per unit. */
  price: number;
}

export interface TimingServerOrder {
  id: number;
  customer_name: string;
  notes?: string | null;
  /** Baht: the sum of price × quantity. */
  total: number;
  items: TimingServerItem[];
  status: TimingServerStatus;
  created_at: string;
  updated_at: string;
}

export interface TimingJwtPayload {
  id: number | string;
  username: string;
  /** Seconds since the epoch. @default one hour from now (when minted by `sign`) */
  exp?: number;
  iat?: number;
  [claim: string]: unknown;
}

export interface TimingServerOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** The HS256 secret (the app's JWT_SECRET). */
  secret: string;
  /**
   * Newer builds also read the token from the handshake query (`?token=`); older ones only
   * from `auth: { token }`. @default true
   */
  acceptQueryToken?: boolean;
  /**
   * `documented` (default): Socket.IO `/admin` and `{ data: … }` bodies. `deployed`: as the
   * server runs at its latest commit (PROTOCOLS.md, last section): no Socket.IO at all,
   * `{ success, data: { orders, count } }`, statuses translated by `?locale=` or
   * `Accept-Language` (English, Thai), `customer_info` / string `total` / `notes`,
   * `{ success: false, error }` errors, express's ETag and 304, and a rate limit (429 with
   * `Retry-After`).
   */
  mode?: 'documented' | 'deployed';
  /** Deployed mode's limit per IP: express-rate-limit's 100 per 15 minutes by default. */
  rateLimit?: { max: number; windowMs: number };
}

export interface TimingServer {
  /** Socket base for the kit, e.g. `ws://127.0.0.1:41234` (the namespace is the path `admin`). */
  url: string;
  /** REST base, e.g. `http://127.0.0.1:41234`. */
  httpUrl: string;
  port: number;
  /** Mint an HS256 JWT `{id, username, exp}` with the server's secret (exp defaults to +1 h). */
  sign(payload: TimingJwtPayload): string;
  /** The orders as the server holds them (copies). */
  orders(): TimingServerOrder[];
  /** Put an order in the database directly (deployed mode's POST body differs from the document's). */
  placeOrder(order: { customer: string; items: { menu_name: string; quantity: number; price: number }[]; notes?: string }): TimingServerOrder;
  /** Change an order's status directly, as another admin would. */
  setStatus(id: number, status: TimingServerStatus): void;
  /** Requests the server answered, in order (method, path, status, If-None-Match sent). */
  requests: { method: string; path: string; status: number; at: number; ifNoneMatch: string | undefined }[];
  /** Stop Socket.IO and the HTTP server, dropping every connection. */
  close(): Promise<void>;
}

/** The server's locale files (src/locales/{en,th}.json), `order_status`. */
const STATUS_LABELS: Record<'en' | 'th', Record<TimingServerStatus, string>> = {
  en: { pending: 'Pending', preparing: 'Preparing', ready: 'Ready', completed: 'Completed', cancelled: 'Cancelled' },
  th: { pending: 'รอดำเนินการ', preparing: 'กำลังเตรียม', ready: 'พร้อมรับ', completed: 'เสร็จสิ้น', cancelled: 'ยกเลิก' },
};

const base64url = (input: Buffer | string): string => Buffer.from(input).toString('base64url');

/** An HS256 JWT of `payload`. */
export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** Verify an HS256 JWT as `jwt.verify(token, secret)` does; throws on any problem, returns the payload. */
export function verifyHs256(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): TimingJwtPayload {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('jwt malformed');
  const [head, body, signature] = parts as [string, string, string];
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new Error('invalid token');
  }
  if (!header || typeof header !== 'object' || (header as { alg?: unknown }).alg !== 'HS256') throw new Error('invalid algorithm');
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('invalid signature');
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new Error('invalid payload');
  const claims = payload as TimingJwtPayload;
  if (claims.exp !== undefined && (typeof claims.exp !== 'number' || nowSeconds >= claims.exp)) throw new Error('jwt expired');
  if (typeof claims['nbf'] === 'number' && nowSeconds < claims['nbf']) throw new Error('jwt not active');
  return claims;
}

/** An error that becomes `res.status(status).json({ error })`. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const BODY_LIMIT = 100 * 1024; // express.json()'s default '100kb'

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new HttpError(413, 'request entity too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      // express.json(): only JSON content types are parsed; anything else leaves req.body = {}.
      if (!/\bjson\b/i.test(req.headers['content-type'] ?? '')) return resolve({});
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        const value: unknown = JSON.parse(text);
        // body-parser's strict mode: only objects and arrays.
        if (value === null || typeof value !== 'object') return reject(new HttpError(400, 'Invalid JSON'));
        resolve(value);
      } catch {
        reject(new HttpError(400, 'Invalid JSON'));
      }
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function cors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE,OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
}

function readItems(value: unknown): Omit<TimingServerItem, 'id'>[] {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, 'Order must contain at least one item');
  return value.map((raw: unknown, i) => {
    const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const { menu_name, quantity, price } = item;
    if (typeof menu_name !== 'string' || menu_name.trim() === '') throw new HttpError(400, `items[${i}].menu_name is required`);
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) throw new HttpError(400, `items[${i}].quantity must be a positive integer`);
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) throw new HttpError(400, `items[${i}].price must be a non-negative number`);
    return { menu_name, quantity, price };
  });
}

const copy = (order: TimingServerOrder): TimingServerOrder => ({ ...order, items: order.items.map((item) => ({ ...item })) });

export async function createTimingServer(options: TimingServerOptions): Promise<TimingServer> {
  const { secret, acceptQueryToken = true, mode = 'documented' } = options;
  const deployed = mode === 'deployed';
  const limit = options.rateLimit ?? { max: 100, windowMs: 15 * 60_000 };
  const hits = new Map<string, { count: number; resetAt: number }>();
  const requests: TimingServer['requests'] = [];
  if (!secret) throw new TypeError('createTimingServer needs a secret');
  const orders = new Map<number, TimingServerOrder>();
  let nextOrderId = 1;
  let nextItemId = 1;

  /** authenticateToken: `Authorization: Bearer <jwt>` or 401. */
  function authenticate(req: IncomingMessage): TimingJwtPayload {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new HttpError(401, 'Access token required');
    try {
      return verifyHs256(match[1]!, secret);
    } catch {
      throw new HttpError(401, 'Invalid or expired token');
    }
  }

  function findOrder(id: string): TimingServerOrder {
    const order = /^\d+$/.test(id) ? orders.get(Number(id)) : undefined;
    if (!order) throw new HttpError(404, 'Order not found');
    return order;
  }

  type Route = [method: string, pattern: RegExp, handle: (req: IncomingMessage, match: RegExpExecArray) => Promise<[number, unknown]>];
  const routes: Route[] = [
    ['POST', /^\/api\/orders\/?$/, async (req) => {
      const body = (await readBody(req)) as Record<string, unknown>;
      const name = Array.isArray(body) ? undefined : body['customer_name'];
      if (typeof name !== 'string' || name.trim() === '') throw new HttpError(400, 'customer_name is required');
      const lines = readItems(body['items']);
      const now = new Date().toISOString();
      const items = lines.map((line) => ({ id: nextItemId++, ...line }));
      const total = Math.round(items.reduce((sum, item) => sum + item.price * item.quantity, 0) * 100) / 100;
      const order: TimingServerOrder = { id: nextOrderId++, customer_name: name.trim(), total, items, status: 'pending', created_at: now, updated_at: now };
      orders.set(order.id, order);
      const { id, customer_name, created_at, status } = order;
      admin.emit('new_order', { type: 'new_order', order: { id, customer_name, total, items: order.items.map((i) => ({ ...i })), created_at, status }, timestamp: new Date().toISOString() });
      return [201, { data: copy(order) }];
    }],
    ['GET', /^\/api\/orders\/([^/]+)\/status\/?$/, async (_req, m) => [200, { data: copy(findOrder(m[1]!)) }]],
    ['PUT', /^\/api\/admin\/orders\/([^/]+)\/status\/?$/, async (req, m) => {
      authenticate(req);
      const body = (await readBody(req)) as Record<string, unknown>;
      const status = Array.isArray(body) ? undefined : body['status'];
      if (typeof status !== 'string' || !(TIMING_STATUSES as readonly string[]).includes(status)) {
        throw new HttpError(400, `Invalid status. Must be one of: ${TIMING_STATUSES.join(', ')}`);
      }
      const order = findOrder(m[1]!);
      order.status = status as TimingServerStatus;
      order.updated_at = new Date().toISOString();
      const { id, customer_name, updated_at } = order;
      admin.emit('order_status_update', { type: 'order_status_update', order: { id, customer_name, status, updated_at }, timestamp: new Date().toISOString() });
      return [200, { data: copy(order) }];
    }],
    ['GET', /^\/api\/admin\/orders\/?$/, async (req) => {
      authenticate(req);
      return [200, { data: [...orders.values()].reverse().map(copy) }]; // newest first (ORDER BY created_at DESC)
    }],
    ['GET', /^\/api\/admin\/websocket\/stats\/?$/, async (req) => {
      authenticate(req);
      return [200, { adminConnections: admin.sockets.size, isInitialized: true }];
    }],
  ];


  // ---- deployed: what the server answers today -------------------------------------------
  const localeOf = (req: IncomingMessage): 'en' | 'th' => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('locale');
    const wanted = query ?? req.headers['accept-language'] ?? '';
    return /^th\b/i.test(wanted) ? 'th' : 'en';
  };
  const today = (order: TimingServerOrder, locale: 'en' | 'th' | null) => ({
    id: order.id,
    status: locale ? STATUS_LABELS[locale][order.status] : order.status,
    created_at: order.created_at,
    updated_at: order.updated_at,
    total: order.total.toFixed(2),
    customer_info: { name: order.customer_name },
    notes: order.notes ?? null,
    items: order.items.map((item) => ({ id: item.id, menu_id: item.id, menu_name: item.menu_name, quantity: item.quantity, price: item.price.toFixed(2) })),
  });
  const deployedRoutes: Route[] = [
    ['GET', /^\/api\/orders\/([^/]+)\/status\/?$/, async (req, m) => [200, { success: true, data: today(findOrder(m[1]!), localeOf(req)) }]],
    ['PUT', /^\/api\/admin\/orders\/([^/]+)\/status\/?$/, async (req, m) => {
      authenticate(req);
      const body = (await readBody(req)) as Record<string, unknown>;
      const status = Array.isArray(body) ? undefined : body['status'];
      if (typeof status !== 'string' || !(TIMING_STATUSES as readonly string[]).includes(status)) {
        throw new HttpError(400, 'Validation failed', [{ field: 'status', message: `Status must be one of: ${TIMING_STATUSES.join(', ')}` }]);
      }
      const order = findOrder(m[1]!);
      order.status = status as TimingServerStatus;
      order.updated_at = new Date().toISOString();
      // Order.updateStatus selects the row again: the raw key, not a translation.
      return [200, { success: true, data: today(order, null), message: 'Order status updated successfully' }];
    }],
    ['GET', /^\/api\/admin\/orders\/?$/, async (req) => {
      authenticate(req);
      const list = [...orders.values()].reverse().map((o) => today(o, localeOf(req)));
      return [200, { success: true, data: { orders: list, count: list.length } }];
    }],
  ];

  /** express-rate-limit (v6, 100 per 15 minutes per IP): 429 with Retry-After once over. */
  function limited(req: IncomingMessage, res: ServerResponse): boolean {
    const ip = req.socket.remoteAddress ?? '';
    const now = Date.now();
    let hit = hits.get(ip);
    if (!hit || now >= hit.resetAt) hits.set(ip, (hit = { count: 0, resetAt: now + limit.windowMs }));
    hit.count += 1;
    if (hit.count <= limit.max) return false;
    const text = 'Too many requests, please try again later.';
    res.writeHead(429, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(Math.ceil((hit.resetAt - now) / 1000)), 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    cors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Content-Length': '0' });
      res.end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    if (deployed && limited(req, res)) return;
    for (const [method, pattern, run] of deployed ? deployedRoutes : routes) {
      const match = pattern.exec(path);
      if (!match || method !== req.method) continue;
      const [status, body] = await run(req, match);
      if (deployed && method === 'GET' && status === 200) {
        // express: a weak ETag on every JSON answer, and 304 when If-None-Match matches.
        const etag = `W/"${createHmac('sha1', 'etag').update(JSON.stringify(body)).digest('base64url')}"`;
        res.setHeader('ETag', etag);
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304);
          res.end();
          return;
        }
      }
      send(res, status, body);
      return;
    }
    send(res, 404, deployed ? { success: false, error: 'Route not found' } : { error: 'Route not found' });
  }

  const http = createServer((req, res) => {
    res.on('finish', () => requests.push({ method: req.method ?? '', path: req.url ?? '', status: res.statusCode, at: Date.now(), ifNoneMatch: req.headers['if-none-match'] }));
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof HttpError) send(res, error.status, deployed ? { success: false, error: error.message, ...(error.details ? { details: error.details } : {}) } : { error: error.message });
      else send(res, 500, deployed ? { success: false, error: 'Internal server error' } : { error: 'Internal server error' });
    });
  });

  // Deployed: the WebSocket service was removed; /socket.io/ is just another unknown route.
  const io = deployed ? null : new Server(http, { cors: { origin: '*', methods: ['GET', 'POST'] } });
  const admin = io ? io.of('/admin') : { emit: () => true, sockets: new Map() };
  if (io) io.of('/admin').use((socket, next) => {
    const fromAuth = (socket.handshake.auth as Record<string, unknown> | undefined)?.['token'];
    const fromQuery = acceptQueryToken ? socket.handshake.query['token'] : undefined;
    const token = fromAuth || fromQuery;
    if (!token || typeof token !== 'string') return next(new Error('Authentication error: No token provided'));
    try {
      const user = verifyHs256(token, secret);
      socket.data.userId = user.id;
      socket.data.username = user.username;
      next();
    } catch {
      next(new Error('Authentication error: Invalid token'));
    }
  });
  if (io) io.of('/admin').on('connection', (socket) => {
    socket.emit('connected', { message: 'Connected to admin notifications', userId: socket.data.userId, username: socket.data.username });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    port,
    sign: (payload) => signHs256({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600, ...payload }, secret),
    orders: () => [...orders.values()].map(copy),
    requests,
    placeOrder({ customer, items, notes }) {
      const now = new Date().toISOString();
      const lines = items.map((line) => ({ id: nextItemId++, ...line }));
      const total = Math.round(lines.reduce((sum, item) => sum + item.price * item.quantity, 0) * 100) / 100;
      const order: TimingServerOrder = { id: nextOrderId++, customer_name: customer, notes: notes ?? null, total, items: lines, status: 'pending', created_at: now, updated_at: now };
      orders.set(order.id, order);
      return copy(order);
    },
    setStatus(id, status) {
      const order = findOrder(String(id));
      order.status = status;
      order.updated_at = new Date().toISOString();
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (io) void io.close(() => resolve()); // disconnects every socket, then http.close()
        else http.close(() => resolve());
        http.closeAllConnections(); // keep-alive REST connections too
      }),
  };
}
