// A flood: 50,000 frames of each backend's messages through a real client's store path (its
// dialect, then `client.dispatch`), applied as one burst (and the admin dashboard's also in
// batches of 100). Only the
// outcome is asserted (final state, caps); drain times and heap are printed for the record.
import { adminBackend, chatBackend, createRealtimeClient, notificationsBackend, ordersBackend, timingBackend, type RealtimeClient, type RealtimeState } from 'react-realtime-kit';

const FRAMES = 50_000;
const at = (i: number): string => new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();

interface Flood {
  name: string;
  backend: Parameters<RealtimeClient['use']>[0];
  endpoint: (i: number) => string;
  frame: (i: number) => Record<string, unknown>;
  check: (state: RealtimeState) => void;
}

const floods: Flood[] = [
  {
    name: 'orders (order stream)',
    backend: ordersBackend,
    endpoint: (i) => `orders:${i % 2000}`,
    frame: (i) => ({ type: 'order.update', order_id: i % 2000, status: i % 7 ? 'Continue' : 'Extend', progress: i % 101, booster_price: '85.50', booster_username: 'pro', message: `update ${i}`, timestamp: at(i) }),
    check: (s) => {
      expect(s.orders.ids).toHaveLength(1000);
      expect(Object.keys(s.orders.byId)).toHaveLength(1000);
      expect(s.orders.byId[String((FRAMES - 1) % 2000)]).toMatchObject({ progress: (FRAMES - 1) % 101, message: `update ${FRAMES - 1}` });
    },
  },
  {
    name: 'timing',
    backend: timingBackend,
    endpoint: () => 'timing',
    frame: (i) => (i % 2 ? { type: 'orderStatusUpdate', order: { id: (i - 1) % 3000, status: 'preparing', updated_at: at(i) }, timestamp: at(i) } : { type: 'newOrder', order: { id: i % 3000, customer_name: `c${i}`, total: '120.00', items: [{ id: 1, name: 'Pad Thai', quantity: 1, price: 120 }], created_at: at(i) } }),
    check: (s) => {
      expect(s.orders.ids).toHaveLength(1000);
      expect(s.orders.byId[`timing:${(FRAMES - 2) % 3000}`]).toMatchObject({ status: 'preparing' });
    },
  },
  {
    name: 'notifications',
    backend: notificationsBackend,
    endpoint: () => 'notifications',
    frame: (i) =>
      i % 10 === 9
        ? { type: 'unread_count', count: i }
        : i % 10 === 8
          ? { type: 'booking_update', booking_id: i, action: 'confirmed', status: 'confirmed', property_id: 1, property_title: 'Flat', tenant_id: 2, landlord_id: 3, timestamp: at(i) }
          : { type: 'notification', notification_id: i, title: `n${i}`, body: 'b', notification_type: i % 3 ? 'booking' : 'constructor', data: null, timestamp: at(i) },
    check: (s) => {
      expect(s.notifications.items).toHaveLength(200);
      expect(s.notifications.items[0]!.id).toBe(String(FRAMES - 3));
      expect(s.notifications.bookings).toHaveLength(100);
      expect(s.notifications.unreadCount).toBeGreaterThanOrEqual(0);
    },
  },
  {
    name: 'chat',
    backend: chatBackend,
    endpoint: () => 'chat',
    frame: (i) => ({ type: 'chat_message', id: i, sender_id: i % 1000, sender_name: `p${i % 1000}`, message: `m${i}`, attachment: null, timestamp: at(i) }),
    check: (s) => {
      const peers = Object.keys(s.chat.byPeer);
      expect(peers.length).toBeLessThanOrEqual(500);
      expect(peers.length).toBeGreaterThan(400);
      expect(s.chat.byPeer[String((FRAMES - 1) % 1000)]!.at(-1)!.id).toBe(String(FRAMES - 1));
      for (const peer of peers) expect(s.chat.byPeer[peer]!.length).toBeLessThanOrEqual(500);
    },
  },
  {
    name: 'admin dashboard',
    backend: adminBackend,
    endpoint: () => 'admin',
    frame: (i) => {
      switch (i % 5) {
        case 0:
        case 1:
          return { type: 'admin_joined', user_id: `u${i}`, username: `user${i}` };
        case 2:
          return { type: 'admin_left', user_id: `u${i - 2}`, username: `user${i - 2}` };
        case 3:
          return { type: 'stats_update', data: { total_users: i, orders_by_status: { New: i % 10 } } };
        default:
          return { type: 'order_update', order_id: i % 1500, status: 'Done', previous_status: 'Continue', timestamp: at(i) };
      }
    },
    check: (s) => {
      expect(Object.keys(s.admin.admins).length).toBeLessThanOrEqual(1000);
      expect(Object.keys(s.admin.admins).length).toBeGreaterThan(800);
      expect(s.admin.admins[`u${FRAMES - 4}`]).toEqual({ id: `u${FRAMES - 4}`, username: `user${FRAMES - 4}` });
      expect(s.admin.admins[`u${FRAMES - 5}`]).toBeUndefined();
      expect(s.admin.activity).toHaveLength(100);
      expect(s.admin.stats).toEqual({ total_users: FRAMES - 2, orders_by_status: { New: (FRAMES - 2) % 10 } });
    },
  },
];

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
const figures: string[] = [];
afterAll(() => console.log(`flood (${FRAMES} frames per backend):\n${figures.join('\n')}`));

describe.each(floods.map((f) => [f.name, f] as const))('a 50,000-frame flood: %s', (name, flood) => {
  // A burst; for the admin dashboard (whose every join used to copy the admins map) also the
  // same frames arriving over 500 animation frames, 100 per batch.
  const modes = flood.backend === adminBackend ? ([['one burst', FRAMES], ['batches of 100', 100]] as const) : ([['one burst', FRAMES]] as const);
  it.each(modes)('drains as %s, within every cap', { timeout: 120_000 }, (mode, perBatch) => {
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
    try {
      const client = createRealtimeClient({ url: 'ws://127.0.0.1:9', onError: (error) => errors.push(error) });
      const { dialect } = client.use(flood.backend);
      const wire = Array.from({ length: FRAMES }, (_, i) => JSON.stringify(flood.frame(i)));
      const heapBefore = process.memoryUsage().heapUsed;
      const began = performance.now();
      let rejected = 0;
      for (let i = 0; i < FRAMES; i += 1) {
        const result = dialect.parse(wire[i]);
        if (!result.ok) rejected += 1;
        else for (const event of result.events) client.dispatch({ endpoint: flood.endpoint(i), event });
        if ((i + 1) % perBatch === 0) client.flush();
      }
      client.flush();
      const drained = performance.now() - began;
      const heapAfter = process.memoryUsage().heapUsed;
      figures.push(`  ${name}, ${mode}: drained in ${Math.round(drained)} ms; heap ${mb(heapBefore)} before, ${mb(heapAfter)} after`);
      expect(rejected).toBe(0);
      expect(errors).toEqual([]);
      flood.check(client.store.getState());
      client.dispose();
    } finally {
      consoleError.mockRestore();
    }
  });
});
