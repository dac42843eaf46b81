// The side panel's data interface: which keys match a query, in order, and the records of the
// rows on screen. This is the panel engineer's minimal version over lib/library and MiniSearch on
// the main thread; the search engineer's worker-backed version replaces it with this same interface.

// The bench measures this same index (scripts/bench/in-page.ts), so it stays where it is for now.
import { createSearchIndex } from '../../entrypoints/sidepanel/search';
import { allPapers, getPaper, listPapers, onLibraryChange } from '../library/library';
import type { SavedPaper, Status } from '../paper/model';

export type SortBy = 'saved' | 'published' | 'title';
export interface ViewQuery {
  text: string;
  sort: SortBy;
  status?: Status;
  starred?: boolean;
  tag?: string;
}
export interface ViewResult {
  /** Papers in the whole library. */
  total: number;
  /** Every matching key, in order (a virtual list indexes into it). */
  keys: readonly string[];
  /** The query's words as matched, for highlighting (lower case). */
  terms: readonly string[];
}
export interface LibraryView {
  /** The newest call wins: an older call resolves with the same result as the newest one. */
  query(q: ViewQuery): Promise<ViewResult>;
  /** Full records for the rows on screen (a few dozen keys at a time). */
  records(keys: readonly string[]): Promise<Map<string, SavedPaper>>;
  /** Every tag in use, with its count, most used first. */
  tags(): Promise<{ tag: string; count: number }[]>;
  /** Called after the view has taken in changes made anywhere (keys added, changed or removed). */
  onChange(listener: (keys: readonly string[]) => void): () => void;
  close(): void;
}

const FIRST_ROWS = 200;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const ORDER: Record<SortBy, (a: SavedPaper, b: SavedPaper) => number> = {
  saved: (a, b) => b.savedAt.localeCompare(a.savedAt) || a.key.localeCompare(b.key),
  published: (a, b) => (b.published ?? '').localeCompare(a.published ?? '') || b.savedAt.localeCompare(a.savedAt),
  title: (a, b) => collator.compare(a.title, b.title) || a.key.localeCompare(b.key),
};

/** The words of a query as the index splits them, lower case. */
export function queryWords(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ];
}

/** Opens the view; the first query answers from the newest papers before the index is complete. */
export function openLibraryView(): LibraryView {
  const papers = new Map<string, SavedPaper>();
  const index = createSearchIndex();
  const listeners = new Set<(keys: readonly string[]) => void>();
  let complete = false;
  let latest: Promise<ViewResult> | undefined;
  let closed = false;

  const emit = (keys: readonly string[]) => {
    for (const listener of listeners) listener(keys);
  };
  const put = (record: SavedPaper) => {
    if (index.has(record.key)) index.discard(record.key);
    papers.set(record.key, record);
    index.add(record);
  };

  const first = listPapers({ limit: FIRST_ROWS }).then((records) => {
    if (!complete) for (const record of records) papers.set(record.key, record);
  });
  void allPapers().then((records) => {
    if (closed) return;
    papers.clear();
    index.removeAll();
    for (const record of records) papers.set(record.key, record);
    index.addAll(records);
    complete = true;
    emit([]);
  });
  const stop = onLibraryChange(async (keys) => {
    const records = await Promise.all(keys.map(async (key) => [key, await getPaper(key)] as const));
    for (const [key, record] of records) {
      if (record) {
        if (complete) put(record);
        else papers.set(key, record);
      } else {
        if (index.has(key)) index.discard(key);
        papers.delete(key);
      }
    }
    emit(keys);
  });

  async function compute(q: ViewQuery): Promise<ViewResult> {
    await first;
    const text = q.text.trim();
    const terms = queryWords(text);
    let matching: SavedPaper[];
    if (text && complete) {
      matching = index.search(text).flatMap((hit) => papers.get(String(hit.id)) ?? []);
    } else if (text) {
      // Before the index is built, a plain word-start match over the papers at hand.
      matching = [...papers.values()].filter((paper) => {
        const words = queryWords(`${paper.title} ${paper.authors.join(' ')}`);
        return terms.every((term) => words.some((word) => word.startsWith(term)));
      });
    } else {
      matching = [...papers.values()];
    }
    matching = matching.filter(
      (paper) =>
        (q.status === undefined || paper.status === q.status) &&
        (q.starred === undefined || (paper.starred === true) === q.starred) &&
        (q.tag === undefined || paper.tags?.includes(q.tag) === true),
    );
    if (!text || q.sort !== 'saved') matching.sort(ORDER[q.sort]);
    return { total: papers.size, keys: matching.map((paper) => paper.key), terms };
  }

  return {
    query(q) {
      const mine = compute(q);
      latest = mine;
      return mine.then((result) => (latest === mine || !latest ? result : latest));
    },
    async records(keys) {
      await first;
      const found = new Map<string, SavedPaper>();
      for (const key of keys) {
        const record = papers.get(key) ?? (complete ? undefined : await getPaper(key));
        if (record) found.set(key, record);
      }
      return found;
    },
    async tags() {
      await first;
      const counts = new Map<string, number>();
      for (const paper of papers.values())
        for (const tag of paper.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts]
        .map(([tag, count]) => ({ tag, count }))
        .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      stop();
      listeners.clear();
    },
  };
}
