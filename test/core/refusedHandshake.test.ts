// A handshake refused for ever ends in `failed` within a documented time (reconnect.giveUpAfter,
// then at most one handshake timeout), with one onError per distinct cause, and the app can
// retry. Against a real `ws` server refusing with HTTP 403 (what a browser shows as 1006 before
// open), and with fake timers for the defaults, whose minute is too long to wait for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBackend, createRealtimeClient, type RealtimeClient, type RealtimeError, type TransportFactory } from 'react-realtime-kit';
import { reconnectDefaults } from '../../src/core/backoff';
import { clientFor } from '../helpers/clientFor';
import type { TestWsServer } from '../helpers/startWsServer';
import { useWsServer } from '../helpers/useWsServer';

const live = useWsServer();
let server: TestWsServer;
beforeEach(() => {
  server = live.current;
});

const noResync = { admin: { onOpen: undefined } };
const quickGiveUp = { backends: noResync, reconnect: { minDelay: 10, maxDelay: 40, giveUpAfter: 600, connectTimeout: 2000 } };

/** Subscribe to the admin backend and wait for `failed`: after giveUpAfter (600 ms), within one handshake timeout more. The statuses it went through. */
async function failsAfterGiveUp(client: RealtimeClient): Promise<Set<string>> {
  const started = Date.now();
  const statuses = new Set<string>();
  client.store.subscribe((s) => statuses.add(s.connections['admin']?.status ?? 'none'));
  client.subscribe(adminBackend);
  await server.waitFor(() => client.connectionState(adminBackend)?.status === 'failed', 'failed', 5000);
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(600);
  expect(elapsed).toBeLessThan(600 + 2000);
  return statuses;
}

describe('a handshake refused for ever (a real server answering 403)', () => {
  it('ends in failed after reconnect.giveUpAfter, reporting the refusal once and then giving up, and the app can retry', async () => {
    server.refuse = () => 403;
    const { client, errors } = clientFor(server, quickGiveUp);
    const statuses = await failsAfterGiveUp(client);
    const attempts = server.handshakes.length;
    expect(attempts).toBeGreaterThan(5); // it kept trying meanwhile, with backoff
    expect(errors.map((e) => e.code)).toEqual(['handshake-failed', 'handshake-failed']);
    expect(errors[0]!.message).toMatch(/^admin: the handshake to ws:\/\/127\.0\.0\.1:\d+\/ws\/admin\/dashboard\/ failed before the socket opened\. The token was refused or the Origin is not allowed/);
    expect(errors[1]!.message).toMatch(
      new RegExp(`^admin: gave up after ${attempts} attempts in 600 ms \\(reconnect\\.giveUpAfter\\); the last: the handshake to ws://127\\.0\\.0\\.1:\\d+/ws/admin/dashboard/ failed before the socket opened\\. .* Check the server, the token and the Origin, then call client\\.reconnect\\(\\)\\.$`),
    );
    expect(client.connectionState(adminBackend)).toMatchObject({ status: 'failed', error: errors[1]!.message });
    expect(statuses).toContain('reconnecting');

    // Failed means stopped: no more handshakes, no more reports.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.handshakes).toHaveLength(attempts);
    expect(errors).toHaveLength(2);

    // The app retries once the cause is fixed.
    server.refuse = undefined;
    client.reconnect();
    await server.waitFor(() => client.connectionState(adminBackend)?.status === 'open', 'open after client.reconnect()');
    expect(errors).toHaveLength(2);
  });

  it('reports each distinct cause once, however often the causes alternate', async () => {
    const reasons = ['connect ECONNREFUSED', 'Unexpected server response: 403'];
    let n = 0;
    const flapping: TransportFactory = (context) => {
      let closed = false;
      const dial = async (): Promise<void> => {
        const attempt = await context.nextAttempt();
        if (!attempt || closed) return;
        n += 1;
        setTimeout(() => {
          if (closed) return;
          context.onClose({ code: 1006, reason: reasons[n % 2]!, wasOpen: false });
          void dial();
        }, 2);
      };
      void dial();
      return { send: () => false, reconnect: () => undefined, close: () => void (closed = true) };
    };
    const { client, errors } = clientFor(server, { transport: flapping, backends: noResync, reconnect: { minDelay: 5, maxDelay: 10, giveUpAfter: 100_000 } });
    client.subscribe(adminBackend);
    await server.waitFor(() => n >= 12, 'twelve attempts', 8000);
    expect(errors.map((e) => e.message.replace(/ws:\/\/[^ ]+/, 'URL'))).toEqual([
      'admin: the handshake to URL failed before the socket opened (Unexpected server response: 403).',
      'admin: the handshake to URL failed before the socket opened (connect ECONNREFUSED).',
    ]);
  });

  it('does not fail while the device is offline: the give-up clock waits for the network', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    try {
      server.refuse = () => 403;
      const { client, errors } = clientFor(server, { backends: noResync, reconnect: { minDelay: 5, maxDelay: 20, giveUpAfter: 150, connectTimeout: 2000 } });
      client.subscribe(adminBackend);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(client.connectionState(adminBackend)?.status).toBe('reconnecting');
      expect(server.handshakes.length).toBeGreaterThan(5);
      vi.stubGlobal('navigator', { onLine: true });
      await server.waitFor(() => client.connectionState(adminBackend)?.status === 'failed', 'failed once online', 3000);
      expect(errors.at(-1)!.message).toContain('gave up after');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps trying for ever with giveUpAfter: Infinity, still reporting the refusal once', async () => {
    server.refuse = () => 403;
    const { client, errors } = clientFor(server, { backends: noResync, reconnect: { minDelay: 5, maxDelay: 10, giveUpAfter: Infinity } });
    client.subscribe(adminBackend);
    await server.waitFor(() => server.handshakes.length >= 20, 'twenty refusals', 8000);
    expect(client.connectionState(adminBackend)?.status).toBe('reconnecting');
    expect(errors).toHaveLength(1);
  });
});

