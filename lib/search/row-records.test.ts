import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../paper/model';
import { arxivPapers } from './arxiv-fixture';
import { BLOCK, HELD, heldRows, RowRecords } from './row-records';

const keysOf = (count: number) => Array.from({ length: count }, (_, i) => `key:${i}`);
const base = arxivPapers()[0] as SavedPaper;
const found = (keys: readonly string[]) => new Map(keys.map((key) => [key, { ...base, key }]));

describe('heldRows', () => {
  it('holds whole blocks, at least half a block beyond the rows on screen', () => {
    expect(heldRows(0, 15, 50_000)).toEqual({ from: 0, to: BLOCK });
    expect(heldRows(40, 55, 50_000)).toEqual({ from: 0, to: 2 * BLOCK });
    expect(heldRows(160, 175, 50_000)).toEqual({ from: BLOCK, to: 3 * BLOCK });
    expect(heldRows(49_990, 49_999, 50_000)).toEqual({ from: 49_900, to: 50_000 });
    expect(heldRows(0, -1, 0)).toEqual({ from: 0, to: 0 });
  });

  it('has a fling read a block every few frames, not a few rows every frame', () => {
    // 600 px a frame of 52 px rows, as the bench flings: 11–12 rows a frame, 16 on screen.
    const keys = keysOf(50_000);
    const records = new RowRecords();
    let reads = 0;
    let last = 0;
    for (let frame = 0; frame < 300; frame++) {
      const first = Math.floor((frame * 600) / 52);
      last = first + 15;
      const { from, to } = heldRows(first, last, keys.length);
      const missing = records.missing(keys.slice(from, to));
      if (missing.length === 0) continue;
      reads++;
      records.put(missing, found(missing));
    }
    // One read a block scrolled through (and the first screen's): 36 reads in 300 frames.
    expect(reads).toBeLessThanOrEqual(Math.ceil(last / BLOCK) + 1);
  });
});

describe('RowRecords', () => {
  it('asks once for a key, not again while it is read or once it is held', () => {
    const records = new RowRecords();
    const keys = keysOf(200);
    expect(records.missing(keys.slice(0, 100))).toEqual(keys.slice(0, 100));
    expect(records.missing(keys.slice(50, 150))).toEqual(keys.slice(100, 150));
    records.put(keys.slice(0, 100), found(keys.slice(0, 100)));
    expect(records.get('key:5')?.key).toBe('key:5');
    expect(records.missing(keys.slice(0, 150))).toEqual([]);
    // A key whose read found nothing is asked for again.
    records.put(keys.slice(100, 150), new Map());
    expect(records.missing(keys.slice(100, 150))).toEqual(keys.slice(100, 150));
  });

  it('keeps its records in place and drops, in one go, those far from the screen once past HELD', () => {
    const records = new RowRecords();
    const keys = keysOf(HELD + 2 * BLOCK);
    for (let from = 0; from <= HELD; from += BLOCK) {
      const near = keys.slice(from, from + BLOCK);
      records.put(records.missing(near), found(near));
    }
    // HELD + BLOCK records read: the last block read is all that stays.
    expect(records.size).toBe(BLOCK);
    expect(records.get(`key:${HELD}`)).toBeDefined();
    expect(records.get('key:0')).toBeUndefined();
  });

  it('reads again the held papers a change names, and drops a removed one', () => {
    const records = new RowRecords();
    const keys = keysOf(3);
    records.put(records.missing(keys), found(keys));
    expect(records.stale(['key:1', 'key:2', 'other'])).toEqual(['key:1', 'key:2']);
    records.refresh(['key:1', 'key:2'], new Map([['key:1', { ...base, key: 'key:1', title: 'Changed' }]]));
    expect(records.get('key:1')?.title).toBe('Changed');
    expect(records.get('key:2')).toBeUndefined();
    expect(records.get('key:0')).toBeDefined();
  });
});
