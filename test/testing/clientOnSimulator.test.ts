import { until } from '../helpers/until';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { socketIoTransport } from 'react-realtime-kit/socketio';
import { createSimulatorServer, type SimulatorServer } from 'react-realtime-kit/testing/server';
import { clientFor, disposeClients } from '../helpers/clientFor';
import { ordersBackend, timingBackend, notificationsBackend, chatBackend, adminBackend, sendChat, restOf } from 'react-realtime-kit';

let server: SimulatorServer;
beforeEach(async () => {
  server = await createSimulatorServer({ port: 0, seed: 11 });
});
afterEach(async () => {
  disposeClients();
  await server.close();
});


describe('the kit against the simulator server', () => {
  it('fills every slice from the five backends', async () => {
    const admin = clientFor(server, { apiUrl: server.httpUrl, token: 'admin', backends: { timing: { transport: socketIoTransport() } } });
    const user = clientFor(server, { apiUrl: server.httpUrl, token: 'demo' });
    admin.client.subscribe(adminBackend);
    admin.client.subscribe(timingBackend);
    user.client.subscribe(ordersBackend, 101);
    user.client.subscribe(notificationsBackend);
    user.client.subscribe(chatBackend);

    await until(() => user.client.store.getState().orders.byId['101'], 'order 101');
    await until(() => admin.client.store.getState().admin.stats, 'admin stats');
    expect(admin.client.store.getState().admin.pendingCount).toEqual(expect.any(Number));
    await until(() => user.client.store.getState().connections.notifications?.user?.username === 'demo', 'the notifications greeting');

    server.emit.notification('1', { title: 'Booking confirmed', notification_type: 'booking' });
    const note = await until(() => user.client.store.getState().notifications.items[0], 'a notification');
    expect(note).toMatchObject({ title: 'Booking confirmed', kind: 'booking', read: false });

    const clientId = sendChat(user.client, 2, 'Is the room free?');
    await until(() => user.client.store.getState().chat.byPeer['2']?.find((m) => m.clientId === clientId)?.state === 'sent', 'the chat ack');

    await until(() => admin.client.store.getState().connections.timing?.status === 'open', 'timing open');
    const answer = await restOf(admin.client).request<{ data: { id: number } }>('POST', '/api/orders', { customer_name: 'Niran', items: [{ menu_name: 'Khao Soi', quantity: 2, price: 80 }] });
    const id = `timing:${answer.data.id}`;
    await until(() => admin.client.store.getState().orders.byId[id], 'the new Timing order');
    await restOf(admin.client).request('PUT', `/api/admin/orders/${answer.data.id}/status`, { status: 'ready' });
    await until(() => admin.client.store.getState().orders.byId[id]?.status === 'ready', 'the status update');
    expect(admin.errors).toEqual([]);
    expect(user.errors).toEqual([]);
  });

  it('is up to date again after the server drops everyone and changes state meanwhile', async () => {
    const { client } = clientFor(server, { token: 'demo' });
    client.subscribe(ordersBackend, 103);
    await until(() => client.store.getState().connections['orders:103']?.status === 'open', 'open');
    await until(() => client.store.getState().orders.byId['103'], 'the snapshot');
    server.faults.refuseHandshakes(403);
    server.faults.dropAll();
    await until(() => client.store.getState().connections['orders:103']?.status === 'reconnecting', 'reconnecting');
    server.emit.orderUpdate({ order_id: 103, status: 'Extend', progress: 42 });
    server.faults.refuseHandshakes(null);
    await until(() => client.store.getState().orders.byId['103']?.progress === 42, 'the missed change');
    expect(client.store.getState().orders.byId['103']!.status).toBe('Extend');
  });
});

describe('testing helpers drive the kit', () => {
  it('silencePings makes the heartbeat replace the admin socket (once it has answered a ping)', async () => {
    let pongs = 0;
    const stop = server.simulator.onEvent((e) => void (e.direction === 'out' && e.backend === 'admin' && String(e.frame).includes('"pong"') && (pongs += 1)));
    const { client, errors } = clientFor(server, { token: 'admin', heartbeat: { interval: 40, timeout: 120 } });
    client.subscribe(adminBackend);
    await until(() => client.store.getState().connections.admin?.status === 'open', 'open');
    // A server that has never answered a ping is not pinged for ever (see the heartbeat): wait for one pong.
    await until(() => pongs > 0, 'a first pong');
    stop();
    const first = server.simulator.sessions().filter((s) => s.backend === 'admin').map((s) => s.id);
    server.faults.silencePings(true);
    await until(() => errors.some((e) => e.code === 'heartbeat-timeout'), 'a heartbeat timeout');
    server.faults.silencePings(false);
    await until(() => client.store.getState().connections.admin?.status === 'open' && server.simulator.sessions().some((s) => s.backend === 'admin' && !first.includes(s.id)), 'a new admin session');
  });
});
