/**
 * The reference server in deployed mode, on the wire: the college ERP's chat as it runs today
 * (`Digigit24/kumsserpbackend`): Server-Sent Events at `api/v1/communication/sse/events/` plus
 * REST under `api/v1/communication/chats/`, with its quirks (200 + one `error` event for a bad
 * token or Redis down, no heartbeat on an idle stream, no read receipts, Token-only REST).
 * Node's fetch against the real daphne; no kit code.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DjangoBackend, ErpChatUser } from './startDjangoBackend';
import { openSse, type SseStream } from './sseReader';
import { useDjangoBackend } from './useDjangoBackend';

const live = useDjangoBackend('deployed');
let backend: DjangoBackend;
let jane: ErpChatUser;
let john: ErpChatUser;
/** Alice and Bob of the seed, as the deployed chat names them (UUID ids). */
let alice: { id: string; token: string };
let bob: { id: string; token: string };
let admin: { id: string; token: string };

beforeAll(() => {
  ({ backend } = live);
  ({ jane, john } = backend.tokens.erpChat);
  const { users, erp } = backend.tokens;
  alice = { id: users.customer.uuid, token: erp.customer };
  bob = { id: users.second.uuid, token: erp.second };
  admin = { id: users.admin.uuid, token: erp.admin };
});

const SSE = 'api/v1/communication/sse/events/';
const CHATS = 'api/v1/communication/chats/';
const streams: SseStream[] = [];

afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});

async function stream(token: string | null, headers: Record<string, string> = {}): Promise<SseStream> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const opened = await openSse(`${backend.httpUrl}/${SSE}${query}`, { headers });
  streams.push(opened);
  return opened;
}

/** A stream that has said `connected` (so it is subscribed). */
async function connected(user: { token: string }): Promise<SseStream> {
  const opened = await stream(user.token);
  await opened.next('connected');
  return opened;
}

