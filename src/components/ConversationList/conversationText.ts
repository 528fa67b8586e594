import { formatTime, parseTime } from '../../componentUtils/formatTime';

const DAY_MS = 24 * 3600 * 1000;

/**
 * When a conversation last moved, as inboxes say it: "14:05" today, the weekday within the
 * week ("Tue"), else the date ("3 Jan"; with the year when not this year). Null when no time.
 */
export function shortTime(value: string | null, now: Date, locale?: string): { text: string; date: Date } | null {
  const date = parseTime(value);
  if (!date) return null;
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const time = date.getTime();
  let options: Intl.DateTimeFormatOptions;
  if (time >= startOfToday && time < startOfToday + DAY_MS) options = { hour: 'numeric', minute: '2-digit' };
  else if (time < startOfToday && time >= startOfToday - 6 * DAY_MS) options = { weekday: 'short' };
  else if (date.getFullYear() === now.getFullYear()) options = { day: 'numeric', month: 'short' };
  else options = { day: 'numeric', month: 'short', year: 'numeric' };
  return { text: formatTime(date.toISOString(), locale, options), date };
}

/** The last message as the row shows it: "You: …" when this user wrote it. */
export function lastMessageText(text: string | null, byMe: boolean): string | null {
  if (text === null || text === '') return null;
  return byMe ? `You: ${text}` : text;
}

/** The unread count as the badge shows it: capped at 99+. */
export function unreadBadge(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/** Shown where the server has no conversation list (the documented WebSocket chat). */
export const UNSUPPORTED_TEXT = 'Conversations are not supported by this server.';
/** Shown when the user has no conversation. */
export const NO_CONVERSATIONS_TEXT = 'No conversations yet';
