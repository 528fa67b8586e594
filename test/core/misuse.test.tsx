// @vitest-environment jsdom
// Misuse the kit can be handed, against a real `ws` server on 127.0.0.1: a disposed client, timer
// options a timer cannot hold, a path parameter that would move the URL, a backend name that
// would share another endpoint's key, a fragment in a socket URL, a WebSocket that throws.
import { render, screen } from '@testing-library/react';
import { StrictMode, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { adminBackend, chatBackend, createRealtimeClient, fillPath, notificationsBackend, ordersBackend, RealtimeError, RealtimeProvider, restOf, sendChat, useOrderSocket, type BackendDefinition, type Dialect } from 'react-realtime-kit';
import { clientFor } from '../helpers/clientFor';
import type { TestWsServer } from '../helpers/startWsServer';
import { useWsServer } from '../helpers/useWsServer';

const live = useWsServer();
let server: TestWsServer;
beforeEach(() => {
  server = live.current;
});
afterEach(() => vi.restoreAllMocks());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A backend the tests own: `{ n }` frames, `ws/items/{id}/`. */
const itemDialect: Dialect<{ n: number }> = { name: 'items', token: 'query', parse: () => ({ ok: true, events: [] }), encode: (c) => JSON.stringify(c) };
const itemsBackend: BackendDefinition = { name: 'items', path: 'ws/items/{id}/', dialect: itemDialect };

describe('after client.dispose()', () => {
  it('subscribe opens nothing and returns a no-op release (warned once), send and sendChat throw, use still answers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client } = clientFor(server, { token: 'misuse-token-1234' });
    client.use(adminBackend);
    client.dispose();
    expect(client.disposed).toBe(true);

    const release = client.subscribe(adminBackend);
    client.subscribe(ordersBackend, 4);
    expect(release).toBeTypeOf('function');
    release();
    expect(client.connectionState(adminBackend)).toBeUndefined();
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[react-realtime-kit] subscribe() on a disposed client opens nothing: use a new client.',
    ]);

    expect(() => client.send(adminBackend, { type: 'get_stats' })).toThrow('cannot send: this client was disposed; use a new client.');
    expect(() => sendChat(client, 7, 'hello')).toThrow('sendChat: this client was disposed; use a new client.');
    expect(client.use(chatBackend).name).toBe('chat'); // registration only: hooks call it while rendering
    client.reconnect(); // nothing to restart

    await pause(150);
    expect(server.handshakes).toEqual([]);
  });

  it('a hook mounted (in StrictMode) on a disposed client renders, opens nothing and throws nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client } = clientFor(server);
    client.dispose();
    function Order(): ReactElement {
      const { status } = useOrderSocket(5);
      return <p>status {status}</p>;
    }
    render(
      <StrictMode>
        <RealtimeProvider client={client}>
          <Order />
        </RealtimeProvider>
      </StrictMode>,
    );
    expect(screen.getByText('status idle')).toBeTruthy();
    await pause(150);
    expect(server.handshakes).toEqual([]);
  });

  it('restOf(client).request refuses with connection-failed naming the fix, and makes no request (nor asks for a token)', async () => {
    const requests: string[] = [];
    const token = vi.fn(() => 'misuse-token-1234');
    const fetch = vi.fn(async (url: string | URL | Request) => {
      requests.push(String(url));
      return new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const { client, errors } = clientFor(server, { apiUrl: 'http://127.0.0.1:9/api', token, fetch: fetch as typeof globalThis.fetch });
    await expect(restOf(client).request('GET', 'orders/')).resolves.toEqual({ ok: true });
    expect(requests).toEqual(['http://127.0.0.1:9/api/orders/']);
    const tokenCalls = token.mock.calls.length;

    client.dispose();
    const refused = restOf(client).request('POST', 'orders/1/status', { status: 'ready' });
    await expect(refused).rejects.toThrow(RealtimeError);
    await expect(refused).rejects.toMatchObject({ code: 'connection-failed', message: 'POST orders/1/status: this client was disposed; use a new client.' });
    expect(requests).toHaveLength(1);
    expect(token.mock.calls.length).toBe(tokenCalls);
    expect(errors).toEqual([]);
  });

  it('a restOf(client).request whose token is still being fetched when the client is disposed makes no request', async () => {
    let release!: (token: string) => void;
    const fetch = vi.fn(async () => new Response('null', { status: 200 }));
    const { client } = clientFor(server, { apiUrl: 'http://127.0.0.1:9/api', token: () => new Promise<string>((resolve) => (release = resolve)), fetch: fetch as typeof globalThis.fetch });
    const pending = restOf(client).request('GET', 'orders/');
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    client.dispose();
    release('misuse-token-1234');
    await expect(pending).rejects.toMatchObject({ code: 'connection-failed', message: 'GET orders/: this client was disposed; use a new client.' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a socket that was open is closed by dispose, and a later subscribe does not reopen it', async () => {
    const { client } = clientFor(server);
    client.subscribe(adminBackend);
    await server.waitFor(() => server.open().length === 1, 'open');
    client.dispose();
    await server.waitFor(() => server.open().length === 0, 'closed');
    client.subscribe(adminBackend);
    await pause(150);
    expect(server.handshakes).toHaveLength(1);
  });
});

describe('heartbeat timing a timer cannot hold', () => {
  it('keeps a healthy socket when the pong timeout is longer than the interval (one ping outstanding at most)', async () => {
    server.onMessage = (connection, data) => {
      const frame = JSON.parse(data) as { type: string; timestamp: string };
      if (frame.type === 'ping') setTimeout(() => connection.socket.send(JSON.stringify({ type: 'pong', timestamp: frame.timestamp })), 15);
    };
    const { client, errors } = clientFor(server, { backends: { admin: { onOpen: undefined } }, heartbeat: { interval: 20, timeout: 500 } });
    client.subscribe(adminBackend);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'socket');
    await pause(600);
    expect(socket!.received.filter((f) => f.includes('"ping"')).length).toBeGreaterThan(5);
    expect(server.connections).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it.each([
    ['an infinite timeout', { timeout: Infinity }],
    ['a timeout past 2^31 - 1 ms (a timer would fire at once)', { timeout: 2 ** 31 }],
    ['an interval past 2^31 - 1 ms', { interval: 2 ** 33 }],
    ['a fractional timeout', { timeout: 10.5 }],
    ['a zero interval', { interval: 0 }],
  ])('refuses %s with a TypeError naming the option, before any socket', async (_, heartbeat) => {
    expect(() => createRealtimeClient({ url: server.url, heartbeat })).toThrow(TypeError);
    expect(() => createRealtimeClient({ url: server.url, heartbeat })).toThrow(/^heartbeat\.(interval|timeout) must be /);
  });

  it('accepts the largest delay a timer holds', () => {
    expect(() => createRealtimeClient({ url: server.url, heartbeat: { interval: 2 ** 31 - 1, timeout: 2 ** 31 - 1 } }).dispose()).not.toThrow();
  });
});

describe('limits.maxFrameChars', () => {
  it('is refused above the dialects cap and honoured at or below it', async () => {
    expect(() => createRealtimeClient({ url: server.url, limits: { maxFrameChars: 1_000_000 } })).toThrow(
      "limits.maxFrameChars must be at most 262144: the dialects' cap (MAX_FRAME_CHARS) (got 1000000).",
    );
    createRealtimeClient({ url: server.url, limits: { maxFrameChars: 262_144 } }).dispose();
    const { client, errors } = clientFor(server, { limits: { maxFrameChars: 100 } });
    client.subscribe(adminBackend);
    const [socket] = await server.waitFor(() => (server.open().length ? server.open() : undefined), 'socket');
    socket!.socket.send(JSON.stringify({ type: 'error', message: 'x'.repeat(200) }));
    await server.waitFor(() => errors.length === 1, 'the rejection');
    expect(errors[0]!.message).toBe('adminDashboard: frame is larger than 100 characters');
  });
});

describe('a path parameter that would change the path', () => {
  it.each([['..'], ['.'], ['a/b'], ['../admin'], ['a?b=1'], ['a#b'], ['%2e%2e'], ['a%2Fb'], ['a\\b'], ['a\nb'], ['\u0000']])('%j is refused with a TypeError naming the fix, and opens nothing', async (id) => {
    const { client } = clientFor(server);
    expect(() => client.subscribe(itemsBackend, id)).toThrow(TypeError);
    expect(() => client.subscribe(itemsBackend, id)).toThrow(/^items: ".*" cannot fill \{id\} in ws\/items\/\{id\}\/: an id must not be empty, "\." or "\.\.", nor hold \/ \\ \? # % or control characters\. Pass the id itself \(e\.g\. 42\), not a path\.$/);
    expect(() => fillPath('/api/items/{id}/', id)).toThrow(TypeError);
    await pause(50);
    expect(server.handshakes).toEqual([]);
  });

  it('fills ordinary ids, encoded, and only under the backend path', async () => {
    const { client } = clientFor(server);
    for (const id of [42, '550e8400-e29b-41d4-a716-446655440000', 'a b', 'me@x.org', 'ñandú', '...']) client.subscribe(itemsBackend, id);
    await server.waitFor(() => server.handshakes.length === 6, 'six handshakes');
    const paths = server.handshakes.map((h) => new URL(h.url, 'ws://x').pathname).sort();
    expect(paths).toEqual(['/ws/items/.../', '/ws/items/42/', '/ws/items/550e8400-e29b-41d4-a716-446655440000/', '/ws/items/a%20b/', '/ws/items/me%40x.org/', '/ws/items/%C3%B1and%C3%BA/'].sort());
    expect(paths.every((p) => p.startsWith('/ws/items/'))).toBe(true);
  });
});

describe('endpoint keys', () => {
  it('cannot collide: a backend name with ":" is refused', () => {
    const { client } = clientFor(server);
    const impostor: BackendDefinition = { ...notificationsBackend, name: 'notifications:1' };
    expect(() => client.use(impostor)).toThrow('A backend name must not contain ":" (got "notifications:1"): it would collide with endpoint keys (name:42). Rename the backend.');
    expect(() => client.subscribe(impostor)).toThrow(TypeError);
  });
});

describe('a "#" in a socket URL', () => {
  it('is refused when the backend is used, naming the option, instead of reaching the WebSocket', async () => {
    const { client } = clientFor(server, { backends: { items: { path: 'ws/items/{id}/#top' } } });
    expect(() => client.subscribe(itemsBackend, 1)).toThrow('backends.items: a socket path or url must not contain "#" (a socket URL has no fragment).');
    await pause(50);
    expect(server.handshakes).toEqual([]);
  });
});

describe('a WebSocket constructor that throws', () => {
  it('fails the connection at once with the reason in onError, never stays connecting, never rejects unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let calls = 0;
      class Throwing {
        constructor(url: string) {
          calls += 1;
          throw new SyntaxError(`Failed to construct 'WebSocket': The URL '${url}' is invalid.`);
        }
      }
      const { client, errors } = clientFor(server, { WebSocket: Throwing as never });
      client.subscribe(adminBackend);
      await server.waitFor(() => client.connectionState(adminBackend)?.status === 'failed', 'failed');
      expect(calls).toBe(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.code).toBe('connection-failed');
      expect(errors[0]!.message).toMatch(/^admin: ws:\/\/127\.0\.0\.1:\d+\/ws\/admin\/dashboard\/ cannot be dialled: Failed to construct 'WebSocket': The URL 'ws:\/\/127\.0\.0\.1:\d+\/ws\/admin\/dashboard\/' is invalid\. Fix the backend's url or path\.$/);
      await pause(100);
      expect(unhandled).toEqual([]);
      // It can be retried: it fails the same way, once more.
      client.reconnect();
      await server.waitFor(() => calls === 2 && client.connectionState(adminBackend)?.status === 'failed', 'failed again');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a real WebSocket keeps working next to it', async () => {
    const { client } = clientFor(server, { WebSocket: WebSocket as never });
    client.subscribe(adminBackend);
    await server.waitFor(() => client.connectionState(adminBackend)?.status === 'open', 'open');
  });
});
