/**
 * Debian's Chromium over a bare DevTools connection. No CDP domain is ever enabled (no
 * Network, no Page, no Runtime events): the driver only sends commands, so Chromium copies
 * nothing (in particular no WebSocket frame) to it. Commands used: Target.createTarget /
 * attachToTarget (flatten) / closeTarget, Runtime.evaluate, HeapProfiler.collectGarbage,
 * Runtime.getHeapUsage, Browser.getVersion.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A page created over CDP must get its animation frames and timers at full rate.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--window-size=1280,900',
];

interface Pending {
  resolve(value: any): void;
  reject(error: Error): void;
  method: string;
}

export class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Events received, by method: with no domain enabled only Target events come (the report shows them). */
  readonly events: Record<string, number> = {};

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string };
      if (message.id === undefined) {
        const method = message.method ?? 'unknown';
        this.events[method] = (this.events[method] ?? 0) + 1;
        return;
      }
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    });
    ws.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`${waiter.method}: DevTools connection closed`));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<Cdp> {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Cdp(ws);
  }

  send<T = any>(method: string, params: Record<string, unknown> = {}, sessionId?: string, timeoutMs = 180_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.ws.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
    });
  }

  close(): void {
    this.ws.close();
  }
}

/** One tab attached with a flat session. */
export class Tab {
  constructor(
    private readonly cdp: Cdp,
    readonly targetId: string,
    readonly sessionId: string,
  ) {}

  /** Evaluate an expression in the page; promises are awaited and the value returned by value. */
  async eval<T = unknown>(expression: string, timeoutMs = 180_000): Promise<T> {
    const result = await this.cdp.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      this.sessionId,
      timeoutMs,
    );
    if (result.exceptionDetails) throw new Error(`page: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  }

  /** Wait until `expression` is truthy in the page (the page may still be loading). */
  async waitFor(expression: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if (await this.eval<boolean>(`Boolean(${expression})`, 5000)) return;
      } catch {
        /* no context yet while navigating */
      }
      if (Date.now() > deadline) throw new Error(`page: ${expression} not true within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A raw command on this tab's session (bench/profile.ts enables the Profiler with it). */
  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.cdp.send<T>(method, params, this.sessionId);
  }

  /** Force a full GC, then the JS heap in use, in bytes. */
  async heapAfterGc(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage', {}, this.sessionId);
    await this.cdp.send('HeapProfiler.collectGarbage', {}, this.sessionId);
    const usage = await this.cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, this.sessionId);
    return usage.usedSize;
  }

  async close(): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }
}

export class Browser {
  private constructor(
    readonly cdp: Cdp,
    private readonly child: ChildProcess,
    private readonly profileDir: string,
    readonly version: string,
  ) {}

  static async launch(extraArgs: string[] = []): Promise<Browser> {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    const profileDir = mkdtempSync(join(tmpdir(), 'rrk-bench-'));
    const child = spawn(CHROMIUM, [...chromiumArgs, ...extraArgs, '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not print its DevTools URL within 30 s:\n${text.slice(-2000)}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        text += String(chunk);
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${text.slice(-2000)}`)));
    });
    // Keep draining stderr so Chromium never blocks on a full pipe.
    child.stderr!.resume();
    const cdp = await Cdp.connect(url);
    const version = (await cdp.send<{ product: string }>('Browser.getVersion')).product;
    return new Browser(cdp, child, profileDir, version);
  }

  /** Open `url` in a new tab and attach to it. Nothing is enabled on the session. */
  async open(url: string): Promise<Tab> {
    const { targetId } = await this.cdp.send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await this.cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    return new Tab(this.cdp, targetId, sessionId);
  }

  async close(): Promise<void> {
    this.cdp.close();
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    try {
      rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      /* Chromium's last writes; the temp dir is left behind */
    }
  }
}
