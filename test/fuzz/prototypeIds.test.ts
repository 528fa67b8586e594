// Ids that are Object.prototype member names, through a client's own actions: sending to a
// peer "constructor", failing and retrying it, marking its messages read, and reading the
// orders map.
import { createRealtimeClient, ordersBackend, markChatRead, retryChat, sendChat } from 'react-realtime-kit';
import { PROTOTYPE_NAMES } from './hostile';

describe.each(PROTOTYPE_NAMES)('a peer or order named "%s"', (name) => {
  it('sends to it, fails and retries it, and marks it read like any other peer', async () => {
    const errors: unknown[] = [];
    const client = createRealtimeClient({ url: 'ws://127.0.0.1:9', onError: (error) => errors.push(error) });
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
    try {
      // Nothing is subscribed: the message shows at once and fails with the fix.
      const clientId = sendChat(client, name, 'hello');
      const list = client.store.getState().chat.byPeer[name]!;
      expect(list.map((m) => [m.clientId, m.peerId, m.state])).toEqual([[clientId, name, 'failed']]);
      expect(Object.keys(client.store.getState().chat.byPeer)).toEqual([name]);
      expect(() => retryChat(client, clientId)).not.toThrow();
      expect(client.store.getState().chat.byPeer[name]!).toHaveLength(1);
      await expect(markChatRead(client, name, ['1'])).resolves.toBeUndefined();
      // A lookup of an id never stored finds nothing, not an inherited member.
      client.use(ordersBackend);
      expect(client.store.getState().orders.byId[name]).toBeUndefined();
      expect(client.store.getState().chat.history[name]).toBeUndefined();
      expect(errors).toEqual([]);
      expect(({} as Record<string, unknown>)['hello']).toBeUndefined();
    } finally {
      consoleError.mockRestore();
      client.dispose();
    }
  });
});
