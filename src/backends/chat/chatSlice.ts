import type { StoreEntry } from '../../core/events';
import type { StoreSlice } from '../../core/store/types';
import type { ChatConversation, ChatEvent, ChatMessage, ChatSlice } from './types';

declare module '../../core/store/types' {
  interface RealtimeSlices {
    chat: ChatSlice;
  }
}

export const initialChat: ChatSlice = {
  byPeer: {},
  awaitingAck: [],
  history: {},
  typing: {},
  presence: {},
  names: {},
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
  if (a.id !== null && b.id !== null && numeric.test(a.id) && numeric.test(b.id) && a.timestamp.slice(0, 16) === b.timestamp.slice(0, 16)) return Number(a.id) - Number(b.id);
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
}

/** Insert keeping timestamp order; equal timestamps keep arrival order. */
function insertSorted(list: ChatMessage[], message: ChatMessage, cap: number): ChatMessage[] {
  let i = list.length;
  while (i > 0 && byTime(list[i - 1]!, message) > 0) i -= 1;
  const next = [...list.slice(0, i), message, ...list.slice(i)];
  return next.length > cap ? next.slice(next.length - cap) : next;
}

/** The server's time for an acked message, unless it only repeats the local time's minute. */
function closer(local: string, server: string | undefined): string {
  return !server || (server.slice(0, 16) === local.slice(0, 16) && server.slice(16, 23) === ':00.000') ? local : server;
}

function withPeer(slice: ChatSlice, peerId: string, list: ChatMessage[]): ChatSlice {
  return { ...slice, byPeer: { ...slice.byPeer, [peerId]: list } };
}

