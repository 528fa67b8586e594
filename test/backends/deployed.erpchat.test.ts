// @vitest-environment jsdom
/**
 * The kit's chat against the reference ERP server in deployed mode: Server-Sent Events plus
 * REST, Redis pub/sub, on daphne, as the real server runs today. Two users, each on their own
 * client, through `useChat` as a component would use it.
 */
import { act, renderHook, type RenderHookResult } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatBackend, chatOverSse, createRealtimeClient, loadChatHistory, RealtimeProvider, useChat, type ChatResult, type RealtimeClient, type RealtimeError } from 'react-realtime-kit';
import { until } from '../helpers/until';
import type { DjangoBackend, ErpChatUser } from './startDjangoBackend';
import { useDjangoBackend } from './useDjangoBackend';

const live = useDjangoBackend('deployed');
let backend: DjangoBackend;
let jane: ErpChatUser;
let john: ErpChatUser;
beforeAll(() => {
  ({ backend } = live);
  ({ jane, john } = backend.tokens.erpChat);
});

const SSE = '/api/v1/communication/sse/events/';
const clients: RealtimeClient[] = [];
const hooks: RenderHookResult<ChatResult, unknown>[] = [];
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  for (const hook of hooks.splice(0)) hook.unmount();
  for (const client of clients.splice(0)) client.dispose();
});

interface Session {
  client: RealtimeClient;
  errors: RealtimeError[];
  /** When each stream request was made (ms). */
  streams: number[];
}

function session(token: string, options: { random?: () => number; minDelay?: number } = {}): Session {
  const errors: RealtimeError[] = [];
  const streams: number[] = [];
  const recording: typeof fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes(SSE)) streams.push(Date.now());
    return fetch(input, init);
  };
  const client = createRealtimeClient({
    url: backend.httpUrl,
    apiUrl: backend.httpUrl,
    token,
    authScheme: 'Token',
    fetch: recording,
    random: options.random,
    reconnect: { minDelay: options.minDelay ?? 100, maxDelay: 1000, connectTimeout: 5000 },
    backends: { chat: chatOverSse() },
    onError: (error) => errors.push(error),
  });
  clients.push(client);
  return { client, errors, streams };
}

function chatWith(user: Session, peerId: string): RenderHookResult<ChatResult, unknown> {
  const wrapper = ({ children }: { children: ReactNode }) => createElement(RealtimeProvider, { client: user.client }, children);
  const hook = renderHook(() => useChat(peerId, { readPollInterval: 300 }), { wrapper });
  hooks.push(hook);
  return hook;
}

