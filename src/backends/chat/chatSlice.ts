import type { StoreSlice } from '../../core/store/types';
import type { ChatEvent, ChatMessage, ChatSlice } from './types';

declare module '../../core/store/types' {
  interface RealtimeSlices {
    chat: ChatSlice;
  }
}

export const initialChat: ChatSlice = { byPeer: {}, awaitingAck: [] };

/** Insert keeping timestamp order; equal timestamps keep arrival order. */
function insertSorted(list: ChatMessage[], message: ChatMessage, cap: number): ChatMessage[] {
  let i = list.length;
  while (i > 0 && list[i - 1]!.timestamp > message.timestamp) i -= 1;
  const next = [...list.slice(0, i), message, ...list.slice(i)];
  return next.length > cap ? next.slice(next.length - cap) : next;
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
    return { ...slice, byPeer: { ...slice.byPeer, [peer]: next } };
  }
  return slice;
}

function reduce(slice: ChatSlice, event: ChatEvent, cap: number): ChatSlice {
  switch (event.kind) {
    case 'chat/received':
    case 'chat/queued': {
      const message = event.message;
      const list = slice.byPeer[message.peerId] ?? [];
      if (list.some((m) => m.clientId === message.clientId)) {
        // A retry re-queues a message the list already shows: update it in place.
        return event.kind === 'chat/queued' ? update(slice, message.clientId, (m) => ({ ...m, state: 'queued', error: undefined })) : slice;
      }
      return { ...slice, byPeer: { ...slice.byPeer, [message.peerId]: insertSorted(list, message, cap) } };
    }
    case 'chat/sending': {
      const next = update(slice, event.clientId, (m) => (m.state === 'sending' ? m : { ...m, state: 'sending' }));
      return { ...next, awaitingAck: [...next.awaitingAck, event.clientId] };
    }
    case 'chat/ack':
    case 'chat/rejected': {
      const [clientId, ...rest] = slice.awaitingAck;
      if (clientId === undefined) return slice;
      const next = update(slice, clientId, (m) =>
        event.kind === 'chat/ack' ? { ...m, id: event.serverId, state: 'sent', error: undefined } : { ...m, state: 'failed', error: event.error },
      );
      return { ...next, awaitingAck: rest };
    }
    case 'chat/failed': {
      const ids = event.clientIds === 'awaiting' ? slice.awaitingAck : event.clientIds;
      let next = slice;
      for (const id of ids) next = update(next, id, (m) => (m.state === 'sent' ? m : { ...m, state: 'failed', error: event.error }));
      const remaining = next.awaitingAck.filter((id) => !ids.includes(id));
      return remaining.length === next.awaitingAck.length ? next : { ...next, awaitingAck: remaining };
    }
    default:
      return slice;
  }
}

/** The chat slice: `state.chat`. Caps: `backends: { chat: { limits: { messages } } }` (per peer). */
export const chatSlice: StoreSlice<ChatSlice> = {
  key: 'chat',
  initial: initialChat,
  limits: { messages: 500 },
  reduce: (slice, entry, limits) => reduce(slice, entry.event as ChatEvent, limits['messages']!),
};
