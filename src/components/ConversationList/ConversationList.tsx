import { useMemo, type ReactElement } from 'react';
import { useConversations } from '../../backends/chat/useConversations';
import { useRealtimeState } from '../../hooks/useRealtimeState';
import { ConversationListView, type ConversationListViewProps } from './ConversationListView';

export interface ConversationListProps extends Omit<ConversationListViewProps, 'conversations' | 'status' | 'error' | 'supported' | 'onRetry'> {
  /**
   * Reload the list this often (ms), for presence and reads made elsewhere; new messages update
   * it at once. `false` loads it once. @default 30000
   */
  pollInterval?: number | false | undefined;
}

const noPresence: Record<string, boolean> = {};

/**
 * The user's chat inbox (`useConversations`), on servers with a conversation list (today's ERP
 * chat over SSE + REST). Compose it with a chat: `<ConversationList selectedPeerId={peer}
 * onSelect={setPeer} />` beside `<ChatPanel peerId={peer} />`. Presence is the newest the
 * client knows (an open chat's page may be newer than the list's last load).
 */
export function ConversationList({ pollInterval, ...rest }: ConversationListProps): ReactElement {
  const { conversations, status, error, refresh, supported } = useConversations(pollInterval === undefined ? {} : { pollInterval });
  const presence = useRealtimeState((s) => s.chat?.presence ?? noPresence);
  const shown = useMemo(
    () => conversations.map((c) => (Object.hasOwn(presence, c.peerId) && presence[c.peerId] !== c.online ? { ...c, online: presence[c.peerId]! } : c)),
    [conversations, presence],
  );
  return <ConversationListView conversations={shown} status={status} error={error} supported={supported} onRetry={refresh} {...rest} />;
}
