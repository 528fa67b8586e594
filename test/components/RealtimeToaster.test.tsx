// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { RealtimeToaster, type ToastEvent, adminBackend, createRealtimeClient, notificationsBackend, ordersBackend, type OrderPatch, type RealtimeEvent, type RealtimeClientOptions, RealtimeProvider } from 'react-realtime-kit';

import { notificationsOfEveryKind } from '../fixtures/notifications';
import { expectNoAxeViolations } from '../helpers/expectNoAxeViolations';

const clients: { dispose(): void }[] = [];
afterEach(() => void (vi.restoreAllMocks(), act(() => clients.splice(0).forEach((c) => c.dispose()))));

function setup(props: Partial<Parameters<typeof RealtimeToaster>[0]> = {}, backends: RealtimeClientOptions['backends'] = {}) {
  const client = createRealtimeClient({ url: 'ws://127.0.0.1:9', backends });
  // The backends whose events toast, as their hooks would register them in an app.
  for (const backend of [ordersBackend, notificationsBackend, adminBackend]) client.use(backend);
  clients.push(client);
  const renders = { count: 0 };
  render(
    <RealtimeProvider client={client}>
      <Profiler id="toaster" onRender={() => (renders.count += 1)}>
        <RealtimeToaster maxPerSecond={3} {...props} />
      </Profiler>
    </RealtimeProvider>,
  );
  return { client, renders, dispatch: (endpoint: string, event: RealtimeEvent) => client.dispatch({ endpoint, event }) };
}

// The store applies dispatched entries once per animation frame (jsdom has frames).
const frame = () => new Promise<void>((resolve) => (globalThis.requestAnimationFrame ?? setTimeout)(() => resolve()));
const flush = () => act(async () => { await frame(); await Promise.resolve(); });

const toasts = () => [...document.querySelectorAll<HTMLElement>('.Toastify__toast')];
const t0 = '2025-03-14T10:00:00Z';
const order = (id: number | string, patch: Partial<OrderPatch> = {}): OrderPatch => ({ id: String(id), source: 'orderStream', status: 'Continue', progress: 10, updatedAt: t0, ...patch });
const upsert = (patch: OrderPatch): RealtimeEvent => ({ kind: 'order/upsert', order: patch });

