/**
 * Exactly-once chat sends across faults, on the simulator server (which honours the kit's
 * idempotency key, `client_id`): 1,000 messages, 20 faults, a 20 ms latency proxy. See
 * chatFaults.ts for the run; chatFaults.django.test.ts runs it on the Django reference backend.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reduceBatch } from '../../src/core/store/createRealtimeStore';
import { chatDialect, chatOverSse, type RealtimeEvent, type StoreEntry as Entry } from 'react-realtime-kit';
import { demoTokens, demoUsers, createSimulator, type Simulator } from 'react-realtime-kit/testing';
import { createSimulatorServer, type SimulatorServer } from 'react-realtime-kit/testing/server';
import { disposeClients } from '../helpers/clientFor';
import { initialState, slicesWith } from '../helpers/storeOf';
import { runChatFaults, type FaultServer, type StoredMessage } from './chatFaults';

let server: SimulatorServer | undefined;
afterEach(async () => {
  disposeClients();
  await server?.close();
  server = undefined;
});

/**
 * The simulator behind a real port; `restart` closes it (every socket cut, nothing answered
 * while down) and serves the same world (its "database") again on the same port.
 */
async function simulatorServer(mode: 'socket' | 'rest'): Promise<FaultServer> {
  const simulator: Simulator = createSimulator({ seed: 15, botReplyDelayMs: false });
  server = await createSimulatorServer({ port: 0, simulator });
  const port = server.port;
  const me = demoUsers.demo;
  const peer = demoUsers.classmate;
  return {
    port,
    async restart() {
      await server!.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      server = await createSimulatorServer({ port, simulator });
    },
    async stored(): Promise<StoredMessage[]> {
      return simulator.world.messages
        .filter((m) => String(m.sender_id) === String(me.id) && String(m.receiver_id) === String(peer.id))
        .map((m) => ({ id: String(m.id), text: m.message, clientId: m.client_id ?? null }));
    },
    client: mode === 'socket' ? { token: demoTokens.demo } : { token: demoTokens.demo, authScheme: 'Token', backends: { chat: chatOverSse() } },
    peerId: mode === 'socket' ? String(peer.id) : peer.uuid,
  };
}

describe('chat sends across faults, on the simulator (honours client_id)', () => {
  it('WebSocket ERP chat: 1,000 messages, 10 server kills and 10 drops, 20 ms latency: every message stored once, all sent, converged after each fault', async () => {
    const summary = await runChatFaults(await simulatorServer('socket'), { label: 'simulator, ws/chat/' });
    expect(summary).toMatchObject({ lost: 0, duplicated: 0, faults: 20 });
  }, 120_000);

  it('SSE + REST ERP chat: the same run, a lost POST answer retried under the same client_id', async () => {
    const summary = await runChatFaults(await simulatorServer('rest'), { label: 'simulator, SSE + REST' });
    expect(summary).toMatchObject({ lost: 0, duplicated: 0, faults: 20 });
  }, 120_000);
});

type StoreEntry = Entry<RealtimeEvent>;

describe('matching acks by client id', () => {
  const own = (clientId: string): StoreEntry => ({
    endpoint: 'chat',
    event: { kind: 'chat/queued', message: { id: null, clientId, peerId: '5', own: true, senderName: null, text: clientId, attachment: null, timestamp: '2026-01-01T00:00:00.000Z', state: 'queued' } },
  });
  const sending = (clientId: string): StoreEntry => ({ endpoint: 'chat', event: { kind: 'chat/sending', clientId } });
  const frame = (json: unknown): StoreEntry[] => {
    const parsed = chatDialect.parse(JSON.stringify(json));
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.events.map((event) => ({ endpoint: 'chat', event: event as RealtimeEvent }));
  };

  it('an ack naming its send matches it exactly, out of order; a repeated ack for a sent message changes nothing', () => {
    const limits = slicesWith();
    let state = reduceBatch(initialState(), [own('a'), own('b'), sending('a'), sending('b')], limits);
    const apply = (entries: StoreEntry[]): void => void (state = reduceBatch(state, entries, limits));
    apply(frame({ type: 'message_sent', id: 8, client_id: 'b' }));
    const chat = () => state.chat;
    expect(chat().byPeer['5']!.map((m) => [m.clientId, m.state, m.id])).toEqual([['a', 'sending', null], ['b', 'sent', '8']]);
    expect(chat().awaitingAck).toEqual(['a']);
    const before = chat();
    apply(frame({ type: 'message_sent', id: 8, client_id: 'b' }));
    expect(chat().byPeer).toEqual(before.byPeer);
    expect(chat().awaitingAck).toEqual(['a']);
    // Without client_id (the ERP today): the oldest awaiting one, as before.
    apply(frame({ type: 'message_sent', id: 7 }));
    expect(chat().byPeer['5']!.map((m) => [m.clientId, m.state, m.id])).toEqual([['a', 'sent', '7'], ['b', 'sent', '8']]);
    expect(chat().awaitingAck).toEqual([]);
  });
});
