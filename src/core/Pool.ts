import type { Connection } from './Connection';

export interface PoolOptions {
  /** Most sockets open at once in this client. Beyond it, subscriptions wait for a free slot. @default 200 */
  socketBudget?: number;
  /**
   * How long a socket with no subscribers stays open, in ms, so that a release followed
   * at once by an acquire (React StrictMode, route changes) reuses it. @default 0 (next macrotask)
   */
  releaseDelay?: number;
  /** Told once each time a subscription has to wait because the budget is spent. */
  onBudgetExceeded?(key: string, budget: number): void;
}

interface Entry {
  connection: Connection;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | undefined;
  waiting: boolean;
}

/**
 * Reference-counted sockets by key, owned by one client (never module-global). The first
 * subscriber opens a socket, the last one out closes it.
 */
export class Pool {
  private readonly entries = new Map<string, Entry>();
  private readonly waitList: string[] = [];
  private openCount = 0;
  private readonly budget: number;
  private readonly releaseDelay: number;
  private readonly onBudgetExceeded: PoolOptions['onBudgetExceeded'];

  constructor(options: PoolOptions = {}) {
    this.budget = options.socketBudget ?? 200;
    this.releaseDelay = options.releaseDelay ?? 0;
    this.onBudgetExceeded = options.onBudgetExceeded;
    if (!Number.isInteger(this.budget) || this.budget < 1) {
      throw new TypeError(`limits.socketBudget must be a positive integer (got ${String(options.socketBudget)}).`);
    }
  }

  /** Take a reference on the socket for `key`, creating it with `create` if needed. */
  acquire(key: string, create: () => Connection): Connection {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { connection: create(), refs: 0, closeTimer: undefined, waiting: false };
      this.entries.set(key, entry);
      this.start(key, entry);
    }
    clearTimeout(entry.closeTimer);
    entry.closeTimer = undefined;
    entry.refs += 1;
    return entry.connection;
  }

  /** Drop a reference. The socket closes once nobody holds it. */
  release(key: string): void {
    const entry = this.entries.get(key);
    if (!entry || entry.refs === 0) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    entry.closeTimer = setTimeout(() => this.remove(key, entry), this.releaseDelay);
  }

  get(key: string): Connection | undefined {
    return this.entries.get(key)?.connection;
  }

  /** Keys of every socket held now (open or waiting). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Sockets that count against the budget. */
  get size(): number {
    return this.openCount;
  }

  /** Close every socket at once. */
  clear(): void {
    for (const [key, entry] of this.entries) {
      clearTimeout(entry.closeTimer);
      entry.connection.close();
      this.entries.delete(key);
    }
    this.waitList.length = 0;
    this.openCount = 0;
  }

  private start(key: string, entry: Entry): void {
    if (this.openCount >= this.budget) {
      entry.waiting = true;
      this.waitList.push(key);
      this.onBudgetExceeded?.(key, this.budget);
      return;
    }
    entry.waiting = false;
    this.openCount += 1;
    entry.connection.open();
  }

  private remove(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry || entry.refs > 0) return;
    this.entries.delete(key);
    entry.connection.close();
    if (entry.waiting) {
      this.waitList.splice(this.waitList.indexOf(key), 1);
      return;
    }
    this.openCount -= 1;
    const next = this.waitList.shift();
    const nextEntry = next === undefined ? undefined : this.entries.get(next);
    if (next !== undefined && nextEntry) this.start(next, nextEntry);
  }
}
