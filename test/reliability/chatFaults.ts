/**
 * The chat fault run, shared by the simulator and the Django reference backend: one user sends
 * messages to another at a steady rate through a latency proxy while the server is killed and
 * restarted on its port, or the network drops every connection; after each fault the user does
 * what ChatPanel's Retry lets a person do (retry every message shown `failed`, once
 * reconnected), and the kit's conversation is compared with the server's store.
 */
import { expect } from 'vitest';
import { chatBackend, retryChat, sendChat, type ChatMessage, type RealtimeClientOptions } from 'react-realtime-kit';
import { clientFor } from '../helpers/clientFor';
import { startLoopbackProxy, type LoopbackProxy } from '../helpers/loopbackProxy';
import { until } from '../helpers/until';

/** One message as the server stored it. */
export interface StoredMessage {
  id: string;
  text: string;
  /** The sender's idempotency key, as the server stored it. */
  clientId: string | null;
}

/** The server under test, as the run needs it. */
export interface FaultServer {
  /** The port the proxy forwards to (the same after every restart). */
  port: number;
  /** Kill the server and start it again on the same port; resolves once it answers. */
  restart(): Promise<void>;
  /** Every message the sender has stored for the peer, from the server's own store. */
  stored(): Promise<StoredMessage[]>;
  /** Token and backend settings of the sending user (`url` and `apiUrl` are the proxy's). */
  client: RealtimeClientOptions;
  /** The receiver, as `sendChat` takes it. */
  peerId: string;
}

export interface FaultRunOptions {
  messages?: number;
  kills?: number;
  drops?: number;
  /** One-way latency of the proxy (ms). */
  latencyMs?: number;
  /** A message every this many ms. */
  sendEveryMs?: number;
  /** Label of the printed summary. */
  label: string;
}

export interface FaultRunSummary {
  messages: number;
  faults: number;
  kills: number;
  drops: number;
  /** Messages retried (ChatPanel's Retry) after the faults, each counted once. */
  retried: number;
  /** Retries in all (a retry cut by the next fault is retried again). */
  retries: number;
  /** Messages the server had already stored when retried (their ack was lost): the ambiguous cases. */
  retriedAfterLostAck: number;
  lost: number;
  duplicated: number;
  seconds: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Run the fault run against `server`, asserting as it goes; returns (and prints) the figures. */
export async function runChatFaults(server: FaultServer, options: FaultRunOptions): Promise<FaultRunSummary> {
  const { messages = 1000, kills = 10, drops = 10, latencyMs = 20, sendEveryMs = 10, label } = options;
  const faults = kills + drops;
  const perRound = Math.ceil(messages / faults);
  const started = Date.now();
  const proxy: LoopbackProxy = await startLoopbackProxy({ upstreams: [server.port], latencyMs });
  const before = new Set((await server.stored()).map((m) => m.id));
  const { client, errors } = clientFor(
    { url: proxy.url },
    { apiUrl: proxy.httpUrl, ...server.client, backends: { ...server.client.backends, chat: { ...server.client.backends?.['chat'], limits: { messages: messages * 2 } } } },
  );
  const texts = new Map<string, string>();
  const retried = new Set<string>();
  const afterLostAck = new Set<string>();
  let retries = 0;
  const status = (): string | undefined => client.connectionState(chatBackend)?.status;
  const own = (): ChatMessage[] => (client.store.getState().chat.byPeer[server.peerId] ?? []).filter((m) => m.own);
  const storedNow = async (): Promise<StoredMessage[]> => (await server.stored()).filter((m) => !before.has(m.id));

  try {
    client.subscribe(chatBackend);
    await until(() => status() === 'open', 'the chat open through the proxy', 15_000);

    // Drops and kills in turn (a drop first), then whichever is left.
    const schedule: ('drop' | 'kill')[] = [];
    for (let d = drops, k = kills; d + k > 0; ) {
      if (d > 0 && (schedule.length % 2 === 0 || k === 0)) (schedule.push('drop'), d--);
      else (schedule.push('kill'), k--);
    }
    let n = 0;
    for (let round = 0; round < faults && n < messages; round++) {
      const kill = schedule[round] === 'kill';
      const faultAt = Math.floor(perRound / 2);
      let restarting: Promise<void> | undefined;
      for (let i = 0; i < perRound && n < messages; i++) {
        const text = `message ${++n} of ${messages}`;
        texts.set(sendChat(client, server.peerId, text), text);
        if (i === faultAt) {
          // Right after a send was written: it has reached the server (one latency) and its
          // ack is on its way back (less than two), so the fault loses acks of stored messages.
          await sleep(latencyMs + 2 + (round % 4) * 4);
          if (kill) restarting = server.restart();
          else proxy.dropAll();
        } else await sleep(sendEveryMs);
      }
      await restarting;
      await converge();
    }

    // Every message exactly once on the server, and sent with the server's id in the kit.
    const stored = await storedNow();
    const byClientId = new Map<string, StoredMessage[]>();
    for (const m of stored) byClientId.set(m.clientId ?? `no key: ${m.id}`, [...(byClientId.get(m.clientId ?? `no key: ${m.id}`) ?? []), m]);
    const lost = [...texts.keys()].filter((id) => !byClientId.has(id)).length;
    const duplicated = stored.length - byClientId.size;
    expect({ lost, duplicated, stored: stored.length }).toEqual({ lost: 0, duplicated: 0, stored: messages });
    for (const [clientId, text] of texts) {
      const [onServer] = byClientId.get(clientId)!;
      expect(onServer!.text).toBe(text);
      expect(own().find((m) => m.clientId === clientId)).toMatchObject({ state: 'sent', id: onServer!.id, text });
    }
    // The faults made ambiguous cases, or this run proves nothing about them.
    expect(afterLostAck.size).toBeGreaterThan(0);
    // The only errors are the faults' own (connection lost, refused while down), never a parse error.
    expect(errors.filter((e) => e.code === 'invalid-frame')).toEqual([]);
    const summary: FaultRunSummary = { messages, faults, kills, drops, retried: retried.size, retries, retriedAfterLostAck: afterLostAck.size, lost, duplicated, seconds: (Date.now() - started) / 1000 };
    console.log(
      `${label}: ${messages} messages, ${faults} faults (${kills} server kills, ${drops} drops of all connections), ${latencyMs} ms latency each way; ` +
        `retried ${summary.retried} messages (${retries} retries; ${summary.retriedAfterLostAck} already stored, their ack lost), lost ${lost}, duplicated ${duplicated}, ${summary.seconds.toFixed(1)} s`,
    );
    return summary;
  } finally {
    client.dispose();
    await proxy.close();
  }

  /** Once reconnected, retry every failed message until all are sent; then the kit's list is the server's. */
  async function converge(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const list = own();
      if (list.length === texts.size && list.every((m) => m.state === 'sent')) break;
      if (Date.now() > deadline) throw new Error(`no convergence: ${JSON.stringify(list.filter((m) => m.state !== 'sent').slice(0, 5))} (status ${status()})`);
      const failed = list.filter((m) => m.state === 'failed');
      if (status() === 'open' && failed.length) {
        const onServer = new Set((await storedNow()).map((m) => m.clientId));
        for (const m of failed) {
          retries++;
          retried.add(m.clientId);
          if (onServer.has(m.clientId)) afterLostAck.add(m.clientId);
          retryChat(client, m.clientId);
        }
      }
      await sleep(25);
    }
    const kit = own().map((m) => `${m.id} ${m.text}`).sort();
    const server = (await storedNow()).map((m) => `${m.id} ${m.text}`).sort();
    expect(kit).toEqual(server);
  }
}
