/**
 * `simulator.emit.*`: change the world as the real backend would, then broadcast what its
 * server would broadcast, to whom it would. REST routes and the scenario go through these too.
 */
import { broadcastAdminOrder, broadcastAdminPresence, broadcastApproval, broadcastNewUser } from './adminBackend';
import { deliverChat } from './chatBackend';
import { broadcastBooking, broadcastNotification } from './notificationsBackend';
import { broadcastOrder } from './orderStreamBackend';
import { randomRegistration } from './seedWorld';
import type { SimContext } from './SimContext';
import { BOOKING_STEPS, CUSTOMERS, NOTICES, NOTIFICATION_TEXT, NOTIFICATION_TYPES, PROPERTIES } from './simData';
import type { BoostOrder, SimApproval, SimBooking, SimChatMessage, SimNotification, SimUser, TimingOrderRecord } from './simEntities';
import { broadcastNewTimingOrder, broadcastTimingStatus } from './timingBackend';
import type { SimBackendName, SimFrame } from './types';

/** A change to a boosting order; `order_id` names it (an unknown id creates the order). */
export type OrderUpdatePatch = Partial<Omit<BoostOrder, 'order_id' | 'updated_at'>> & { order_id: number };
/** A Timing order line as `POST /api/orders` takes it. */
export interface TimingLine { menu_name: string; quantity: number; price: number }
export type NotificationFields = Partial<Pick<SimNotification, 'title' | 'body' | 'notification_type' | 'data'>>;

export interface SimEmitters {
  /** Change a boosting order: `order.update` to its watchers, plus `order_update` to admins when the status changed. */
  orderUpdate(patch: OrderUpdatePatch): BoostOrder;
  /** A new Timing order: `new_order` (or `newOrder`) to the feed. */
  timingNewOrder(partial?: { customer_name?: string; items?: TimingLine[] }): TimingOrderRecord;
  /** A Timing status change: `order_status_update` (or `orderStatusUpdate`) to the feed. */
  timingStatus(id: number, status: string): TimingOrderRecord;
  /** A notification for one user: `notification` / `notify` to that user's sessions. */
  notification(userId: number | string, partial?: NotificationFields): SimNotification;
  /** A published notice: one `notice` notification for every approved user. */
  notice(partial?: { title?: string; message?: string; data?: Record<string, unknown> }): SimNotification[];
  /** A chat message: ERP `chat_message` and SmartHunt `chat_message` to the receiver. A bot receiver replies. */
  chatMessage(fromUserId: number | string, toUserId: number | string, text: string, attachment?: string | null): SimChatMessage;
  /** A booking created or moved on: `booking_update` to the tenant (`userId`) and the landlord. */
  bookingUpdate(userId: number | string, partial?: Partial<Omit<SimBooking, 'updated_at'>>): SimBooking;
  /** A registration awaiting approval: `new_user` and `pending_count_update` to admins. */
  newUser(partial?: Partial<SimUser>): SimUser;
  /** Approve or reject a pending user: `approval_update` and `pending_count_update` to admins. */
  approval(userId: number | string, action: 'approved' | 'rejected', byAdminId?: number | string, notes?: string | null): SimApproval;
  /** An order's status changed on the admin side: `order_update` to admins, `order.update` to its watchers. */
  adminOrderUpdate(orderId: number, status: string): { order: BoostOrder; previousStatus: string };
  /** A (simulated) admin joined or left: `admin_joined` / `admin_left` to every admin session. */
  adminPresence(admin: { id: number | string; username: string }, joined: boolean): number;
  /** Send any frame, as is, to every live session of a backend; returns how many got it. */
  raw(backend: SimBackendName, frame: SimFrame): number;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new RangeError(what);
  return value;
}

