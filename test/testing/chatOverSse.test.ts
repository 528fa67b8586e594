// The kit's chat against the simulator's ERP chat as deployed today (SSE + REST), over real
// HTTP on 127.0.0.1: two users, each with their own client, as two browsers would be.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatBackend, chatOverSse, createRealtimeClient, loadChatHistory, loadConversations, markChatRead, retryChat, sendChat, setChatTyping, type RealtimeClient, type RealtimeError } from 'react-realtime-kit';
import { demoTokens, demoUsers } from 'react-realtime-kit/testing';
import { createSimulatorServer, type SimulatorServer } from 'react-realtime-kit/testing/server';
import { until } from '../helpers/until';

let server: SimulatorServer;
const clients: RealtimeClient[] = [];
beforeEach(async () => {
  server = await createSimulatorServer({ port: 0, seed: 5 });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.dispose();
  await server.close();
});

const DEMO = demoUsers.demo.uuid;
const NOOR = demoUsers.classmate.uuid;

function user(token: string) {
  const errors: RealtimeError[] = [];
  const client = createRealtimeClient({
    url: server.httpUrl,
    apiUrl: server.httpUrl,
    token,
    authScheme: 'Token',
    reconnect: { minDelay: 50, maxDelay: 300, connectTimeout: 3000 },
    backends: { chat: chatOverSse() },
    onError: (e) => errors.push(e),
  });
  clients.push(client);
  client.subscribe(chatBackend);
  const chat = () => client.store.getState().chat;
  return { client, errors, chat, status: () => client.connectionState(chatBackend)?.status };
}

describe('chat over Server-Sent Events + REST, on the simulator server', () => {
  it('sends once, delivers to the other user, shows typing, and turns read after the reader sees it', async () => {
    const demo = user(demoTokens.demo);
    const noor = user(demoTokens.classmate);
    await until(() => demo.status() === 'open' && noor.status() === 'open', 'both streams open');
    await until(() => demo.chat().me === DEMO, 'the greeting with the user id');

    setChatTyping(demo.client, NOOR, true);
    await until(() => noor.chat().typing[DEMO], 'noor sees demo typing');
    expect(noor.chat().typing[DEMO]!.name).toBe('Demo');

    const clientId = sendChat(demo.client, NOOR, 'Lab at 3?');
    const sent = await until(() => demo.chat().byPeer[NOOR]?.find((m) => m.clientId === clientId && m.state === 'sent'), 'the REST ack');
    expect(sent.id).toMatch(/^\d+$/);
    const got = await until(() => noor.chat().byPeer[DEMO]?.find((m) => m.id === sent.id), 'delivered to noor');
    expect(got).toMatchObject({ text: 'Lab at 3?', own: false, state: 'received' });
    // Sending withdrew "typing" (useChat does it; here the action's idle timer or the message ends it).
    await until(() => !noor.chat().typing[DEMO], 'typing cleared by the message');

    await loadChatHistory(demo.client, NOOR);
    expect(demo.chat().byPeer[NOOR]!.filter((m) => m.text === 'Lab at 3?')).toHaveLength(1);

    await loadChatHistory(noor.client, DEMO);
    await markChatRead(noor.client, DEMO, [sent.id!]);
    // Today's server publishes no receipt: the sender sees the read state in its next page.
    await loadChatHistory(demo.client, NOOR);
    expect(demo.chat().byPeer[NOOR]!.find((m) => m.clientId === clientId)!.state).toBe('read');
    expect(demo.errors).toEqual([]);
    expect(noor.errors).toEqual([]);
  });

  it('pages history without duplicates and lists conversations with unread counts and presence', async () => {
    const demo = user(demoTokens.demo);
    const noor = user(demoTokens.classmate);
    await until(() => demo.status() === 'open' && noor.status() === 'open', 'both streams open');
    for (let i = 1; i <= 7; i += 1) {
      const id = sendChat(demo.client, NOOR, `note ${i}`);
      await until(() => demo.chat().byPeer[NOOR]?.find((m) => m.clientId === id)?.state === 'sent', `note ${i} acked`);
    }
    await until(() => (noor.chat().byPeer[DEMO]?.length ?? 0) === 7, 'seven delivered');
    const fresh = user(demoTokens.classmate);
    await loadChatHistory(fresh.client, DEMO, { limit: 3 });
    expect(fresh.chat().byPeer[DEMO]!.map((m) => m.text)).toEqual(['note 5', 'note 6', 'note 7']);
    expect(fresh.chat().history[DEMO]!.hasMore).toBe(true);
    await loadChatHistory(fresh.client, DEMO, { limit: 3, older: true });
    await loadChatHistory(fresh.client, DEMO, { limit: 3, older: true });
    await loadChatHistory(fresh.client, DEMO, { limit: 3 });
    expect(fresh.chat().byPeer[DEMO]!.map((m) => m.text)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `note ${i}`));
    expect(fresh.chat().history[DEMO]!.hasMore).toBe(false);

    await loadConversations(noor.client);
    const withDemo = noor.chat().conversations.items.find((c) => c.peerId === DEMO)!;
    expect(withDemo).toMatchObject({ name: 'Demo', unread: 7, online: true, lastMessage: 'note 7', lastMessageByMe: false });
    await loadChatHistory(noor.client, DEMO);
    await markChatRead(noor.client, DEMO, noor.chat().byPeer[DEMO]!.map((m) => m.id!));
    expect(noor.chat().conversations.items.find((c) => c.peerId === DEMO)!.unread).toBe(0);
    await loadConversations(noor.client);
    // Marked by conversation (everything unread was visible), so the server's counter is reset too.
    expect(noor.chat().conversations.items.find((c) => c.peerId === DEMO)!.unread).toBe(0);
  });

  it('a refused token ends in failed after a few spaced attempts; Redis down is shown and recovers', async () => {
    const stranger = user('not-a-token');
    await until(() => stranger.status() === 'failed', 'failed', 8000);
    expect(stranger.errors.at(-1)!.message).toBe('chat: the server refused the credentials 3 times in a row (Unauthorized). Check the token, then call client.reconnect().');

    const demo = user(demoTokens.demo);
    await until(() => demo.status() === 'open', 'open');
    server.faults.redisUnavailable(true);
    await until(() => demo.client.connectionState(chatBackend)?.error === 'Redis not available', 'the error on the state', 8000);
    expect(demo.errors.some((e) => e.code === 'server-error' && e.message.includes('Redis not available'))).toBe(true);
    // Sending still works over REST while the stream is down.
    const id = sendChat(demo.client, NOOR, 'still there?');
    await until(() => demo.chat().byPeer[NOOR]?.find((m) => m.clientId === id)?.state === 'sent', 'sent while Redis is down');
    server.faults.redisUnavailable(false);
    await until(() => demo.status() === 'open' && demo.client.connectionState(chatBackend)?.error === null, 'recovered', 8000);
  });

  it('marks a refused send failed with the reason, and a retry keeps one message', async () => {
    const demo = user(demoTokens.demo);
    const nobody = '00000000-0000-4000-8000-000000000000';
    const clientId = sendChat(demo.client, nobody, 'hello?');
    const failed = await until(() => demo.chat().byPeer[nobody]?.find((m) => m.clientId === clientId && m.state === 'failed'), 'failed');
    expect(failed.error).toContain('Receiver not found');
    retryChat(demo.client, clientId);
    await until(() => demo.chat().byPeer[nobody]?.find((m) => m.clientId === clientId && m.state === 'failed' && m !== failed), 'failed again');
    expect(demo.chat().byPeer[nobody]).toHaveLength(1);
  });
});
