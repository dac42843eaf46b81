// The side panel's search and sort state, held in the search worker: per paper only what sorting
// and filtering need, and two MiniSearch indexes (title/authors/tags/note, and abstracts, queried
// after). Pure and synchronous: the worker feeds it records and asks it queries; tests do the same.
import MiniSearch, { type Query } from 'minisearch';
import type { SavedPaper, Status } from '../paper/model';
import type { SortBy, ViewQuery, ViewResult } from './view';

/** What the view keeps of a paper besides its index entries. */
interface Entry {
  key: string;
  savedAt: string;
  published: string;
  title: string;
  status: Status;
  starred: boolean;
  tags: readonly string[];
}

interface Doc {
  key: string;
  [field: string]: string;
}

/** The last word of a query is read as a prefix once it has this many letters. */
export const PREFIX_MIN = 2;
/** A prefix stands for at most this many words of the library, the most frequent first. */
export const PREFIX_EXPANSIONS = 48;
/** At most this many distinct matched words are returned for highlighting. */
const TERMS_LIMIT = 64;

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const normalise = (term: string): string => term.toLowerCase();

/** One MiniSearch index with its vocabulary (word → occurrences), for bounded prefix expansion. */
class FieldIndex {
  readonly search: MiniSearch<Doc>;
  private readonly vocabulary = new Map<string, number>();
  private sorted: string[] | undefined;

  constructor(fields: string[], boost?: Record<string, number>) {
    this.search = new MiniSearch<Doc>({
      idField: 'key',
      fields,
      processTerm: normalise,
      searchOptions: { combineWith: 'AND', ...(boost ? { boost } : {}) },
    });
  }

  add(doc: Doc): void {
    this.search.add(doc);
    for (const [field, text] of Object.entries(doc)) {
      if (field === 'key') continue;
      for (const token of tokenize(text)) {
        const term = normalise(token);
        if (!term) continue;
        const seen = this.vocabulary.get(term);
        if (seen === undefined) this.sorted = undefined;
        this.vocabulary.set(term, (seen ?? 0) + 1);
      }
    }
  }

  discard(key: string): void {
    // Words of a discarded paper stay in the vocabulary: expanding to them finds nothing more.
    if (this.search.has(key)) this.search.discard(key);
  }

  /** The library's words starting with `prefix`, most frequent first, at most PREFIX_EXPANSIONS. */
  expand(prefix: string): string[] {
    if (!this.sorted) this.sorted = [...this.vocabulary.keys()].sort();
    const words = this.sorted;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((words[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < words.length && (words[i] as string).startsWith(prefix); i++) found.push(words[i] as string);
    if (found.length <= PREFIX_EXPANSIONS) return found;
    const count = (word: string) => this.vocabulary.get(word) ?? 0;
    // The word typed so far, when it is a word, always stays among the expansions.
    const ranked = found.filter((word) => word !== prefix).sort((a, b) => count(b) - count(a) || a.localeCompare(b));
    const kept = ranked.slice(0, this.vocabulary.has(prefix) ? PREFIX_EXPANSIONS - 1 : PREFIX_EXPANSIONS);
    return this.vocabulary.has(prefix) ? [prefix, ...kept] : kept;
  }

  /** Keys of papers holding every word (the last one as a bounded prefix), and the words matched. */
  match(words: readonly string[]): { keys: Set<string>; terms: Set<string> } {
    const keys = new Set<string>();
    const terms = new Set<string>();
    const last = words.length - 1;
    const expansions = (words[last] ?? '').length >= PREFIX_MIN ? this.expand(words[last] ?? '') : undefined;
    // A prefix nothing in the library starts with: no paper holds every word.
    if (expansions?.length === 0) return { keys, terms };
    const queries: Query[] = words.map((word, i) =>
      i === last && expansions ? { combineWith: 'OR', queries: expansions } : word,
    );
    for (const hit of this.search.search({ combineWith: 'AND', queries })) {
      keys.add(String(hit.id));
      for (const term of hit.terms) if (terms.size < TERMS_LIMIT) terms.add(term);
    }
    return { keys, terms };
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARE: Record<SortBy, (a: Entry, b: Entry) => number> = {
  saved: (a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.key < b.key ? 1 : -1),
  // Newest publication first; papers without a date last, newest saved first among equals.
  published: (a, b) => (a.published === b.published ? COMPARE.saved(a, b) : a.published < b.published ? 1 : -1),
  title: (a, b) => collator.compare(a.title, b.title) || COMPARE.saved(a, b),
};

/** The words of a query as the index reads them (lower case, split where MiniSearch splits). */
export function queryWords(text: string): string[] {
  return tokenize(text.slice(0, 500))
    .map(normalise)
    .filter((word) => word.length > 0)
    .slice(0, 16);
}

export class ViewIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly main = new FieldIndex(['title', 'authors', 'tags', 'note'], { title: 2, authors: 1.5 });
  private readonly abstracts = new FieldIndex(['abstract']);
  private readonly orders = new Map<SortBy, Entry[]>();

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Adds papers, or replaces the ones already held under the same key. */
  put(papers: readonly SavedPaper[]): void {
    for (const paper of papers) {
      this.delete(paper.key);
      this.entries.set(paper.key, {
        key: paper.key,
        savedAt: paper.savedAt,
        published: paper.published ?? '',
        title: paper.title,
        status: paper.status,
        starred: paper.starred === true,
        tags: paper.tags ?? [],
      });
      this.main.add({
        key: paper.key,
        title: paper.title,
        authors: paper.authors.join(' '),
        tags: paper.tags?.join(' ') ?? '',
        note: paper.note ?? '',
      });
      if (paper.abstract) this.abstracts.add({ key: paper.key, abstract: paper.abstract });
    }
    if (papers.length > 0) this.orders.clear();
  }

  /** Forgets papers (keys it does not hold are ignored). */
  remove(keys: readonly string[]): void {
    for (const key of keys) this.delete(key);
  }

  private delete(key: string): void {
    if (!this.entries.delete(key)) return;
    this.main.discard(key);
    this.abstracts.discard(key);
    this.orders.clear();
  }

  private order(sort: SortBy): Entry[] {
    let order = this.orders.get(sort);
    if (!order) {
      order = [...this.entries.values()].sort(COMPARE[sort]);
      this.orders.set(sort, order);
    }
    return order;
  }

  /**
   * The keys matching `q` in its sort order: papers matching every word in title, authors, tags or
   * note first, then those matching every word in their abstract only. `total` is this index's size.
   */
  query(q: ViewQuery): ViewResult {
    const words = queryWords(q.text);
    const keep = (entry: Entry) =>
      (q.status === undefined || entry.status === q.status) &&
      (q.starred === undefined || entry.starred === q.starred) &&
      (q.tag === undefined || entry.tags.includes(q.tag));
    const order = this.order(q.sort);
    if (words.length === 0) {
      return { total: this.entries.size, keys: order.filter(keep).map((entry) => entry.key), terms: [] };
    }
    const first = this.main.match(words);
    const second = this.abstracts.match(words);
    const keys: string[] = [];
    for (const entry of order) if (first.keys.has(entry.key) && keep(entry)) keys.push(entry.key);
    for (const entry of order) {
      if (second.keys.has(entry.key) && !first.keys.has(entry.key) && keep(entry)) keys.push(entry.key);
    }
    return { total: this.entries.size, keys, terms: [...new Set([...first.terms, ...second.terms])] };
  }

  /** Every tag in use with its count, most used first (then by name). */
  tags(): { tag: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const entry of this.entries.values())
      for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
  }
}
