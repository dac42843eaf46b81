// The side panel's search and sort state, held in the search worker: per paper only what sorting
// and filtering need, and two word indexes (title/authors/tags/note, and abstracts, queried after),
// split into words at white space and punctuation. Pure and synchronous: the worker feeds it records and
// asks it queries; tests do the same.
import type { SavedPaper, Status } from '../paper/model';
import type { SortBy, ViewQuery } from './view';

/**
 * A query's answer as the worker sends it: the matching papers as their numbers, in order (4 bytes
 * a paper, copied as one block), where a list of keys cost the worker a join and the panel a split
 * into a string per paper: at 50,000 papers, 20–40 ms a keystroke and the garbage to collect.
 */
export interface IndexResult {
  total: number; // papers in the whole index
  numbers: Uint32Array<ArrayBuffer>; // every matching paper's number, in order (keysFrom tells their keys)
  terms: readonly string[]; // the query's words as matched, for highlighting (lower case)
}

/** What the view keeps of a paper besides its index entries. */
interface Entry {
  /** The paper's number in both word indexes (a changed paper gets a new one). */
  number: number;
  key: string;
  savedAt: string;
  published: string;
  title: string;
  status: Status;
  starred: boolean;
  tags: readonly string[];
}

/** The last word of a query is read as a prefix once it has this many letters. */
export const PREFIX_MIN = 2;
/** A prefix stands for at most this many words of the library, the most frequent first. */
export const PREFIX_EXPANSIONS = 48;
/** At most this many distinct matched words are returned for highlighting. */
const TERMS_LIMIT = 64;

