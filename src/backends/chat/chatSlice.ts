import type { StoreEntry } from '../../core/events';
import { writable } from '../../core/store/batchDraft';
import { draftRecord, has, own, put, record, remove, sizeOf, slackOf, trimRecord, withEntries, withoutEntry } from '../../core/store/records';
import type { SliceLimits, StoreSlice } from '../../core/store/types';
import type { ChatConversation, ChatEvent, ChatMessage, ChatSlice } from './types';

declare module '../../core/store/types' {
  interface RealtimeSlices {
    chat: ChatSlice;
  }
}

/**
 * Peer ids come from the wire and may be any string (`"constructor"`, `"__proto__"`): every
 * record keyed by them has no prototype (`core/store/records`), so a lookup never finds an
 * inherited member and a write never reaches a prototype.
 */
export const initialChat: ChatSlice = {
  byPeer: record(),
  awaitingAck: [],
  history: record(),
  typing: record(),
  presence: record(),
  names: record(),
  conversations: { items: [], status: 'idle', error: null },
  me: null,
};

/** How far an own message has got; a later report never moves it back. */
const progress: Record<ChatMessage['state'], number> = { queued: 0, sending: 1, failed: 1, sent: 2, delivered: 3, received: 3, read: 4 };

const numeric = /^\d+$/;

/**
 * Time order. Within one minute, two messages the server numbered go by their ids: the ERP's
 * REST gives times to the minute (`09:41 PM`) where its events give microseconds.
 */
function byTime(a: ChatMessage, b: ChatMessage): number {
  // A time to the minute (`…:00.000Z`, the ERP's REST) cannot be placed within its minute:
  // there the server's numbers decide, as they count in the order messages were stored.
  // Otherwise the times do (they may be more exact than the numbers' order across sources).
  if (a.timestamp.slice(0, 16) === b.timestamp.slice(0, 16) && (toTheMinute(a) || toTheMinute(b)) && a.id !== null && b.id !== null && numeric.test(a.id) && numeric.test(b.id)) {
    return Number(a.id) - Number(b.id);
  }
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
}

function toTheMinute(m: ChatMessage): boolean {
  return m.timestamp.endsWith(':00.000Z');
}

/** The caps the chat slice applies (`backends: { chat: { limits } }`). */
export interface ChatCaps {
  /** Messages kept per peer; the oldest go first. Default 500. */
  messages: number;
  /**
   * Conversations kept: peers with messages, and the entries of `history`, `typing`,
   * `presence`, `names` and the inbox's items. Past it the conversations whose newest
   * messages are the oldest are forgotten, a tenth of the cap at a time (a conversation is
   * loaded again when opened). Default 500.
   */
  peers: number;
}

/** Insert keeping timestamp order; equal timestamps keep arrival order. Within a batch the list is changed in place. */
function insertSorted(list: ChatMessage[], message: ChatMessage, cap: number): ChatMessage[] {
  let i = list.length;
  while (i > 0 && byTime(list[i - 1]!, message) > 0) i -= 1;
  const next = writable(list);
  next.splice(i, 0, message);
  if (next.length > cap) next.splice(0, next.length - cap);
  return next;
}

/** The server's time for an acked message, unless it only repeats the local time's minute. */
function closer(local: string, server: string | undefined): string {
  return !server || (server.slice(0, 16) === local.slice(0, 16) && server.slice(16, 23) === ':00.000') ? local : server;
}

/** The timestamp of a conversation's newest message ('' when it has none): lists are kept in time order. */
function newest(list: readonly ChatMessage[]): string {
  return list[list.length - 1]?.timestamp ?? '';
}

/**
 * `slice` with `list` as the conversation with `peerId`. A new peer past `caps.peers` makes
 * room by forgetting the conversations whose newest messages are the oldest (their messages,
 * history and typing entries). Within a batch the peers record is updated in place.
 */
function withPeer(slice: ChatSlice, peerId: string, list: ChatMessage[], caps: ChatCaps): ChatSlice {
  const known = has(slice.byPeer, peerId);
  if (known && own(slice.byPeer, peerId) === list) return slice;
  const byPeer = draftRecord(slice.byPeer);
  put(byPeer, peerId, list);
  let next: ChatSlice = { ...slice, byPeer };
  const cap = Math.max(1, caps.peers);
  if (!known && sizeOf(byPeer) > cap) {
    // The oldest conversations go, a tenth of the cap at a time: one pass over the peers
    // per that many new ones, not one per new peer.
    const excess = sizeOf(byPeer) - Math.max(1, cap - slackOf(cap));
    const oldest = Object.keys(byPeer)
      .filter((peer) => peer !== peerId)
      .map((peer) => [peer, newest(byPeer[peer]!)] as const)
      .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
      .slice(0, excess);
    let { history, typing } = next;
    for (const [peer] of oldest) {
      remove(byPeer, peer);
      if (has(history, peer)) remove((history = draftRecord(history)), peer);
      if (has(typing, peer)) remove((typing = draftRecord(typing)), peer);
    }
    next = { ...next, history, typing };
  }
  return next;
}