async function rest<T = any>(method: 'GET' | 'POST', path: string, auth: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (auth) headers['Authorization'] = auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${backend.httpUrl}/${CHATS}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

const as = (user: { token: string }) => `Token ${user.token}`;
const send = (from: { token: string }, to: { id: string }, message: string) => rest('POST', '', as(from), { receiver_id: to.id, message });

/** Re-run `read` (async) every 50 ms until it returns something truthy; fails after `timeoutMs`. */
async function eventually<T>(read: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Everything `user`'s stream got after `connected`, read up to a marker published to the same
 * Redis channel now: Redis keeps a channel's order, so whatever was published before has arrived.
 */
async function eventsBeforeMarker(user: { id: string }, opened: SseStream): Promise<string[]> {
  const marker = `marker-${Math.random()}`;
  await backend.control('erp/sse/publish/', { user_id: user.id, event: 'marker', data: { marker } });
  for (;;) {
    const { data } = await opened.next('marker');
    if ((data as { marker: string }).marker === marker) break;
  }
  return opened.events.map((e) => e.event).filter((name) => name !== 'connected' && name !== 'marker');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The real server's REST_FRAMEWORK DATETIME_FORMAT: "2026-01-01 09:41 PM" (UTC). */
const DRF_TIME = /^\d{4}-\d{2}-\d{2} (0\d|1[0-2]):\d{2} (AM|PM)$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$/;

describe('deployed ERP chat over SSE + REST (REFSITE_MODE=deployed)', () => {
  it('answers a bad or missing token with HTTP 200 and one error event, then ends', async () => {
    for (const token of ['not-a-key', null]) {
      const refused = await stream(token);
      expect(refused.status).toBe(200);
      expect(refused.headers.get('content-type')).toBe('text/event-stream');
      expect(refused.headers.get('cache-control')).toBe('no-cache');
      await refused.end();
      expect(refused.events).toEqual([{ event: 'error', data: { error: 'Unauthorized' }, raw: '{"error": "Unauthorized"}' }]);
    }
  });

  it('opens with connected {status, user_id: UUID}; the user is online in Redis (300 s) until the stream closes', async () => {
    const opened = await stream(jane.token);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('text/event-stream');
    expect(await opened.next()).toEqual({ event: 'connected', data: { status: 'connected', user_id: jane.id }, raw: `{"status": "connected", "user_id": "${jane.id}"}` });
    expect(jane.id).toMatch(UUID);
    const presence = await eventually(async () => {
      const now = await backend.control<{ in_set: boolean; ttl: number }>('erp/presence/', { user_id: jane.id });
      return now.in_set && now;
    }, 'Jane online');
    expect(presence.ttl).toBeGreaterThan(290);
    expect(presence.ttl).toBeLessThanOrEqual(300);
    expect((await rest('GET', 'online-users/', as(john))).body.online_users).toContain(jane.id);

    opened.close();
    await eventually(async () => {
      const now = await backend.control<{ in_set: boolean; ttl: number }>('erp/presence/', { user_id: jane.id });
      return !now.in_set && now.ttl === -2;
    }, 'Jane offline after her stream closed');
    expect((await rest('GET', 'online-users/', as(john))).body.online_users).not.toContain(jane.id);
  });

  it('a closed stream unsubscribes and goes offline, however many were open', async () => {
    const opened = await Promise.all([1, 2, 3, 4, 5].map(() => connected(john)));
    type Presence = { in_set: boolean; ttl: number; subscribers: number };
    const presence = () => backend.control<Presence>('erp/presence/', { user_id: john.id });
    expect(await eventually(async () => (await presence()).subscribers === 5 && presence(), 'five subscribers')).toMatchObject({ in_set: true });
    for (const one of opened) one.close();
    expect(await eventually(async () => {
      const now = await presence();
      return now.subscribers === 0 && !now.in_set && now;
    }, 'no subscriber left, John offline')).toEqual({ in_set: false, ttl: -2, subscribers: 0 });
  });

  it('accepts the key as a Bearer or Token header on the stream', async () => {
    for (const scheme of ['Bearer', 'Token']) {
      const opened = await stream(null, { Authorization: `${scheme} ${jane.token}` });
      expect((await opened.next()).data).toEqual({ status: 'connected', user_id: jane.id });
      opened.close();
    }
  });

  it('POST chats/ answers 201 with the serialized message; the receiver gets `message`, the sender nothing', async () => {
    const janeStream = await connected(jane);
    const johnStream = await connected(john);
    const sent = await send(john, jane, '  Lab moved to room 4.  ');
    expect(sent.status).toBe(201);
    expect(Object.keys(sent.body)).toEqual([
      'id', 'sender', 'sender_name', 'sender_username', 'sender_avatar', 'receiver', 'receiver_name', 'receiver_username',
      'receiver_avatar', 'conversation', 'message', 'attachment', 'attachment_url', 'attachment_type', 'is_read', 'read_at',
      'delivered_at', 'timestamp', 'created_at', 'updated_at', 'is_active',
    ]);
    expect(sent.body).toMatchObject({
      id: expect.any(Number), sender: john.id, sender_name: 'John Smith', sender_username: john.username, sender_avatar: null,
      receiver: jane.id, receiver_name: 'Jane Doe', receiver_username: jane.username, receiver_avatar: null,
      conversation: Number(backend.tokens.erpChat.conversationId), message: 'Lab moved to room 4.', attachment: null,
      attachment_url: null, attachment_type: null, is_read: false, read_at: null, delivered_at: null, is_active: true,
    });
    expect(sent.body.timestamp).toMatch(DRF_TIME);

    const message = await janeStream.next('message');
    expect(message.data).toEqual({
      id: sent.body.id, sender_id: john.id, sender_name: 'John Smith', receiver_id: jane.id, message: 'Lab moved to room 4.',
      attachment: null, attachment_type: null, timestamp: expect.stringMatching(ISO), is_read: false,
      conversation_id: backend.tokens.erpChat.conversationId,
    });
    expect(await eventsBeforeMarker(john, johnStream)).toEqual([]);
  });

  it('POST chats/ with a client_id (the reference honours it, the real server ignores it): a repeat answers 200 with the stored message and stores and publishes nothing', async () => {
    const janeStream = await connected(jane);
    const body = { receiver_id: jane.id, message: 'Sent twice, stored once.', client_id: 'c9-idem-1' };
    const first = await rest('POST', '', as(john), body);
    expect(first.status).toBe(201);
    expect((await janeStream.next('message')).data).toMatchObject({ id: first.body.id });
    const repeat = await rest('POST', '', as(john), body);
    expect(repeat).toEqual({ status: 200, body: first.body });
    // The first send's event only.
    expect(await eventsBeforeMarker(jane, janeStream)).toEqual(['message']);
    const history = await rest('GET', `conversation/${jane.id}/?limit=50`, as(john));
    expect(history.body.messages.filter((m: { message: string }) => m.message === body.message)).toHaveLength(1);
    // Another sender's key is its own.
    expect((await rest('POST', '', as(jane), { receiver_id: john.id, message: 'Same key, other sender.', client_id: 'c9-idem-1' })).status).toBe(201);
  });

  it('POST chats/typing/ sends `typing` to the receiver only', async () => {
    const janeStream = await connected(jane);
    const johnStream = await connected(john);
    expect(await rest('POST', 'typing/', as(john), { receiver_id: jane.id })).toEqual({ status: 200, body: { success: true } });
    expect((await janeStream.next('typing')).data).toEqual({ sender_id: john.id, sender_name: 'John Smith', is_typing: true });
    await rest('POST', 'typing/', as(john), { receiver_id: jane.id, is_typing: false });
    expect((await janeStream.next('typing')).data).toMatchObject({ is_typing: false });
    expect(await eventsBeforeMarker(john, johnStream)).toEqual([]);
  });

  it('mark-read by conversation_id resets the counts; no read_receipt is published, the sender sees is_read only by refetching', async () => {
    const bobStream = await connected(bob);
    const first = await send(bob, alice, 'One');
    await send(bob, alice, 'Two');
    const conversationId = String(first.body.conversation);
    const listed = (await rest('GET', 'conversations/', as(alice))).body.find((c: any) => c.conversation_id === conversationId);
    expect(listed).toMatchObject({ unread_count: 2, last_message: 'Two', last_message_by_me: false, other_user: { id: bob.id, full_name: 'Bob Second' } });
    expect(listed.last_message_at).toMatch(ISO);
    expect((await rest('GET', 'unread-count/', as(alice))).body.conversations).toContainEqual({
      conversation_id: conversationId, unread_count: 2, other_user_id: bob.id, other_user_name: 'Bob Second',
    });

    const marked = await rest('POST', 'mark-read/', as(alice), { conversation_id: conversationId });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ success: true, marked_count: 2, read_at: expect.stringMatching(ISO) });
    const after = (await rest('GET', 'conversations/', as(alice))).body.find((c: any) => c.conversation_id === conversationId);
    expect(after.unread_count).toBe(0);
    expect((await rest('GET', 'unread-count/', as(alice))).body.conversations.map((c: any) => c.conversation_id)).not.toContain(conversationId);

    expect(await eventsBeforeMarker(bob, bobStream)).toEqual([]);
    const history = await rest('GET', `conversation/${alice.id}/`, as(bob));
    expect(history.body.messages.slice(0, 2).map((m: any) => [m.message, m.is_read])).toEqual([['Two', true], ['One', true]]);
    expect(history.body.messages[0].read_at).toMatch(DRF_TIME);
  });

  it('mark-read by message_ids or sender_id marks but leaves the conversation counter; no selector is a 400', async () => {
    const sent = await send(admin, alice, 'Please sign the form.');
    expect((await rest('POST', 'mark-read/', as(alice), { message_ids: [sent.body.id] })).body.marked_count).toBe(1);
    const conversationId = String(sent.body.conversation);
    const listed = (await rest('GET', 'conversations/', as(alice))).body.find((c: any) => c.conversation_id === conversationId);
    expect(listed.unread_count).toBe(1);
    await send(admin, alice, 'Today, please.');
    expect((await rest('POST', 'mark-read/', as(alice), { sender_id: admin.id })).body.marked_count).toBe(1);
    expect(await rest('POST', 'mark-read/', as(alice), {})).toEqual({ status: 400, body: { error: 'Provide message_ids, conversation_id, or sender_id' } });
  });

  it('history is newest first, paged by limit/offset/before_id; has_more means a full page', async () => {
    const ids: number[] = [];
    for (const text of ['p1', 'p2', 'p3', 'p4', 'p5']) ids.push((await send(john, bob, text)).body.id);
    const page = async (query: string) => (await rest('GET', `conversation/${john.id}/?${query}`, as(bob))).body;
    const texts = (body: any) => body.messages.map((m: any) => m.message);

    const first = await page('limit=2');
    expect(texts(first)).toEqual(['p5', 'p4']);
    expect(first).toMatchObject({ conversation_id: expect.any(String), has_more: true, other_user: { id: john.id, username: john.username, full_name: 'John Smith', avatar: null } });
    expect(texts(await page(`limit=2&before_id=${ids[3]}`))).toEqual(['p3', 'p2']);
    const last = await page(`limit=2&before_id=${ids[1]}`);
    expect([texts(last), last.has_more]).toEqual([['p1'], false]);
    expect(texts(await page('limit=2&offset=1'))).toEqual(['p4', 'p3']);
    const all = await page('');
    expect([texts(all), all.has_more]).toEqual([['p5', 'p4', 'p3', 'p2', 'p1'], false]);
    // has_more only compares the page with the limit: an exactly full last page still says true.
    const full = await page('limit=5');
    expect([texts(full), full.has_more]).toEqual([['p5', 'p4', 'p3', 'p2', 'p1'], true]);
  });

  it('the conversation list shows the peer online while their stream is open, offline after it closes', async () => {
    const peer = (body: any[]) => body.find((c) => c.other_user.id === john.id);
    // Presence is per user, not per stream: let the streams of earlier tests finish going offline first.
    await eventually(async () => !(await backend.control<{ in_set: boolean }>('erp/presence/', { user_id: john.id })).in_set, 'John offline');
    const johnStream = await connected(john);
    const online = await eventually(async () => {
      const row = peer((await rest('GET', 'conversations/', as(jane))).body);
      return row?.other_user.is_online && row;
    }, 'John online in Jane\'s list');
    expect(online).toMatchObject({ conversation_id: backend.tokens.erpChat.conversationId, other_user: { full_name: 'John Smith', avatar: null } });
    johnStream.close();
    await eventually(async () => peer((await rest('GET', 'conversations/', as(jane))).body)?.other_user.is_online === false, 'John offline');
  });

  it('REST takes only `Token <key>`: Bearer and no header are 401; bad input gets the real error bodies', async () => {
    const notProvided = { detail: 'Authentication credentials were not provided.' };
    expect(await rest('GET', 'conversations/', `Bearer ${jane.token}`)).toEqual({ status: 401, body: notProvided });
    expect(await rest('POST', '', `Bearer ${jane.token}`, { receiver_id: john.id, message: 'hi' })).toEqual({ status: 401, body: notProvided });
    expect(await rest('GET', 'conversations/', null)).toEqual({ status: 401, body: notProvided });
    expect((await rest('GET', 'conversations/', 'Token wrong-key')).status).toBe(401);

    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(await rest('POST', '', as(jane), { message: 'hi' })).toEqual({ status: 400, body: { error: 'receiver_id is required' } });
    expect(await rest('POST', '', as(jane), { receiver_id: john.id, message: '   ' })).toEqual({ status: 400, body: { error: 'message or attachment is required' } });
    expect(await rest('POST', '', as(jane), { receiver_id: nobody, message: 'hi' })).toEqual({ status: 404, body: { error: 'Receiver not found' } });
    expect(await rest('GET', `conversation/${nobody}/`, as(jane))).toEqual({ status: 404, body: { error: 'User not found' } });
    expect(await rest('POST', 'typing/', as(jane), {})).toEqual({ status: 400, body: { error: 'receiver_id is required' } });
  });

  it('writes a heartbeat only after another event, never on an idle stream', async () => {
    await backend.control('erp/sse/heartbeat/', { seconds: 0.2 });
    try {
      const janeStream = await connected(jane);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(janeStream.events.map((e) => e.event)).toEqual(['connected']);
      await backend.control('erp/sse/publish/', { user_id: jane.id, event: 'notification', data: { title: 'Exam', message: 'Friday', notification_type: 'exam', data: {} } });
      expect((await janeStream.next()).event).toBe('notification');
      const heartbeat = await janeStream.next();
      expect(heartbeat.event).toBe('heartbeat');
      expect((heartbeat.data as { timestamp: number }).timestamp).toBeCloseTo(Date.now() / 1000, -1);
    } finally {
      await backend.control('erp/sse/heartbeat/', { seconds: 30 });
    }
  });

  it('Redis down: an open stream says disconnected and ends, a new one gets the "Redis not available" error, sends still save; Redis back: streams work again', async () => {
    const janeStream = await connected(jane);
    await backend.stopRedis();
    try {
      await janeStream.end();
      expect(janeStream.events.map((e) => e.event)).toEqual(['connected', 'disconnected']);
      expect(janeStream.events[1]!.data).toEqual({ status: 'disconnected' });

      const refused = await stream(jane.token);
      expect(refused.status).toBe(200);
      await refused.end();
      expect(refused.events).toEqual([{ event: 'error', data: { error: 'Redis not available' }, raw: '{"error": "Redis not available"}' }]);

      const saved = await send(john, jane, 'Sent while Redis was down');
      expect(saved.status).toBe(201);
      const history = await rest('GET', `conversation/${john.id}/?limit=1`, as(jane));
      expect(history.body.messages[0]).toMatchObject({ id: saved.body.id, message: 'Sent while Redis was down' });
      expect(history.body.other_user.is_online).toBe(false);
    } finally {
      await backend.startRedis();
    }
    const again = await connected(jane);
    const sent = await send(john, jane, 'Redis is back');
    expect((await again.next('message')).data).toMatchObject({ id: sent.body.id, message: 'Redis is back' });
  });
});
