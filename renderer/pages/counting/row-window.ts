import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/** Rows drawn beyond each edge of the scroller, so a short scroll shows rows already there. */
const OVERSCAN = 8;
/** Taken as the scroller's height until it has been measured. */
const UNMEASURED_HEIGHT = 600;

export interface RowWindow {
  /** Index of the first and last row to draw (last < first: none). */
  first: number;
  last: number;
  /** The height of all rows together, for the inner box the rows are placed in. */
  total: number;
  /** Scrolls so the row at `index` is in the middle of the scroller. */
  center(index: number): void;
}

/**
 * The rows of a long list of rows of one fixed height that are in view of its scroller: where each row goes is known
 * without reading or measuring any, so the cost of drawing depends on the scroller's height, not on the list's length
 * (a general virtualizer lays out every row again each time a row is added at the top).
 */
export function useRowWindow(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number): RowWindow {
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resized.disconnect();
    };
  }, [scroller]);
  const height = view.height || UNMEASURED_HEIGHT;
  const center = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (el) el.scrollTop = Math.max(0, index * rowHeight - (el.clientHeight - rowHeight) / 2);
    },
    [scroller, rowHeight],
  );
  return {
    first: Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN),
    last: Math.min(count - 1, Math.ceil((view.top + height) / rowHeight) + OVERSCAN),
    total: count * rowHeight,
    center,
  };
}
