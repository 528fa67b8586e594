import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { chatBackend } from './chatBackend';
import { retryChat, sendChat } from './chatOutbox';
import { chatUsesRest, loadChatHistory, markChatRead, setChatTyping } from './chatRest';
import type { ChatHistoryState, ChatMessage, ChatTyping } from './types';
import { usePoll } from '../../hooks/usePoll';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

/** What the chat server in use can do. The documented WebSocket server has none of these; today's SSE + REST server has them all. */
export interface ChatFeatures {
  /** Earlier messages load over REST (on open, and `loadOlder`). */
  history: boolean;
  /** Typing indicators both ways. */
  typing: boolean;
  /** Own messages go sent → read. */
  readReceipts: boolean;
  /** The peer's online state is known (from the server's REST answers). */
  presence: boolean;
}

export interface UseChatOptions {
  /** Load the newest page of the conversation when the chat opens and after each reconnect (REST servers). @default true */
  history?: boolean;
  /**
   * While own messages wait to be read, fetch the newest page this often (ms) so they turn
   * read: today's ERP server publishes no read receipts. `false` switches it off. @default 10000
   */
  readPollInterval?: number | false;
}

export interface ChatResult {
  /** The conversation with this peer, own and received messages ordered by time. */
  messages: ChatMessage[];
  status: ConnectionStatus;
  /**
   * Send a message. It shows at once as `queued` (or `sending`), becomes `sent` on the server's
   * ack, or `failed` (with `error`) on a server error or a drop before the ack. Returns its client id.
   */
  send(text: string, options?: { attachment?: string | null }): string | null;
  /** Send a failed message again under the same client id. */
  retry(clientId: string): void;
  /** Set when `peerId` is unusable; nothing can be sent then. */
  error: string | null;
  features: ChatFeatures;
  /** Loading earlier messages: `loading`, `error` (with `error`), and whether the server has more. */
  history: ChatHistoryState;
  /** Load the page before the oldest message shown (on scroll-up). */
  loadOlder(): void;
  /** The peer while they are typing (until 5 s after their last signal), else null. */
  typing: ChatTyping | null;
  /** This user is typing (`true` on input) or stopped (`false` on blur or an emptied composer); throttled. */
  setTyping(active: boolean): void;
  /** Mark received messages read: call it with the server ids of those now visible. */
  markRead(serverIds: readonly string[]): void;
  /** The peer's presence where the server tells it, else null. */
  online: boolean | null;
  /** The peer's display name, once the server said it. */
  peerName: string | null;
}

const empty: ChatMessage[] = [];
const noHistory: ChatHistoryState = { status: 'idle', hasMore: false, error: null };
/** How long "typing" stays shown after the peer's last signal, in ms. */
export const TYPING_SHOWN_MS = 5000;

/**
 * One-to-one chat with `peerId` over the ERP chat: the documented WebSocket (`ws/chat/`) or, with
 * `backends: { chat: chatOverSse() }`, today's Server-Sent Events plus REST, which adds history,
 * typing, read receipts and presence (see `features`).
 */
export function useChat(peerId: string | number | undefined, options: UseChatOptions = {}): ChatResult {
  const client = useRealtimeClient();
  const peer = peerId === undefined || peerId === null ? '' : String(peerId).trim();
  const error = peer ? null : 'useChat needs a peer id: the id of the user to talk to.';
  useSubscription(chatBackend, undefined, Boolean(peer));
  const rest = chatUsesRest(client);
  const messages = useRealtimeState((s) => (peer ? (s.chat.byPeer[peer] ?? empty) : empty));
  const status = useRealtimeState((s) => s.connections.chat?.status ?? 'idle');
  const history = useRealtimeState((s) => s.chat.history[peer] ?? noHistory);
  const typingEntry = useRealtimeState((s) => s.chat.typing[peer]);
  const online = useRealtimeState((s) => (Object.hasOwn(s.chat.presence, peer) ? s.chat.presence[peer]! : null));
  const peerName = useRealtimeState((s) => s.chat.names[peer] ?? null);

  // The newest page on open and after every reconnect (the stream has no replay).
  const wantHistory = rest && Boolean(peer) && options.history !== false;
  useEffect(() => {
    if (wantHistory) loadChatHistory(client, peer).catch(() => undefined); // reported through onError
  }, [client, peer, wantHistory]);
  // Again each time the stream comes back after a drop (not on its first open: the load above has that).
  const hadOpened = useRef(false);
  const wasOpen = useRef(false);
  useEffect(() => {
    const open = status === 'open';
    if (open && !wasOpen.current && hadOpened.current && wantHistory) loadChatHistory(client, peer).catch(() => undefined);
    if (open) hadOpened.current = true;
    wasOpen.current = open;
  }, [status, client, peer, wantHistory]);

  const waitingRead = rest && messages.some((m) => m.own && (m.state === 'sent' || m.state === 'delivered'));
  const readPoll = options.readPollInterval ?? 10_000;
  usePoll(() => loadChatHistory(client, peer), readPoll === false ? 0 : readPoll, readPoll !== false && waitingRead && status === 'open', peer);

  // "Typing" expires 5 s after the last signal, without another store update.
  const [, expire] = useState(0);
  useEffect(() => {
    if (!typingEntry) return undefined;
    const left = typingEntry.at + TYPING_SHOWN_MS - Date.now();
    if (left <= 0) return undefined;
    const timer = setTimeout(() => expire((n) => n + 1), left);
    return () => clearTimeout(timer);
  }, [typingEntry]);
  const typing = typingEntry && Date.now() - typingEntry.at < TYPING_SHOWN_MS ? typingEntry : null;

  const send = useCallback(
    (text: string, sendOptions?: { attachment?: string | null }) => {
      if (!peer) return null;
      if (rest) setChatTyping(client, peer, false);
      return sendChat(client, peer, text, sendOptions);
    },
    [client, peer, rest],
  );
  const retry = useCallback((clientId: string) => retryChat(client, clientId), [client]);
  const loadOlder = useCallback(() => {
    if (wantHistory) loadChatHistory(client, peer, { older: true }).catch(() => undefined);
  }, [client, peer, wantHistory]);
  const setTyping = useCallback((active: boolean) => {
    if (rest && peer) setChatTyping(client, peer, active);
  }, [client, peer, rest]);
  const markRead = useCallback((ids: readonly string[]) => {
    if (rest && peer) markChatRead(client, peer, ids).catch(() => undefined);
  }, [client, peer, rest]);
  const features = rest ? restFeatures : socketFeatures;
  return { messages, status, send, retry, error, features, history, loadOlder, typing, setTyping, markRead, online, peerName };
}

const restFeatures: ChatFeatures = { history: true, typing: true, readReceipts: true, presence: true };
const socketFeatures: ChatFeatures = { history: false, typing: false, readReceipts: false, presence: false };
