export interface ChatMessage {
  /** The server's id, once known. */
  id: string | null;
  /** The client's id for a message this client sent; for received messages, `"srv:<id>"`. */
  clientId: string;
  peerId: string;
  /** `true` when this client (or this user elsewhere) sent it. */
  own: boolean;
  senderName: string | null;
  text: string;
  attachment: string | null;
  timestamp: string;
  /**
   * Own messages: `queued` → `sending` → `sent` (the server has it) → `delivered` → `read` (the
   * peer has seen it), or `failed` with `error`. Messages from the peer: `received`.
   */
  state: 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'received';
  error?: string;
  /** When the peer read an own message, when the server says. */
  readAt?: string | null;
  /** A received message this user has read (marked read on the server). */
  seen?: boolean;
}

/** Loading the conversation's earlier messages over REST. */
export interface ChatHistoryState {
  status: 'idle' | 'loading' | 'loaded' | 'error';
  /** The server has older messages than those loaded. */
  hasMore: boolean;
  error: string | null;
}

/** A peer who is typing: their name and when the last typing signal came (ms since epoch). */
export interface ChatTyping {
  name: string | null;
  at: number;
}

/** One conversation of the user's inbox. */
export interface ChatConversation {
  /** The server's conversation id. */
  id: string;
  /** The other user's id: what `useChat(peerId)` takes. */
  peerId: string;
  /** The other user's display name. */
  name: string;
  username: string | null;
  /** The other user's avatar URL as the server gives it (sanitise before use; the components do). */
  avatar: string | null;
  /** Online as the server last said; `null` when it does not say. */
  online: boolean | null;
  lastMessage: string | null;
  lastMessageAt: string | null;
  lastMessageByMe: boolean;
  /** Messages from the other user this user has not read. */
  unread: number;
}

export type ChatEvent =
  | { kind: 'chat/received'; message: ChatMessage; receiverId?: string }
  /** The server has an own message: by its client id (REST answers) or, without one, the oldest awaiting one (socket acks). */
  | { kind: 'chat/ack'; serverId: string; clientId?: string; timestamp?: string }
  | { kind: 'chat/rejected'; error: string; clientId?: string }
  /** Local: an own message shown at once (or re-queued by a retry). */
  | { kind: 'chat/queued'; message: ChatMessage }
  /** Local: written to the socket, or posted (`rest`: its answer is the ack, a stream drop does not fail it). */
  | { kind: 'chat/sending'; clientId: string; rest?: boolean }
  /** Local: given up (`awaiting`: every message still waiting for an ack). */
  | { kind: 'chat/failed'; clientIds: string[] | 'awaiting'; error: string }
  /**
   * A page of the conversation from REST (any order), merged without duplicates. `hasMore`
   * says whether the server has messages before this page; a newest page reloaded while older
   * ones are shown leaves it as it was.
   */
  | { kind: 'chat/history'; peerId: string; messages: ChatMessage[]; hasMore?: boolean; older?: boolean; online?: boolean | null; name?: string | null }
  | { kind: 'chat/historyState'; peerId: string; status: ChatHistoryState['status']; error?: string | null }
  | { kind: 'chat/typing'; peerId: string; name: string | null; typing: boolean; at: number }
  /** The peer read these own messages (a read receipt). */
  | { kind: 'chat/read'; serverIds: string[]; readAt: string }
  /** This user read these received messages. */
  | { kind: 'chat/seen'; peerId: string; serverIds: string[] }
  /** The server did not take the read mark: these received messages are unread again. */
  | { kind: 'chat/unseen'; peerId: string; serverIds: string[] }
  | { kind: 'chat/conversations'; items: ChatConversation[] }
  | { kind: 'chat/conversationsState'; status: ChatSlice['conversations']['status']; error?: string | null }
  | { kind: 'chat/presence'; online: Record<string, boolean> };

export interface ChatSlice {
  /** Messages per peer, ordered by timestamp. */
  byPeer: Record<string, ChatMessage[]>;
  /** Client ids written to the socket and waiting for their `message_sent` ack, in send order. */
  awaitingAck: string[];
  /** Loading earlier messages, per peer (servers with a REST history). */
  history: Record<string, ChatHistoryState>;
  /** Peers typing, by peer id (shown for 5 s after their last signal). */
  typing: Record<string, ChatTyping>;
  /** Peers' presence where the server tells it, by peer id. */
  presence: Record<string, boolean>;
  /** Peers' display names learned from the server, by peer id. */
  names: Record<string, string>;
  /** The inbox (servers with a conversation list). */
  conversations: { items: ChatConversation[]; status: 'idle' | 'loading' | 'loaded' | 'error'; error: string | null };
  /** This user's id, once the server said it. */
  me: string | null;
}
