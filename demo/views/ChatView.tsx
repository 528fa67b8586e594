import { ChatPanel, ConnectionIndicator, RealtimeProvider, RealtimeToaster } from 'react-realtime-kit';
import type { ReactNode } from 'react';
import { tokens } from '../backend';
import { useClient } from '../useClient';

/** Two users side by side, each with its own client: what one sends, the other receives. */
export function ChatView(): ReactNode {
  return (
    <section className="demo__view demo__grid demo__grid--two" aria-label="Chat between two users">
      <ChatSide token={tokens.customer} title="You are demo, writing to Sam" peerId={2} peerName="Sam" />
      <ChatSide token={tokens.peer} title="You are Sam, writing to demo" peerId={1} peerName="demo" />
    </section>
  );
}

function ChatSide({ token, title, peerId, peerName }: { token: string; title: string; peerId: number; peerName: string }): ReactNode {
  const client = useClient(token);
  return (
    <RealtimeProvider client={client}>
      <div className="demo__chat-side">
        <div className="demo__toolbar">
          <h2>{title}</h2>
          <ConnectionIndicator endpoint="chat" compact />
        </div>
        <ChatPanel peerId={peerId} peerName={peerName} />
      </div>
      <RealtimeToaster containerId={`chat-${peerId}`} position={peerId === 1 ? 'bottom-right' : 'bottom-left'} />
    </RealtimeProvider>
  );
}
