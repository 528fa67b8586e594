// Hooks only: the client, the provider and one hook, with a card of the app's own. No kit
// component and no styles.css, so the bundle must carry neither react-toastify nor the chat.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRealtimeClient, RealtimeProvider, useOrderSocket } from 'react-realtime-kit';

function MyOrderCard({ orderId }: { orderId: number }) {
  const { order, status } = useOrderSocket(orderId);
  return (
    <section aria-label={`My order ${orderId}`} data-connection={status} data-state={order ? 'ready' : 'loading'}>
      <h2>Order {orderId}</h2>
      {order ? <p data-order-status={order.status}>Status: {order.status}</p> : <p>Loading…</p>}
    </section>
  );
}

const url = new URLSearchParams(window.location.search).get('ws');
const root = document.getElementById('root');
if (!url || !root) throw new Error('Open this page as /?ws=ws://host:port');

const client = createRealtimeClient({ url });

createRoot(root).render(
  <StrictMode>
    <RealtimeProvider client={client}>
      <MyOrderCard orderId={101} />
    </RealtimeProvider>
  </StrictMode>,
);
