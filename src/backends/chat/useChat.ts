import { useCallback } from 'react';
import type { ConnectionStatus } from '../../core/ConnectionState';
import { chatBackend } from './chatBackend';
import { retryChat, sendChat } from './chatOutbox';
import type { ChatMessage } from './types';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { useSubscription } from '../../hooks/useSubscription';

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
}

const empty: ChatMessage[] = [];

/** One-to-one chat with `peerId` over the ERP chat socket (`ws/chat/`, one socket for all peers). */
export function useChat(peerId: string | number | undefined): ChatResult {
  const client = useRealtimeClient();
  const peer = peerId === undefined || peerId === null ? '' : String(peerId).trim();
  const error = peer ? null : 'useChat needs a peer id: the id of the user to talk to.';
  useSubscription(chatBackend, undefined, Boolean(peer));
  const messages = useRealtimeState((s) => (peer ? (s.chat.byPeer[peer] ?? empty) : empty));
  const status = useRealtimeState((s) => s.connections.chat?.status ?? 'idle');
  const send = useCallback(
    (text: string, options?: { attachment?: string | null }) => (peer ? sendChat(client, peer, text, options) : null),
    [client, peer],
  );
  const retry = useCallback((clientId: string) => retryChat(client, clientId), [client]);
  return { messages, status, send, retry, error };
}
