import type { ReactElement } from 'react';
import { useChat } from '../../backends/chat/useChat';
import { useConnectionStatus } from '../../hooks/useConnectionStatus';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { ChatPanelView, type ChatPanelViewProps } from './ChatPanelView';

/** The view's props that `ChatPanel` fills from `useChat` and the connection state. */
type Wired =
  | 'messages'
  | 'status'
  | 'attempt'
  | 'onSend'
  | 'onRetry'
  | 'onReconnect'
  | 'error'
  | 'connectionError'
  | 'history'
  | 'onLoadOlder'
  | 'typing'
  | 'onTyping'
  | 'onMarkRead'
  | 'online';

export interface ChatPanelProps extends Omit<ChatPanelViewProps, Wired> {
  /** The user to talk to. A missing or blank id shows the hook's error and disables the input. */
  peerId: string | number | undefined;
}

/**
 * The live chat with `peerId` (`useChat`): messages queue offline and retry on failure. On a
 * server with them (today's ERP chat over SSE + REST) it also loads earlier messages on scroll,
 * shows typing, presence and read receipts, and marks received messages read once visible.
 * The heading uses `peerName`, else the name the server gave.
 */
export function ChatPanel({ peerId, peerName, ...rest }: ChatPanelProps): ReactElement {
  const client = useRealtimeClient();
  const chat = useChat(peerId);
  const { attempt, error: connectionError } = useConnectionStatus('chat');
  const { features } = chat;
  return (
    <ChatPanelView
      // Another conversation starts afresh: at its newest message, with an empty composer.
      key={String(peerId ?? '')}
      messages={chat.messages}
      status={chat.status}
      attempt={attempt}
      onSend={chat.send}
      onRetry={chat.retry}
      onReconnect={client.reconnect}
      error={chat.error}
      connectionError={connectionError}
      peerName={peerName || chat.peerName || undefined}
      history={features.history ? chat.history : undefined}
      onLoadOlder={features.history ? chat.loadOlder : undefined}
      typing={features.typing ? chat.typing : undefined}
      onTyping={features.typing ? chat.setTyping : undefined}
      onMarkRead={features.readReceipts ? chat.markRead : undefined}
      online={features.presence ? chat.online : null}
      {...rest}
    />
  );
}
