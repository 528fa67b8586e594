import { toast, type Id, type UpdateOptions } from 'react-toastify';

export interface ToastGroups {
  /** True while `group`'s toast is on screen (a closed one is forgotten here). */
  isOpen(group: string | undefined, containerId: Id | undefined): group is string;
  /** `group`'s toast is now `id`, shown at `now`. */
  opened(group: string, id: Id, now: number): void;
  /** Toast `id` closed: forget its group, unless a newer toast took the group over. */
  closed(group: string, id: Id): void;
  /**
   * Show `update` in `group`'s open toast: at once when its text last changed `interval` ms
   * ago or more, otherwise once the interval is over, with only the latest update of those
   * that came meanwhile. A live region then reads a burst's final text once, not every step.
   */
  update(group: string, update: UpdateOptions, interval: number, now: number): void;
  /** Cancel pending updates (the toaster unmounted). */
  dispose(): void;
}

interface Entry {
  id: Id;
  last: number;
  pending: UpdateOptions | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** The toaster's memory of which toast shows which group, and its throttled in-place updates. */
export function createToastGroups(): ToastGroups {
  const entries = new Map<string, Entry>();
  const forget = (group: string, entry: Entry) => {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entries.delete(group);
  };
  return {
    isOpen(group, containerId): group is string {
      if (group === undefined) return false;
      const entry = entries.get(group);
      if (!entry) return false;
      if (toast.isActive(entry.id, containerId)) return true;
      forget(group, entry);
      return false;
    },
    opened(group, id, now) {
      const previous = entries.get(group);
      if (previous) forget(group, previous);
      entries.set(group, { id, last: now, pending: null, timer: null });
    },
    closed(group, id) {
      const entry = entries.get(group);
      if (entry?.id === id) forget(group, entry);
    },
    update(group, update, interval, now) {
      const entry = entries.get(group);
      if (!entry) return;
      entry.pending = update;
      if (entry.timer !== null) return;
      const flush = () => {
        entry.timer = null;
        const pending = entry.pending;
        entry.pending = null;
        if (!pending || entries.get(group) !== entry) return;
        // Closed while the update waited: a later event opens a new toast instead.
        if (!toast.isActive(entry.id, pending.containerId ?? undefined)) {
          forget(group, entry);
          return;
        }
        entry.last = Date.now();
        toast.update(entry.id, pending);
      };
      const wait = entry.last + interval - now;
      if (wait <= 0) flush();
      else entry.timer = setTimeout(flush, wait);
    },
    dispose() {
      for (const [group, entry] of entries) forget(group, entry);
    },
  };
}