describe('ERP chat over Server-Sent Events + REST (deployed reference server)', () => {
  it('sends once and delivers it; typing shows and clears; reading on the receiver turns it read for the sender', async () => {
    const janeSide = session(jane.token);
    const johnSide = session(john.token);
    const toJohn = chatWith(janeSide, john.id);
    const toJane = chatWith(johnSide, jane.id);
    await until(() => toJohn.result.current.status === 'open' && toJane.result.current.status === 'open', 'both streams open', 15_000);
    expect(toJohn.result.current.features).toEqual({ history: true, typing: true, readReceipts: true, presence: true });
    await until(() => toJohn.result.current.history.status === 'loaded', 'the history loaded');
    expect(toJohn.result.current.peerName).toBe('John Smith');
    expect(toJohn.result.current.online).toBe(true);

    act(() => toJane.result.current.setTyping(true));
    await until(() => toJohn.result.current.typing, 'jane sees john typing');
    expect(toJohn.result.current.typing!.name).toBe('John Smith');

    const text = `Lab moved to room ${Date.now()}`;
    let clientId: string | null = null;
    act(() => {
      clientId = toJane.result.current.send(text);
    });
    const sent = await until(() => toJane.result.current.messages.find((m) => m.clientId === clientId && m.id !== null), 'the REST ack');
    expect(['sent', 'delivered']).toContain(sent.state);
    const received = await until(() => toJohn.result.current.messages.find((m) => m.id === sent.id), 'delivered to jane');
    expect(received).toMatchObject({ text, own: false, state: 'received', senderName: 'John Smith' });
    await until(() => toJohn.result.current.typing === null, 'typing cleared on send');

    act(() => toJohn.result.current.markRead([sent.id!]));
    // The server publishes no receipt; the sender's next page carries is_read.
    await until(() => toJane.result.current.messages.find((m) => m.clientId === clientId)?.state === 'read', 'read for the sender', 10_000);

    // Exactly once: on the sender's screen, on the receiver's, and on the server.
    expect(toJane.result.current.messages.filter((m) => m.text === text)).toHaveLength(1);
    expect(toJohn.result.current.messages.filter((m) => m.text === text)).toHaveLength(1);
    const stored = await fetch(`${backend.httpUrl}/api/v1/communication/chats/conversation/${jane.id}/?limit=50`, { headers: { Authorization: `Token ${john.token}` } }).then((r) => r.json() as Promise<{ messages: { message: string; is_read: boolean }[] }>);
    expect(stored.messages.filter((m) => m.message === text)).toEqual([expect.objectContaining({ is_read: true })]);
    expect([...janeSide.errors, ...johnSide.errors]).toEqual([]);
  }, 40_000);

  it('pages the history without duplicates while live messages arrive', async () => {
    const johnSide = session(john.token);
    const janeSide = session(jane.token);
    const tag = `p${Date.now()}`;
    const post = (i: number) =>
      fetch(`${backend.httpUrl}/api/v1/communication/chats/`, {
        method: 'POST',
        headers: { Authorization: `Token ${john.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ receiver_id: jane.id, message: `${tag} ${i}` }),
      }).then((r) => expect(r.status).toBe(201));
    for (let i = 1; i <= 6; i += 1) await post(i);
    janeSide.client.subscribe(chatBackend);
    await until(() => janeSide.client.connectionState('chat')?.status === 'open', 'jane open', 15_000);
    await loadChatHistory(janeSide.client, john.id, { limit: 2 });
    await post(7); // live, while paging
    await until(() => janeSide.client.store.getState().chat.byPeer[john.id]?.some((m) => m.text === `${tag} 7`), 'the live one');
    for (let page = 0; page < 4; page += 1) await loadChatHistory(janeSide.client, john.id, { limit: 2, older: true });
    await loadChatHistory(janeSide.client, john.id, { limit: 2 });
    const texts = janeSide.client.store.getState().chat.byPeer[john.id]!.map((m) => m.text).filter((t) => t.startsWith(tag));
    expect(texts).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `${tag} ${i}`));
    expect(johnSide.errors).toEqual([]);
  }, 40_000);

  it('a refused token ends in failed after one attempt per backoff step, with a clear error', async () => {
    const stranger = session('0000000000000000000000000000000000000000', { random: () => 1, minDelay: 300 });
    const chat = chatWith(stranger, john.id);
    await until(() => chat.result.current.status === 'failed', 'failed', 15_000);
    expect(stranger.streams).toHaveLength(3);
    // Full-jitter ceilings with random() = 1: 0, then 300 ms, then 600 ms.
    expect(stranger.streams[1]! - stranger.streams[0]!).toBeGreaterThanOrEqual(280);
    expect(stranger.streams[2]! - stranger.streams[1]!).toBeGreaterThanOrEqual(580);
    expect(stranger.client.connectionState('chat')?.error).toBe('chat: the server refused the credentials 3 times in a row (Unauthorized). Check the token, then call client.reconnect().');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(stranger.streams).toHaveLength(3);
  }, 30_000);

  it('Redis down shows an error state; the chat recovers by itself when it is back', async () => {
    const janeSide = session(jane.token);
    const toJohn = chatWith(janeSide, john.id);
    await until(() => toJohn.result.current.status === 'open', 'open', 15_000);
    await backend.stopRedis();
    try {
      await until(() => janeSide.client.connectionState('chat')?.error === 'Redis not available', 'the error state', 15_000);
      expect(janeSide.errors.some((e) => e.code === 'server-error' && e.message === 'chat: the server said: Redis not available')).toBe(true);
    } finally {
      await backend.startRedis();
    }
    await until(() => toJohn.result.current.status === 'open' && janeSide.client.connectionState('chat')?.error === null, 'recovered', 20_000);
    const text = `after the outage ${Date.now()}`;
    const response = await fetch(`${backend.httpUrl}/api/v1/communication/chats/`, {
      method: 'POST',
      headers: { Authorization: `Token ${john.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ receiver_id: jane.id, message: text }),
    });
    expect(response.status).toBe(201);
    await until(() => toJohn.result.current.messages.some((m) => m.text === text), 'live again', 10_000);
  }, 60_000);
});
