import type { OrderItem } from '../../core/events';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as currency with `Intl.NumberFormat`: `฿1,234.50` for THB. The narrow symbol is
 * used because the Timing menu is priced in baht and "THB 1,234.50" reads like a code.
 * An unknown currency code or locale falls back to `1234.50 XYZ` rather than throwing, and a
 * missing amount shows as an em dash.
 */
export function formatCurrency(amount: number | null | undefined, currency = 'THB', locale?: string): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '—';
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    } catch {
      return `${amount.toFixed(2)} ${currency}`;
    }
    formats.set(key, format);
  }
  return format.format(amount);
}

/** `2 × Pad Thai` for one line. */
export function itemText(item: OrderItem): string {
  return `${item.quantity} × ${item.name}`;
}

/**
 * A one-line summary of an order's items: the first `max` lines, then "+ n more", so a
 * long order keeps the board's rows a steady height. The full list goes elsewhere.
 */
export function itemsSummary(items: readonly OrderItem[] | undefined, max = 3): string {
  if (!items || items.length === 0) return 'No items';
  const shown = items.slice(0, max).map(itemText).join(', ');
  return items.length > max ? `${shown} + ${items.length - max} more` : shown;
}
