/** §1, the boosting shop's per-order stream: no auth, a snapshot on connect, inbound ignored. */
import type { SimContext } from './SimContext';
import type { BoostOrder } from './simEntities';
import type { SimConnectResult, SimSink } from './types';

/** The `order.update` frame for an order's current state. */
export function orderUpdateFrame(order: BoostOrder): string {
  return JSON.stringify({
    type: 'order.update',
    order_id: order.order_id,
    status: order.status,
    progress: order.progress,
    booster_price: order.booster_price,
    actual_price: order.actual_price,
    booster_id: order.booster_id,
    booster_username: order.booster_username,
    reached_rank: order.reached_rank,
    reached_division: order.reached_division,
    reached_marks: order.reached_marks,
    message: order.message,
    timestamp: new Date(order.updated_at).toISOString(),
  });
}

const group = (orderId: number): string => `orderStream:order_${orderId}`;

export function connectOrderStream(ctx: SimContext, orderId: number, sink: SimSink): SimConnectResult {
  const session = ctx.hub.open({
    backend: 'orderStream',
    user: null,
    shape: 'real',
    groups: [group(orderId)],
    sink,
    behaviour: {
      start(s) {
        // The real consumer sends nothing at all for an order that does not exist.
        const order = ctx.world.boostOrders.get(orderId);
        if (order) ctx.hub.send(s, orderUpdateFrame(order));
      },
      // The server ignores anything sent, and answers no ping.
    },
  });
  return { ok: true, session };
}

/** Send the order's state to everyone watching it. */
export function broadcastOrder(ctx: SimContext, order: BoostOrder): number {
  return ctx.hub.broadcast(group(order.order_id), orderUpdateFrame(order));
}