export function createEmitters(ctx: SimContext): SimEmitters {
  const { world, random, clock, hub } = ctx;
  const userOf = (id: number | string): SimUser => need(world.user(id), `No user ${JSON.stringify(id)} in the simulated world: use an id from simulator.world.users (e.g. demoUsers.demo.id).`);

  const changeOrder = (patch: OrderUpdatePatch): { order: BoostOrder; previousStatus: string } => {
    const { order_id, ...fields } = patch;
    if (!world.boostOrders.has(order_id)) world.addBoostOrder({ order_id });
    const result = world.updateBoostOrder(order_id, fields);
    broadcastOrder(ctx, result.order);
    if (result.order.status !== result.previousStatus) broadcastAdminOrder(ctx, result.order, result.previousStatus);
    return result;
  };

  const emitters: SimEmitters = {
    orderUpdate: (patch) => changeOrder(patch).order,
    timingNewOrder(partial = {}) {
      const order = world.addTimingOrder(partial.customer_name ?? random.pick(CUSTOMERS), partial.items ?? world.randomLines());
      broadcastNewTimingOrder(ctx, order);
      return order;
    },
    timingStatus(id, status) {
      const order = need(world.setTimingStatus(id, status), `No Timing order ${id}: use an id of simulator.world.timingOrders.`);
      broadcastTimingStatus(ctx, order);
      return order;
    },
    notification(userId, partial = {}) {
      const user = userOf(userId);
      const type = partial.notification_type ?? random.pick(NOTIFICATION_TYPES);
      const text = random.pick(NOTIFICATION_TEXT[type as keyof typeof NOTIFICATION_TEXT] ?? NOTIFICATION_TEXT.other);
      const n = world.addNotification(String(user.id), { title: partial.title ?? text.title, body: partial.body ?? text.body, notification_type: type, data: partial.data ?? null });
      broadcastNotification(ctx, n);
      return n;
    },
    notice(partial = {}) {
      const text = random.pick(NOTICES);
      const data = partial.data ?? { posted_by: 'Admin Office' };
      return world.usersWith('approved').map((user) => {
        const n = world.addNotification(String(user.id), { title: partial.title ?? text.title, body: partial.message ?? text.message, notification_type: 'notice', data });
        broadcastNotification(ctx, n);
        return n;
      });
    },
    chatMessage(fromUserId, toUserId, text, attachment = null) {
      const message = world.addMessage(userOf(fromUserId).id, userOf(toUserId).id, text, attachment);
      deliverChat(ctx, message);
      return message;
    },
    bookingUpdate(userId, partial = {}) {
      const tenant = userOf(userId);
      const existing = partial.booking_id === undefined ? undefined : world.bookings.get(partial.booking_id);
      const property = random.pick(PROPERTIES);
      const step = existing ? random.pick(BOOKING_STEPS.slice(1)) : BOOKING_STEPS[0];
      const booking = world.upsertBooking({
        ...(existing ? {} : { property_id: property.id, property_title: property.title, landlord_id: 5 }),
        action: step.action,
        status: step.status,
        tenant_id: tenant.id,
        ...partial,
      });
      broadcastBooking(ctx, booking);
      return booking;
    },
    newUser(partial = {}) {
      const user = world.addUser(randomRegistration(random, clock.now(), { ...partial, approval_status: 'pending' }));
      world.addAdminNotification('New registration', `${user.username} is waiting for approval.`, 'new_user');
      broadcastNewUser(ctx, user);
      return user;
    },
    approval(userId, action, byAdminId, notes = null) {
      if (action !== 'approved' && action !== 'rejected') throw new RangeError(`approval action must be 'approved' or 'rejected' (got ${JSON.stringify(action)}).`);
      const user = userOf(userId);
      if (user.approval_status !== 'pending') throw new RangeError(`User ${JSON.stringify(userId)} is not pending (it is ${user.approval_status}).`);
      const admin = byAdminId === undefined ? world.userByToken('admin') : world.user(byAdminId);
      user.approval_status = action;
      const approval: SimApproval = { action, userKey: String(user.id), performedByKey: String(admin?.id ?? byAdminId), notes, at: clock.now() };
      world.approvals.push(approval);
      world.addAdminNotification(`User ${action}`, `${user.username} was ${action} by ${admin?.username ?? 'an admin'}.`, 'approval');
      broadcastApproval(ctx, approval);
      return approval;
    },
    adminOrderUpdate(orderId, status) {
      need(world.boostOrders.get(orderId), `No order ${orderId}: use an id of simulator.world.boostOrders (101 and up).`);
      return changeOrder({ order_id: orderId, status });
    },
    adminPresence: (admin, joined) => broadcastAdminPresence(ctx, admin, joined),
    raw(backend, frame) {
      const targets = hub.live().filter((s) => s.backend === backend);
      for (const s of targets) hub.send(s, frame);
      return targets.length;
    },
  };
  return emitters;
}
