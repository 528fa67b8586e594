import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatDialect } from 'react-realtime-kit';
import { type Simulator } from 'react-realtime-kit/testing';
import { attempt, checkedSimulator, join } from './simHarness';

let sim: Simulator & { assertParsed(): number };
afterEach(() => {
  sim.assertParsed();
  sim.dispose();
  vi.useRealTimers();
});

describe('ERP chat (§4)', () => {
  it('authenticates with a DRF key (leading "Bearer " stripped) and checks the Origin', () => {
    sim = checkedSimulator();
    expect(attempt(sim, '/ws/chat/')).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/chat/?token=0123456789abcdef')).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/chat/?token=demo', { origin: 'http://attacker.test' })).toMatchObject({ ok: false, status: 403 });
    expect(attempt(sim, '/ws/chat/?token=Bearer%20demo').ok).toBe(true);
    expect(attempt(sim, '/ws/chat/?token=Bearer+demo').ok).toBe(true);
    expect(join(sim, '/ws/chat/?token=demo').sink.frames).toEqual([]); // no greeting
  });

  it('acks the sender (no echo) and delivers chat_message to every session of the receiver only', () => {
    sim = checkedSimulator();
    const me = join(sim, '/ws/chat/?token=demo');
    const myOtherTab = join(sim, '/ws/chat/?token=demo');
    const peer = join(sim, '/ws/chat/?token=peer');
    const peer2 = join(sim, '/ws/chat/?token=peer');
    const admin = join(sim, '/ws/chat/?token=admin');
    me.send({ receiver_id: 2, message: 'Hi Sam', attachment: 'https://files.example/notes.pdf' });
    const stored = sim.world.messages[sim.world.messages.length - 1]!;
    expect(me.sink.json()).toEqual([{ type: 'message_sent', id: stored.id }]);
    expect(myOtherTab.sink.frames).toEqual([]);
    for (const p of [peer, peer2]) {
      expect(p.sink.json()).toEqual([{ type: 'chat_message', id: stored.id, sender_id: 1, sender_name: 'Demo', message: 'Hi Sam', attachment: 'https://files.example/notes.pdf', timestamp: '2025-01-01T10:00:00.000Z' }]);
    }
    expect(admin.sink.frames).toEqual([]);
    // A string receiver id works too (Django looks it up as text); attachment-only is fine.
    me.send({ receiver_id: '2', attachment: '/media/a.png' });
    expect(peer.sink.last()).toMatchObject({ message: '', attachment: '/media/a.png' });
  });

  it('honours client_id (the real server ignores it): a repeat by the same sender is acked with the stored id and neither stored nor delivered again', () => {
    sim = checkedSimulator();
    const me = join(sim, '/ws/chat/?token=demo');
    const peer = join(sim, '/ws/chat/?token=peer');
    const count = sim.world.messages.length;
    me.send({ receiver_id: 2, message: 'once', client_id: 'c1-a-1' });
    const stored = sim.world.messages[sim.world.messages.length - 1]!;
    me.send({ receiver_id: 2, message: 'once', client_id: 'c1-a-1' });
    expect(me.sink.json()).toEqual([{ type: 'message_sent', id: stored.id, client_id: 'c1-a-1' }, { type: 'message_sent', id: stored.id, client_id: 'c1-a-1' }]);
    expect(peer.sink.json()).toHaveLength(1);
    expect(sim.world.messages.length).toBe(count + 1);
    // Keys are per sender; a send without one is stored every time, as before.
    const other = join(sim, '/ws/chat/?token=classmate');
    other.send({ receiver_id: 2, message: 'same key', client_id: 'c1-a-1' });
    me.send({ receiver_id: 2, message: 'no key' });
    me.send({ receiver_id: 2, message: 'no key' });
    expect(sim.world.messages.length).toBe(count + 4);
    expect(me.sink.last()).toEqual({ type: 'message_sent', id: sim.world.messages[sim.world.messages.length - 1]!.id });
  });

  it('answers bad sends with {type:"error", error}', () => {
    sim = checkedSimulator();
    const me = join(sim, '/ws/chat/?token=demo');
    me.send({ message: 'no receiver' });
    me.send({ receiver_id: 2 });
    me.send({ receiver_id: 2, message: '' });
    me.send({ receiver_id: 424242, message: 'hello?' });
    expect(me.sink.json()).toEqual([
      { type: 'error', error: 'receiver_id is required' },
      { type: 'error', error: 'message or attachment is required' },
      { type: 'error', error: 'message or attachment is required' },
      { type: 'error', error: 'Failed to send message. Receiver not found.' },
    ]);
    expect(me.sink.closes).toEqual([]);
    for (const frame of me.sink.frames) expect(chatDialect.parse(frame).ok).toBe(true);
  });

  it('echoes a send\'s client_id in its refusal (not on the real server), so the kit matches it exactly', () => {
    sim = checkedSimulator();
    const me = join(sim, '/ws/chat/?token=demo');
    me.send({ receiver_id: 424242, message: 'hello?', client_id: 'c1-a-9' });
    expect(me.sink.json()).toEqual([{ type: 'error', error: 'Failed to send message. Receiver not found.', client_id: 'c1-a-9' }]);
    expect(chatDialect.parse(me.sink.frames[0]!)).toEqual({ ok: true, events: [{ kind: 'chat/rejected', error: 'Failed to send message. Receiver not found.', clientId: 'c1-a-9' }] });
  });

  it('closes with 1011 on invalid JSON (the real consumer crashes)', () => {
    sim = checkedSimulator();
    const me = join(sim, '/ws/chat/?token=demo');
    me.send('{"receiver_id": 2,');
    expect(me.sink.closes).toEqual([{ code: 1011, reason: expect.any(String) }]);
    me.send({ receiver_id: 2, message: 'after close' });
    expect(me.sink.frames).toEqual([]);
    const again = join(sim, '/ws/chat/?token=demo');
    again.send('[]');
    expect(again.sink.closes.map((c) => c.code)).toEqual([1011]);
  });

  it('a bot peer replies after botReplyDelayMs, with a seeded text and a simulated timestamp', () => {
    vi.useFakeTimers();
    sim = checkedSimulator({ botReplyDelayMs: 300 });
    const me = join(sim, '/ws/chat/?token=demo');
    const notes = join(sim, '/ws/notifications/?token=demo');
    notes.sink.clear();
    me.send({ receiver_id: 2, message: 'ping?' });
    expect(me.sink.types()).toEqual(['message_sent']);
    vi.advanceTimersByTime(299);
    expect(me.sink.types()).toEqual(['message_sent']);
    vi.advanceTimersByTime(1);
    expect(me.sink.last()).toMatchObject({ type: 'chat_message', sender_id: 2, sender_name: 'Sam', message: expect.any(String), attachment: null, timestamp: sim.clock.iso() });
    expect(notes.sink.types()).toEqual(['chat_message']);
    // A human peer does not answer; dispose cancels a pending reply.
    me.send({ receiver_id: 5, message: 'hi noor' });
    me.send({ receiver_id: 3, message: 'hi priya' });
    sim.dispose();
    vi.advanceTimersByTime(1000);
    expect(me.sink.types()).toEqual(['message_sent', 'chat_message', 'message_sent', 'message_sent']);
  });

  it('emit.chatMessage stores and delivers; unknown users throw a clear error', () => {
    sim = checkedSimulator();
    const me = join(sim, '/ws/chat/?token=demo');
    const m = sim.emit.chatMessage(3, 1, 'from priya', 'javascript:alert(1)');
    expect(me.sink.last()).toMatchObject({ id: m.id, sender_id: 3, sender_name: 'Priya', attachment: 'javascript:alert(1)' });
    // The kit drops the unsafe URL at the edge, but the frame still parses.
    const parsed = chatDialect.parse(me.sink.frames[0]);
    expect(parsed.ok && parsed.events[0]).toMatchObject({ kind: 'chat/received', message: { attachment: null } });
    expect(() => sim.emit.chatMessage(1, 999, 'x')).toThrow(/No user 999/);
  });
});
