/** Format an amount as currency; `null` when there is no amount. Never throws on a bad code. */
export function formatMoney(amount: number | null | undefined, currency: string, locale?: string): string | null {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return null;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown currency code or locale: still show the number rather than nothing.
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Format an ISO time for people; the raw text when it is not a date. */
export function formatTime(value: string | null | undefined, locale?: string): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
