// Hostile input for the property-based tests: mutations of valid wire frames, random JSON,
// binary frames, and the checks every run ends with (prototypes untouched, store invariants).
import fc from 'fast-check';
import type { RealtimeState } from 'react-realtime-kit';

/** Runs per property: 10,000 in `npm test`, more with `FUZZ_RUNS` (`npm run fuzz`). */
export const RUNS = Math.max(1, Number(process.env['FUZZ_RUNS'] ?? 10_000) || 10_000);
/** Per-test timeout: generous when `FUZZ_RUNS` asks for a long run. */
export const TIMEOUT = Math.max(60_000, RUNS * 10);

/** Names of members every object or array inherits: ids and keys that must behave like any other. */
export const PROTOTYPE_NAMES = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupGetter__', '__defineSetter__',
  'length', 'push', 'some', 'map', 'then',
] as const;

const MB = 'x'.repeat(1024 * 1024);
const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '\u{1F600}'.repeat(3), 'e\u0301', '\u202Eevil', '\u0000', '\ud800'];

/** 1,000 levels of nesting, as an array or an object. */
function deep(kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < 1000; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}
const DEEP_ARRAY = deep('array');
const DEEP_OBJECT = deep('object');

/** Every path (`['order', 'id']`) in a JSON object, nested objects included. */
export function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: string[][] = [];
  for (const key of Object.keys(value)) {
    out.push([...prefix, key]);
    out.push(...pathsOf((value as Record<string, unknown>)[key], [...prefix, key]));
  }
  return out;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Where `path` points: the object holding its last key (created when missing). */
function parentOf(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | null {
  let at: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string, unknown>)[key];
  }
  return at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>) : null;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // A data property even for "__proto__", as JSON.parse would create it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export type Mutation =
  | { op: 'remove' }
  | { op: 'null' }
  | { op: 'set'; value: unknown }
  | { op: 'numberAsString' }
  | { op: 'protoKey'; key: string; value: unknown };

/** The replacement values a field may take. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 24, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 12, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 12, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(''), fc.constant(-1), fc.constant(1e21), fc.constant(Number.MAX_SAFE_INTEGER + 2)) },
  { weight: 12, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 8, arbitrary: fc.oneof(fc.constant([]), fc.constant({}), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', 'id'), fc.integer(), { maxKeys: 3 })) },
  { weight: 8, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES).map((name) => ({ [name]: name })) },
  // Rare, as they cost a thousand levels or a megabyte each.
  { weight: 2, arbitrary: fc.constantFrom(DEEP_ARRAY, DEEP_OBJECT) },
  { weight: 1, arbitrary: fc.constant(MB) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ op: 'remove' }),
  fc.constant<Mutation>({ op: 'null' }),
  fc.constant<Mutation>({ op: 'numberAsString' }),
  { weight: 5, arbitrary: replacement.map<Mutation>((value) => ({ op: 'set', value })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES), replacement).map<Mutation>(([key, value]) => ({ op: 'protoKey', key, value })) },
);

/** `frame` with the field at `path` changed by `m` (a copy; `frame` is never changed). */
export function mutate(frame: Record<string, unknown>, path: readonly string[], m: Mutation): Record<string, unknown> {
  const out = clone(frame);
  const parent = parentOf(out, path);
  const key = path[path.length - 1]!;
  if (!parent) return out;
  switch (m.op) {
    case 'remove':
      delete parent[key];
      break;
    case 'null':
      define(parent, key, null);
      break;
    case 'set':
      define(parent, key, m.value);
      break;
    case 'numberAsString': {
      const v = parent[key];
      define(parent, key, typeof v === 'number' ? String(v) : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : `${String(v)} `);
      break;
    }
    case 'protoKey':
      define(parent, m.key, m.value);
      break;
  }
  return out;
}

