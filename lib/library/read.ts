// Batched reads of the library for the side panel's search worker (lib/search): newest-first
// pages over the savedAt index, and many keys at once with every request issued before awaiting.
// Read-only; every record is parsed like lib/library/library.ts parses it, and an unreadable one is
// skipped (reported through `onInvalid`), never thrown.

import { type SavedPaper, SavedPaperSchema } from '../paper/model';
import { DB_NAME, openLibraryDb } from './db';

export interface ReadOptions {
  /** The database name (default `papershelf`). */
  name?: string;
  /** Told about each stored record that is not a valid saved paper (it is skipped). */
  onInvalid?: (key: string | undefined) => void;
}

/** Where a newest-first walk stopped: the last record's savedAt and key (the index orders by both). */
export interface PageCursor {
  savedAt: string;
  key: string;
}

export interface Page {
  papers: SavedPaper[];
  /** Pass back to read the next page; undefined once the library has been read to its oldest paper. */
  next: PageCursor | undefined;
}

function parse(value: unknown, options: ReadOptions): SavedPaper | undefined {
  const parsed = SavedPaperSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const key = typeof value === 'object' && value !== null && 'key' in value ? value.key : undefined;
  options.onInvalid?.(typeof key === 'string' ? key : undefined);
  return undefined;
}

/**
 * Up to `limit` papers saved before `after` (or the newest ones), newest first. One cursor over
 * the savedAt index; the primary key orders papers saved in the same millisecond, so pages neither
 * repeat nor skip a paper.
 */
export async function readNewest(limit: number, after?: PageCursor, options: ReadOptions = {}): Promise<Page> {
  const db = await openLibraryDb(options.name ?? DB_NAME);
  const index = db.transaction('papers', 'readonly').store.index('savedAt');
  let cursor = await index.openCursor(after ? IDBKeyRange.upperBound(after.savedAt) : null, 'prev');
  // Inside the savedAt of the last page's end, step past the keys already read (they come in
  // descending key order); `continuePrimaryKey` goes there in one step.
  if (cursor && after && cursor.key === after.savedAt && cursor.primaryKey > after.key) {
    cursor = await cursor.continuePrimaryKey(after.savedAt, after.key);
  }
  if (cursor && after && cursor.key === after.savedAt && cursor.primaryKey === after.key) {
    cursor = await cursor.continue();
  }
  const papers: SavedPaper[] = [];
  let last: PageCursor | undefined;
  let more = false;
  while (cursor) {
    if (papers.length >= limit) {
      more = true;
      break;
    }
    last = { savedAt: String(cursor.key), key: String(cursor.primaryKey) };
    const paper = parse(cursor.value, options);
    if (paper) papers.push(paper);
    cursor = await cursor.continue();
  }
  return { papers, next: more ? last : undefined };
}

/** The papers stored under `keys` (absent and unreadable ones left out), all requests issued at once. */
export async function getMany(keys: readonly string[], options: ReadOptions = {}): Promise<Map<string, SavedPaper>> {
  const found = new Map<string, SavedPaper>();
  if (keys.length === 0) return found;
  const db = await openLibraryDb(options.name ?? DB_NAME);
  const store = db.transaction('papers', 'readonly').store;
  const unique = [...new Set(keys)];
  const values = await Promise.all(unique.map((key) => store.get(key)));
  values.forEach((value, i) => {
    if (value === undefined) return;
    const paper = parse(value, options);
    if (paper && paper.key === unique[i]) found.set(paper.key, paper);
  });
  return found;
}

/** How many records the library holds (readable or not). */
export async function countPapersIn(options: ReadOptions = {}): Promise<number> {
  const db = await openLibraryDb(options.name ?? DB_NAME);
  return db.count('papers');
}
