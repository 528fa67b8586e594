/** The kinds the kit draws with their own icon; anything else is `other`. */
export type NotificationKindKey = 'booking' | 'message' | 'maintenance' | 'notice' | 'other';

export interface NotificationKindInfo {
  /** For `data-kind` and the icon. */
  key: NotificationKindKey;
  /** Visible text beside the icon, so the kind is never shown by icon or colour alone. */
  label: string;
}

const known: Record<Exclude<NotificationKindKey, 'other'>, string> = {
  booking: 'Booking',
  message: 'Message',
  maintenance: 'Maintenance',
  notice: 'Notice',
};

/** Icon key and label for a backend's `notification_type`; unknown types keep their own words. */
export function notificationKindInfo(kind: string): NotificationKindInfo {
  const raw = typeof kind === 'string' ? kind.trim() : '';
  const key = raw.toLowerCase();
  // Own keys only: a type named `constructor` or `__proto__` is a server's word, not a prototype member.
  if (Object.hasOwn(known, key)) return { key: key as NotificationKindKey, label: known[key as keyof typeof known] };
  // "payment_due" → "Payment due": a server's own type reads better than a generic word.
  const words = raw.replace(/[_-]+/g, ' ').trim().slice(0, 40);
  return { key: 'other', label: words ? words[0]!.toUpperCase() + words.slice(1) : 'Other' };
}

/** The badge's text: the count, capped ("99+"). */
export function badgeText(count: number, max = 99): string {
  return count > max ? `${max}+` : String(count);
}
