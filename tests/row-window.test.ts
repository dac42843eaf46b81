// The side panel's virtual list window (entrypoints/sidepanel/virtual.ts): which rows are drawn
// for a scroll position, from the row height alone.
import { describe, expect, it } from 'vitest';
import { rowWindow } from '../entrypoints/sidepanel/virtual';

describe('rowWindow', () => {
  it('draws the rows on screen and the overscan either side', () => {
    // Rows of 52 px, 800 px box scrolled to row 100's top: rows 100…115 are (partly) on screen.
    expect(rowWindow(50_000, 52, 5200, 800, 8)).toEqual({ first: 92, last: 123 });
    // 40 px further: row 116 shows its top, row 100 still its bottom.
    expect(rowWindow(50_000, 52, 5240, 800, 8)).toEqual({ first: 92, last: 124 });
    // Past row 100's bottom: it leaves the window.
    expect(rowWindow(50_000, 52, 5252, 800, 8)).toEqual({ first: 93, last: 124 });
  });

  it('stops at either end of the list', () => {
    expect(rowWindow(50_000, 52, 0, 800, 8)).toEqual({ first: 0, last: 23 });
    expect(rowWindow(20, 52, 0, 800, 8)).toEqual({ first: 0, last: 19 });
    expect(rowWindow(1000, 52, 1000 * 52 - 800, 800, 8)).toEqual({ first: 976, last: 999 });
    // Scrolled past the end (the list just became shorter): the last rows, not none.
    expect(rowWindow(10, 52, 5200, 800, 8)).toEqual({ first: 9, last: 9 });
  });

  it('draws nothing of an empty list', () => {
    expect(rowWindow(0, 52, 0, 800, 8)).toEqual({ first: 0, last: -1 });
  });
});
