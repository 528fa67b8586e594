// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRealtimeClient } from '../../src/core/createRealtimeClient';
import { RealtimeProvider } from '../../src/hooks/RealtimeProvider';
import { useAdminDashboard } from '../../src/hooks/useAdminDashboard';
import { useChat } from '../../src/hooks/useChat';
import { useConnectionStatus } from '../../src/hooks/useConnectionStatus';
import { useNotifications } from '../../src/hooks/useNotifications';
import { useOrderSocket } from '../../src/hooks/useOrderSocket';
import { useTimingOrders } from '../../src/hooks/useTimingOrders';
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