describe('RealtimeToaster', () => {
  it("says nothing about an order's first snapshot, then toasts its status change", async () => {
    const { dispatch } = setup();
    dispatch('orders:101', upsert(order(101)));
    await flush();
    expect(toasts()).toHaveLength(0);

    dispatch('orders:101', upsert(order(101, { status: 'Done', progress: 100 })));
    await flush();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('Order #101 is now Done');
    expect(toasts()[0]).toHaveAttribute('role', 'status');
    expect(toasts()[0]).toHaveAttribute('id', 'order:101:status:Done');
    expect(toasts()[0]!.querySelector('.rrk-toast')).toHaveAttribute('data-kind', 'success');
  });

  it('toasts a progress change', async () => {
    const { dispatch } = setup();
    dispatch('orders:7', upsert(order(7, { progress: 40 })));
    await flush();
    dispatch('orders:7', upsert(order(7, { progress: 55 })));
    await flush();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('Order #7: 55% done');
  });

  it('never shows a duplicate: the same frame twice, or a notification re-sent after it left the list', async () => {
    const { dispatch, client } = setup({ maxPerSecond: 10 }, { notifications: { limits: { notifications: 2 } } });
    dispatch('orders:5', upsert(order(5)));
    await flush();
    for (let i = 0; i < 3; i += 1) {
      dispatch('orders:5', upsert(order(5, { status: 'Extend' })));
      await flush();
    }
    const [n1, n2, n3] = notificationsOfEveryKind;
    for (const n of [n1!, n2!, n3!, n1!]) {
      dispatch('notifications', { kind: 'notification/added', notification: { ...n, read: false } });
      await flush();
    }
    // The store had dropped #1 (cap 2), so the re-sent #1 is "new" to it: the toaster still knows better.
    expect(client.store.getState().notifications.items.map((n) => n.id)).toEqual(['1', '3']);
    expect(toasts().map((t) => t.id)).toEqual(['order:5:status:Extend', 'notification:1', 'notification:2', 'notification:3']);
  });

  it('maps notification kinds per PROTOCOLS §3 (booking → success, message → info, maintenance → warning, else default)', async () => {
    const { dispatch } = setup({ maxPerSecond: 10 });
    for (const n of notificationsOfEveryKind) dispatch('notifications', { kind: 'notification/added', notification: { ...n, read: false } });
    await flush();
    const kinds = Object.fromEntries(toasts().map((t) => [t.id, t.querySelector('.rrk-toast')!.getAttribute('data-kind')]));
    expect(kinds).toEqual({ 'notification:1': 'success', 'notification:2': 'info', 'notification:3': 'warning', 'notification:4': 'default', 'notification:5': 'default' });
    expect(screen.getByText('Booking confirmed')).toBeInTheDocument();
  });

  it('announces a new Timing order', async () => {
    const { dispatch } = setup();
    dispatch('timing', { kind: 'order/created', order: { id: '12', source: 'timing', status: 'pending', customerName: 'Malee', total: 240, updatedAt: t0 } });
    await flush();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('New order #12 from Malee — ฿240');
  });

  it('toasts approvals and rejections from the admin activity feed', async () => {
    const { dispatch } = setup();
    const user = { id: 'u1', username: 'alice' };
    dispatch('admin', { kind: 'admin/approval', action: 'approved', user, performedBy: 'admin', timestamp: t0, notes: null });
    dispatch('admin', { kind: 'admin/approval', action: 'rejected', user: { id: 'u2', username: 'bob' }, performedBy: null, timestamp: t0, notes: null });
    dispatch('admin', { kind: 'admin/newUser', user: { id: 'u3', username: 'carol' }, timestamp: t0 });
    await flush();
    expect(toasts().map((t) => t.textContent)).toEqual([expect.stringContaining('User approved'), expect.stringContaining('User rejected')]);
    expect(toasts()[0]).toHaveTextContent('alice approved by admin');
  });

  it('lets toastFor customise, keep or silence each event', async () => {
    const seen: ToastEvent['type'][] = [];
    const { dispatch } = setup({
      toastFor(event, fallback) {
        seen.push(event.type);
        if (event.type === 'notification') return null;
        if (event.type === 'order-progress') return false;
        if (event.type === 'order-status') return { ...fallback, title: `Custom: ${event.order.status}` };
        return undefined;
      },
    });
    dispatch('orders:1', upsert(order(1)));
    dispatch('orders:2', upsert(order(2)));
    await flush();
    dispatch('orders:1', upsert(order(1, { status: 'Done' })));
    dispatch('orders:2', upsert(order(2, { progress: 90 })));
    dispatch('notifications', { kind: 'notification/added', notification: notificationsOfEveryKind[0]! });
    dispatch('timing', { kind: 'order/created', order: { id: '12', source: 'timing', status: 'pending', updatedAt: t0 } });
    await flush();
    expect(seen.sort()).toEqual(['notification', 'order-created', 'order-progress', 'order-status']);
    const texts = toasts().map((t) => t.textContent);
    expect(texts).toHaveLength(2);
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('Custom: Done'), expect.stringContaining('New order #12')]));
  });

  it('turns a flood of 1,000 updates into 3 toasts and one summary updated in place', async () => {
    const { dispatch } = setup();
    dispatch('admin', { kind: 'orders/snapshot', orders: Array.from({ length: 1000 }, (_, i) => order(i + 1)) });
    await flush();
    for (let chunk = 0; chunk < 10; chunk += 1) {
      for (let i = 1; i <= 100; i += 1) dispatch('admin', upsert(order(chunk * 100 + i, { progress: 50 })));
      await flush();
    }
    await waitFor(() => expect(screen.getByText('997 more updates')).toBeInTheDocument());
    expect(toasts()).toHaveLength(4);
    expect(toasts().filter((t) => t.id.startsWith('rrk-summary'))).toHaveLength(1);
  });

  it('shows single toasts again once a flood has calmed down', async () => {
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1_000_000);
    const { dispatch } = setup({ maxPerSecond: 2 });
    dispatch('admin', { kind: 'orders/snapshot', orders: Array.from({ length: 10 }, (_, i) => order(i + 1)) });
    await flush();
    for (let i = 1; i <= 10; i += 1) dispatch('admin', upsert(order(i, { progress: 20 })));
    await flush();
    await waitFor(() => expect(screen.getByText('8 more updates')).toBeInTheDocument());
    now.mockReturnValue(1_000_500); // same second: still summarised
    dispatch('admin', upsert(order(3, { progress: 30 })));
    await flush();
    await waitFor(() => expect(screen.getByText('9 more updates')).toBeInTheDocument());
    now.mockReturnValue(1_003_000); // a quiet spell: back to single toasts
    dispatch('admin', upsert(order(4, { status: 'Done' })));
    await flush();
    expect(toasts().map((t) => t.id)).toContain('order:4:status:Done');
  });

  it('updates one toast in place through a burst of progress on one order, ending on the latest', async () => {
    const { dispatch } = setup();
    dispatch('orders:105', upsert(order(105, { progress: 0 })));
    await flush();
    for (const progress of [14, 28, 44]) {
      dispatch('orders:105', upsert(order(105, { progress })));
      await flush();
    }
    await waitFor(() => expect(toasts()[0]).toHaveTextContent('Order #105: 44% done'));
    expect(toasts()).toHaveLength(1);
    expect(screen.queryByText(/14% done|28% done/)).toBeNull();
    expect(screen.queryByText(/more update/)).toBeNull();
    // Read whole when it changes, by the toast's own polite live region.
    expect(toasts()[0]).toHaveAttribute('role', 'status');
    expect(toasts()[0]!.querySelector('.rrk-toast')).toHaveAttribute('aria-atomic', 'true');

    // The order's status change takes over the same toast.
    dispatch('orders:105', upsert(order(105, { progress: 44, status: 'Done' })));
    await flush();
    await waitFor(() => expect(toasts()[0]).toHaveTextContent('Order #105 is now Done'));
    expect(toasts()).toHaveLength(1);
  });

  it('keeps one toast per order in a burst across orders, and the rate limit for new ones', async () => {
    const { dispatch } = setup({ maxPerSecond: 2 });
    dispatch('admin', { kind: 'orders/snapshot', orders: [order(1), order(2), order(3)] });
    await flush();
    for (const progress of [20, 30, 40]) {
      for (const id of [1, 2, 3]) dispatch('admin', upsert(order(id, { progress })));
      await flush();
    }
    // Orders 1 and 2 got a toast each (the rate), updated to 40%; order 3's updates went to the summary.
    await waitFor(() => expect(toasts().map((t) => t.textContent)).toEqual([expect.stringContaining('Order #1: 40% done'), expect.stringContaining('Order #2: 40% done'), expect.stringContaining('3 more updates')]));
  });

  it('does not re-render when the store changes', async () => {
    const { dispatch, renders } = setup();
    await flush();
    const before = renders.count;
    for (let i = 0; i < 20; i += 1) dispatch('admin', { kind: 'admin/stats', stats: { total_users: i } });
    dispatch('orders:1', upsert(order(1)));
    await flush();
    expect(renders.count).toBe(before);
  });

  it('honours position and containerId, and passes toastify props through', async () => {
    const { dispatch } = setup({ containerId: 'board', position: 'bottom-left', autoClose: false, className: 'app-toaster' });
    dispatch('orders:1', upsert(order(1)));
    await flush();
    dispatch('orders:1', upsert(order(1, { status: 'Droped' })));
    await flush();
    const container = document.querySelector('.Toastify__toast-container')!;
    expect(container).toHaveClass('Toastify__toast-container--bottom-left', 'rrk-toaster', 'app-toaster');
    expect(document.getElementById('board')).toContainElement(toasts()[0]!);
    expect(toasts()[0]).toHaveTextContent('Order #1 is now Dropped');
  });

  it('has no axe violations with toasts of every kind on screen', async () => {
    const { dispatch } = setup({ maxPerSecond: 10 });
    for (const n of notificationsOfEveryKind) dispatch('notifications', { kind: 'notification/added', notification: { ...n, read: false } });
    await flush();
    expect(screen.getAllByRole('button', { name: 'Dismiss notification' })).toHaveLength(5);
    await expectNoAxeViolations(document.body);
  });
});

describe('RealtimeToaster when the app misbehaves', () => {
  it('reports a throwing toastFor through onError and keeps every other store listener updating', async () => {
    const { client, dispatch } = setup({
      toastFor: (event) => {
        if (event.type === 'order-status') throw new Error('boom');
        return undefined;
      },
    });
    const errors: string[] = [];
    client.addErrorListener((e) => errors.push(e.message));
    let seen = 0;
    client.store.subscribe(() => (seen += 1));
    dispatch('orders:5', upsert(order(5)));
    await flush();
    dispatch('orders:5', upsert(order(5, { status: 'Done' })));
    await flush();
    expect(errors).toEqual(['RealtimeToaster: toastFor threw for order:5:status:Done: boom']);
    expect(seen).toBe(2);
    expect(client.store.getState().orders.byId['5']!.status).toBe('Done');
  });

  it('survives a malformed locale', async () => {
    const { dispatch } = setup({ locale: 'en_US' });
    dispatch('orders:6', upsert(order(6)));
    await flush();
    dispatch('orders:6', upsert(order(6, { status: 'Done' })));
    await flush();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('Order #6 is now Done');
  });
});
