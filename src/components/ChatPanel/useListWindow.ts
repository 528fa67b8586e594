import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { useVirtualizer, type Virtualizer, type VirtualItem } from '@tanstack/react-virtual';

export interface ListWindowOptions {
  /** The element that scrolls (the list may sit below other content in it). */
  scrollRef: RefObject<HTMLElement | null>;
  /** The list element whose children are the items (`display: flex` or `grid`; its `row-gap` is read). */
  list: HTMLElement | null;
  /** Window the list; when false every item renders and the virtualizer does nothing. */
  enabled: boolean;
  count: number;
  /** A stable key per index (React's key), so measured sizes follow items that move. */
  getItemKey(index: number): string | number;
  /** An item's height before it is measured, in px. */
  estimateSize: number;
  /** Items rendered beyond each edge of the scroll element. */
  overscan: number;
  /** The scroll element's height before it is measured, in px. */
  initialHeight: number;
  /** Open at the end and keep the reader's place when items are added before it (a chat). @default false */
  anchorToEnd?: boolean;
}

export interface ListWindow {
  virtualizer: Virtualizer<HTMLElement, HTMLLIElement>;
  /** The items to render while enabled (each needs `ref={measureElement}` and `data-index`); null otherwise. */
  items: VirtualItem[] | null;
  /** Padding on the list standing in for the items above and below the window. */
  style: CSSProperties | undefined;
}

/**
 * A windowed list on @tanstack/react-virtual, laid out in the list's own flow: the rendered
 * items stay ordinary children of the list (so its flex or grid styles apply as before) and
 * block padding stands in for the items outside the window. Each rendered item is measured;
 * the list's offset inside the scroll element and its row gap are read after every commit.
 */
export function useListWindow({ scrollRef, list, enabled, count, getItemKey, estimateSize, overscan, initialHeight, anchorToEnd = false }: ListWindowOptions): ListWindow {
  // Where the list starts in the scroll element's content, and the gap between its items.
  // Null until read: the first commit renders the list empty and reads them, so the virtualizer's
  // first window (before paint) already has the right positions.
  const [layout, setLayout] = useState<{ margin: number; gap: number } | null>(null);
  const on = enabled && layout !== null;
  const margin = layout?.margin ?? 0;
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: on ? count : 0,
    enabled: on,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    getItemKey,
    overscan,
    gap: layout?.gap ?? 0,
    scrollMargin: margin,
    initialRect: { width: 0, height: initialHeight },
    ...(anchorToEnd ? { anchorTo: 'end' as const, initialOffset: () => margin + (estimateSize + (layout?.gap ?? 0)) * count, scrollEndThreshold: 2 } : {}),
    // React 19 warns about flushSync from a layout effect; a scroll renders in the next task instead.
    useFlushSync: false,
  });

  // A new gap or offset changes every position after it, which the virtualizer does not re-anchor:
  // a list read at its end is put back there once it has rendered with them.
  const backToEnd = useRef(false);
  useLayoutEffect(() => {
    const root = scrollRef.current;
    if (!enabled || !root || !list) return;
    if (backToEnd.current) {
      backToEnd.current = false;
      virtualizer.scrollToIndex(count - 1, { align: 'end' });
    }
    const top = Math.round(list.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop);
    const gap = Number.parseFloat(getComputedStyle(list).rowGap) || 0;
    if (layout && top === layout.margin && gap === layout.gap) return;
    if (layout && anchorToEnd && count > 0 && virtualizer.isAtEnd(2)) backToEnd.current = true;
    // A row shown or hidden above the list (a loading line) moves it: the reader's view stays put.
    else if (layout && top !== layout.margin) root.scrollTop += top - layout.margin;
    setLayout({ margin: top, gap });
  });

  if (!enabled) return { virtualizer, items: null, style: undefined };
  if (!on) return { virtualizer, items: [], style: undefined };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const total = virtualizer.getTotalSize();
  const before = first ? first.start - margin : 0;
  const after = last ? total - (last.end - margin) : total;
  return { virtualizer, items, style: { paddingBlockStart: Math.max(0, before), paddingBlockEnd: Math.max(0, after) } };
}
