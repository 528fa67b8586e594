import type { CoreEvent, StoreEntry } from '../events';
import { own } from './records';
import type { ConnectionEntry } from './types';

export function connectionsReducer(slice: Record<string, ConnectionEntry>, entry: StoreEntry): Record<string, ConnectionEntry> {
  const { endpoint } = entry;
  const event = entry.event as CoreEvent;
  const current = own(slice, endpoint);
  switch (event.kind) {
    case 'connection/state': {
      const s = event.state;
      if (current && current.status === s.status && current.attempt === s.attempt && current.queued === s.queued && current.error === s.error) return slice;
      return { ...slice, [endpoint]: { ...s, user: current?.user ?? null } };
    }
    case 'session/established': {
      if (!current) return slice;
      return { ...slice, [endpoint]: { ...current, user: { id: event.userId, username: event.username } } };
    }
    default:
      return slice;
  }
}
