/**
 * Exactly-once chat sends across faults, on the Django reference backend (daphne, Channels,
 * SQLite; its ChatConsumer honours the kit's idempotency key, `client_id`, with a unique
 * (sender, client_id) column): 1,000 messages over the documented `ws/chat/`, 10 daphne kills
 * and restarts on the same port and 10 drops of every connection, behind a 20 ms latency proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeClients } from '../helpers/clientFor';
import { startDjangoBackend, type DjangoBackend } from '../backends/startDjangoBackend';
import { runChatFaults, type StoredMessage } from './chatFaults';

let backend: DjangoBackend;
beforeAll(async () => {
  backend = await startDjangoBackend();
}, 60_000);
afterAll(async () => {
  disposeClients();
  await backend?.stop();
}, 20_000);

describe('chat sends across faults, on the Django reference backend (honours client_id)', () => {
  it('WebSocket ERP chat: 1,000 messages, 10 daphne kills and 10 drops, 20 ms latency: every message stored once, all sent, converged after each fault', async () => {
    const { users, erp } = backend.tokens;
    const peer = users.second.id;
    const summary = await runChatFaults(
      {
        port: backend.port,
        restart: () => backend.restart(),
        async stored(): Promise<StoredMessage[]> {
          const { messages } = await backend.control<{ messages: { id: number; receiver_id: number; message: string; client_id: string | null }[] }>('erp/chat/messages/', { sender_id: users.customer.id });
          return messages.filter((m) => m.receiver_id === peer).map((m) => ({ id: String(m.id), text: m.message, clientId: m.client_id }));
        },
        client: { token: erp.customer },
        peerId: String(peer),
      },
      { label: 'Django reference, ws/chat/' },
    );
    expect(summary).toMatchObject({ lost: 0, duplicated: 0, faults: 20 });
  }, 150_000);
});