/** `target` with `key` set, keeping at most `cap` entries (the first in key order go; `key` stays). */
function withCapped<V>(target: Record<string, V>, key: string, value: V, cap: number): Record<string, V> {
  const known = has(target, key);
  const next = draftRecord(target);
  put(next, key, value);
  if (!known) trimRecord(next, cap, [key], slackOf(cap));
  return next;
}

/** Apply `change` to the message with `clientId`, wherever it is. */
function update(slice: ChatSlice, clientId: string, change: (m: ChatMessage) => ChatMessage, caps: ChatCaps): ChatSlice {
  for (const [peer, list] of Object.entries(slice.byPeer)) {
    const index = list.findIndex((m) => m.clientId === clientId);
    if (index === -1) continue;
    const updated = change(list[index]!);
    if (updated === list[index]) return slice;
    const next = [...list];
    next[index] = updated;
    // The server's timestamp may move an acked message: keep the list in time order.
    if (updated.timestamp !== list[index]!.timestamp) next.sort(byTime);
    // The same message may already be listed from the server (an event or a history page): keep one.
    const serverId = updated.id;
    const deduped = serverId === null ? next : next.filter((m) => m === updated || m.id !== serverId);
    return withPeer(slice, peer, deduped, caps);
  }
  return slice;
}

/** Merge what the server says about a message into the one shown. */
function merge(shown: ChatMessage, told: ChatMessage): ChatMessage {
  const state = shown.own && progress[told.state] > progress[shown.state] ? told.state : shown.state;
  const seen = shown.seen || told.seen;
  const readAt = told.readAt ?? shown.readAt;
  if (state === shown.state && seen === shown.seen && readAt === shown.readAt) return shown;
  return { ...shown, state, seen, readAt, error: state === shown.state ? shown.error : undefined };
}

/** A page from the server merged into the list: one entry per server id, in time order. */
function mergePage(list: ChatMessage[], page: ChatMessage[], cap: number): ChatMessage[] {
  const index = new Map<string, number>();
  const clientIds = new Set<string>();
  list.forEach((m, i) => {
    if (m.id !== null) index.set(m.id, i);
    clientIds.add(m.clientId);
  });
  let next: ChatMessage[] | null = null;
  const added: ChatMessage[] = [];
  for (const told of page) {
    const at = told.id === null ? undefined : index.get(told.id);
    if (at === undefined) {
      // One entry per client id too: a page never lists a message twice.
      if (clientIds.has(told.clientId)) continue;
      clientIds.add(told.clientId);
      if (told.id !== null) index.set(told.id, -1);
      added.push(told);
      continue;
    }
    if (at < 0) continue;
    const merged = merge((next ?? list)[at]!, told);
    if (merged !== (next ?? list)[at]) (next ??= [...list])[at] = merged;
  }
  if (!added.length) return next ?? list;
  const all = [...(next ?? list), ...added].sort(byTime);
  return all.length > cap ? all.slice(all.length - cap) : all;
}

function patchConversation(slice: ChatSlice, peerId: string, change: (c: ChatConversation) => ChatConversation): ChatSlice {
  const items = slice.conversations.items;
  const index = items.findIndex((c) => c.peerId === peerId);
  if (index === -1) return slice;
  const next = [...items];
  next[index] = change(items[index]!);
  if (next[index] === items[index]) return slice;
  // Newest conversation first, as the server lists them.
  next.sort((a, b) => ((a.lastMessageAt ?? '') < (b.lastMessageAt ?? '') ? 1 : (a.lastMessageAt ?? '') > (b.lastMessageAt ?? '') ? -1 : 0));
  return { ...slice, conversations: { ...slice.conversations, items: next } };
}

function withoutTyping(slice: ChatSlice, peerId: string): ChatSlice {
  if (!has(slice.typing, peerId)) return slice;
  return { ...slice, typing: withoutEntry(slice.typing, peerId) };
}

