import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's interpreter: the `python3` on PATH may be another one that cannot see python3-django & co. */
const PYTHON = process.env.REFSITE_PYTHON ?? '/usr/bin/python3';
// Paths from the module's own file path (a jsdom test's global URL is not Node's).
const HERE = dirname(fileURLToPath(import.meta.url));
const DJANGO_DIR = `${join(HERE, 'django')}/`;
const DIE_WITH_PARENT = join(HERE, 'die_with_parent.py');
const PACKAGES =
  'python3-django python3-django-channels python3-daphne python3-channels-redis python3-djangorestframework python3-djangorestframework-simplejwt python3-jwt redis-server';
const INSTALL_HINT = `Install the Debian packages (${PACKAGES}) with scripts/install-system-deps.sh (as root).`;

export interface SeedUser {
  /** Integer primary key: the id SmartHunt (§3) and the ERP (§4) use. */
  id: number;
  /** The id of the admin dashboard (§5): simplejwt's user_id and its API's `id`. */
  uuid: string;
  username: string;
}

/** What seed.py prints: who is who, and every token the tests need. */
export interface DjangoTokens {
  users: Record<'customer' | 'second' | 'admin' | 'moderator' | 'booster' | 'rejected' | 'jane' | 'john', SeedUser> & { pending: SeedUser[] };
  /** HS256 JWTs with an integer user_id, for ws/notifications/. */
  smarthunt: { customer: string; second: string; expired: string; badSignature: string };
  /** DRF token keys, for ws/chat/ and erp/ws/notifications/. */
  erp: { customer: string; second: string; admin: string };
  /** simplejwt access tokens (user_id = UUID), for ws/admin/dashboard/ and its REST API. */
  admin: { staff: string; moderator: string; nonStaff: string; malformed: string };
  /** The ERP chat as deployed (SSE + REST, deployed mode): its users as that API names them. */
  erpChat: { jane: ErpChatUser; john: ErpChatUser; conversationId: string; seededMessage: string };
  orders: number[];
  bookings: number[];
}

/** A user of the deployed ERP chat: `id` is the UUID its REST API and SSE events carry. */
export interface ErpChatUser {
  id: string;
  /** Integer primary key (the documented ERP socket's id). */
  pk: number;
  username: string;
  /** e.g. "Jane Doe": the `sender_name` of their messages. */
  fullName: string;
  /** DRF token key: `?token=` on the SSE stream, `Authorization: Token <key>` on REST. */
  token: string;
}

/** One daphne process of a multi-worker backend (`workers` option). */
export interface DjangoWorker {
  index: number;
  port: number;
  /** `ws://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  httpUrl: string;
  /** False between `killWorker(i)` and `startWorker(i)`. */
  readonly running: boolean;
}

export interface DjangoBackend {
  /** Socket base of worker 0, e.g. `ws://127.0.0.1:41234`. */
  url: string;
  /** REST base of worker 0, e.g. `http://127.0.0.1:41234`. */
  httpUrl: string;
  /** Port of worker 0. */
  port: number;
  /**
   * Every daphne process, each on its own port, all on the same database and Redis channel
   * layer (one unless `workers` says more). Worker 0 is `url`/`httpUrl`/`port`.
   */
  workers: readonly DjangoWorker[];
  /**
   * Kill worker `i` (SIGKILL by default: a crash, no close frames, no `disconnect()` handlers)
   * and resolve once it has exited. The other workers keep running.
   */
  killWorker(i: number, signal?: NodeJS.Signals): Promise<void>;
  /** Start worker `i` again on its port; resolves once it answers. A no-op if it runs. */
  startWorker(i: number): Promise<void>;
  /** `control()` on worker `i`: the change is saved and broadcast by that process. */
  controlAt<T = unknown>(i: number, path: string, body?: unknown): Promise<T>;
  tokens: DjangoTokens;
  /** POST to the test control surface (`/__test__/<path>`): a model save whose signal broadcasts. */
  control<T = unknown>(path: string, body?: unknown): Promise<T>;
  /**
   * The same actions through control.py, straight on the database: works while daphne is down
   * (see `restart`). Commands: order, notify, booking, smarthunt_message, notice, register, and
   * batch (`[[command, args], …]`, one Python start for several changes).
   */
  controlOffline<T = unknown>(command: string, args: unknown): Promise<T>;
  /** Stop daphne and Redis (kill, then wait for both to exit) and delete the temp dir. */
  stop(): Promise<void>;
  /** Stop daphne (every worker), run `whileDown`, and start it again on the same port(s); resolves once it answers. */
  restart(whileDown?: () => Promise<void> | void): Promise<void>;
  /** Redis port on 127.0.0.1 (channel layer and the deployed ERP chat's pub/sub and presence). */
  redisPort: number;
  /** Stop Redis (kill, wait for exit) while daphne keeps running: "Redis down". Its data is lost. */
  stopRedis(): Promise<void>;
  /** Start Redis again on the same port (empty); resolves once it answers PING. */
  startRedis(): Promise<void>;
}

interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
}

function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Start a process that dies with us (die_with_parent.py), keeping the tail of its output for errors. */
function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Managed {
  const child = spawn(PYTHON, [DIE_WITH_PARENT, command, ...args], {
    cwd: DJANGO_DIR,
    env: { ...env, DIE_WITH_PARENT_PID: String(process.pid) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      keep(Buffer.from(`\n${error.message}`));
      resolve(-1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null)));
  });
  return { name, child, exited, output: () => tail };
}

/** SIGTERM (or `signal`), then SIGKILL if it lingers; resolves when the process is gone. */
async function kill(proc: Managed | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill(signal);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 3000);
  await proc.exited;
  clearTimeout(timer);
}

/** Poll until `probe` resolves true; fail early if `proc` exits. */
async function waitUntil(what: string, proc: Managed, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${proc.name} exited (${exitCode}) before ${what}:\n${proc.output()}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}:\n${proc.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      reply += data.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.once('close', () => resolve(reply.startsWith('+PONG')));
    socket.once('error', () => resolve(false));
  });
}

async function healthy(httpUrl: string): Promise<boolean> {
  const response = await fetch(`${httpUrl}/__test__/health/`, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.status === 200;
}

/** Run a Python script to completion; resolves its stdout, rejects with its stderr. */
function runPython(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [script, ...args], { cwd: DJANGO_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (error) => resolve({ code: -1, stdout, stderr: stderr + error.message }));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function missingPackagesError(stderr: string): Error | null {
  const line = stderr.split('\n').find((l) => l.startsWith('{"missing"'));
  if (!line) return null;
  const { missing } = JSON.parse(line) as { missing: { module: string; package: string }[] };
  return new Error(
    `${PYTHON} cannot import ${missing.map((m) => m.module).join(', ')} (Debian packages ${missing.map((m) => m.package).join(', ')}). ${INSTALL_HINT}`,
  );
}

/**
 * Start the Django reference backend (test/backends/django): Redis on a free port, migrate and
 * seed into a fresh temp dir, then daphne on a free 127.0.0.1 port with the /__test__/ control
 * surface on. Resolves once daphne answers HTTP. Both processes die with this one even if it is
 * killed, and `stop()` kills them and waits.
 */
export interface DjangoBackendOptions {
  /**
   * `documented` (default): the servers as their documents describe them. `deployed`: as the
   * real servers run at their latest public commits (PROTOCOLS.md, last section), quirks and
   * bugs included. Each app reads `settings.DEPLOYED`.
   */
  mode?: 'documented' | 'deployed';
  /**
   * How many daphne processes to run (default 1), each on its own free port, all on the same
   * SQLite database and Redis channel layer, as a multi-worker Channels deployment behind a
   * load balancer. See `workers`, `killWorker(i)`, `startWorker(i)` and `controlAt(i, …)`.
   */
  workers?: number;
}

export async function startDjangoBackend(options: DjangoBackendOptions = {}): Promise<DjangoBackend> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} not found: the Django reference backend runs on Debian's python3. ${INSTALL_HINT}`);
  if (!onPath('redis-server')) throw new Error(`redis-server not found on PATH. ${INSTALL_HINT}`);

  const count = options.workers ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new TypeError(`workers must be an integer >= 1 (got ${String(options.workers)}).`);
  const dir = await mkdtemp(join(tmpdir(), 'refsite-'));
  const [redisPort, ...ports] = await Promise.all([freePort(), ...Array.from({ length: count }, freePort)]);
  const port = ports[0]!;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PYTHONPATH: DJANGO_DIR,
    PYTHONUNBUFFERED: '1',
    // Bytecode goes to one shared cache outside the repo (and is reused across runs).
    PYTHONPYCACHEPREFIX: join(tmpdir(), 'refsite-pycache'),
    DJANGO_SETTINGS_MODULE: 'refsite.settings',
    REFSITE_DB_PATH: join(dir, 'db.sqlite3'),
    REFSITE_REDIS_PORT: String(redisPort),
    REFSITE_TEST_CONTROL: '1',
    REFSITE_MODE: options.mode ?? 'documented',
  };
  delete env.PYTHONHOME;
  const httpUrl = `http://127.0.0.1:${port}`;

  let redis: Managed | undefined;
  const daphnes: (Managed | undefined)[] = ports.map(() => undefined);
  let stopped = false;
  const killNow = (): void => {
    for (const proc of [...daphnes, redis]) if (proc?.child.exitCode === null) proc.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  // Last resort for a worker that exits without afterAll; die_with_parent covers a killed one.
  process.once('exit', killNow);

  const startRedisServer = (): Managed =>
    start('redis-server', 'redis-server', ['--bind', '127.0.0.1', '--port', String(redisPort), '--save', '', '--appendonly', 'no'], env);
  const nameOf = (i: number): string => (count === 1 ? 'daphne' : `daphne worker ${i}`);
  const startDaphne = (i: number): Managed =>
    start(nameOf(i), PYTHON, ['-m', 'daphne', '-v', '0', '-b', '127.0.0.1', '-p', String(ports[i]), 'refsite.asgi:application'], env);
  const httpUrlOf = (i: number): string => `http://127.0.0.1:${ports[i]}`;
  const isRunning = (proc: Managed | undefined): boolean => Boolean(proc && proc.child.exitCode === null && proc.child.signalCode === null);
  const startAndWait = async (i: number, again: boolean): Promise<void> => {
    const proc = startDaphne(i);
    daphnes[i] = proc;
    await waitUntil(`${nameOf(i)} answered${again ? ' again' : ''} on ${httpUrlOf(i)}`, proc, () => healthy(httpUrlOf(i)));
  };
  const checkWorker = (i: number): void => {
    if (!Number.isInteger(i) || i < 0 || i >= count) throw new RangeError(`no worker ${i}: there are ${count} (0–${count - 1})`);
  };
  const post = async <T>(base: string, path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${base}/__test__/${path.replace(/^\//, '')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST /__test__/${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killNow);
    await Promise.all([...daphnes.map((proc) => kill(proc)), kill(redis)]);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    // All three at once: seed.py sends nothing to Redis, and daphne touches the DB only per request.
    redis = startRedisServer();
    const seeding = runPython('seed.py', [], env);
    for (let i = 0; i < count; i++) daphnes[i] = startDaphne(i);
    const seed = await seeding;
    if (seed.code !== 0) {
      throw missingPackagesError(seed.stderr) ?? new Error(`seed.py failed (exit ${seed.code}):\n${seed.stderr.slice(-4000)}`);
    }
    const tokens = JSON.parse(seed.stdout.trim().split('\n').pop()!) as DjangoTokens;
    await waitUntil('Redis answered PING', redis, () => redisPing(redisPort));
    await Promise.all(
      daphnes.map((proc, i) => waitUntil(`${nameOf(i)} answered on ${httpUrlOf(i)}`, proc!, () => healthy(httpUrlOf(i)))),
    );

    const workers: DjangoWorker[] = ports.map((workerPort, index) => ({
      index,
      port: workerPort,
      url: `ws://127.0.0.1:${workerPort}`,
      httpUrl: httpUrlOf(index),
      get running() {
        return !stopped && isRunning(daphnes[index]);
      },
    }));

    return {
      url: `ws://127.0.0.1:${port}`,
      httpUrl,
      port,
      workers,
      tokens,
      control<T>(path: string, body: unknown = {}): Promise<T> {
        return post<T>(httpUrl, path, body);
      },
      controlAt<T>(i: number, path: string, body: unknown = {}): Promise<T> {
        checkWorker(i);
        return post<T>(httpUrlOf(i), path, body);
      },
      async killWorker(i, signal = 'SIGKILL') {
        if (stopped) throw new Error('killWorker() after stop()');
        checkWorker(i);
        await kill(daphnes[i], signal);
      },
      async startWorker(i) {
        if (stopped) throw new Error('startWorker() after stop()');
        checkWorker(i);
        if (isRunning(daphnes[i])) return;
        await startAndWait(i, true);
      },
      async controlOffline<T>(command: string, args: unknown): Promise<T> {
        const result = await runPython('control.py', [command, JSON.stringify(args)], env);
        if (result.code !== 0) throw new Error(`control.py ${command} failed (exit ${result.code}): ${result.stderr.slice(-2000)}`);
        return JSON.parse(result.stdout) as T;
      },
      stop,
      async restart(whileDown) {
        if (stopped) throw new Error('restart() after stop()');
        await Promise.all(daphnes.map((proc) => kill(proc)));
        await whileDown?.();
        await Promise.all(ports.map((_, i) => startAndWait(i, true)));
      },
      redisPort,
      async stopRedis() {
        if (stopped) throw new Error('stopRedis() after stop()');
        await kill(redis);
      },
      async startRedis() {
        if (stopped) throw new Error('startRedis() after stop()');
        if (redis && redis.child.exitCode === null && redis.child.signalCode === null) return;
        redis = startRedisServer();
        await waitUntil(`Redis answered PING again on ${redisPort}`, redis, () => redisPing(redisPort), 10_000);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
