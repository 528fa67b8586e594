/**
 * The ERP chat as its server runs today (Server-Sent Events + REST), driven the way a browser
 * does: with `fetch`, once through the in-process `simulatorFetch` and once over real HTTP
 * against `createSimulatorServer` on 127.0.0.1. Every wait has its own deadline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, demoTokens, demoUsers, ERP_CHATS_PATH, ERP_SSE_PATH, simulatorFetch, type CreateSimulatorOptions, type Simulator } from 'react-realtime-kit/testing';
import { createSimulatorServer, type SimulatorServer } from 'react-realtime-kit/testing/server';
import { join } from './simHarness';

interface SseEvent {
  event: string;
  data: any;
}

/** Split complete `event:`/`data:` blocks off the front of `buffer`; `fields` collects every field name seen. */
function parseSse(buffer: string, fields: Set<string>): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      fields.add(field);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) events.push({ event, data: JSON.parse(data.join('\n')) });
  }
  return { events, rest };
}

/** Reads an event-stream body as it arrives. */
class SseReader {
  readonly events: SseEvent[] = [];
  readonly fields = new Set<string>();
  text = '';
  ended = false;
  error: unknown = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly response: Response,
    readonly abort: AbortController,
  ) {
    void this.pump();
  }

  private async pump(): Promise<void> {
    const reader = this.response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const chunk = decoder.decode(value, { stream: true });
        this.text += chunk;
        const parsed = parseSse(buffer + chunk, this.fields);
        buffer = parsed.rest;
        this.events.push(...parsed.events);
        this.wake();
      }
    } catch (error) {
      this.error = error;
    }
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves once `check()` holds; fails after `ms` with what arrived so far. */
  until(check: () => boolean, what: string, ms = 4000): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.events)} ended=${this.ended}`));
      }, ms);
      this.waiters.add(done);
      done();
    });
  }

  /** The first `count` events, once they are there. */
  async take(count: number): Promise<SseEvent[]> {
    await this.until(() => this.events.length >= count, `${count} events`);
    return this.events.slice(0, count);
  }

  /** The next event after the `seen` first ones. */
  async nth(index: number): Promise<SseEvent> {
    return (await this.take(index + 1))[index]!;
  }

  finished(): Promise<void> {
    return this.until(() => this.ended, 'the end of the stream');
  }
}

/** Polls `check` (for effects on the far side of a real socket). */
async function eventually(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

type Mode = 'simulatorFetch' | 'http';
interface Rig {
  sim: Simulator;
  server: SimulatorServer | null;
  /** Open the stream (`?token=` unless `init` carries the auth). */
  sse(token: string | null, init?: RequestInit): Promise<SseReader>;
  /** A REST call under `chats/` with `Authorization: Token <token>` (or the given header). */
  api(token: string | null, method: string, path: string, body?: unknown, authorization?: string): Promise<{ status: number; json: any }>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(mode: Mode, options: CreateSimulatorOptions = {}): Promise<Rig> {
  const sim = createSimulator({ clock: 'manual', botReplyDelayMs: false, ...options });
  let server: SimulatorServer | null = null;
  let doFetch: typeof fetch;
  let base: string;
  if (mode === 'http') {
    server = await createSimulatorServer({ port: 0, simulator: sim });
    const running = server;
    cleanups.push(() => running.close());
    doFetch = globalThis.fetch;
    base = server.httpUrl;
  } else {
    doFetch = simulatorFetch(sim, { latency: 0 });
    base = 'http://simulator.local';
  }
  cleanups.push(() => sim.dispose());
  return {
    sim,
    server,
    async sse(token, init = {}) {
      const abort = new AbortController();
      cleanups.push(() => abort.abort());
      const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
      const response = await doFetch(`${base}${ERP_SSE_PATH}${query}`, { ...init, signal: abort.signal });
      return new SseReader(response, abort);
    },
    async api(token, method, path, body, authorization) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (authorization !== undefined) headers['Authorization'] = authorization;
      else if (token !== null) headers['Authorization'] = `Token ${token}`;
      const response = await doFetch(`${base}${ERP_CHATS_PATH}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
  };
}

const DEMO = demoUsers.demo.uuid;
const NOOR = demoUsers.classmate.uuid;
const SAM = demoUsers.peer.uuid;

