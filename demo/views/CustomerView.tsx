import { ChatPanel, ConnectionIndicator, NotificationBell, OrderCard, OrderTracking, RealtimeProvider, RealtimeToaster } from 'react-realtime-kit';
import type { ReactNode } from 'react';
import { tokens } from '../backend';
import { useClient } from '../useClient';

/** What a customer sees: their boosting order, their restaurant order, notifications and chat. */
export function CustomerView(): ReactNode {
  const client = useClient(tokens.customer);
  return (
    <RealtimeProvider client={client}>
      <section className="demo__view" aria-labelledby="customer-title">
        <div className="demo__toolbar">
          <h2 id="customer-title">Your orders</h2>
          <ConnectionIndicator label="Connection" />
          <NotificationBell />
        </div>
        <div className="demo__grid demo__grid--two">
          <OrderCard orderId={101} />
          <OrderTracking orderId={1} />
        </div>
        <h2>Messages with Sam</h2>
        <ChatPanel peerId={2} peerName="Sam" />
      </section>
      <RealtimeToaster containerId="customer" />
    </RealtimeProvider>
  );
}
