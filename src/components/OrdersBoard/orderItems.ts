import type { OrderItem } from '../../backends/orders/types';

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