describe.each<Mode>(['simulatorFetch', 'http'])('ERP chat over SSE + REST (%s)', (mode) => {
  it('answers a bad or missing token with HTTP 200, one error event, and the end', async () => {
    const { sse } = await rig(mode);
    for (const stream of [await sse(null), await sse('nope'), await sse(null, { headers: { Authorization: 'Token nope' } })]) {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toBe('text/event-stream');
      expect(stream.response.headers.get('cache-control')).toBe('no-cache');
      await stream.finished();
      expect(stream.error).toBeNull();
      expect(stream.text).toBe('event: error\ndata: {"error": "Unauthorized"}\n\n');
    }
  });

  it('greets with connected and the UUID user id (token in the query, or Token/Bearer header), then stays silent while idle', async () => {
    const { sim, sse } = await rig(mode);
    const byQuery = await sse(demoTokens.demo);
    const byToken = await sse(null, { headers: { Authorization: `Token ${demoTokens.classmate}` } });
    const byBearer = await sse(null, { headers: { Authorization: `Bearer ${demoTokens.peer}` } });
    expect(await byQuery.take(1)).toEqual([{ event: 'connected', data: { status: 'connected', user_id: DEMO } }]);
    expect(byQuery.text).toBe(`event: connected\ndata: {"status": "connected", "user_id": "${DEMO}"}\n\n`);
    expect((await byToken.nth(0)).data.user_id).toBe(NOOR);
    expect((await byBearer.nth(0)).data.user_id).toBe(SAM);
    // Idle: no heartbeat however long nothing is published.
    sim.clock.advance(10 * 60_000);
    await new Promise((r) => setTimeout(r, 80));
    expect(byQuery.events).toHaveLength(1);
    expect(byQuery.ended).toBe(false);
    expect([...byQuery.fields].sort()).toEqual(['data', 'event']); // no id:, no retry:
  });

  it('delivers a REST message to the receiver only, stored and listed', async () => {
    const { sse, api } = await rig(mode);
    const demo = await sse(demoTokens.demo);
    const noor = await sse(demoTokens.classmate);
    await demo.take(1);
    await noor.take(1);
    const sent = await api(demoTokens.demo, 'POST', '', { receiver_id: NOOR, message: '  Hi Noor  ' });
    expect(sent.status).toBe(201);
    expect(sent.json).toEqual({
      id: expect.any(Number), sender: DEMO, sender_name: 'Demo', sender_username: 'demo', sender_avatar: null,
      receiver: NOOR, receiver_name: 'Noor', receiver_username: 'noor', receiver_avatar: null,
      conversation: expect.any(Number), message: 'Hi Noor', attachment: null, attachment_url: null, attachment_type: null,
      is_read: false, read_at: null, delivered_at: null, timestamp: '2025-01-01T10:00:00Z', created_at: '2025-01-01T10:00:00Z', updated_at: '2025-01-01T10:00:00Z', is_active: true,
    });
    expect(await noor.nth(1)).toEqual({
      event: 'message',
      data: { id: sent.json.id, sender_id: DEMO, sender_name: 'Demo', receiver_id: NOOR, message: 'Hi Noor', attachment: null, attachment_type: null, timestamp: '2025-01-01T10:00:00+00:00', is_read: false, conversation_id: String(sent.json.conversation) },
    });
    // No echo to the sender: the next thing demo hears is noor's typing.
    await api(demoTokens.classmate, 'POST', 'typing/', { receiver_id: DEMO });
    expect(await demo.nth(1)).toEqual({ event: 'typing', data: { sender_id: NOOR, sender_name: 'Noor', is_typing: true } });
    await api(demoTokens.classmate, 'POST', 'typing/', { receiver_id: DEMO, is_typing: false });
    expect((await demo.nth(2)).data.is_typing).toBe(false);

    const history = await api(demoTokens.classmate, 'GET', `conversation/${DEMO}/`);
    expect(history.json.messages.map((m: any) => m.message)).toEqual(['Hi Noor']);
    const list = await api(demoTokens.classmate, 'GET', 'conversations/');
    expect(list.status).toBe(200);
    expect(list.json[0]).toEqual({
      conversation_id: String(sent.json.conversation),
      other_user: { id: DEMO, username: 'demo', full_name: 'Demo', avatar: null, is_online: true },
      last_message: 'Hi Noor', last_message_at: '2025-01-01T10:00:00Z', last_message_by_me: false, unread_count: 1, updated_at: '2025-01-01T10:00:00Z',
    });
    const mine = await api(demoTokens.demo, 'GET', 'conversations/');
    expect(mine.json.find((c: any) => c.other_user.id === NOOR)).toMatchObject({ last_message_by_me: true, unread_count: 0 });
  });

  it('answers REST errors as the real server does; Bearer is refused on REST', async () => {
    const { api } = await rig(mode);
    expect(await api(null, 'GET', 'conversations/', undefined, `Bearer ${demoTokens.demo}`)).toEqual({ status: 401, json: { detail: 'Authentication credentials were not provided.' } });
    expect(await api(null, 'GET', 'conversations/')).toEqual({ status: 401, json: { detail: 'Authentication credentials were not provided.' } });
    expect(await api('wrong', 'GET', 'conversations/')).toEqual({ status: 401, json: { detail: 'Invalid token.' } });
    expect(await api(demoTokens.demo, 'POST', '', { message: 'x' })).toEqual({ status: 400, json: { error: 'receiver_id is required' } });
    expect(await api(demoTokens.demo, 'POST', '', { receiver_id: NOOR, message: '   ' })).toEqual({ status: 400, json: { error: 'message or attachment is required' } });
    expect(await api(demoTokens.demo, 'POST', '', { receiver_id: 5, message: 'by integer id' })).toEqual({ status: 404, json: { error: 'Receiver not found' } });
    expect(await api(demoTokens.demo, 'GET', 'conversation/00000000-0000-4000-8000-00000000dead/')).toEqual({ status: 404, json: { error: 'User not found' } });
    expect(await api(demoTokens.demo, 'POST', 'mark-read/', {})).toEqual({ status: 400, json: { error: 'Provide message_ids, conversation_id, or sender_id' } });
    expect(await api(demoTokens.demo, 'POST', 'typing/', {})).toEqual({ status: 400, json: { error: 'receiver_id is required' } });
    expect(await api(demoTokens.demo, 'POST', 'typing/', { receiver_id: '7c1a4c9e-0000-4000-8000-000000000000' })).toEqual({ status: 404, json: { error: 'Receiver not found' } });
  });

  it('mark-read sets is_read/read_at but publishes no read_receipt (the real bug)', async () => {
    const { sim, sse, api } = await rig(mode);
    const demo = await sse(demoTokens.demo);
    await demo.take(1);
    const first = await api(demoTokens.demo, 'POST', '', { receiver_id: NOOR, message: 'one' });
    await api(demoTokens.demo, 'POST', '', { receiver_id: NOOR, message: 'two' });
    expect((await api(demoTokens.classmate, 'GET', 'unread-count/')).json).toEqual({
      total_unread: 2,
      conversations: [{ conversation_id: String(first.json.conversation), unread_count: 2, other_user_id: DEMO, other_user_name: 'Demo' }],
    });
    sim.clock.advance(5000);
    const marked = await api(demoTokens.classmate, 'POST', 'mark-read/', { conversation_id: first.json.conversation });
    expect(marked).toEqual({ status: 200, json: { success: true, marked_count: 2, read_at: '2025-01-01T10:00:05+00:00' } });
    expect((await api(demoTokens.classmate, 'GET', 'unread-count/')).json).toEqual({ total_unread: 0, conversations: [] });
    // Nothing reached demo: the next event is the sentinel typing.
    await api(demoTokens.classmate, 'POST', 'typing/', { receiver_id: DEMO });
    expect((await demo.nth(1)).event).toBe('typing');
    const history = await api(demoTokens.demo, 'GET', `conversation/${NOOR}/`);
    expect(history.json.messages.map((m: any) => [m.message, m.is_read, m.read_at])).toEqual([
      ['two', true, '2025-01-01T10:00:05Z'],
      ['one', true, '2025-01-01T10:00:05Z'],
    ]);
    // By message_ids or sender_id: marks, but only conversation_id resets the counter.
    await api(demoTokens.demo, 'POST', '', { receiver_id: NOOR, message: 'three' });
    expect((await api(demoTokens.classmate, 'POST', 'mark-read/', { sender_id: DEMO })).json.marked_count).toBe(1);
    expect((await api(demoTokens.classmate, 'GET', 'unread-count/')).json.total_unread).toBe(1);
  });

  it('with erpReadReceipts: true, mark-read publishes read_receipt to the sender', async () => {
    const { sse, api } = await rig(mode, { erpReadReceipts: true });
    const demo = await sse(demoTokens.demo);
    await demo.take(1);
    const sent = await api(demoTokens.demo, 'POST', '', { receiver_id: NOOR, message: 'read me' });
    await api(demoTokens.classmate, 'POST', 'mark-read/', { message_ids: [sent.json.id] });
    expect(await demo.nth(1)).toEqual({ event: 'read_receipt', data: { message_id: sent.json.id, reader_id: NOOR, reader_name: 'Noor', read_at: null } });
  });

  it('pages history newest first with limit, offset, before_id and has_more', async () => {
    const { sim, api } = await rig(mode);
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      sim.clock.advance(1000);
      ids.push((await api(i % 2 ? demoTokens.demo : demoTokens.classmate, 'POST', '', { receiver_id: i % 2 ? NOOR : DEMO, message: `m${i}` })).json.id);
    }
    const page = async (query: string) => (await api(demoTokens.demo, 'GET', `conversation/${NOOR}/${query}`)).json;
    const first = await page('?limit=2');
    expect(first.messages.map((m: any) => m.message)).toEqual(['m5', 'm4']);
    expect(first.has_more).toBe(true);
    expect(first.other_user).toEqual({ id: NOOR, username: 'noor', full_name: 'Noor', avatar: null, is_online: false });
    expect((await page('?limit=2&offset=2')).messages.map((m: any) => m.message)).toEqual(['m3', 'm2']);
    const older = await page(`?limit=2&before_id=${ids[1]}`);
    expect(older.messages.map((m: any) => m.message)).toEqual(['m1']);
    expect(older.has_more).toBe(false);
    const all = await page('');
    expect(all.messages).toHaveLength(5);
    expect(all.has_more).toBe(false);
    expect(all.conversation_id).toBe(String(all.messages[0].conversation));
  });

  it('tracks presence while a stream is open: online-users and is_online, with the 300 s TTL', async () => {
    const { sim, sse, api } = await rig(mode);
    expect((await api(demoTokens.demo, 'GET', 'online-users/')).json).toEqual({ online_users: [] });
    const noor = await sse(demoTokens.classmate);
    await noor.take(1);
    expect((await api(demoTokens.demo, 'GET', 'online-users/')).json).toEqual({ online_users: [NOOR] });
    expect((await api(demoTokens.demo, 'GET', `conversation/${NOOR}/`)).json.other_user.is_online).toBe(true);
    // The key expires without events; the set keeps the user until the stream ends.
    sim.clock.advance(301_000);
    expect((await api(demoTokens.demo, 'GET', `conversation/${NOOR}/`)).json.other_user.is_online).toBe(false);
    await api(demoTokens.demo, 'POST', 'typing/', { receiver_id: NOOR });
    await noor.take(2);
    expect((await api(demoTokens.demo, 'GET', `conversation/${NOOR}/`)).json.other_user.is_online).toBe(true);
    // As on the real server, the end of any one of a user's streams marks them offline.
    const secondTab = await sse(demoTokens.classmate);
    await secondTab.take(1);
    secondTab.abort.abort();
    await eventually(() => sim.sessions().length === 1, 'the second tab to go');
    expect((await api(demoTokens.demo, 'GET', 'online-users/')).json).toEqual({ online_users: [] });
    noor.abort.abort();
    await eventually(() => sim.sessions().length === 0, 'the subscriber to go');
    expect((await api(demoTokens.demo, 'GET', 'online-users/')).json).toEqual({ online_users: [] });
    expect((await api(demoTokens.demo, 'GET', `conversation/${NOOR}/`)).json.other_user.is_online).toBe(false);
  });

  it('writes a heartbeat only after an event, once 30 s passed since the last one', async () => {
    const { sim, sse, api } = await rig(mode);
    const demo = await sse(demoTokens.demo);
    await demo.take(1);
    sim.clock.advance(30_000);
    await api(demoTokens.classmate, 'POST', 'typing/', { receiver_id: DEMO });
    sim.clock.advance(1);
    await api(demoTokens.classmate, 'POST', 'typing/', { receiver_id: DEMO, is_typing: false });
    const events = await demo.take(4);
    expect(events.map((e) => e.event)).toEqual(['connected', 'typing', 'typing', 'heartbeat']);
    expect(events[3]!.data).toEqual({ timestamp: sim.clock.now() / 1000 });
    await api(demoTokens.classmate, 'POST', 'typing/', { receiver_id: DEMO });
    expect((await demo.nth(4)).event).toBe('typing');
    await api(demoTokens.classmate, 'POST', 'typing/', { receiver_id: DEMO });
    expect((await demo.nth(5)).event).toBe('typing');
  });

  it('Redis down: open streams end with disconnected, new ones get one error event; back up, streams work again', async () => {
    const { sim, sse, api } = await rig(mode);
    const demo = await sse(demoTokens.demo);
    await demo.take(1);
    expect(sim.faults.redisUnavailable(true)).toBe(1);
    await demo.finished();
    expect(demo.error).toBeNull();
    expect(demo.events.map((e) => e.event)).toEqual(['connected', 'disconnected']);
    expect(demo.events[1]!.data).toEqual({ status: 'disconnected' });
    const refused = await sse(demoTokens.demo);
    expect(refused.response.status).toBe(200);
    await refused.finished();
    expect(refused.text).toBe('event: error\ndata: {"error": "Redis not available"}\n\n');
    // REST still works (the database is up); nothing is online.
    expect((await api(demoTokens.classmate, 'POST', '', { receiver_id: DEMO, message: 'lost event' })).status).toBe(201);
    expect((await api(demoTokens.demo, 'GET', 'online-users/')).json).toEqual({ online_users: [] });
    sim.faults.redisUnavailable(false);
    const again = await sse(demoTokens.demo);
    expect((await again.nth(0)).event).toBe('connected');
    await api(demoTokens.classmate, 'POST', '', { receiver_id: DEMO, message: 'back' });
    expect((await again.nth(1)).data).toMatchObject({ message: 'back', sender_id: NOOR });
    expect((await api(demoTokens.demo, 'GET', `conversation/${NOOR}/`)).json.messages.map((m: any) => m.message)).toEqual(['back', 'lost event']);
  });

  it('a bot types, stops, answers as a message event, and reads the user’s message', async () => {
    const { sse, api } = await rig(mode, { botReplyDelayMs: 60 });
    const demo = await sse(demoTokens.demo);
    await demo.take(1);
    const sent = await api(demoTokens.demo, 'POST', '', { receiver_id: SAM, message: 'notes?' });
    const [, typing, stopped, reply] = await demo.take(4);
    expect(typing).toEqual({ event: 'typing', data: { sender_id: SAM, sender_name: 'Sam', is_typing: true } });
    expect(stopped).toEqual({ event: 'typing', data: { sender_id: SAM, sender_name: 'Sam', is_typing: false } });
    expect(reply).toMatchObject({ event: 'message', data: { sender_id: SAM, sender_name: 'Sam', receiver_id: DEMO, message: expect.any(String), conversation_id: String(sent.json.conversation) } });
    const history = (await api(demoTokens.demo, 'GET', `conversation/${SAM}/?limit=2`)).json.messages;
    expect(history.map((m: any) => [m.id, m.sender])).toEqual([[reply!.data.id, SAM], [sent.json.id, DEMO]]);
    expect(history[1]).toMatchObject({ is_read: true, read_at: expect.stringMatching(/Z$/) });
    expect(demo.events.some((e) => e.event === 'read_receipt')).toBe(false);
  });

  it('with erpReadReceipts, the bot’s read comes as a read_receipt before it types', async () => {
    const { sse, api } = await rig(mode, { botReplyDelayMs: 40, erpReadReceipts: true });
    const demo = await sse(demoTokens.demo);
    await demo.take(1);
    const sent = await api(demoTokens.demo, 'POST', '', { receiver_id: SAM, message: 'hello bot' });
    // Sam reads the whole conversation: the seeded unread question, then the new message.
    const events = await demo.take(6);
    expect(events.map((e) => e.event)).toEqual(['connected', 'read_receipt', 'read_receipt', 'typing', 'typing', 'message']);
    expect(events[1]!.data.message_id).toBeLessThan(sent.json.id);
    expect(events[2]!.data).toEqual({ message_id: sent.json.id, reader_id: SAM, reader_name: 'Sam', read_at: null });
  });

  it('ends the stream when the simulator drops it, and reaches SSE users from emitters and ws/chat/', async () => {
    const { sim, sse } = await rig(mode);
    const demo = await sse(demoTokens.demo);
    await demo.take(1);
    const m = sim.emit.chatMessage(demoUsers.classmate.id, demoUsers.demo.id, 'from the emitter');
    expect(await demo.nth(1)).toMatchObject({ event: 'message', data: { id: m.id, sender_id: NOOR, message: 'from the emitter' } });
    sim.emit.notification(demoUsers.demo.id, { title: 'Exam', body: 'Room 204', notification_type: 'notice' });
    expect(await demo.nth(2)).toEqual({ event: 'notification', data: { title: 'Exam', message: 'Room 204', notification_type: 'notice', data: null } });
    // The documented ws/chat/ keeps its integer ids; what it sends reaches the SSE stream too.
    const ws = join(sim, `/ws/chat/?token=${demoTokens.classmate}`);
    ws.send({ receiver_id: demoUsers.demo.id, message: 'over the socket' });
    expect(ws.sink.json()).toEqual([{ type: 'message_sent', id: expect.any(Number) }]);
    expect(await demo.nth(3)).toMatchObject({ event: 'message', data: { sender_id: NOOR, receiver_id: DEMO, message: 'over the socket' } });
    expect(sim.sessions().map((s) => [s.backend, s.userId])).toEqual([['chat', '1'], ['chat', '5']]);
    expect(sim.faults.dropAll()).toBe(2);
    await demo.finished();
    expect(demo.events).toHaveLength(4);
  });
});

