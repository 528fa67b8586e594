import { useCallback, useMemo } from 'react';
import { chatBackend } from './chatBackend';
import { chatUsesRest, loadConversations } from './chatRest';
import type { ChatConversation, ChatSlice } from './types';
import { usePoll } from '../../hooks/usePoll';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

export interface UseConversationsOptions {
  /**
   * Reload the list this often (ms), for what the stream does not announce: presence and
   * messages read elsewhere. New messages update it at once. `false` loads it once. @default 30000
   */
  pollInterval?: number | false;
}

export interface ConversationsResult {
  /** Newest first, each with its unread count, last message and the peer's presence. */
  conversations: ChatConversation[];
  /** `idle` on servers without a conversation list (the documented WebSocket server). */
  status: ChatSlice['conversations']['status'];
  error: string | null;
  /** Unread messages over every conversation. */
  totalUnread: number;
  /** Load the list again now. */
  refresh(): void;
  /** Whether the server has a conversation list (today's ERP server does; the documented one does not). */
  supported: boolean;
}

/** The user's inbox on the ERP chat (SSE + REST): compose it with `useChat(peerId)` or `<ChatPanel>`. */
export function useConversations(options: UseConversationsOptions = {}): ConversationsResult {
  const client = useRealtimeClient();
  const supported = chatUsesRest(client);
  useSubscription(chatBackend, undefined, supported);
  const { items, status, error } = useRealtimeState((s) => s.chat.conversations);
  const interval = options.pollInterval ?? 30_000;
  // With polling off, one load (an interval far beyond any session).
  usePoll(() => loadConversations(client), interval === false ? 2 ** 31 - 1 : interval, supported, client);
  const refresh = useCallback(() => {
    if (supported) loadConversations(client).catch(() => undefined); // reported through onError
  }, [client, supported]);
  const totalUnread = useMemo(() => items.reduce((sum, c) => sum + c.unread, 0), [items]);
  return { conversations: items, status, error, totalUnread, refresh, supported };
}