function received(slice: ChatSlice, event: Extract<ChatEvent, { kind: 'chat/received' }>, caps: ChatCaps): ChatSlice {
  let message = event.message;
  // This user's own message, sent from another tab or device: file it under the receiver.
  if (slice.me !== null && message.peerId === slice.me && event.receiverId) message = { ...message, own: true, peerId: event.receiverId, state: 'sent' };
  const list = own(slice.byPeer, message.peerId) ?? [];
  if (message.id !== null && list.some((m) => m.id === message.id)) return slice;
  if (list.some((m) => m.clientId === message.clientId)) return slice;
  return latest(withoutTyping(withPeer(slice, message.peerId, insertSorted(list, message, caps.messages), caps), message.peerId), message, caps);
}

/**
 * The inbox after a new message: its conversation shows it last and moves up, with one more
 * unread for a received one. A conversation the inbox does not list yet (a first message) is
 * added, so it shows at once; the next reload of the list brings its server id.
 */
function latest(slice: ChatSlice, message: ChatMessage, caps: ChatCaps): ChatSlice {
  const { conversations } = slice;
  if (conversations.status !== 'loaded') return slice;
  const text = message.text || (message.attachment ? '[Attachment]' : null);
  if (!conversations.items.some((c) => c.peerId === message.peerId)) {
    const name = own(slice.names, message.peerId) ?? (message.own ? null : message.senderName) ?? message.peerId;
    const added: ChatConversation = { id: '', peerId: message.peerId, name, username: null, avatar: null, online: own(slice.presence, message.peerId) ?? null, lastMessage: text, lastMessageAt: message.timestamp, lastMessageByMe: message.own, unread: message.own ? 0 : 1 };
    return { ...slice, conversations: { ...conversations, items: [added, ...conversations.items].slice(0, Math.max(1, caps.peers)) } };
  }
  return patchConversation(slice, message.peerId, (c) => ({
    ...c,
    lastMessage: text ?? c.lastMessage,
    lastMessageAt: message.timestamp,
    lastMessageByMe: message.own,
    unread: message.own ? c.unread : c.unread + 1,
  }));
}