describe('the ERP event stream, per transport', () => {
  it('simulatorFetch: aborting the signal errors the body with AbortError and removes the subscriber', async () => {
    const { sim, sse } = await rig('simulatorFetch');
    const demo = await sse(demoTokens.demo);
    await demo.take(1);
    expect(sim.sessions()).toHaveLength(1);
    demo.abort.abort();
    await demo.finished();
    expect((demo.error as Error).name).toBe('AbortError');
    expect(sim.sessions()).toEqual([]);
    // An abort before the answer rejects the fetch itself.
    const early = new AbortController();
    early.abort();
    await expect(simulatorFetch(sim)(`http://simulator.local${ERP_SSE_PATH}?token=demo`, { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(sim.sessions()).toEqual([]);
  });

  it('http: a client that disconnects is unsubscribed; stopping the server ends open streams cleanly', async () => {
    const { sim, server, sse } = await rig('http');
    const gone = await sse(demoTokens.demo);
    const stays = await sse(demoTokens.classmate);
    await gone.take(1);
    await stays.take(1);
    expect(stays.response.headers.get('transfer-encoding')).toBe('chunked');
    expect(sim.sessions()).toHaveLength(2);
    gone.abort.abort();
    await eventually(() => sim.sessions().length === 1, 'the server to see the disconnect');
    expect(sim.sessions()[0]!.userId).toBe(String(demoUsers.classmate.id));
    const started = Date.now();
    await server!.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await stays.finished();
    expect(stays.error).toBeNull();
    expect(sim.sessions()).toEqual([]);
  });

  it('the demo users include two people who chat with each other, with UUID ERP ids', () => {
    const sim = createSimulator({ clock: 'manual' });
    cleanups.push(() => sim.dispose());
    for (const name of ['demo', 'classmate'] as const) {
      const user = sim.world.userByToken(demoTokens[name])!;
      expect(user.bot).toBe(false);
      expect(sim.world.erpId(user)).toBe(demoUsers[name].uuid);
      expect(demoUsers[name].uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(sim.world.userByErpId(DEMO.toUpperCase())?.username).toBe('demo');
    expect(sim.world.userByErpId(1)).toBeUndefined();
  });
});