// Words are split where MiniSearch splits them: at white space and punctuation (Unicode classes).
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;
// The same class over ASCII text (space and the ASCII punctuation), without Unicode property
// lookups: ASCII text, most of a library, splits a third faster.
const ASCII_SEPARATORS = /[\n\r !"#%&'()*,\-./:;?@[\\\]_{}]+/;
const NOT_ASCII = /[\u0080-\uffff]/;
const tokenize = (text: string): string[] => text.split(NOT_ASCII.test(text) ? SEPARATORS : ASCII_SEPARATORS);
const normalise = (term: string): string => term.toLowerCase();

/** Which paper numbers hold every word of a query: `mark[n] === need`. */
interface Match {
  mark: Uint8Array | undefined;
  need: number;
  terms: Set<string>;
}

const hit = (match: Match, number: number): boolean => match.mark !== undefined && match.mark[number] === match.need;

/**
 * An inverted index over some fields: word → the numbers of the papers holding it. It does no
 * ranking (the view orders by the chosen sort), so a query costs one pass over the postings of its
 * words, not MiniSearch's scoring of every hit (measured: 50–800 ms a keystroke at 10,000 papers
 * on this machine). A changed or removed paper's number is retired by the view; its postings stay
 * until the index is built again, and `alive` tells them apart.
 */
class FieldIndex {
  private readonly postings = new Map<string, number[]>();
  private sorted: string[] | undefined;

  // Numbers only grow, and a paper's fields all come in one call: a word the paper already holds
  // ends its posting list with the paper's number (no set of the paper's words to build). Each
  // text is lower-cased once, not word by word. Less garbage: 50,000 papers indexed in 3.0 s where
  // it took 3.4 s (the bench; growth from 10,000 is still above linear).
  add(number: number, texts: readonly string[]): void {
    for (const text of texts) {
      for (const term of tokenize(normalise(text))) {
        if (!term) continue;
        const list = this.postings.get(term);
        if (!list) {
          this.postings.set(term, [number]);
          this.sorted = undefined;
        } else if (list[list.length - 1] !== number) list.push(number);
      }
    }
  }

  /** Sorts the vocabulary for prefix lookups (done on the first prefix otherwise: 20–30 ms at 50,000 papers). */
  prepare(): string[] {
    if (!this.sorted) this.sorted = [...this.postings.keys()].sort();
    return this.sorted;
  }

  /** The library's words starting with `prefix`, most frequent first, at most PREFIX_EXPANSIONS. */
  expand(prefix: string): string[] {
    const words = this.prepare();
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
    const count = (word: string) => this.postings.get(word)?.length ?? 0;
    // The word typed so far, when it is a word, always stays among the expansions.
    const whole = this.postings.has(prefix);
    const ranked = found.filter((word) => word !== prefix).sort((a, b) => count(b) - count(a) || (a < b ? -1 : 1));
    const kept = ranked.slice(0, whole ? PREFIX_EXPANSIONS - 1 : PREFIX_EXPANSIONS);
    return whole ? [prefix, ...kept] : kept;
  }

  /**
   * The papers (of `numbers` numbers given out so far) holding every word, the last one as a
   * bounded prefix, and the words matched by a paper still `alive`.
   */
  match(words: readonly string[], numbers: number, alive: (number: number) => boolean): Match {
    const terms = new Set<string>();
    const last = words.length - 1;
    // Each word's alternatives: itself, or for the last word from PREFIX_MIN letters its expansions.
    const alternatives = words.map((word, i) =>
      i === last && word.length >= PREFIX_MIN ? this.expand(word) : this.postings.has(word) ? [word] : [],
    );
    if (alternatives.some((list) => list.length === 0)) return { mark: undefined, need: 0, terms };
    const size = (list: string[]) => list.reduce((sum, term) => sum + (this.postings.get(term)?.length ?? 0), 0);
    const order = alternatives.map((list) => ({ list, size: size(list) })).sort((a, b) => a.size - b.size);
    // mark[n] = how many of the words (in `order`) paper n has held so far.
    const mark = new Uint8Array(numbers);
    order.forEach(({ list }, i) => {
      for (const term of list) {
        for (const number of this.postings.get(term) ?? []) if (mark[number] === i) mark[number] = i + 1;
      }
    });
    const need = order.length;
    for (const { list } of order) {
      for (const term of list) {
        if (terms.size >= TERMS_LIMIT) break;
        if ((this.postings.get(term) ?? []).some((number) => mark[number] === need && alive(number))) terms.add(term);
      }
    }
    return { mark, need, terms };
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARE: Record<SortBy, (a: Entry, b: Entry) => number> = {
  saved: (a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.key < b.key ? 1 : -1),
  // Newest publication first; papers without a date last, newest saved first among equals.
  published: (a, b) => (a.published === b.published ? COMPARE.saved(a, b) : a.published < b.published ? 1 : -1),
  title: (a, b) => collator.compare(a.title, b.title) || COMPARE.saved(a, b),
};

/** The words of a query as the index reads them (lower case, split at white space and punctuation). */
export function queryWords(text: string): string[] {
  // Lower-cased whole, then split, as the index reads a paper's text.
  return tokenize(normalise(text.slice(0, 500)))
    .filter((word) => word.length > 0)
    .slice(0, 16);
}

export class ViewIndex {
  private readonly entries = new Map<string, Entry>();
  /** Entry by number; a retired number holds undefined. */
  private readonly byNumber: (Entry | undefined)[] = [];
  /** Every number's key, retired ones' too: a view may still hold an older answer's numbers. */
  private readonly keys: string[] = [];
  private readonly main = new FieldIndex();
  private readonly abstracts = new FieldIndex();
  private readonly orders = new Map<SortBy, Entry[]>();
  private readonly alive = (number: number): boolean => this.byNumber[number] !== undefined;

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** How many numbers have been given out (the next paper put gets this one). */
  get numbered(): number {
    return this.keys.length;
  }

  /** The keys of the numbers from `start` on, in number order. */
  keysFrom(start: number): string[] {
    return this.keys.slice(start);
  }

  /** Adds papers, or replaces the ones already held under the same key. */
  put(papers: readonly SavedPaper[]): void {
    for (const paper of papers) {
      this.delete(paper.key);
      const entry: Entry = {
        number: this.byNumber.length,
        key: paper.key,
        savedAt: paper.savedAt,
        published: paper.published ?? '',
        title: paper.title,
        status: paper.status,
        starred: paper.starred === true,
        tags: paper.tags ?? [],
      };
      this.byNumber.push(entry);
      this.keys.push(paper.key);
      this.entries.set(paper.key, entry);
      this.main.add(entry.number, [paper.title, ...paper.authors, ...(paper.tags ?? []), paper.note ?? '']);
      if (paper.abstract) this.abstracts.add(entry.number, [paper.abstract]);
    }
    if (papers.length > 0) this.orders.clear();
  }

  /** Does now the work the first prefix search would otherwise do (the worker calls it when idle). */
  prepare(): void {
    this.main.prepare();
    this.abstracts.prepare();
  }

  /** Forgets papers (keys it does not hold are ignored). */
  remove(keys: readonly string[]): void {
    for (const key of keys) this.delete(key);
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.byNumber[entry.number] = undefined;
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
   * The papers matching `q` in its sort order: those matching every word in title, authors, tags
   * or note first, then those matching every word in their abstract only. `total` is this index's size.
   */
  query(q: ViewQuery): IndexResult {
    const words = queryWords(q.text);
    const keep = (entry: Entry) =>
      (q.status === undefined || entry.status === q.status) &&
      (q.starred === undefined || entry.starred === q.starred) &&
      (q.tag === undefined || entry.tags.includes(q.tag));
    const order = this.order(q.sort);
    const found = new Uint32Array(order.length);
    let n = 0;
    if (words.length === 0) {
      for (const entry of order) if (keep(entry)) found[n++] = entry.number;
      return { total: this.entries.size, numbers: found.slice(0, n), terms: [] };
    }
    const numbers = this.byNumber.length;
    const first = this.main.match(words, numbers, this.alive);
    const second = this.abstracts.match(words, numbers, this.alive);
    for (const entry of order) if (hit(first, entry.number) && keep(entry)) found[n++] = entry.number;
    if (second.mark) {
      for (const entry of order) {
        if (hit(second, entry.number) && !hit(first, entry.number) && keep(entry)) found[n++] = entry.number;
      }
    }
    return {
      total: this.entries.size,
      numbers: found.slice(0, n),
      terms: [...new Set([...first.terms, ...second.terms])],
    };
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
