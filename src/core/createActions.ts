import { parsePendingUsers } from '../protocols/adminDashboard';
import { parseTimingOrder, parseTimingOrderList } from '../protocols/timing';
import type { Order } from './events';
import type { RestClient } from './createRestClient';
import { RealtimeError } from './RealtimeError';
import { fillPath, type RestPaths } from './restPaths';
import { orderKey } from './store/ordersReducer';
import type { RealtimeState, StoreEntry } from './store/types';

export interface ActionDeps {
  rest: RestClient;
  paths: Required<RestPaths>;
  dispatch(entry: StoreEntry): void;
  flush(): void;
  getState(): RealtimeState;
  report(error: RealtimeError): void;
  /** Send on an endpoint's socket; throws when the protocol has no such command. */
  send(endpoint: string, command: unknown): void;
}

/**
 * Actions that go over REST, with optimistic updates rolled back on failure. Each reports a
 * failure through `onError` and also rejects, so the caller can show it where it happened.
 */
export interface RealtimeActions {
  /** Load the Timing admin order list into the store (also used to resync after a reconnect). */
  loadTimingOrders(): Promise<void>;
  /** Load one Timing order (customer tracking, and its polling fallback). */
  loadTimingOrder(id: string | number): Promise<Order | undefined>;
  /** Change a Timing order's status: shown at once, rolled back if the server refuses. */
  updateOrderStatus(id: string | number, status: string): Promise<void>;
  /** Load the users awaiting approval. */
  loadPendingUsers(): Promise<void>;
  /** Approve a pending user: removed from the list at once, put back if the server refuses. */
  approveUser(id: string, notes?: string): Promise<void>;
  /** Reject a pending user, likewise. */
  rejectUser(id: string, notes?: string): Promise<void>;
  /** Mark a notification read: at once here, and on the server when its protocol accepts it. */
  markNotificationRead(id: string): void;
  /** Mark every notification read, likewise. */
  markAllNotificationsRead(): void;
}

export function createActions(deps: ActionDeps): RealtimeActions {
  const { rest, paths, dispatch, flush, getState, report, send } = deps;

  function markRead(id: string | null): void {
    dispatch({ endpoint: 'notifications', event: { kind: 'notification/readLocally', id } });
    flush();
    try {
      send('notifications', id === null ? { type: 'mark_all_read' } : { type: 'mark_read', notificationId: id });
    } catch (cause) {
      // The ERP and `notify`-only servers take no commands: marking read stays local there.
      // Anything else (nothing subscribed, a full queue) means the server won't hear of it.
      if (cause instanceof TypeError && /has no such command/.test(cause.message)) return;
      report(cause instanceof RealtimeError ? cause : new RealtimeError('connection-failed', `notifications: marking read was not sent: ${String((cause as Error)?.message ?? cause)}`, { cause }));
    }
  }

  async function call<T>(run: () => Promise<T>, what: string): Promise<T> {
    try {
      return await run();
    } catch (cause) {
      const error = cause instanceof RealtimeError ? cause : new RealtimeError('rest', `${what} failed: ${String((cause as Error)?.message ?? cause)}`, { cause });
      report(error);
      throw error;
    }
  }

  function invalidBody(what: string, reason: string): never {
    throw new RealtimeError('invalid-frame', `${what}: ${reason}`, { dialect: 'rest' });
  }

  async function decide(id: string, action: 'approve' | 'reject', notes?: string): Promise<void> {
    flush();
    const admin = getState().admin;
    const index = admin.pendingUsers.findIndex((u) => u.id === id);
    const user = admin.pendingUsers[index];
    const count = admin.pendingCount;
    if (user) dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingRemoved', userId: id } });
    if (user && count !== null) dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingCount', count: Math.max(0, count - 1) } });
    flush(); // a person's own action shows at once, not on the next frame
    try {
      await call(() => rest.request('POST', fillPath(action === 'approve' ? paths.adminApprove : paths.adminReject, id), notes === undefined ? {} : { notes }), `${action} user ${id}`);
    } catch (error) {
      if (user) dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingRestored', user, index } });
      if (user && count !== null) dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingCount', count } });
      throw error;
    }
  }

  return {
    loadTimingOrders: () =>
      call(async () => {
        const result = parseTimingOrderList(await rest.request('GET', paths.timingOrders));
        if (!result.ok) invalidBody(`GET ${paths.timingOrders}`, result.error);
        dispatch({ endpoint: 'timing', event: { kind: 'orders/snapshot', orders: result.orders } });
      }, 'loading the Timing orders'),

    loadTimingOrder: (id) =>
      call(async () => {
        const path = fillPath(paths.timingOrderStatus, id);
        const result = parseTimingOrder(await rest.request('GET', path));
        if (!result.ok) invalidBody(`GET ${path}`, result.error);
        dispatch({ endpoint: 'timing', event: { kind: 'orders/snapshot', orders: [result.order] } });
        flush();
        return getState().orders.byId[orderKey(result.order)];
      }, `loading order ${id}`),

    async updateOrderStatus(id, status) {
      flush();
      const key = orderKey({ source: 'timing', id: String(id) });
      const before = getState().orders.byId[key];
      if (before) dispatch({ endpoint: 'timing', event: { kind: 'order/replace', order: { ...before, status, previousStatus: before.status } } });
      flush(); // a person's own action shows at once, not on the next frame
      let answer: unknown;
      try {
        answer = await call(() => rest.request('PUT', fillPath(paths.timingUpdateStatus, id), { status }), `updating order ${id} to ${status}`);
      } catch (error) {
        flush();
        // Roll back only our own optimistic change, not a newer one the socket brought meanwhile.
        if (before && getState().orders.byId[key]?.status === status) dispatch({ endpoint: 'timing', event: { kind: 'order/replace', order: before } });
        throw error;
      }
      // The broadcast confirming our own change equals what the store already shows, so it is
      // merged as a duplicate and the order would keep its time from before the change: take
      // the change's time from the server's answer (`{ data: order }`), only ever forwards.
      const confirmed = parseTimingOrder(answer);
      flush();
      const current = getState().orders.byId[key];
      if (confirmed.ok && confirmed.order.status === status && current?.status === status && confirmed.order.updatedAt && Date.parse(confirmed.order.updatedAt) > Date.parse(current.updatedAt)) {
        dispatch({ endpoint: 'timing', event: { kind: 'order/replace', order: { ...current, updatedAt: confirmed.order.updatedAt } } });
      }
    },

    loadPendingUsers: () =>
      call(async () => {
        const result = parsePendingUsers(await rest.request('GET', paths.adminPending));
        if (!result.ok) invalidBody(`GET ${paths.adminPending}`, result.error);
        dispatch({ endpoint: 'admin', event: { kind: 'admin/pendingUsers', users: result.users } });
      }, 'loading the pending users'),

    approveUser: (id, notes) => decide(id, 'approve', notes),
    rejectUser: (id, notes) => decide(id, 'reject', notes),
    markNotificationRead: (id) => markRead(id),
    markAllNotificationsRead: () => markRead(null),
  };
}
