/** The world a simulator starts with: the same for the same seed. */
import { demoUsers } from './demoTokens';
import type { Random } from './createRandom';
import { BOOSTERS, CUSTOMERS, FIRST_NAMES, LAST_NAMES, NOTIFICATION_TEXT, NOTIFICATION_TYPES, PROPERTIES, RANKS } from './simData';
import type { SimUser } from './simEntities';
import type { SimWorld } from './SimWorld';

const iso = (ms: number): string => new Date(ms).toISOString();

function demoUser(base: { id: number | string; uuid?: string; username: string; email: string; is_staff: boolean; is_superuser: boolean }, token: string | null, bot: boolean, joined: number): SimUser {
  const first = base.username.charAt(0).toUpperCase() + base.username.slice(1);
  return { ...base, first_name: first, last_name: '', approval_status: 'approved', date_joined: iso(joined), bot, token };
}

/** A new, not yet approved, registration with a seeded UUID and name. */
export function randomRegistration(random: Random, joinedMs: number, overrides: Partial<SimUser> = {}): SimUser {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const username = `${first}.${last}${random.int(1, 99)}`.toLowerCase();
  return {
    id: random.uuid(),
    username,
    email: `${username}@example.com`,
    first_name: first,
    last_name: last,
    is_staff: false,
    is_superuser: false,
    approval_status: 'pending',
    date_joined: iso(joinedMs),
    bot: false,
    token: null,
    ...overrides,
  };
}

/** Fill an empty world. Draws only from `world.random`, so a seed fixes the result. */
export function seedWorld(world: SimWorld): void {
  const { random, clock } = world;
  const now = clock.now();
  const ago = (minutes: number): number => now - minutes * 60_000;

  // Users: the demo logins, three bot peers and one human peer, approved/rejected/pending registrations.
  world.addUser(demoUser(demoUsers.demo, 'demo', false, ago(90 * 24 * 60)));
  world.addUser(demoUser(demoUsers.peer, 'peer', true, ago(80 * 24 * 60)));
  world.addUser(demoUser({ id: 3, uuid: 'c2e8a5f1-9d4b-4a73-8b6e-1f0d7c3a5e92', username: 'priya', email: 'priya@example.com', is_staff: false, is_superuser: false }, null, true, ago(70 * 24 * 60)));
  world.addUser(demoUser({ id: 4, uuid: 'e5a1c7d3-2f8b-4e69-9c04-8b3d6a2f1e57', username: 'lee', email: 'lee@example.com', is_staff: false, is_superuser: false }, null, true, ago(60 * 24 * 60)));
  world.addUser(demoUser(demoUsers.classmate, 'classmate', false, ago(50 * 24 * 60)));
  const admin = world.addUser(demoUser(demoUsers.admin, 'admin', false, ago(365 * 24 * 60)));
  world.addUser(demoUser(demoUsers.staff, 'staff', false, ago(200 * 24 * 60)));
  for (let i = 0; i < 6; i++) {
    const user = world.addUser(randomRegistration(random, ago(random.int(3, 30) * 24 * 60)));
    const action = i < 4 ? 'approved' : 'rejected';
    user.approval_status = action;
    world.approvals.push({ action, userKey: String(user.id), performedByKey: String(admin.id), notes: action === 'rejected' ? 'Incomplete profile' : null, at: ago(random.int(60, 2 * 24 * 60)) });
  }
  world.approvals.sort((a, b) => a.at - b.at);
  for (let i = 0; i < 3; i++) world.addUser(randomRegistration(random, ago(random.int(5, 600))));

  // Boosting orders 101..106 in every status.
  for (const status of ['New', 'Continue', 'Continue', 'Extend', 'Done', 'Droped']) {
    const booster = status === 'New' ? null : random.pick(BOOSTERS);
    const progress = status === 'New' ? (random.chance(0.5) ? null : 0) : status === 'Done' ? 100 : random.int(5, 90);
    const ranked = booster !== null && random.chance(0.8);
    world.addBoostOrder({
      status,
      progress,
      booster_id: booster?.id ?? null,
      booster_username: booster?.username ?? null,
      reached_rank: ranked ? random.pick(RANKS) : null,
      reached_division: ranked ? random.int(1, 4) : null,
      reached_marks: ranked ? random.int(0, 3) : null,
      message: status === 'New' ? 'Order created' : 'Order updated',
      updated_at: ago(random.int(1, 300)),
    });
  }

  // Timing orders 1..5.
  for (const status of ['completed', 'ready', 'preparing', 'pending', 'pending']) {
    const order = world.addTimingOrder(random.pick(CUSTOMERS), world.randomLines());
    order.created_at = order.updated_at = iso(ago(random.int(5, 120)));
    order.status = status;
  }

  // The demo user's notifications (two unread), a booking, and some chat history with sam.
  for (let i = 0; i < 4; i++) {
    const type = NOTIFICATION_TYPES[i % NOTIFICATION_TYPES.length]!;
    const text = random.pick(NOTIFICATION_TEXT[type]);
    const n = world.addNotification('1', { ...text, notification_type: type, data: null });
    n.is_read = i < 2;
    n.created_at = ago(100 - i * 10);
  }
  const property = random.pick(PROPERTIES);
  world.upsertBooking({ action: 'created', status: 'pending', property_id: property.id, property_title: property.title, tenant_id: 1, landlord_id: 5 });
  // Sam has read the first one, demo has read Sam's answer; the last one waits for Sam.
  const history = [[1, 2, 'Hi Sam!', true], [2, 1, 'Hey, what is up?', true], [1, 2, 'Are the notes ready?', false]] as const;
  history.forEach(([from, to, text, read], i) => {
    const m = world.addMessage(from, to, text, null);
    m.created_at = ago(32 - i);
    if (read) Object.assign(m, { is_read: true, read_at: ago(31 - i) });
  });
  for (const c of world.conversations) {
    Object.assign(c, { last_message_at: ago(30), updated_at: ago(30), unread_count_user1: 0, unread_count_user2: 0 });
    const unread = world.messages.filter((m) => m.conversation_id === c.id && !m.is_read);
    for (const m of unread) c[String(m.receiver_id) === c.user1Key ? 'unread_count_user1' : 'unread_count_user2']++;
  }
  world.addAdminNotification('Pending approvals', 'Three registrations wait for review.', 'approval');
}
