import type { Connection } from './createConnection';

export interface PoolOptions {
  /**
   * Most sockets open at once in this client (a positive integer: the client validates
   * `limits.socketBudget`). Beyond it, subscriptions wait for a free slot. @default 200
   */
  socketBudget?: number;
  /**
   * How long a socket with no subscribers stays open, in ms, so that a release followed
   * at once by an acquire (React StrictMode, route changes) reuses it. @default 0 (next macrotask)
   */
  releaseDelay?: number;
  /** Told once each time a subscription has to wait because the budget is spent. */
  onBudgetExceeded?(key: string, budget: number): void;
}

/**
 * Reference-counted sockets by key, owned by one client (never module-global). The first
 * subscriber opens a socket, the last one out closes it.
 */
export interface Pool {
  /** Take a reference on the socket for `key`, creating it with `create` if needed. */
  acquire(key: string, create: () => Connection): Connection;
  /** Drop a reference. The socket closes once nobody holds it. */
  release(key: string): void;
  get(key: string): Connection | undefined;
  /** Keys of every socket held now (open or waiting). */
  keys(): string[];
  /** Close every socket at once. */
  clear(): void;
}

interface Entry {
  connection: Connection;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | undefined;
  waiting: boolean;
}

/** Create a {@link Pool}. */
export function createPool(options: PoolOptions = {}): Pool {
  const entries = new Map<string, Entry>();
  const waitList: string[] = [];
  let openCount = 0;
  const budget = options.socketBudget ?? 200;
  const releaseDelay = options.releaseDelay ?? 0;
  const onBudgetExceeded = options.onBudgetExceeded;

  function start(key: string, entry: Entry): void {
    if (openCount >= budget) {
      entry.waiting = true;
      waitList.push(key);
      onBudgetExceeded?.(key, budget);
      return;
    }
    entry.waiting = false;
    openCount += 1;
    entry.connection.open();
  }

  function remove(key: string, entry: Entry): void {
    if (entries.get(key) !== entry || entry.refs > 0) return;
    entries.delete(key);
    entry.connection.close();
    if (entry.waiting) {
      waitList.splice(waitList.indexOf(key), 1);
      return;
    }
    openCount -= 1;
    const next = waitList.shift();
    const nextEntry = next === undefined ? undefined : entries.get(next);
    if (next !== undefined && nextEntry) start(next, nextEntry);
  }

  return {
    acquire(key, create) {
      let entry = entries.get(key);
      if (!entry) {
        entry = { connection: create(), refs: 0, closeTimer: undefined, waiting: false };
        entries.set(key, entry);
        start(key, entry);
      }
      clearTimeout(entry.closeTimer);
      entry.closeTimer = undefined;
      entry.refs += 1;
      return entry.connection;
    },
    release(key) {
      const entry = entries.get(key);
      if (!entry || entry.refs === 0) return;
      entry.refs -= 1;
      if (entry.refs > 0) return;
      entry.closeTimer = setTimeout(() => remove(key, entry), releaseDelay);
    },
    get: (key) => entries.get(key)?.connection,
    keys: () => [...entries.keys()],
    clear() {
      for (const [key, entry] of entries) {
        clearTimeout(entry.closeTimer);
        entry.connection.close();
        entries.delete(key);
      }
      waitList.length = 0;
      openCount = 0;
    },
  };
}
