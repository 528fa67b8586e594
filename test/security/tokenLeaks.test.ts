// A known token through every path where the kit reports, logs or stores text: a refused
// handshake, a server error frame quoting the socket URL, REST error bodies in every common
// wording, a throwing token function (message and cause), a throwing WebSocket constructor,
// invalid frames, the socket budget and misuse. Then everything an app or a log could see is
// searched for it (console output, every onError payload with its stack, cause chain and JSON,
// errors thrown to the caller, stats, the store): 0 hits.
//
// Two tokens: KNOWN is the one the app's token option yields (the kit hides it by value, in any
// wording); FOREIGN is one the kit never saw (a refresh token, another user's key quoted by a
// server), which only the wording-based redaction can catch. Both carry characters that URL
// encoding changes, and both forms are searched.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBackend, chatBackend, notificationsBackend, restOf, sendChat, type BackendDefinition, type RealtimeError } from 'react-realtime-kit';
import { clientFor } from '../helpers/clientFor';
import type { TestWsServer } from '../helpers/startWsServer';
import { until } from '../helpers/until';
import { useWsServer } from '../helpers/useWsServer';

const KNOWN = 'eyK9/Zq9sK2v+X7mP4wR8tLe5=';
const FOREIGN = 'rF7/Qm2x+Lp9Wd4sTj8=';
const needles = [KNOWN, encodeURIComponent(KNOWN), FOREIGN, encodeURIComponent(FOREIGN)];

/** Every text an error shows: message, name, stack, JSON, and the same down its cause chain. */
function textsOf(error: unknown, depth = 0): string[] {
  if (error === null || error === undefined || depth > 8) return [];
  if (typeof error !== 'object') return [String(error)];
  const e = error as Error & Record<string, unknown>;
  const own = Object.getOwnPropertyNames(e).map((key) => {
    const value = e[key];
    return typeof value === 'string' || typeof value === 'number' ? `${key}=${String(value)}` : '';
  });
  return [String(e.message), String(e.name), String(e.stack), JSON.stringify(e) ?? '', String(e), ...own, ...textsOf(e.cause, depth + 1)];
}

const live = useWsServer();
let server: TestWsServer;
let http: Server;
let apiUrl: string;
/** REST answers by path: status, content type, body. */
const answers: Record<string, [number, string, string]> = {
  '/text-token-scheme/': [401, 'text/plain', `Invalid header: Token ${FOREIGN}`],
  '/text-bearer/': [401, 'text/plain', `Authorization: Bearer ${FOREIGN} expired`],
  '/text-token-equals/': [400, 'text/plain', `bad request  token=${FOREIGN} rejected`],
  '/text-key-query/': [403, 'text/plain', `GET /api/?key=${encodeURIComponent(FOREIGN)} denied`],
  '/text-token-prose/': [403, 'text/plain', `invalid token ${FOREIGN.replace(/[/+=]/g, '1')}9 for this user`],
  '/json-token/': [400, 'application/json', JSON.stringify({ detail: `{"token": "${FOREIGN}"} is not valid` })],
  '/json-error-url/': [502, 'application/json', JSON.stringify({ error: `upstream wss://h/ws/?access_token=${encodeURIComponent(FOREIGN)} failed` })],
  '/json-message-known/': [500, 'application/json', JSON.stringify({ message: `token ${KNOWN} revoked` })],
  '/json-known-plain/': [403, 'application/json', JSON.stringify({ detail: `The key ${KNOWN} is not allowed here` })],
};

