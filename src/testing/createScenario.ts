/**
 * The traffic driver: each step moves the simulated clock by a fixed amount and makes one
 * seeded change to the world, which the backends broadcast as their real servers would.
 */
import type { SimEmitters } from './createEmitters';
import type { SimContext } from './SimContext';
import { BOOSTERS, BOT_OPENERS, FAKE_ADMINS, RANKS, TIMING_STATUSES } from './simData';

/** What one step did. */
export type ScenarioStepKind =
  | 'boostProgress'
  | 'timingNewOrder'
  | 'timingStatus'
  | 'notification'
  | 'booking'
  | 'botMessage'
  | 'newUser'
  | 'approval'
  | 'adminPresence'
  | 'adminOrderUpdate';

export interface ScenarioStartOptions {
  /** Steps per second of real time. @default 2 */
  ratePerSecond?: number;
}

export interface SimScenario {
  /** Run one step now. The same seed and the same calls give the same steps. */
  step(): ScenarioStepKind;
  /** Run steps on a real-time interval (restarts it if running). */
  start(options?: ScenarioStartOptions): void;
  stop(): void;
  readonly running: boolean;
}

const WEIGHTS: { value: ScenarioStepKind; weight: number }[] = [
  { value: 'boostProgress', weight: 4 },
  { value: 'timingNewOrder', weight: 2 },
  { value: 'timingStatus', weight: 3 },
  { value: 'notification', weight: 2 },
  { value: 'booking', weight: 1 },
  { value: 'botMessage', weight: 2 },
  { value: 'newUser', weight: 1 },
  { value: 'approval', weight: 1 },
  { value: 'adminPresence', weight: 1 },
  { value: 'adminOrderUpdate', weight: 1 },
];

const TIMING_NEXT: Record<string, string> = { pending: 'preparing', preparing: 'ready', ready: 'completed' };

export function createScenario(ctx: SimContext, emit: SimEmitters): SimScenario {
  const { world, random, clock } = ctx;
  const adminsOnline = new Set<number>();
  let timer: ReturnType<typeof setInterval> | null = null;

  const boostProgress = (): void => {
    const active = [...world.boostOrders.values()].filter((o) => o.status !== 'Done' && o.status !== 'Droped');
    const order = active.length > 0 ? random.pick(active) : world.addBoostOrder();
    if (order.status === 'New') {
      const booster = random.pick(BOOSTERS);
      emit.orderUpdate({ order_id: order.order_id, status: 'Continue', progress: 0, booster_id: booster.id, booster_username: booster.username, reached_rank: random.pick(RANKS), reached_division: 4, reached_marks: 0, message: 'Booster assigned' });
      return;
    }
    if (random.chance(0.05)) {
      emit.orderUpdate({ order_id: order.order_id, status: random.pick(['Extend', 'Droped']), message: 'Order updated' });
      return;
    }
    const progress = Math.min(100, (order.progress ?? 0) + random.int(5, 20));
    const division = order.reached_division ?? 4;
    emit.orderUpdate({
      order_id: order.order_id,
      progress,
      status: progress >= 100 ? 'Done' : 'Continue',
      reached_division: division > 1 ? division - 1 : division,
      reached_marks: random.int(0, 3),
      message: progress >= 100 ? 'Order completed' : 'Progress updated',
    });
  };

  const run: Record<ScenarioStepKind, () => void> = {
    boostProgress,
    timingNewOrder: () => void emit.timingNewOrder(),
    timingStatus: () => {
      const open = [...world.timingOrders.values()].filter((o) => o.status in TIMING_NEXT);
      if (open.length === 0) return void emit.timingNewOrder();
      const order = random.pick(open);
      emit.timingStatus(order.id, random.chance(0.05) ? TIMING_STATUSES[4] : TIMING_NEXT[order.status]!);
    },
    notification: () => void emit.notification(1),
    booking: () => {
      const mine = [...world.bookings.values()].filter((b) => String(b.tenant_id) === '1' && b.status === 'pending');
      emit.bookingUpdate(1, mine.length > 0 && random.chance(0.6) ? { booking_id: random.pick(mine).booking_id } : {});
    },
    botMessage: () => {
      const bots = [...world.users.values()].filter((u) => u.bot);
      emit.chatMessage(random.pick(bots).id, 1, random.pick(BOT_OPENERS));
    },
    newUser: () => void emit.newUser(),
    approval: () => {
      const pending = world.usersWith('pending');
      if (pending.length === 0) return void emit.newUser();
      const approve = random.chance(0.75);
      emit.approval(random.pick(pending).id, approve ? 'approved' : 'rejected', world.userByToken('staff')?.id, approve ? null : 'Could not verify the invitation');
    },
    adminPresence: () => {
      const index = random.int(0, FAKE_ADMINS.length - 1);
      const joined = !adminsOnline.has(index);
      if (joined) adminsOnline.add(index);
      else adminsOnline.delete(index);
      emit.adminPresence(FAKE_ADMINS[index]!, joined);
    },
    adminOrderUpdate: () => {
      const order = random.pick([...world.boostOrders.values()]);
      const status = random.pick(['Continue', 'Extend', 'Done', 'Droped', 'New'].filter((s) => s !== order.status));
      emit.adminOrderUpdate(order.order_id, status);
    },
  };

  const scenario: SimScenario = {
    step() {
      clock.advance(ctx.options.scenarioStepMs);
      const kind = random.weighted(WEIGHTS);
      run[kind]();
      return kind;
    },
    start(options = {}) {
      const rate = options.ratePerSecond ?? 2;
      if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`scenario.start: ratePerSecond must be a number > 0 (got ${String(rate)}).`);
      scenario.stop();
      timer = setInterval(() => {
        try {
          scenario.step();
        } catch {
          // A step that fails (e.g. a listener's sink threw) must not stop the traffic.
        }
      }, 1000 / rate);
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
    get running() {
      return timer !== null;
    },
  };
  return scenario;
}
