import type { RealtimeClient } from '../../core/RealtimeClient';
import { RealtimeError } from '../../core/RealtimeError';
import { chatBackend } from './chatBackend';
import { chatUsesRest, postChat } from './chatRest';
import type { ChatEvent, ChatMessage } from './types';

interface Outbox {
  tag: number;
  seq: number;
  /** What was sent, by client id, so a failed message can be retried under the same id. */
  sent: Map<string, { peerId: string; text: string; attachment: string | null }>;
}

/** One outbox per client (never shared between clients). */
const outboxes = new WeakMap<RealtimeClient, Outbox>();
let clientSeq = 0;
/** Own messages remembered for a retry, per client. */
const retryCap = 2000;

/**
 * 64 random bits: the client id is the server's idempotency key, unique per sender for ever,
 * and two tabs or devices of one user count their sends alike.
 */
function randomPart(): string {
  const words = new Uint32Array(2);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(words);
  else for (let i = 0; i < 2; i++) words[i] = Math.floor(Math.random() * 2 ** 32);
  return Array.from(words, (w) => w.toString(36)).join('');
}

function outboxOf(client: RealtimeClient): Outbox {
  let outbox = outboxes.get(client);
  if (!outbox) outboxes.set(client, (outbox = { tag: ++clientSeq, seq: 0, sent: new Map() }));
  return outbox;
}

/** Like client.send: a disposed client takes nothing (no socket, no REST post), and says so. */
function refuseDisposed(client: RealtimeClient, what: string): void {
  if (client.disposed) throw new RealtimeError('connection-failed', `${what}: this client was disposed; use a new client.`);
}

function dispatch(client: RealtimeClient, event: ChatEvent): void {
  client.dispatch({ endpoint: 'chat', event });
}

function stateOf(client: RealtimeClient, clientId: string): ChatMessage['state'] | undefined {
  for (const list of Object.values(client.store.getState().chat.byPeer)) {
    const found = list.find((m) => m.clientId === clientId);
    if (found) return found.state;
  }
  return undefined;
}

function show(client: RealtimeClient, clientId: string, entry: { peerId: string; text: string; attachment: string | null }): void {
  const message: ChatMessage = { id: null, clientId, peerId: entry.peerId, own: true, senderName: null, text: entry.text, attachment: entry.attachment, timestamp: new Date().toISOString(), state: 'queued' };
  dispatch(client, { kind: 'chat/queued', message });
}

function transmit(client: RealtimeClient, clientId: string, entry: { peerId: string; text: string; attachment: string | null }): void {
  if (chatUsesRest(client)) return postChat(client, clientId, entry);
  try {
    // The client id goes on the wire too: a retry after a lost ack is then the same send to a server that honours it.
    const command = { receiverId: entry.peerId, message: entry.text, attachment: entry.attachment, clientId };
    if (client.send(chatBackend, command, undefined, clientId) === 'sent') dispatch(client, { kind: 'chat/sending', clientId });
  } catch (cause) {
    const nothingSubscribed = !client.connectionState(chatBackend);
    const error = nothingSubscribed ? "Not connected to chat: mount useChat (or call client.subscribe(chatBackend)) first." : (cause as Error).message;
    dispatch(client, { kind: 'chat/failed', clientIds: [clientId], error });
  }
}

/**
 * Send a chat message. It shows at once as `queued`, becomes `sending` when written to the
 * socket (or posted, on a REST server), then `sent` on the server's ack (the REST answer) or
 * `failed` (with a retry). Returns its client id.
 */
export function sendChat(client: RealtimeClient, peerId: string | number, text: string, options: { attachment?: string | null } = {}): string {
  const peer = peerId === undefined || peerId === null ? '' : String(peerId);
  if (!peer) throw new TypeError('sendChat needs a peer id: the id of the user to write to.');
  const attachment = options.attachment ?? null;
  if (typeof text !== 'string' || (!text.trim() && !attachment)) throw new TypeError('sendChat needs a non-empty message text or an attachment.');
  refuseDisposed(client, 'sendChat');
  client.use(chatBackend);
  const outbox = outboxOf(client);
  const clientId = `c${outbox.tag}-${Date.now().toString(36)}-${++outbox.seq}-${randomPart()}`;
  const entry = { peerId: peer, text, attachment };
  outbox.sent.set(clientId, entry);
  // Bounded like every list: the oldest (long since sent or given up) are forgotten.
  for (const oldest of outbox.sent.keys()) {
    if (outbox.sent.size <= retryCap) break;
    outbox.sent.delete(oldest);
  }
  show(client, clientId, entry);
  transmit(client, clientId, entry);
  client.flush(); // a person's own message shows at once, not on the next frame
  return clientId;
}

/** Send a failed chat message again under the same client id (a no-op for any other state). */
export function retryChat(client: RealtimeClient, clientId: string): void {
  const entry = outboxOf(client).sent.get(clientId);
  if (!entry) throw new TypeError(`retryChat: no message with client id "${clientId}" was sent by this client.`);
  refuseDisposed(client, 'retryChat');
  // Only a failed message is retried: sending a queued, in-flight or sent one again would
  // make the server store it twice.
  if (stateOf(client, clientId) !== 'failed') return;
  show(client, clientId, entry);
  transmit(client, clientId, entry);
  client.flush();
}
