// The window of a virtual list whose rows are all one height: only the rows in (and near) the
// viewport exist in the DOM, so a list of 50,000 papers costs what a list of 30 does. With one
// height the rows on screen follow from scrollTop by a division: nothing is kept per row, so a
// list whose length changes (the search worker announcing another thousand papers while the
// library loads) costs nothing, where a general virtualizer laid out all 50,000 rows again, an
// object each, on every change of length (measured: most of the panel's long tasks during a fling).
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The rows `[first, last]` drawn (inclusive); none when `last < first`. */
export interface RowWindow {
  first: number;
  last: number;
}

/**
 * The rows to draw of `count` rows of `height` px in a box scrolled to `scrollTop` and `viewport`
 * px high, with `overscan` more on either side. Pure.
 */
export function rowWindow(
  count: number,
  height: number,
  scrollTop: number,
  viewport: number,
  overscan: number,
): RowWindow {
  if (count === 0) return { first: 0, last: -1 };
  const top = Math.max(0, Math.floor(scrollTop / height));
  const bottom = Math.max(top, Math.ceil((scrollTop + Math.max(0, viewport)) / height) - 1);
  const first = Math.min(count - 1, Math.max(0, top - overscan));
  const last = Math.min(count - 1, bottom + overscan);
  return { first, last };
}

/**
 * The window of rows to draw in `scroller` (whose rows are `height` px), kept up to date as it
 * scrolls and resizes; the component re-renders only when the window moves. The box must be
 * rendered by the same component, from its first render on.
 */
export function useRowWindow(
  scroller: RefObject<HTMLElement>,
  count: number,
  height: number,
  overscan: number,
): RowWindow {
  const [drawn, setDrawn] = useState<RowWindow>(() => rowWindow(count, height, 0, 0, overscan));
  const shown = useRef(drawn);
  shown.current = drawn;
  // The box's height, from its ResizeObserver: reading clientHeight on every scroll could lay out.
  const viewport = useRef(0);
  const update = useRef(() => {});
  update.current = () => {
    const box = scroller.current;
    if (!box) return;
    const next = rowWindow(count, height, box.scrollTop, viewport.current, overscan);
    if (next.first !== shown.current.first || next.last !== shown.current.last) {
      shown.current = next;
      setDrawn(next);
    }
  };
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    viewport.current = box.clientHeight;
    const onScroll = () => update.current();
    const resized = new ResizeObserver(() => {
      viewport.current = box.clientHeight;
      update.current();
    });
    box.addEventListener('scroll', onScroll, { passive: true });
    resized.observe(box);
    update.current();
    return () => {
      box.removeEventListener('scroll', onScroll);
      resized.disconnect();
    };
    // The box is the list's own, there from its first render to its last.
  }, []);
  // A new length (or row height) may move the window without a scroll.
  useLayoutEffect(() => update.current(), [count, height, overscan]);
  return drawn;
}
