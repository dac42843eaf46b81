// The records the side panel holds for the rows on and near the screen (issue 12). Rows are read in
// blocks, so a fling reads a hundred records every few frames rather than a dozen every frame, and
// the records live in one map changed in place: copying it on every read (a copy a frame, up to
// 2,000 entries) made the garbage that stalled scrolling. Pure: the panel asks and reads.
import type { SavedPaper } from '../paper/model';

/** Rows are read and kept in blocks of this many (two screens of an 800 px panel and more). */
export const BLOCK = 100;
/** Past this many records held, every one not near the screen is dropped at once. */
export const HELD = 2000;

/**
 * The rows `[from, to)` whose records the panel holds when rows `first`…`last` of `count` are on
 * screen: whole blocks, at least half a block beyond each end.
 */
export function heldRows(first: number, last: number, count: number): { from: number; to: number } {
  if (count === 0 || last < first) return { from: 0, to: 0 };
  const from = Math.max(0, Math.floor((first - BLOCK / 2) / BLOCK) * BLOCK);
  const to = Math.min(count, (Math.floor((last + BLOCK / 2) / BLOCK) + 1) * BLOCK);
  return { from, to };
}

export class RowRecords {
  private readonly held = new Map<string, SavedPaper>();
  private readonly reading = new Set<string>();
  /** The keys near the screen, as last asked for: what eviction keeps. */
  private near: ReadonlySet<string> = new Set();

  get size(): number {
    return this.held.size;
  }

  get(key: string): SavedPaper | undefined {
    return this.held.get(key);
  }

  /**
   * Of `near` (the keys of the rows held, and the edited paper's), those to read: neither held nor
   * being read. They count as being read until `put` is told what the read found.
   */
  missing(near: readonly string[]): string[] {
    this.near = new Set(near);
    const missing = near.filter((key) => !this.held.has(key) && !this.reading.has(key));
    for (const key of missing) this.reading.add(key);
    return missing;
  }

  /** Takes in what a read of `asked` found (a key not found is not held); past HELD, drops what is not near. */
  put(asked: readonly string[], found: ReadonlyMap<string, SavedPaper>): void {
    for (const key of asked) {
      this.reading.delete(key);
      const paper = found.get(key);
      if (paper) this.held.set(key, paper);
    }
    if (this.held.size <= HELD) return;
    for (const key of this.held.keys()) if (!this.near.has(key)) this.held.delete(key);
  }

  /** Of the keys a change notice names, those held: to be read again. */
  stale(changed: readonly string[]): string[] {
    return changed.filter((key) => this.held.has(key));
  }

  /** Replaces the records of `keys` read again; one no longer found (removed) is dropped. */
  refresh(keys: readonly string[], found: ReadonlyMap<string, SavedPaper>): void {
    for (const key of keys) {
      const paper = found.get(key);
      if (paper) this.held.set(key, paper);
      else this.held.delete(key);
    }
  }
}
