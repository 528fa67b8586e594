// The ERP chat as its server runs today: the SSE events' dialect, the REST bodies' parsers, and
// how the chat slice merges them (history pages, acks by client id, receipts, typing, inbox).
import { chatSlice, chatSseDialect, type ChatEvent, type ChatMessage, type ChatSlice } from 'react-realtime-kit';
import { parseChatHistory, parseConversations } from '../../src/backends/chat/chatRest';

const PEER = '5f0c6c1e-8a44-4c1b-9d2e-3d6f1b7a9c10';
const ME = '0b7d4f7e-1c2a-4e4b-8f9a-6a5d3c2b1a00';
const sse = (event: string, data: unknown) => chatSseDialect.parse({ event, data: typeof data === 'string' ? data : JSON.stringify(data) });

describe('chatSseDialect', () => {
  it('reads connected, message, typing and read_receipt events', () => {
    expect(sse('connected', { status: 'connected', user_id: ME })).toEqual({ ok: true, events: [{ kind: 'session/established', userId: ME, username: null }] });
    const message = sse('message', { id: 41, sender_id: PEER, sender_name: 'Jane Doe', receiver_id: ME, message: 'hi', attachment: '/media/a.png', attachment_type: 'image', timestamp: '2026-12-01T10:00:00.123456+00:00', is_read: false, conversation_id: '7' });
    expect(message).toEqual({
      ok: true,
      events: [{
        kind: 'chat/received',
        receiverId: ME,
        message: { id: '41', clientId: 'srv:41', peerId: PEER, own: false, senderName: 'Jane Doe', text: 'hi', attachment: '/media/a.png', timestamp: '2026-12-01T10:00:00.123Z', state: 'received', seen: false },
      }],
    });
    const typing = sse('typing', { sender_id: PEER, sender_name: 'Jane Doe', is_typing: true });
    expect(typing.ok && typing.events[0]).toMatchObject({ kind: 'chat/typing', peerId: PEER, name: 'Jane Doe', typing: true });
    const receipt = sse('read_receipt', { message_id: 41, reader_id: PEER, reader_name: 'Jane Doe', read_at: null });
    expect(receipt.ok && receipt.events[0]).toMatchObject({ kind: 'chat/read', serverIds: ['41'] });
  });

  it('tells a refused token from a passing server fault, and ignores heartbeats and farewells', () => {
    expect(sse('error', { error: 'Unauthorized' })).toEqual({ ok: true, events: [{ kind: 'connection/refused', reason: 'Unauthorized' }] });
    expect(sse('error', { error: 'Redis not available' })).toEqual({ ok: true, events: [{ kind: 'server/error', message: 'Redis not available' }] });
    expect(sse('heartbeat', { timestamp: 1764583200.5 })).toEqual({ ok: true, events: [] });
    expect(sse('disconnected', { status: 'disconnected' })).toEqual({ ok: true, events: [] });
  });

  it('refuses what is not an event of this server, with the reason', () => {
    expect(chatSseDialect.parse('{"type":"chat_message"}')).toEqual({ ok: false, error: 'chatSse: expected a server-sent event { event, data } (use sseTransport)' });
    expect(sse('message', 'not json').ok).toBe(false);
    expect(sse('other', {})).toEqual({ ok: false, error: 'chatSse: unknown message type "other"' });
    expect(sse('message', { id: 1, sender_id: PEER, message: 'x', attachment: 'javascript:alert(1)' })).toMatchObject({ ok: true, events: [{ message: { attachment: null } }] });
  });
});

const restMessage = (id: number, sender: string, text: string, extra: Record<string, unknown> = {}) => ({
  id, sender, sender_name: sender === PEER ? 'Jane Doe' : 'Me', receiver: sender === PEER ? ME : PEER, conversation: 7, message: text,
  attachment: null, attachment_url: null, is_read: false, read_at: null, delivered_at: null, timestamp: `2026-12-01T10:00:${String(id).padStart(2, '0')}Z`, ...extra,
});

