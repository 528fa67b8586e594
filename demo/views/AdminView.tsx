import { ConnectionIndicator, OrdersBoard, RealtimeProvider, RealtimeToaster, RealTimeDashboard } from 'react-realtime-kit';
import type { ReactNode } from 'react';
import { tokens } from '../backend';
import { useClient } from '../useClient';

/** A staff member: approvals and activity, and the restaurant's live order board. */
export function AdminView(): ReactNode {
  const client = useClient(tokens.admin);
  return (
    <RealtimeProvider client={client}>
      <section className="demo__view" aria-label="Admin">
        <div className="demo__toolbar">
          <h2>Staff</h2>
          <ConnectionIndicator label="Connection" />
        </div>
        <RealTimeDashboard />
        <OrdersBoard />
      </section>
      <RealtimeToaster containerId="admin" />
    </RealtimeProvider>
  );
}