describe('with the default reconnect options', () => {
  it('documents a minute, and a refused handshake is failed after 60 s and before 70 s (giveUpAfter + connectTimeout)', async () => {
    expect(reconnectDefaults).toMatchObject({ giveUpAfter: 60_000, connectTimeout: 10_000, maxRetries: Infinity });
    vi.useFakeTimers();
    try {
      const dials: number[] = [];
      // A transport whose every handshake is refused without a reason, as a browser reports a 403.
      const refusing: TransportFactory = (context) => {
        let closed = false;
        const dial = async (): Promise<void> => {
          const attempt = await context.nextAttempt();
          if (!attempt || closed) return;
          dials.push(Date.now());
          setTimeout(() => {
            if (closed) return;
            context.onClose({ code: 1006, reason: '', wasOpen: false });
            void dial();
          }, 50);
        };
        void dial();
        return { send: () => false, reconnect: () => undefined, close: () => void (closed = true) };
      };
      const errors: RealtimeError[] = [];
      const client = createRealtimeClient({ url: 'ws://127.0.0.1:9', transport: refusing, heartbeat: false, backends: noResync, onError: (e) => errors.push(e) });
      const start = Date.now();
      client.subscribe(adminBackend);
      await vi.advanceTimersByTimeAsync(59_000);
      expect(client.connectionState(adminBackend)?.status).toBe('reconnecting');
      expect(errors).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(11_000);
      expect(client.connectionState(adminBackend)?.status).toBe('failed');
      expect(errors).toHaveLength(2);
      expect(errors[1]!.message).toMatch(/^admin: gave up after \d+ attempts in 60 s \(reconnect\.giveUpAfter\); the last: the handshake to ws:\/\/127\.0\.0\.1:9\/ws\/admin\/dashboard\/ failed before the socket opened\./);
      // The last attempt started by the deadline, not a backoff step (up to 30 s) past it.
      expect(dials.at(-1)! - start).toBeLessThanOrEqual(60_000);
      client.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

// A server that accepts the socket and closes it at once (a crashing consumer, a proxy that drops
// upgraded connections): every attempt opens, so only a socket that lasted `stableAfter` (5 s),
// or brought a message, ends the run of failed attempts; these end in `failed` after
// giveUpAfter like a refusal.
describe('a server that accepts and at once closes', () => {
  const closedEarly = (attempts: number, giveUp: string, tail: string) =>
    new RegExp(
      `^admin: gave up after ${attempts} attempts in ${giveUp} \\(reconnect\\.giveUpAfter\\); the last: the server closed the socket within 5000 ms of opening, with no message, ${attempts} times \\(code ${tail} the last time\\)\\. Check the token and the server's logs, then call client\\.reconnect\\(\\)\\.$`,
    );

  it('ends in failed after reconnect.giveUpAfter with one error saying so, and the app can retry (a real server)', async () => {
    server.onConnection = (connection) => connection.socket.close(1011, 'consumer crashed');
    const { client, errors } = clientFor(server, quickGiveUp);
    const statuses = await failsAfterGiveUp(client);
    const attempts = server.connections.length;
    expect(attempts).toBeGreaterThan(5); // each one opened, and was retried with backoff
    expect(server.handshakes.every((h) => !h.refused)).toBe(true);
    expect(statuses).toContain('open');
    expect(statuses).toContain('reconnecting');
    // One error, when it gave up: the early closes on the way are not reported one by one.
    expect(errors.map((e) => e.code)).toEqual(['connection-failed']);
    expect(errors[0]!.message).toMatch(closedEarly(attempts, '600 ms', '1011 "consumer crashed"'));
    expect(client.connectionState(adminBackend)).toMatchObject({ status: 'failed', error: errors[0]!.message });

    // Failed means stopped.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.handshakes).toHaveLength(attempts);

    // Once the server keeps its sockets, client.reconnect() opens one that stays.
    server.onConnection = undefined;
    client.reconnect();
    await server.waitFor(() => client.connectionState(adminBackend)?.status === 'open', 'open after client.reconnect()');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.connectionState(adminBackend)?.status).toBe('open');
    expect(server.open()).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });

  it("asks for a fresh token after closes in a row (a consumer that accepts, then closes on an expired token)", async () => {
    server.onConnection = (connection) => connection.socket.close(4001, '');
    const asked: boolean[] = [];
    const { client } = clientFor(server, {
      ...quickGiveUp,
      token: ({ forceRefresh }: { forceRefresh: boolean }) => {
        asked.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'expired';
      },
    });
    client.subscribe(adminBackend);
    await server.waitFor(() => server.connections.length >= 3, 'three attempts');
    expect(asked.slice(0, 3)).toEqual([false, false, true]);
    expect(server.handshakes[2]!.url).toContain('token=fresh');
  });

  /** A transport whose attempt n opens (and brings `frame`, if given) and is closed by the server `lifetime(n)` ms later. */
  const openThenClosed =
    (lifetime: (n: number, at: number) => number, opened: number[], frame?: string): TransportFactory =>
    (context) => {
      let closed = false;
      const dial = async (): Promise<void> => {
        const attempt = await context.nextAttempt();
        if (!attempt || closed) return;
        opened.push(Date.now());
        context.onOpen();
        if (frame) context.onFrame(frame);
        setTimeout(() => {
          if (closed) return;
          context.onClose({ code: 1006, reason: '', wasOpen: true });
          void dial();
        }, lifetime(opened.length, Date.now()));
      };
      void dial();
      return { send: () => false, reconnect: () => undefined, close: () => void (closed = true) };
    };

  it('with the defaults: failed after 60 s, and before 70 s', async () => {
    vi.useFakeTimers();
    try {
      const opened: number[] = [];
      const errors: RealtimeError[] = [];
      const client = createRealtimeClient({ url: 'ws://127.0.0.1:9', transport: openThenClosed(() => 50, opened), heartbeat: false, backends: noResync, onError: (e) => errors.push(e) });
      const start = Date.now();
      client.subscribe(adminBackend);
      await vi.advanceTimersByTimeAsync(59_000);
      // Still trying (its sockets open for 50 ms between backoff waits, so either state may show).
      expect(['open', 'reconnecting']).toContain(client.connectionState(adminBackend)?.status);
      expect(errors).toEqual([]);
      await vi.advanceTimersByTimeAsync(11_000);
      expect(client.connectionState(adminBackend)?.status).toBe('failed');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(closedEarly(opened.length, '60 s', '1006'));
      expect(opened.at(-1)! - start).toBeLessThanOrEqual(60_000);
      client.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a socket that stays open for stableAfter (5 s) resets the give-up clock and the count, as before', async () => {
    vi.useFakeTimers();
    try {
      const opened: number[] = [];
      let stableAt: number | undefined;
      const start = Date.now();
      // Closed at once, except the first attempt from 40 s on, which lasts 6 s.
      const lifetime = (_n: number, at: number): number => {
        if (stableAt === undefined && at - start >= 40_000) {
          stableAt = at;
          return 6_000;
        }
        return 50;
      };
      const errors: RealtimeError[] = [];
      const client = createRealtimeClient({
        url: 'ws://127.0.0.1:9',
        transport: openThenClosed(lifetime, opened),
        heartbeat: false,
        backends: noResync,
        reconnect: { minDelay: 100, maxDelay: 1_000 },
        onError: (e) => errors.push(e),
      });
      client.subscribe(adminBackend);
      await vi.advanceTimersByTimeAsync(100_000);
      // Without the reset it would have failed at 60 s; the new run began when the stable socket closed.
      expect(stableAt).toBeGreaterThanOrEqual(start + 40_000);
      // Still trying (its sockets open for 50 ms between backoff waits, so either state may show).
      expect(['open', 'reconnecting']).toContain(client.connectionState(adminBackend)?.status);
      expect(errors).toEqual([]);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(client.connectionState(adminBackend)?.status).toBe('failed');
      const since = opened.filter((at) => at > stableAt!).length;
      expect(since).toBeLessThan(opened.length - 1);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(closedEarly(since, '60 s', '1006'));
      client.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a socket that brought a message ends the run however soon it closes (a working socket the network drops often)', async () => {
    vi.useFakeTimers();
    try {
      const opened: number[] = [];
      const errors: RealtimeError[] = [];
      const frame = JSON.stringify({ type: 'admin_joined', user_id: 'u1', username: 'ann' });
      const client = createRealtimeClient({ url: 'ws://127.0.0.1:9', transport: openThenClosed(() => 2_000, opened, frame), heartbeat: false, backends: noResync, reconnect: { minDelay: 100, maxDelay: 1_000 }, onError: (e) => errors.push(e) });
      client.subscribe(adminBackend);
      await vi.advanceTimersByTimeAsync(150_000);
      expect(opened.length).toBeGreaterThan(40);
      expect(client.connectionState(adminBackend)?.status).not.toBe('failed');
      expect(errors).toEqual([]);
      client.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