describe('REST bodies', () => {
  it('reads a history page: own messages by sender, their read state, the peer and has_more', () => {
    const page = parseChatHistory({
      conversation_id: '7',
      messages: [restMessage(3, ME, 'and you?', { is_read: true, read_at: '2026-12-01T10:01:00Z' }), restMessage(2, PEER, 'fine'), restMessage(1, ME, 'how are you')],
      other_user: { id: PEER, username: 'jane', full_name: 'Jane Doe', avatar: null, is_online: true },
      has_more: true,
    }, PEER);
    expect(page.conversationId).toBe('7');
    expect(page.hasMore).toBe(true);
    expect(page.online).toBe(true);
    expect(page.name).toBe('Jane Doe');
    expect(page.messages.map((m) => [m.id, m.own, m.state, m.readAt ?? null])).toEqual([
      ['3', true, 'read', '2026-12-01T10:01:00.000Z'],
      ['2', false, 'received', null],
      ['1', true, 'sent', null],
    ]);
  });

  it('reads the inbox', () => {
    expect(parseConversations([{ conversation_id: '7', other_user: { id: PEER, username: 'jane', full_name: '', avatar: 'javascript:x', is_online: false }, last_message: 'fine', last_message_at: '2026-12-01T10:00:02Z', last_message_by_me: false, unread_count: 2, updated_at: '2026-12-01T10:00:02Z' }])).toEqual([
      { id: '7', peerId: PEER, name: 'jane', username: 'jane', avatar: null, online: false, lastMessage: 'fine', lastMessageAt: '2026-12-01T10:00:02.000Z', lastMessageByMe: false, unread: 2 },
    ]);
  });

  it('names the field when a body is not what the API sends', () => {
    expect(() => parseChatHistory({ messages: [{ id: 1 }] }, PEER)).toThrow('chat history: chat history: "messages[0].sender" is required');
    expect(() => parseConversations({ detail: 'x' })).toThrow('"items" must be an array');
  });
});

function run(events: ChatEvent[], from: ChatSlice = chatSlice.initial): ChatSlice {
  return events.reduce((slice, event) => chatSlice.reduce(slice, { endpoint: 'chat', event }, { messages: 500 }), from);
}
const own = (clientId: string, text: string, timestamp: string): ChatMessage => ({ id: null, clientId, peerId: PEER, own: true, senderName: null, text, attachment: null, timestamp, state: 'queued' });

