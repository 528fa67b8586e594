/**
 * What a status string means for display. Pure and React-free, so dashboards can sort,
 * filter or colour their own elements with the same vocabulary the badge uses.
 */

/** The colour family a status is drawn in. Always paired with an icon and a text label. */
export type StatusTone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

/** The shape drawn beside the label, so the status never depends on colour alone. */
export type StatusIconName =
  | 'star'
  | 'play'
  | 'plus'
  | 'check'
  | 'ban'
  | 'clock'
  | 'spinner'
  | 'bell'
  | 'cross'
  | 'hourglass'
  | 'dot';

export interface StatusInfo {
  /**
   * Normalised, lowercase key (`'done'`, `'pending_approval'`, `'dropped'`). Used for
   * `data-status`. For an unknown status it is the raw text, lowercased, with whitespace
   * and dashes folded to `_`, capped at 64 characters; `'unknown'` when empty.
   */
  key: string;
  /** Human text: `'Dropped'` for the wire's `'Droped'`; the raw text for an unknown status. */
  label: string;
  tone: StatusTone;
  icon: StatusIconName;
  /** False when the status is in none of the vocabularies the kit knows. */
  known: boolean;
}

type Entry = Omit<StatusInfo, 'key' | 'known'>;

// Boosting shop orders (`New, Droped, Extend, Done, Continue`, capitalised on the wire),
// Timing restaurant orders, and admin user approval. Keys are normalised spellings.
const known: Readonly<Record<string, Entry>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Entry>, {
    new: { label: 'New', tone: 'info', icon: 'star' },
    dropped: { label: 'Dropped', tone: 'danger', icon: 'ban' },
    extend: { label: 'Extend', tone: 'warning', icon: 'plus' },
    done: { label: 'Done', tone: 'success', icon: 'check' },
    continue: { label: 'Continue', tone: 'progress', icon: 'play' },

    pending: { label: 'Pending', tone: 'warning', icon: 'clock' },
    preparing: { label: 'Preparing', tone: 'progress', icon: 'spinner' },
    ready: { label: 'Ready', tone: 'info', icon: 'bell' },
    completed: { label: 'Completed', tone: 'success', icon: 'check' },
    cancelled: { label: 'Cancelled', tone: 'danger', icon: 'cross' },

    approved: { label: 'Approved', tone: 'success', icon: 'check' },
    rejected: { label: 'Rejected', tone: 'danger', icon: 'cross' },
    pending_approval: { label: 'Pending approval', tone: 'warning', icon: 'hourglass' },
  } satisfies Record<string, Entry>),
);

// Spellings seen on the wire or in the wild that mean a known status.
const aliases: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    droped: 'dropped', // the Boosting backend's own spelling
    canceled: 'cancelled',
    complete: 'completed',
    pendingapproval: 'pending_approval',
    awaiting_approval: 'pending_approval',
  }),
);

const MAX_KEY_LENGTH = 64;

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Maps any status string from any backend to its key, label, tone and icon. Never throws:
 * a status it doesn't know (or a non-string that slipped past a dialect) comes back
 * neutral, labelled with its own text.
 */
export function statusInfo(status: string): StatusInfo {
  const raw = typeof status === 'string' ? status : status == null ? '' : String(status);
  const normalised = normalise(raw);
  const key = aliases[normalised] ?? normalised;
  const entry = known[key];
  if (entry) return { key, ...entry, known: true };
  const text = raw.trim();
  return {
    key: key === '' ? 'unknown' : key.slice(0, MAX_KEY_LENGTH),
    label: text === '' ? 'Unknown' : text,
    tone: 'neutral',
    icon: 'dot',
    known: false,
  };
}

/** Every status key the kit knows, in display order (Boosting, Timing, approval). */
export const knownStatusKeys: readonly string[] = Object.freeze(Object.keys(known));