/** Frames as bytes: what a WebSocket in `arraybuffer` mode, or a careless server, delivers. */
export const binaryFrame = (valid: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.uint8Array({ maxLength: 64 }).map((a) => a.buffer),
    fc.constantFrom(...valid).map((text) => new TextEncoder().encode(text)),
    fc.constantFrom(...valid).map((text) => new TextEncoder().encode(text).buffer),
    fc.constantFrom(...valid).map((text) => new DataView(new TextEncoder().encode(text).buffer)),
    // Blob-like: a browser WebSocket in `blob` mode.
    fc.constantFrom(...valid).map((text) => ({ size: text.length, type: 'application/json', arrayBuffer: () => Promise.resolve(new TextEncoder().encode(text).buffer), text: () => Promise.resolve(text) })),
    fc.constantFrom(...valid).map((text) => (typeof Blob === 'undefined' ? text : new Blob([text]))),
  );

/** Random JSON (as text or decoded), sometimes with a known message type and hostile keys. */
export const randomJson = (types: readonly string[]): fc.Arbitrary<unknown> => {
  const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom('id', 'order_id', 'user_id', 'sender_id', 'user', 'order', 'data', 'timestamp', 'count', 'status'));
  const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...PROTOTYPE_NAMES));
  const object = fc.tuple(fc.constantFrom(...types, ...PROTOTYPE_NAMES), fc.array(fc.tuple(key, value), { maxLength: 8 })).map(([type, entries]) => {
    const out: Record<string, unknown> = {};
    define(out, 'type', type);
    for (const [k, v] of entries) define(out, k, v);
    return out;
  });
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    object,
    object.map((o) => JSON.stringify(o)),
    fc.string({ maxLength: 40 }),
  );
};

// ---------- Prototypes ----------

type Snapshot = Map<PropertyKey, PropertyDescriptor>;
const watched = [Object.prototype, Array.prototype, Function.prototype, String.prototype];

function snapshotOf(target: object): Snapshot {
  const out: Snapshot = new Map();
  for (const key of Reflect.ownKeys(target)) out.set(key, Object.getOwnPropertyDescriptor(target, key)!);
  return out;
}

/** What the built-in prototypes hold now. */
export function prototypesNow(): Snapshot[] {
  return watched.map(snapshotOf);
}

/** The names of anything added to, removed from or replaced on a built-in prototype since `before`. */
export function prototypeChanges(before: Snapshot[]): string[] {
  const changes: string[] = [];
  watched.forEach((target, i) => {
    const now = snapshotOf(target);
    const was = before[i]!;
    for (const [key, d] of now) {
      const old = was.get(key);
      if (!old || old.value !== d.value || old.get !== d.get || old.set !== d.set) changes.push(`${String(key)} on prototype ${i}`);
    }
    for (const key of was.keys()) if (!now.has(key)) changes.push(`${String(key)} removed from prototype ${i}`);
  });
  if (Object.getPrototypeOf({}) !== Object.prototype) changes.push('the prototype of {}');
  return changes;
}

// ---------- Store invariants ----------

/** Caps small enough that every run reaches them. */
export const fuzzLimits = {
  orders: { orders: 6 },
  notifications: { notifications: 5, bookings: 4 },
  chat: { messages: 4, peers: 3 },
  admin: { activity: 4, pendingUsers: 4, admins: 4 },
};

