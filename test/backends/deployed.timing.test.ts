// @vitest-environment jsdom
// The Timing server as it runs today (PROTOCOLS.md, last section): REST alone (no Socket.IO),
// { success, data: { orders, count } }, translated statuses, ETag/304 and a rate limit. The
// kit's board and tracking work against it with no socket.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { createRealtimeClient, OrdersBoard, OrderTracking, RealtimeProvider, type RealtimeClient, type RealtimeError } from 'react-realtime-kit';
import { createTimingServer, type TimingServer } from './timing/createTimingServer';

const secret = 'deployed-timing-secret';
let server: TimingServer;
let client: RealtimeClient;
let errors: RealtimeError[];

async function start(rateLimit?: { max: number; windowMs: number }, backends = {}): Promise<void> {
  server = await createTimingServer({ secret, mode: 'deployed', rateLimit });
  errors = [];
  client = createRealtimeClient({
    url: server.url,
    apiUrl: server.httpUrl,
    token: server.sign({ username: 'admin', role: 'admin', uid: 'firebase-uid-1', id: 1 }),
    backends,
    onError: (error) => errors.push(error),
  });
}

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(async () => {
  client?.dispose();
  await server?.close();
});

const rows = () => screen.queryAllByRole('listitem').filter((li) => li.dataset['orderId']);

describe('the Timing board on today\'s server (REST only)', () => {
  it('lists the orders with no socket, in Thai, moves one over REST, and picks up changes by polling', async () => {
    await start(undefined, { timing: { restPaths: { orders: '/api/admin/orders?locale=th' } } });
    const first = server.placeOrder({ customer: 'Malee', items: [{ menu_name: 'Thai tea', quantity: 2, price: 45 }], notes: 'less sugar' });
    server.setStatus(first.id, 'preparing');
    render(createElement(RealtimeProvider, { client }, createElement(OrdersBoard, { socket: false, pollInterval: 100, locale: 'th-TH' })));
    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    // The server's Thai label is shown, the kit knows it as `preparing` (its next step is Ready).
    expect(within(row).getByText('กำลังเตรียม')).toBeTruthy();
    expect(client.store.getState().orders.byId[`timing:${first.id}`]).toMatchObject({ status: 'preparing', statusLabel: 'กำลังเตรียม', notes: 'less sugar', customerName: 'Malee', total: 90 });
    expect(server.requests.some((r) => r.path.startsWith('/socket.io'))).toBe(false);

    fireEvent.click(within(row).getByRole('button', { name: /ready/i }));
    await waitFor(() => expect(server.orders()[0]!.status).toBe('ready'));
    await waitFor(() => expect(within(rows()[0]!).getByText('พร้อมรับ')).toBeTruthy());

    // Another admin's change and a new order arrive with the next polls.
    const second = server.placeOrder({ customer: 'Somchai', items: [{ menu_name: 'Pad Thai', quantity: 1, price: 60 }] });
    server.setStatus(first.id, 'completed');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(client.store.getState().orders.byId[`timing:${first.id}`]?.status).toBe('completed'));
    expect(client.store.getState().orders.byId[`timing:${second.id}`]).toMatchObject({ status: 'pending', statusLabel: 'รอดำเนินการ' });
    expect(errors).toEqual([]);
  });

  it('asks with If-None-Match, so an unchanged list costs a 304 and changes nothing in the store', async () => {
    await start();
    server.placeOrder({ customer: 'Ploy', items: [{ menu_name: 'Latte', quantity: 1, price: 55 }] });
    render(createElement(RealtimeProvider, { client }, createElement(OrdersBoard, { socket: false, pollInterval: 50 })));
    await waitFor(() => expect(rows()).toHaveLength(1));
    const slice = client.store.getState().orders;
    await waitFor(() => expect(server.requests.filter((r) => r.status === 304).length).toBeGreaterThanOrEqual(3));
    const lists = server.requests.filter((r) => r.path.startsWith('/api/admin/orders'));
    expect(lists[0]!.ifNoneMatch).toBeUndefined();
    expect(lists.slice(1).every((r) => r.ifNoneMatch && r.status === 304)).toBe(true);
    expect(client.store.getState().orders).toBe(slice);
  });

  it('backs off on 429 for as long as Retry-After says, and keeps showing what it has', async () => {
    await start({ max: 3, windowMs: 1500 });
    server.placeOrder({ customer: 'Krit', items: [{ menu_name: 'Mocha', quantity: 1, price: 60 }] });
    render(createElement(RealtimeProvider, { client }, createElement(OrdersBoard, { socket: false, pollInterval: 50 })));
    await waitFor(() => expect(server.requests.some((r) => r.status === 429)).toBe(true), { timeout: 5000 });
    const refused = server.requests.find((r) => r.status === 429)!;
    const refusedAt = server.requests.indexOf(refused);
    // The 4th request was refused with Retry-After: 2 (s); polling every 50 ms would have sent ~30 more by then.
    await waitFor(() => expect(server.requests.length).toBeGreaterThan(refusedAt + 1), { timeout: 5000 });
    const next = server.requests[refusedAt + 1]!;
    expect(next.at - refused.at).toBeGreaterThanOrEqual(1400);
    expect([200, 304]).toContain(next.status);
    expect(rows()).toHaveLength(1);
    const tooMany = errors.find((e) => e.status === 429)!;
    expect(tooMany).toMatchObject({ code: 'rest', retryAfter: expect.any(Number) });
    expect(tooMany.message).toMatch(/answered 429: Too many requests, please try again later\. \(too many requests: try again in [12] s\)/);
  });

  it("shows the server's reason when it refuses a status, from { success: false, error, details }", async () => {
    await start();
    const order = server.placeOrder({ customer: 'Nok', items: [{ menu_name: 'Cocoa', quantity: 1, price: 50 }] });
    render(createElement(RealtimeProvider, { client }, createElement(OrdersBoard, { socket: false, pollInterval: 1000 })));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await expect(import('react-realtime-kit').then(({ updateOrderStatus }) => updateOrderStatus(client, order.id, 'eaten'))).rejects.toMatchObject({ status: 400, message: expect.stringContaining('answered 400: Validation failed') });
    client.flush();
    expect(client.store.getState().orders.byId[`timing:${order.id}`]?.status).toBe('pending');
  });
});

describe('customer tracking on today\'s server', () => {
  it('polls { success, data } and reads the translated status', async () => {
    await start(undefined, { timing: { restPaths: { orderStatus: '/api/orders/{id}/status?locale=th' } } });
    const order = server.placeOrder({ customer: 'Guest', items: [{ menu_name: 'Tom Yum', quantity: 1, price: 150 }] });
    server.setStatus(order.id, 'ready');
    render(createElement(RealtimeProvider, { client }, createElement(OrderTracking, { orderId: order.id, pollInterval: 100 })));
    await waitFor(() => expect(client.store.getState().orders.byId[`timing:${order.id}`]).toMatchObject({ status: 'ready', statusLabel: 'พร้อมรับ' }));
    await waitFor(() => expect(document.querySelector('[aria-current="step"]')?.textContent).toMatch(/Ready for pickup/i));
    server.setStatus(order.id, 'completed');
    await waitFor(() => expect(client.store.getState().orders.byId[`timing:${order.id}`]?.status).toBe('completed'));
  });
});
