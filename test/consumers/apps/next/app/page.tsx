// A server component (no 'use client'): it renders the kit's provider and card, which must
// be client components of the package, and calls a plain helper of the kit on the server.
import { OrderCard, RealtimeProvider, statusInfo } from 'react-realtime-kit';

// The backend's address is read on each request, not baked in at build time.
export const dynamic = 'force-dynamic';

export default function Page() {
  const url = process.env['RRK_WS_URL'];
  if (!url) throw new Error('Set RRK_WS_URL to the realtime server, ws://host:port.');
  return (
    <main>
      <h1>My orders</h1>
      <p id="server-helper">Finished orders are labelled {statusInfo('Done').label}.</p>
      <RealtimeProvider options={{ url }}>
        <OrderCard orderId={101} />
      </RealtimeProvider>
    </main>
  );
}