function duplicates(values: readonly unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

function ownKeys(target: object): string[] {
  return Object.keys(target);
}

/** Every broken invariant of `state`, described (empty when all hold). */
export function brokenInvariants(state: RealtimeState, limits = fuzzLimits): string[] {
  const broken: string[] = [];
  // Messages are built only for a broken invariant: this runs after every fuzz run.
  const check = (ok: boolean, what: string | (() => string)): void => void (ok || broken.push(typeof what === 'string' ? what : what()));
  const { orders, chat, notifications, admin } = state;
  // Orders: every stored order is listed once, within the cap, with a sane progress.
  check(duplicates(orders.ids).length === 0, () => `orders.ids has duplicates: ${duplicates(orders.ids).join(',')}`);
  check(orders.ids.length <= limits.orders.orders, () => `orders.ids over the cap: ${orders.ids.length}`);
  const stored = ownKeys(orders.byId);
  check(stored.length === orders.ids.length && orders.ids.every((id) => Object.hasOwn(orders.byId, id)), () => `orders.byId (${stored.join(',')}) does not match orders.ids (${orders.ids.join(',')})`);
  check(ownKeys(orders.lastEvent).every((id) => Object.hasOwn(orders.byId, id)), 'orders.lastEvent holds an order that is not stored');
  for (const id of stored) {
    const order = orders.byId[id]!;
    check(typeof order === 'object' && order !== null && typeof order.id === 'string', () => `order ${id} is not an order`);
    const p = order.progress;
    check(p === undefined || p === null || (typeof p === 'number' && p >= 0 && p <= 100), () => `order ${id} progress out of range: ${String(p)}`);
  }
  // Chat: per peer within the cap, no duplicates, and the number of peers capped.
  const peers = ownKeys(chat.byPeer);
  check(peers.length <= limits.chat.peers, () => `chat peers over the cap: ${peers.length}`);
  for (const peer of peers) {
    const list = chat.byPeer[peer]!;
    check(Array.isArray(list), () => `chat.byPeer[${peer}] is not a list`);
    if (!Array.isArray(list)) continue;
    check(list.length <= limits.chat.messages, () => `chat.byPeer[${peer}] over the cap: ${list.length}`);
    check(list.every((m) => m.peerId === peer), () => `chat.byPeer[${peer}] holds another peer's message`);
    check(duplicates(list.filter((m) => m.id !== null).map((m) => m.id)).length === 0, () => `chat.byPeer[${peer}] has duplicate ids`);
    check(duplicates(list.map((m) => m.clientId)).length === 0, () => `chat.byPeer[${peer}] has duplicate client ids`);
  }
  for (const name of ['history', 'typing', 'presence', 'names'] as const) check(ownKeys(chat[name]).length <= limits.chat.peers, () => `chat.${name} over the cap`);
  check(chat.conversations.items.length <= limits.chat.peers, 'chat conversations over the cap');
  check(chat.conversations.items.every((c) => Number.isInteger(c.unread) && c.unread >= 0), 'a conversation has a negative unread count');
  // Notifications.
  check(notifications.items.length <= limits.notifications.notifications, 'notifications over the cap');
  check(duplicates(notifications.items.map((n) => n.id)).length === 0, 'notifications have duplicate ids');
  check(Number.isInteger(notifications.unreadCount) && notifications.unreadCount >= 0, () => `unreadCount is ${notifications.unreadCount}`);
  check(notifications.bookings.length <= limits.notifications.bookings, 'bookings over the cap');
  // Admin.
  const admins = ownKeys(admin.admins);
  check(admins.length <= limits.admin.admins, () => `admins over the cap: ${admins.length}`);
  check(admins.every((id) => admin.admins[id]!.id === id), 'an admin is stored under another id');
  check(admin.activity.length <= limits.admin.activity, 'activity over the cap');
  check(duplicates(admin.activity.map((a) => a.id)).length === 0, 'activity has duplicate ids');
  check(admin.pendingUsers.length <= limits.admin.pendingUsers, 'pending users over the cap');
  check(admin.pendingCount === null || (Number.isInteger(admin.pendingCount) && admin.pendingCount >= 0), () => `pendingCount is ${admin.pendingCount}`);
  // Records keyed by wire ids have no prototype to reach.
  for (const [name, value] of [['orders.byId', orders.byId], ['orders.lastEvent', orders.lastEvent], ['chat.byPeer', chat.byPeer], ['chat.history', chat.history], ['chat.typing', chat.typing], ['chat.presence', chat.presence], ['chat.names', chat.names], ['admin.admins', admin.admins]] as const) {
    check(Object.getPrototypeOf(value) === null, () => `${name} has a prototype`);
  }
  return broken;
}