describe('the chat slice with a REST server', () => {
  const page = parseChatHistory({ conversation_id: '7', messages: [restMessage(2, PEER, 'fine'), restMessage(1, ME, 'how are you')], other_user: { id: PEER, username: 'jane', full_name: 'Jane Doe', avatar: null, is_online: true }, has_more: false }, PEER);

  it('merges pages and live events without duplicates, in time order', () => {
    const live = sse('message', { id: 2, sender_id: PEER, sender_name: 'Jane Doe', receiver_id: ME, message: 'fine', timestamp: '2026-12-01T10:00:02Z' });
    const slice = run([
      ...(live.ok ? (live.events as ChatEvent[]) : []),
      { kind: 'chat/history', peerId: PEER, messages: page.messages, hasMore: false, online: true, name: 'Jane Doe' },
      { kind: 'chat/history', peerId: PEER, messages: page.messages, hasMore: false },
    ]);
    expect(slice.byPeer[PEER]!.map((m) => m.id)).toEqual(['1', '2']);
    expect(slice.history[PEER]).toEqual({ status: 'loaded', hasMore: false, error: null });
    expect(slice.presence[PEER]).toBe(true);
    expect(slice.names[PEER]).toBe('Jane Doe');
  });

  it('acks a posted message by its client id, keeps one entry when the page already had it, and never moves it back', () => {
    const slice = run([
      { kind: 'chat/queued', message: own('c1', 'how are you', '2026-12-01T10:00:05Z') },
      { kind: 'chat/sending', clientId: 'c1', rest: true },
      { kind: 'chat/history', peerId: PEER, messages: page.messages },
      { kind: 'chat/ack', clientId: 'c1', serverId: '1', timestamp: '2026-12-01T10:00:01Z' },
    ]);
    expect(slice.awaitingAck).toEqual([]);
    expect(slice.byPeer[PEER]!.map((m) => [m.clientId, m.id, m.state])).toEqual([['c1', '1', 'sent'], ['srv:2', '2', 'received']]);
    const read = run([{ kind: 'chat/read', serverIds: ['1'], readAt: '2026-12-01T10:02:00Z' }, { kind: 'chat/history', peerId: PEER, messages: page.messages }], slice);
    expect(read.byPeer[PEER]![0]).toMatchObject({ clientId: 'c1', state: 'read', readAt: '2026-12-01T10:02:00Z' });
  });

  it('a stream drop does not fail a message posted over REST', () => {
    const slice = run([
      { kind: 'chat/queued', message: own('c1', 'hi', '2026-12-01T10:00:05Z') },
      { kind: 'chat/sending', clientId: 'c1', rest: true },
      { kind: 'chat/failed', clientIds: 'awaiting', error: 'closed' },
    ]);
    expect(slice.byPeer[PEER]![0]!.state).toBe('sending');
  });

  it('shows typing until a message or a stop, counts unread in the inbox and drops it when read', () => {
    const inbox = parseConversations([{ conversation_id: '7', other_user: { id: PEER, username: 'jane', full_name: 'Jane Doe', avatar: null, is_online: true }, last_message: 'old', last_message_at: '2026-12-01T09:00:00Z', last_message_by_me: true, unread_count: 0, updated_at: null }]);
    let slice = run([{ kind: 'chat/conversations', items: inbox }, { kind: 'chat/typing', peerId: PEER, name: 'Jane Doe', typing: true, at: 1 }]);
    expect(slice.typing[PEER]).toEqual({ name: 'Jane Doe', at: 1 });
    const live = sse('message', { id: 9, sender_id: PEER, sender_name: 'Jane Doe', receiver_id: ME, message: 'new', timestamp: '2026-12-01T10:00:09Z' });
    slice = run(live.ok ? (live.events as ChatEvent[]) : [], slice);
    expect(slice.typing[PEER]).toBeUndefined();
    expect(slice.conversations.items[0]).toMatchObject({ lastMessage: 'new', unread: 1, lastMessageByMe: false });
    slice = run([{ kind: 'chat/seen', peerId: PEER, serverIds: ['9'] }, { kind: 'chat/seen', peerId: PEER, serverIds: ['9'] }], slice);
    expect(slice.conversations.items[0]!.unread).toBe(0);
    expect(slice.byPeer[PEER]![0]!.seen).toBe(true);
  });

  it('files this user\'s own message from another device under the receiver', () => {
    const live = sse('message', { id: 12, sender_id: ME, sender_name: 'Me', receiver_id: PEER, message: 'from my phone', timestamp: '2026-12-01T10:00:12Z' });
    const slice = run([{ kind: 'session/established', userId: ME, username: null } as unknown as ChatEvent, ...(live.ok ? (live.events as ChatEvent[]) : [])]);
    expect(slice.me).toBe(ME);
    expect(slice.byPeer[PEER]![0]).toMatchObject({ own: true, state: 'sent', text: 'from my phone' });
  });
});

describe('the inbox follows new messages', () => {
  it('moves a conversation up with an own message, and lists a first message from someone new at once', () => {
    const OTHER = 'aa000000-0000-4000-8000-000000000001';
    const item = (peerId: string, at: string) => ({ id: peerId.slice(0, 2), peerId, name: peerId.slice(0, 2), username: null, avatar: null, online: null, lastMessage: 'x', lastMessageAt: at, lastMessageByMe: false, unread: 0 });
    let slice = run([{ kind: 'chat/conversations', items: [item(OTHER, '2026-12-01T10:00:00Z'), item(PEER, '2026-12-01T09:00:00Z')] }]);
    slice = run([{ kind: 'chat/queued', message: own('c1', 'see you', '2026-12-01T11:00:00Z') }], slice);
    expect(slice.conversations.items.map((c) => [c.peerId, c.lastMessage, c.lastMessageByMe, c.unread])).toEqual([[PEER, 'see you', true, 0], [OTHER, 'x', false, 0]]);
    const NEW = 'bb000000-0000-4000-8000-000000000002';
    const live = sse('message', { id: 30, sender_id: NEW, sender_name: 'Ravi', receiver_id: ME, message: 'hello', timestamp: '2026-12-01T12:00:00Z' });
    slice = run(live.ok ? (live.events as ChatEvent[]) : [], slice);
    expect(slice.conversations.items[0]).toMatchObject({ peerId: NEW, name: 'Ravi', lastMessage: 'hello', unread: 1, id: '' });
  });
});
