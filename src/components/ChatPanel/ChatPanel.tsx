import type { ReactElement } from 'react';
import { useChat } from '../../backends/chat/useChat';
import { useConnectionStatus } from '../../hooks/useConnectionStatus';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { ChatPanelView, type ChatPanelViewProps } from './ChatPanelView';

export interface ChatPanelProps extends Omit<ChatPanelViewProps, 'messages' | 'status' | 'attempt' | 'onSend' | 'onRetry' | 'onReconnect' | 'error'> {
  /** The user to talk to. A missing or blank id shows the hook's error and disables the input. */
  peerId: string | number | undefined;
}

/** The live chat with `peerId` over the ERP chat socket (`useChat`): messages queue offline and retry on failure. */
export function ChatPanel({ peerId, ...rest }: ChatPanelProps): ReactElement {
  const client = useRealtimeClient();
  const { messages, status, send, retry, error } = useChat(peerId);
  const { attempt } = useConnectionStatus('chat');
  return <ChatPanelView messages={messages} status={status} attempt={attempt} onSend={send} onRetry={retry} onReconnect={client.reconnect} error={error} {...rest} />;
}
