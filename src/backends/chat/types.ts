export interface ChatMessage {
  /** The server's id, once known. */
  id: string | null;
  /** The client's id for a message this client sent; for received messages, `"srv:<id>"`. */
  clientId: string;
  peerId: string;
  /** `true` when this client sent it. */
  own: boolean;
  senderName: string | null;
  text: string;
  attachment: string | null;
  timestamp: string;
  state: 'queued' | 'sending' | 'sent' | 'failed' | 'received';
  error?: string;
}

export type ChatEvent =
  | { kind: 'chat/received'; message: ChatMessage }
  | { kind: 'chat/ack'; serverId: string }
  | { kind: 'chat/rejected'; error: string }
  /** Local: an own message shown at once (or re-queued by a retry). */
  | { kind: 'chat/queued'; message: ChatMessage }
  /** Local: written to the socket, waiting for its ack. */
  | { kind: 'chat/sending'; clientId: string }
  /** Local: given up (`awaiting`: every message still waiting for an ack). */
  | { kind: 'chat/failed'; clientIds: string[] | 'awaiting'; error: string };

export interface ChatSlice {
  /** Messages per peer, ordered by timestamp. */
  byPeer: Record<string, ChatMessage[]>;
  /** Client ids written to the socket and waiting for their `message_sent` ack, in send order. */
  awaitingAck: string[];
}
