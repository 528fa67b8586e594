import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRealtimeClient, OrderCard, RealtimeProvider, RealtimeToaster } from 'react-realtime-kit';
import 'react-realtime-kit/styles.css';

// The backend's address comes at run time, from the page's own address: /?ws=ws://127.0.0.1:1234
const url = new URLSearchParams(window.location.search).get('ws');
const root = document.getElementById('root');
if (!url || !root) throw new Error('Open this page as /?ws=ws://host:port');

const client = createRealtimeClient({ url });

createRoot(root).render(
  <StrictMode>
    <RealtimeProvider client={client}>
      <main>
        <h1>My orders</h1>
        <OrderCard orderId={101} />
      </main>
      <RealtimeToaster />
    </RealtimeProvider>
  </StrictMode>,
);
