// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRealtimeClient, RealtimeProvider, useAdminDashboard, useChat, useConnectionStatus, useNotifications, useOrderSocket, useTimingOrders } from 'react-realtime-kit';
import { startWsServer } from '../helpers/startWsServer';

function Page() {
  const { order, status } = useOrderSocket(7);
  const { unreadCount } = useNotifications();
  const { messages } = useChat(3);
  const { pendingCount } = useAdminDashboard();
  const { orders } = useTimingOrders();
  const overall = useConnectionStatus();
  return <p>{`${order?.status ?? 'loading'} ${status} ${unreadCount} ${messages.length} ${pendingCount ?? '-'} ${orders.length} ${overall.status}`}</p>;
}

describe('server rendering', () => {
  it('renders every hook with no window and opens no socket', async () => {
    expect(typeof window).toBe('undefined');
    const server = await startWsServer();
    try {
      const client = createRealtimeClient({ url: server.url, token: 'secret' });
      const html = renderToString(<RealtimeProvider client={client}><Page /></RealtimeProvider>);
      expect(html).toBe('<p>loading idle 0 0 - 0 idle</p>');
      await new Promise((resolve) => setImmediate(resolve));
      expect(server.handshakes).toEqual([]);
      client.dispose();
    } finally {
      await server.stop();
    }
  });
});
