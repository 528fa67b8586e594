import type { Connection } from './Connection';
import type { ChatMessage } from './events';
import type { StoreEntry } from './store/types';

export interface ChatOutbox {
  send(peerId: string | number, text: string, options?: { attachment?: string | null }): string;
  retry(clientId: string): void;
}

/**
 * Own chat messages: each gets a client id and shows at once as `queued`; it becomes
 * `sending` when written to the socket, then `sent` or `failed` from the store's ack matching.
 * What was sent is kept so a failed message can be retried under the same client id.
 */
export function createChatOutbox(deps: {
  clientTag: number;
  connection(): Connection | undefined;
  dispatch(entry: StoreEntry): void;
  flush(): void;
  /** The current state of an own message, from the store. */
  stateOf(clientId: string): ChatMessage['state'] | undefined;
  /** Most messages kept for retry; the oldest are forgotten first. */
  cap: number;
}): ChatOutbox {
  const sent = new Map<string, { peerId: string; text: string; attachment: string | null }>();
  let seq = 0;

  function show(clientId: string): void {
    const entry = sent.get(clientId)!;
    const message: ChatMessage = { id: null, clientId, peerId: entry.peerId, own: true, senderName: null, text: entry.text, attachment: entry.attachment, timestamp: new Date().toISOString(), state: 'queued' };
    deps.dispatch({ endpoint: 'chat', event: { kind: 'chat/queued', message } });
  }

  function fail(clientId: string, error: string): void {
    deps.dispatch({ endpoint: 'chat', event: { kind: 'chat/failed', clientIds: [clientId], error } });
  }

  function transmit(clientId: string): void {
    const entry = sent.get(clientId)!;
    const connection = deps.connection();
    if (!connection) return fail(clientId, "Not connected to chat: mount useChat (or call client.subscribe('chat')) first.");
    try {
      const command = { receiverId: entry.peerId, message: entry.text, attachment: entry.attachment };
      if (connection.send(command, clientId) === 'sent') deps.dispatch({ endpoint: 'chat', event: { kind: 'chat/sending', clientId } });
    } catch (cause) {
      fail(clientId, (cause as Error).message);
    }
  }

  return {
    send(peerId, text, { attachment = null } = {}) {
      const peer = peerId === undefined || peerId === null ? '' : String(peerId);
      if (!peer) throw new TypeError('sendChat needs a peer id: the id of the user to write to.');
      if (typeof text !== 'string' || (!text.trim() && !attachment)) throw new TypeError('sendChat needs a non-empty message text or an attachment.');
      const clientId = `c${deps.clientTag}-${Date.now().toString(36)}-${++seq}`;
      sent.set(clientId, { peerId: peer, text, attachment });
      // Bounded like every list: the oldest (long since sent or given up) are forgotten.
      for (const oldest of sent.keys()) {
        if (sent.size <= deps.cap) break;
        sent.delete(oldest);
      }
      show(clientId);
      transmit(clientId);
      deps.flush(); // a person's own message shows at once, not on the next frame
      return clientId;
    },
    retry(clientId) {
      if (!sent.has(clientId)) throw new TypeError(`retryChat: no message with client id "${clientId}" was sent by this client.`);
      const state = deps.stateOf(clientId);
      // Only a failed message is retried: sending a queued, in-flight or sent one again would
      // make the server store it twice.
      if (state !== 'failed') return;
      show(clientId);
      transmit(clientId);
      deps.flush();
    },
  };
}
