import { createServer, createConnection, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackProxy, type LoopbackProxy } from '../helpers/loopbackProxy';

// The proxy the fault and scale-out tests stand on: checked on its own so a failure there
// names the proxy, not the kit.
const servers: Server[] = [];
let proxy: LoopbackProxy | undefined;

function echoServer(tag: string): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.on('data', (d) => socket.write(`${tag}:${d.toString()}`)));
    servers.push(server);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

function ask(port: number, text: string): Promise<{ reply: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write(text));
    socket.once('data', (d) => {
      resolve({ reply: d.toString(), ms: Date.now() - started });
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('loopbackProxy (test infrastructure)', () => {
  it('spreads connections round-robin, skips a refusing upstream, and adds latency both ways', async () => {
    const a = await echoServer('a');
    const b = await echoServer('b');
    proxy = await startLoopbackProxy({ upstreams: [a, b], latencyMs: 30 });
    const first = await ask(proxy.port, 'x');
    const second = await ask(proxy.port, 'y');
    expect([first.reply, second.reply].sort()).toEqual(['a:x', 'b:y']);
    expect(first.ms).toBeGreaterThanOrEqual(55);
    // b is gone: every connection lands on a.
    await new Promise((r) => servers[1]!.close(r));
    servers.pop();
    const replies = await Promise.all([1, 2, 3].map((n) => ask(proxy!.port, String(n))));
    expect(replies.map((r) => r.reply).sort()).toEqual(['a:1', 'a:2', 'a:3']);
  });

  it('drops every open connection at once', async () => {
    const a = await echoServer('a');
    proxy = await startLoopbackProxy({ upstreams: [a] });
    const closed: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) {
      const socket = createConnection({ host: '127.0.0.1', port: proxy.port });
      await new Promise((r) => socket.once('connect', r));
      closed.push(new Promise((r) => socket.once('close', () => r())));
      socket.on('error', () => {});
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(proxy.openByUpstream()).toEqual({ [a]: 3 });
    expect(proxy.dropAll()).toBe(3);
    await Promise.all(closed);
    expect(proxy.openByUpstream()).toEqual({});
  });
});
