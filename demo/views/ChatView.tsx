import { ChatPanel, ConnectionIndicator, ConversationList, RealtimeProvider } from 'react-realtime-kit';
import { useState, type ReactNode } from 'react';
import { chatUsers } from '../backend';
import { useChatClient } from '../useClient';

/**
 * Two people side by side on the ERP chat as its server runs today (SSE + REST), each with
 * their own client: what one types shows as "typing" on the other side, messages arrive live,
 * and read receipts come back when the other side has seen them.
 */
export function ChatView(): ReactNode {
  const { left, right } = chatUsers;
  return (
    <section className="demo__view demo__chat" aria-label="Chat between two users">
      <ChatSide me={left} peer={right} />
      <ChatSide me={right} peer={left} />
    </section>
  );
}

interface Person {
  token: string;
  id: string;
  name: string;
}

function ChatSide({ me, peer }: { me: Person; peer: Person }): ReactNode {
  const client = useChatClient(me.token);
  const [peerId, setPeerId] = useState(peer.id);
  const titleId = `chat-${me.name}`;
  return (
    <RealtimeProvider client={client}>
      <section className="demo__chat-side" aria-labelledby={titleId}>
        <div className="demo__toolbar">
          <h2 id={titleId}>You are {me.name}</h2>
          <ConnectionIndicator endpoint="chat" compact />
        </div>
        <div className="demo__chat-body">
          <ConversationList selectedPeerId={peerId} onSelect={setPeerId} />
          <ChatPanel peerId={peerId} peerName={peerId === peer.id ? peer.name : undefined} />
        </div>
      </section>
    </RealtimeProvider>
  );
}