beforeAll(async () => {
  http = createServer((req, res) => {
    const [status, type, body] = answers[req.url ?? ''] ?? [404, 'text/plain', 'not found'];
    res.writeHead(status, { 'Content-Type': type }).end(body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
});

const consoleOutput: string[] = [];
beforeEach(() => {
  server = live.current;
  consoleOutput.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map((a) => (a instanceof Error ? textsOf(a).join(' ') : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});
afterEach(() => vi.restoreAllMocks());

describe('a known token through every path', () => {
  it('appears nowhere: not in console output, onError payloads, thrown errors, stats or the store', async () => {
    const paths: string[] = [];
    const thrown: unknown[] = [];
    const listened: RealtimeError[] = [];
    const catchThrown = async (what: string, run: () => unknown): Promise<void> => {
      paths.push(what);
      try {
        await run();
        thrown.push(new Error(`${what}: expected a throw`));
      } catch (error) {
        thrown.push(error);
      }
    };

    // 1. A refused handshake, with the token in the URL; then the token function throws,
    //    quoting the token, with a cause that quotes a refresh token the kit never saw.
    let calls = 0;
    server.refuse = (url) => (url.startsWith('/ws/notifications/') && calls < 4 ? 403 : undefined);
    const { client, errors } = clientFor(server, {
      apiUrl,
      token: () => {
        calls += 1;
        if (calls === 2) throw new Error(`refresh failed for ${KNOWN}`, { cause: new Error(`POST /auth/refresh/ {"refresh": "${FOREIGN}"} answered 401`) });
        if (calls === 3) throw Object.assign(new TypeError(`fetch https://auth.example/?token=${encodeURIComponent(KNOWN)} failed`), { code: `E_${KNOWN}` });
        return KNOWN;
      },
      limits: { socketBudget: 3 },
      reconnect: { minDelay: 5, maxDelay: 20, connectTimeout: 2000 },
    });
    client.addErrorListener((error) => listened.push(error));
    paths.push('refused handshake (403, token in the query)', 'token function: message quoting the token', 'token function: cause quoting a refresh token', 'token function: error code quoting the token');
    client.subscribe(notificationsBackend);
    await until(() => client.connectionState(notificationsBackend)?.status === 'open', 'open once the server accepts', 10_000);
    expect(errors.map((e) => e.code)).toEqual(expect.arrayContaining(['handshake-failed', 'token-provider']));

    // 2. Server error frames quoting the socket URL (token and all), on two protocols.
    const openOn = (prefix: string) => server.open().find((c) => c.url.startsWith(prefix));
    const notices = await server.waitFor(() => openOn('/ws/notifications/'), 'the socket');
    expect(notices.url).toContain(encodeURIComponent(KNOWN)); // it really carries the token
    paths.push('server error frame quoting the socket URL', 'server error frame quoting another token');
    notices.socket.send(JSON.stringify({ type: 'error', message: `token rejected on ${notices.url}` }));
    notices.socket.send(JSON.stringify({ type: 'error', message: `refresh=${FOREIGN} and password: ${FOREIGN}` }));
    client.subscribe(chatBackend);
    const chat = await server.waitFor(() => openOn('/ws/chat/'), 'the chat socket');
    sendChat(client, 7, 'hello');
    await server.waitFor(() => chat.received.length === 1, 'the message');
    paths.push('chat error frame (a failed message) quoting the socket URL');
    chat.socket.send(JSON.stringify({ type: 'error', error: `Failed: ${chat.url}` }));
    await until(() => client.store.getState().chat.byPeer['7']?.[0]?.state === 'failed', 'the failed message');

    // 3. Invalid frames quoting the token.
    paths.push('invalid frame: not JSON', 'invalid frame: a bad field', 'invalid frame: too large');
    notices.socket.send(`GET /ws/?token=${KNOWN} HTTP/1.1`);
    notices.socket.send(JSON.stringify({ type: 'notification', notification: { id: KNOWN, title: 5 } }));
    notices.socket.send(`${KNOWN} `.repeat(20_000));

    // 4. The socket and the chat close with a server error as the reason.
    paths.push('a close after a server error (the state error)');
    notices.socket.send(JSON.stringify({ type: 'error', message: `bad Bearer ${KNOWN}` }));
    await until(() => errors.filter((e) => e.code === 'server-error').length >= 3 && errors.filter((e) => e.code === 'invalid-frame').length >= 3, 'the frames reported');
    notices.socket.close(1011);
    await until(() => client.connectionState(notificationsBackend)?.status === 'open' && openOn('/ws/notifications/') !== notices, 'reopened');

    // 5. REST error bodies in every common wording.
    for (const path of Object.keys(answers)) {
      await catchThrown(`REST error body: ${path}`, async () => {
        try {
          await restOf(client).request('GET', path);
        } catch (error) {
          client.report(error as RealtimeError);
          throw error;
        }
      });
    }

    // 6. The socket budget (3 sockets), with the console warning it prints in development.
    const items: BackendDefinition = { ...adminBackend, name: 'items', path: 'ws/items/{id}/', onOpen: undefined };
    paths.push('socket budget spent (onError and the console)');
    client.subscribe(items, 1);
    client.subscribe(items, 2);
    await until(() => errors.some((e) => e.code === 'socket-budget'), 'the budget report');

    // 7. Misuse that quotes what it was given.
    await catchThrown('misuse: a path parameter holding the token', () => client.subscribe(items, `../?token=${KNOWN}`));
    await catchThrown('misuse: a url option holding the token', () => clientFor(server, { url: `localhost/?token=${KNOWN}` }));
    await catchThrown('misuse: a url option with a fragment', () => clientFor(server, { url: `ws://h/?access_token=${FOREIGN}#x` }));

    // 8. A WebSocket constructor that throws, quoting the URL (with the token) as browsers do.
    class Throwing {
      constructor(url: string) {
        throw new SyntaxError(`Failed to construct 'WebSocket': The URL '${url}' contains a fragment identifier.`);
      }
    }
    const broken = clientFor(server, { token: KNOWN, WebSocket: Throwing as never });
    paths.push('a throwing WebSocket constructor quoting the URL');
    broken.client.subscribe(adminBackend);
    await until(() => broken.client.connectionState(adminBackend)?.status === 'failed', 'failed');
    expect(broken.errors[0]!.message).toContain("Failed to construct 'WebSocket'");

    // Everything an app or a log could see.
    const seen = [
      ...[...errors, ...listened, ...broken.errors, ...thrown].flatMap((e) => textsOf(e)),
      ...consoleOutput,
      JSON.stringify(client.stats),
      JSON.stringify(client.store.getState()),
      JSON.stringify(broken.client.store.getState()),
      JSON.stringify(broken.client.stats),
      JSON.stringify([client.connectionState(notificationsBackend), client.connectionState(chatBackend), broken.client.connectionState(adminBackend)]),
    ].join('\n');
    const hits = needles.map((needle) => seen.split(needle).length - 1);
    // On a failure, where: each line that still holds a token.
    for (const line of seen.split('\n')) if (needles.some((n) => line.includes(n))) process.stdout.write(`leak: ${line.slice(0, 300)}\n`);
    expect(hits).toEqual([0, 0, 0, 0]);

    // The paths really ran and really said something (the test cannot pass by seeing nothing).
    expect(paths.length).toBeGreaterThanOrEqual(25);
    expect(errors.length).toBeGreaterThanOrEqual(15);
    expect(thrown.every((e) => e instanceof Error)).toBe(true);
    expect(consoleOutput.some((line) => line.includes('socket budget'))).toBe(true);
    expect(seen).toContain('[redacted]');
    const provider = errors.filter((e) => e.code === 'token-provider');
    expect(provider.map((e) => e.message)).toEqual(['notifications: the token function failed: refresh failed for [redacted]', 'notifications: the token function failed: fetch https://auth.example/?token=[redacted] failed']);
    expect((provider[0]!.cause as Error).message).toBe('refresh failed for [redacted]');
    expect(((provider[0]!.cause as Error).cause as Error).message).toBe('POST /auth/refresh/ {"refresh": "[redacted]"} answered 401');
    expect((provider[1]!.cause as Error & { code: string }).code).toBe('E_[redacted]');
    expect(client.store.getState().chat.byPeer['7']![0]!.error).toMatch(/^Failed: \/ws\/chat\/\?token=\[redacted\]$/);
    // Printed for the README's Security section.
    process.stdout.write(`token leaks: ${paths.length} paths, ${errors.length + listened.length + broken.errors.length + thrown.length} error payloads, ${consoleOutput.length} console lines, ${seen.length} characters searched, hits ${hits.reduce((a, b) => a + b, 0)}\n`);
  });
});
