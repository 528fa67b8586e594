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