function reduce(slice: ChatSlice, entry: StoreEntry, caps: ChatCaps): ChatSlice {
  const cap = caps.messages;
  const event = entry.event as ChatEvent | { kind: 'session/established'; userId: string | null };
  switch (event.kind) {
    case 'session/established':
      return entry.endpoint === 'chat' && event.userId !== slice.me ? { ...slice, me: event.userId } : slice;
    case 'chat/received':
      return received(slice, event, caps);
    case 'chat/queued': {
      const message = event.message;
      const list = own(slice.byPeer, message.peerId) ?? [];
      // A retry re-queues a message the list already shows: update it in place.
      if (list.some((m) => m.clientId === message.clientId)) return update(slice, message.clientId, (m) => ({ ...m, state: 'queued', error: undefined }), caps);
      return latest(withPeer(slice, message.peerId, insertSorted(list, message, cap), caps), message, caps);
    }
    case 'chat/sending': {
      const next = update(slice, event.clientId, (m) => (m.state === 'sending' ? m : { ...m, state: 'sending' }), caps);
      return event.rest ? next : { ...next, awaitingAck: [...next.awaitingAck, event.clientId] };
    }
    case 'chat/ack':
    case 'chat/rejected': {
      const clientId = event.clientId ?? slice.awaitingAck[0];
      if (clientId === undefined) return slice;
      const next = update(slice, clientId, (m) =>
        event.kind === 'chat/ack'
          ? { ...m, id: event.serverId, state: progress[m.state] > progress.sent ? m.state : 'sent', error: undefined, timestamp: closer(m.timestamp, event.timestamp) }
          : { ...m, state: 'failed', error: event.error },
        caps,
      );
      const awaitingAck = next.awaitingAck.filter((id) => id !== clientId);
      return awaitingAck.length === next.awaitingAck.length ? next : { ...next, awaitingAck };
    }
    case 'chat/failed': {
      const ids = event.clientIds === 'awaiting' ? slice.awaitingAck : event.clientIds;
      let next = slice;
      for (const id of ids) next = update(next, id, (m) => (progress[m.state] >= progress.sent ? m : { ...m, state: 'failed', error: event.error }), caps);
      const remaining = next.awaitingAck.filter((id) => !ids.includes(id));
      return remaining.length === next.awaitingAck.length ? next : { ...next, awaitingAck: remaining };
    }
    case 'chat/history': {
      const list = own(slice.byPeer, event.peerId) ?? [];
      const merged = mergePage(list, event.messages, cap);
      let next = merged === list && has(slice.byPeer, event.peerId) ? slice : withPeer(slice, event.peerId, merged, caps);
      const previous = own(slice.history, event.peerId);
      // A newest page that says "more" tells nothing when older messages are already held.
      const pageOldest = event.messages.reduce((min, m) => (m.timestamp < min ? m.timestamp : min), '\uffff');
      const holdsOlder = list.some((m) => m.id !== null && m.timestamp < pageOldest);
      const hasMore = event.hasMore === undefined || (!event.older && event.hasMore && holdsOlder) ? (previous?.hasMore ?? false) : event.hasMore;
      if (previous?.status !== 'loaded' || previous.hasMore !== hasMore) {
        next = { ...next, history: withCapped(next.history, event.peerId, { status: 'loaded', hasMore, error: null }, caps.peers) };
      }
      if (typeof event.online === 'boolean' && own(slice.presence, event.peerId) !== event.online) next = { ...next, presence: withCapped(next.presence, event.peerId, event.online, caps.peers) };
      if (event.name && own(slice.names, event.peerId) !== event.name) next = { ...next, names: withCapped(next.names, event.peerId, event.name, caps.peers) };
      return next;
    }
    case 'chat/historyState': {
      const previous = own(slice.history, event.peerId) ?? { status: 'idle', hasMore: true, error: null };
      return { ...slice, history: withCapped(slice.history, event.peerId, { ...previous, status: event.status, error: event.error ?? null }, caps.peers) };
    }
    case 'chat/typing': {
      if (!event.typing) return withoutTyping(slice, event.peerId);
      return { ...slice, typing: withCapped(slice.typing, event.peerId, { name: event.name, at: event.at }, caps.peers) };
    }
    case 'chat/read': {
      const ids = new Set(event.serverIds);
      let byPeer: ChatSlice['byPeer'] | null = null;
      for (const [peer, list] of Object.entries(slice.byPeer)) {
        if (!list.some((m) => m.own && m.id !== null && ids.has(m.id) && m.state !== 'read')) continue;
        (byPeer ??= record(slice.byPeer))[peer] = list.map((m) => (m.own && m.id !== null && ids.has(m.id) && m.state !== 'read' ? { ...m, state: 'read', readAt: event.readAt, error: undefined } : m));
      }
      return byPeer ? { ...slice, byPeer } : slice;
    }
    case 'chat/seen':
    case 'chat/unseen': {
      // `unseen` takes back a mark the server refused, so those messages are marked again later.
      const seen = event.kind === 'chat/seen';
      const ids = new Set(event.serverIds);
      const list = own(slice.byPeer, event.peerId) ?? [];
      let count = 0;
      const next = list.map((m) => {
        if (m.own || Boolean(m.seen) === seen || m.id === null || !ids.has(m.id)) return m;
        count += 1;
        return { ...m, seen };
      });
      if (!count) return slice;
      return patchConversation(withPeer(slice, event.peerId, next, caps), event.peerId, (c) => ({ ...c, unread: Math.max(0, c.unread + (seen ? -count : count)) }));
    }
    case 'chat/conversations': {
      // One conversation per peer (the first, newest, wins): the list is keyed by peer.
      const peers = new Set<string>();
      const items = event.items.filter((c) => !peers.has(c.peerId) && peers.add(c.peerId)).slice(0, Math.max(1, caps.peers));
      const presence = record(slice.presence);
      const names = record(slice.names);
      for (const c of items) {
        if (c.online !== null) put(presence, c.peerId, c.online);
        put(names, c.peerId, c.name);
      }
      trimRecord(presence, caps.peers);
      trimRecord(names, caps.peers);
      return { ...slice, presence, names, conversations: { items, status: 'loaded', error: null } };
    }
    case 'chat/conversationsState':
      return { ...slice, conversations: { ...slice.conversations, status: event.status, error: event.error ?? null } };
    case 'chat/presence':
    {
      const presence = withEntries(slice.presence, event.online);
      trimRecord(presence, caps.peers);
      return { ...slice, presence };
    }
    default:
      return slice;
  }
}

/** The chat slice's default caps: {@link ChatCaps}. */
export const chatLimits: ChatCaps & SliceLimits = { messages: 500, peers: 500 };

/**
 * The chat slice: `state.chat`. Caps: `backends: { chat: { limits: { messages, peers } } }`
 * ({@link ChatCaps}: 500 messages per peer, 500 peers).
 */
export const chatSlice: StoreSlice<ChatSlice> = {
  key: 'chat',
  initial: initialChat,
  limits: chatLimits,
  reduce: (slice, entry, limits) => reduce(slice, entry, { messages: limits['messages'] ?? chatLimits.messages, peers: limits['peers'] ?? chatLimits.peers }),
};
