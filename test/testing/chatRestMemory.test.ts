// What the chat's REST actions remember per client (conversation ids by peer, the typing signal
// last sent to each peer) stays bounded: the most recently used 1,000 peers are kept. Seen from
// outside: mark-read for a forgotten peer goes by message ids, for a remembered one by its
// conversation. REST answers come from a stub (no socket is involved).
import { afterEach, describe, expect, it } from 'vitest';
import { chatBackend, chatOverSse, createRealtimeClient, loadConversations, markChatRead, type RealtimeClient } from 'react-realtime-kit';

const clients: RealtimeClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

const conversation = (i: number) => ({
  conversation_id: `c${i}`,
  other_user: { id: `p${i}`, username: `user${i}`, full_name: `User ${i}`, avatar: null, is_online: false },
  last_message: 'hi',
  last_message_at: '2026-12-01T10:00:00Z',
  last_message_by_me: false,
  unread_count: 1,
});

describe('chat REST memory', () => {
  it('keeps the conversation ids of the 1,000 most recent peers, not of every peer ever listed', async () => {
    const posts: { path: string; body: unknown }[] = [];
    const fetchStub: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (init?.method === 'POST') {
        posts.push({ path: url.pathname, body: JSON.parse(String(init.body)) });
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return new Response(JSON.stringify(Array.from({ length: 1001 }, (_, i) => conversation(i))), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = createRealtimeClient({ url: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9', token: 'k', authScheme: 'Token', fetch: fetchStub, backends: { chat: chatOverSse({ fetch: fetchStub }) } });
    clients.push(client);
    client.use(chatBackend);
    await loadConversations(client);

    for (const peer of ['p0', 'p1000']) {
      client.dispatch({ endpoint: 'chat', event: { kind: 'chat/received', message: { id: `m-${peer}`, clientId: `srv:m-${peer}`, peerId: peer, own: false, senderName: null, text: 'hi', attachment: null, timestamp: '2026-12-01T10:00:00.000Z', state: 'received' } } });
    }
    client.flush();
    await markChatRead(client, 'p1000', ['m-p1000']);
    await markChatRead(client, 'p0', ['m-p0']);
    expect(posts.map((p) => p.body)).toEqual([{ conversation_id: 'c1000' }, { message_ids: ['m-p0'] }]);
  });
});
