// @vitest-environment jsdom
import { until } from '../helpers/until';
import { afterEach, describe, expect, it } from 'vitest';
import { createRealtimeClient, type RealtimeClient, ordersBackend, notificationsBackend, chatBackend, sendChat, updateOrderStatus, loadPendingUsers, approveUser } from 'react-realtime-kit';
import { createSimulator, simulatorTransport } from 'react-realtime-kit/testing';

let client: RealtimeClient | undefined;
afterEach(() => client?.dispose());


describe('the in-browser simulator transport (jsdom)', () => {
  it('serves the same world with no server at all', async () => {
    expect(typeof window).toBe('object');
    const simulator = createSimulator({ seed: 5 });
    client = createRealtimeClient({ url: 'ws://simulator.local', token: 'demo', transport: simulatorTransport(simulator), heartbeat: false });
    client.subscribe(ordersBackend, 101);
    client.subscribe(notificationsBackend);
    client.subscribe(chatBackend);
    await until(() => client!.store.getState().orders.byId['101'], 'order 101');
    await until(() => client!.store.getState().connections.notifications?.user?.username === 'demo', 'the greeting');
    const id = sendChat(client, 2, 'hi from the browser');
    await until(() => client!.store.getState().chat.byPeer['2']?.find((m) => m.clientId === id)?.state === 'sent', 'the ack');
    simulator.emit.orderUpdate({ order_id: 101, progress: 99 });
    await until(() => client!.store.getState().orders.byId['101']?.progress === 99, 'the pushed update');
    simulator.dispose();
  });

  it('refuses a bad token the way the real server does, and the client reports it', async () => {
    const simulator = createSimulator();
    const errors: string[] = [];
    client = createRealtimeClient({ url: 'ws://simulator.local', token: 'nope', transport: simulatorTransport(simulator), reconnect: { minDelay: 10, maxDelay: 20, maxRetries: 1 }, onError: (e) => errors.push(e.code) });
    client.subscribe(notificationsBackend);
    await until(() => client!.store.getState().connections.notifications?.status === 'failed', 'failed');
    expect(errors).toContain('handshake-failed');
    simulator.dispose();
  });
});

describe('simulatorFetch', () => {
  it("answers the kit's REST actions from the simulator, with no server", async () => {
    const { simulatorFetch } = await import('../../src/testing/simulatorFetch');
    const simulator = createSimulator({ seed: 3 });
    client = createRealtimeClient({ url: 'ws://simulator.local', apiUrl: 'http://simulator.local', token: 'admin', transport: simulatorTransport(simulator), fetch: simulatorFetch(simulator, { latency: 0 }) });
    await loadPendingUsers(client);
    await until(() => client!.store.getState().admin.pendingUsers.length === simulator.world.usersWith('pending').length && client!.store.getState().admin.pendingUsers.length > 0, 'the pending list');
    const [user] = client.store.getState().admin.pendingUsers;
    await approveUser(client, user!.id);
    expect(simulator.world.user(user!.id)?.approval_status).toBe('approved');
    await expect(updateOrderStatus(client, 1, 'nonsense')).rejects.toThrow(/answered 400/);
    simulator.dispose();
  });
});