/** Apply `change` to the message with `clientId`, wherever it is. */
function update(slice: ChatSlice, clientId: string, change: (m: ChatMessage) => ChatMessage): ChatSlice {
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
    return withPeer(slice, peer, deduped);
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
  list.forEach((m, i) => m.id !== null && index.set(m.id, i));
  let next: ChatMessage[] | null = null;
  const added: ChatMessage[] = [];
  for (const told of page) {
    const at = told.id === null ? undefined : index.get(told.id);
    if (at === undefined) {
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
  if (!Object.hasOwn(slice.typing, peerId)) return slice;
  const typing = { ...slice.typing };
  delete typing[peerId];
  return { ...slice, typing };
}

function received(slice: ChatSlice, event: Extract<ChatEvent, { kind: 'chat/received' }>, cap: number): ChatSlice {
  let message = event.message;
  // This user's own message, sent from another tab or device: file it under the receiver.
  if (slice.me !== null && message.peerId === slice.me && event.receiverId) message = { ...message, own: true, peerId: event.receiverId, state: 'sent' };
  const list = slice.byPeer[message.peerId] ?? [];
  if (message.id !== null && list.some((m) => m.id === message.id)) return slice;
  if (list.some((m) => m.clientId === message.clientId)) return slice;
  return latest(withoutTyping(withPeer(slice, message.peerId, insertSorted(list, message, cap)), message.peerId), message);
}

/**
 * The inbox after a new message: its conversation shows it last and moves up, with one more
 * unread for a received one. A conversation the inbox does not list yet (a first message) is
 * added, so it shows at once; the next reload of the list brings its server id.
 */
function latest(slice: ChatSlice, message: ChatMessage): ChatSlice {
  const { conversations } = slice;
  if (conversations.status !== 'loaded') return slice;
  const text = message.text || (message.attachment ? '[Attachment]' : null);
  if (!conversations.items.some((c) => c.peerId === message.peerId)) {
    const name = slice.names[message.peerId] ?? (message.own ? null : message.senderName) ?? message.peerId;
    const added: ChatConversation = { id: '', peerId: message.peerId, name, username: null, avatar: null, online: slice.presence[message.peerId] ?? null, lastMessage: text, lastMessageAt: message.timestamp, lastMessageByMe: message.own, unread: message.own ? 0 : 1 };
    return { ...slice, conversations: { ...conversations, items: [added, ...conversations.items] } };
  }
  return patchConversation(slice, message.peerId, (c) => ({
    ...c,
    lastMessage: text ?? c.lastMessage,
    lastMessageAt: message.timestamp,
    lastMessageByMe: message.own,
    unread: message.own ? c.unread : c.unread + 1,
  }));
}

function reduce(slice: ChatSlice, entry: StoreEntry, cap: number): ChatSlice {
  const event = entry.event as ChatEvent | { kind: 'session/established'; userId: string | null };
  switch (event.kind) {
    case 'session/established':
      return entry.endpoint === 'chat' && event.userId !== slice.me ? { ...slice, me: event.userId } : slice;
    case 'chat/received':
      return received(slice, event, cap);
    case 'chat/queued': {
      const message = event.message;
      const list = slice.byPeer[message.peerId] ?? [];
      // A retry re-queues a message the list already shows: update it in place.
      if (list.some((m) => m.clientId === message.clientId)) return update(slice, message.clientId, (m) => ({ ...m, state: 'queued', error: undefined }));
      return latest(withPeer(slice, message.peerId, insertSorted(list, message, cap)), message);
    }
    case 'chat/sending': {
      const next = update(slice, event.clientId, (m) => (m.state === 'sending' ? m : { ...m, state: 'sending' }));
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
      );
      const awaitingAck = next.awaitingAck.filter((id) => id !== clientId);
      return awaitingAck.length === next.awaitingAck.length ? next : { ...next, awaitingAck };
    }
    case 'chat/failed': {
      const ids = event.clientIds === 'awaiting' ? slice.awaitingAck : event.clientIds;
      let next = slice;
      for (const id of ids) next = update(next, id, (m) => (progress[m.state] >= progress.sent ? m : { ...m, state: 'failed', error: event.error }));
      const remaining = next.awaitingAck.filter((id) => !ids.includes(id));
      return remaining.length === next.awaitingAck.length ? next : { ...next, awaitingAck: remaining };
    }
    case 'chat/history': {
      const list = slice.byPeer[event.peerId] ?? [];
      const merged = mergePage(list, event.messages, cap);
      let next = merged === list && Object.hasOwn(slice.byPeer, event.peerId) ? slice : withPeer(slice, event.peerId, merged);
      const previous = slice.history[event.peerId];
      // A newest page that says "more" tells nothing when older messages are already held.
      const pageOldest = event.messages.reduce((min, m) => (m.timestamp < min ? m.timestamp : min), '\uffff');
      const holdsOlder = list.some((m) => m.id !== null && m.timestamp < pageOldest);
      const hasMore = event.hasMore === undefined || (!event.older && event.hasMore && holdsOlder) ? (previous?.hasMore ?? false) : event.hasMore;
      if (previous?.status !== 'loaded' || previous.hasMore !== hasMore) {
        next = { ...next, history: { ...next.history, [event.peerId]: { status: 'loaded', hasMore, error: null } } };
      }
      if (typeof event.online === 'boolean' && slice.presence[event.peerId] !== event.online) next = { ...next, presence: { ...next.presence, [event.peerId]: event.online } };
      if (event.name && slice.names[event.peerId] !== event.name) next = { ...next, names: { ...next.names, [event.peerId]: event.name } };
      return next;
    }
    case 'chat/historyState': {
      const previous = slice.history[event.peerId] ?? { status: 'idle', hasMore: true, error: null };
      return { ...slice, history: { ...slice.history, [event.peerId]: { ...previous, status: event.status, error: event.error ?? null } } };
    }
    case 'chat/typing': {
      if (!event.typing) return withoutTyping(slice, event.peerId);
      return { ...slice, typing: { ...slice.typing, [event.peerId]: { name: event.name, at: event.at } } };
    }
    case 'chat/read': {
      const ids = new Set(event.serverIds);
      let byPeer: ChatSlice['byPeer'] | null = null;
      for (const [peer, list] of Object.entries(slice.byPeer)) {
        if (!list.some((m) => m.own && m.id !== null && ids.has(m.id) && m.state !== 'read')) continue;
        (byPeer ??= { ...slice.byPeer })[peer] = list.map((m) => (m.own && m.id !== null && ids.has(m.id) && m.state !== 'read' ? { ...m, state: 'read', readAt: event.readAt, error: undefined } : m));
      }
      return byPeer ? { ...slice, byPeer } : slice;
    }
    case 'chat/seen': {
      const ids = new Set(event.serverIds);
      const list = slice.byPeer[event.peerId] ?? [];
      let count = 0;
      const next = list.map((m) => {
        if (m.own || m.seen || m.id === null || !ids.has(m.id)) return m;
        count += 1;
        return { ...m, seen: true };
      });
      if (!count) return slice;
      return patchConversation(withPeer(slice, event.peerId, next), event.peerId, (c) => ({ ...c, unread: Math.max(0, c.unread - count) }));
    }
    case 'chat/conversations': {
      const presence = { ...slice.presence };
      const names = { ...slice.names };
      for (const c of event.items) {
        if (c.online !== null) presence[c.peerId] = c.online;
        names[c.peerId] = c.name;
      }
      return { ...slice, presence, names, conversations: { items: event.items, status: 'loaded', error: null } };
    }
    case 'chat/conversationsState':
      return { ...slice, conversations: { ...slice.conversations, status: event.status, error: event.error ?? null } };
    case 'chat/presence':
      return { ...slice, presence: { ...slice.presence, ...event.online } };
    default:
      return slice;
  }
}

/** The chat slice: `state.chat`. Caps: `backends: { chat: { limits: { messages } } }` (per peer). */
export const chatSlice: StoreSlice<ChatSlice> = {
  key: 'chat',
  initial: initialChat,
  limits: { messages: 500 },
  reduce: (slice, entry, limits) => reduce(slice, entry, limits['messages']!),
};
