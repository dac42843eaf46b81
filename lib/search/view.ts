// The side panel's data interface (issue 9): a view of the library whose search index, sort
// orders and filters live in a worker (lib/search/worker.ts). The panel asks for keys in order and
// reads full records only for the rows on screen; abstracts never sit in the panel's memory.
import { countPapersIn, getMany, readNewest } from '../library/read';
import type { SavedPaper, Status } from '../paper/model';
import { type Answer, AnswerSchema, type Ask } from './protocol';

export type SortBy = 'saved' | 'published' | 'title';
export interface ViewQuery {
  text: string;
  sort: SortBy;
  status?: Status;
  starred?: boolean;
  tag?: string;
}
export interface ViewResult {
  total: number; // papers in the whole library
  keys: readonly string[]; // every matching key, in order (a virtual list indexes into it)
  terms: readonly string[]; // the query's words as matched, for highlighting (lower case)
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

/** Either end of the worker's message channel (a Worker, the worker's global scope, a MessagePort). */
export interface Port {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Opens the view; the first query answers from the newest papers before the index is complete. */
export function openLibraryView(): LibraryView {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'papershelf-search' });
  return connectView(worker, { close: () => worker.terminate(), early: true });
}

/** How many of the newest papers the view reads itself while the worker starts: a screen and more. */
export const EARLY_ROWS = 60;
/** How many parsed records the view keeps: a few screens. */
const CACHED_RECORDS = 600;

/** The plain list (no words, no filter, newest first): what the panel shows as it opens. */
function isPlain(q: ViewQuery): boolean {
  return (
    q.text.trim() === '' &&
    q.sort === 'saved' &&
    q.status === undefined &&
    q.starred === undefined &&
    q.tag === undefined
  );
}

/**
 * A view over a port whose other end runs `serveView` (lib/search/serve.ts). `name` is the
 * library database the rows are read from (tests); `close` ends the other side. With `early`, the
 * view reads the newest papers and the count itself as it opens, and a plain query asked before
 * the worker's first answer is answered from them: starting a module worker and opening the
 * database there costs some 350 ms, four times the read itself. The worker's answers replace it
 * as the pages it loads announce themselves.
 */
export function connectView(
  port: Port,
  options: { name?: string; close?: () => void; early?: boolean } = {},
): LibraryView {
  const readOptions = options.name === undefined ? {} : { name: options.name };
  let next = 0;
  let newest = -1;
  let closed = false;
  // Queries waiting for the newest one's answer, and tag requests by id.
  let waiting: { resolve: (result: ViewResult) => void; reject: (error: Error) => void }[] = [];
  const tagRequests = new Map<
    number,
    { resolve: (tags: { tag: string; count: number }[]) => void; reject: (error: Error) => void }
  >();
  const listeners = new Set<(keys: readonly string[]) => void>();
  // Set by the worker's first answer: from then on only the worker answers.
  let answered = false;
  // The key of each of the worker index's numbers, as its answers tell them.
  const named: string[] = [];
  // Records read lately, newest last: the rows of one keystroke's answer are mostly the last
  // one's, and reading and checking 50 records costs the panel more than the search itself. A key
  // the worker announces as changed is dropped before the listeners hear of it.
  const cache = new Map<string, SavedPaper>();
  // Counts the worker's change notices: a read that one overtook may hold an older record than
  // the store, so it is returned but not kept.
  let notices = 0;
  const remember = (papers: Iterable<SavedPaper>) => {
    for (const paper of papers) {
      cache.delete(paper.key);
      cache.set(paper.key, paper);
    }
    for (const key of cache.keys()) {
      if (cache.size <= CACHED_RECORDS) break;
      cache.delete(key);
    }
  };
  const early: Promise<ViewResult | undefined> = options.early
    ? Promise.all([readNewest(EARLY_ROWS, undefined, readOptions), countPapersIn(readOptions)]).then(
        ([page, total]) => {
          if (notices === 0) remember(page.papers);
          return { total, keys: page.papers.map((paper) => paper.key), terms: [] };
        },
        () => undefined,
      )
    : Promise.resolve(undefined);

  port.addEventListener('message', (event) => {
    const parsed = AnswerSchema.safeParse(event.data);
    if (!parsed.success) return;
    const answer: Answer = parsed.data;
    if (answer.type === 'result') {
      answered = true;
      // Every answer's new names are taken in, a dropped one's too: the next answers only add to them.
      if (answer.names.keys !== '') {
        named.length = answer.names.from;
        for (const key of answer.names.keys.split('\n')) named.push(key);
      }
      // An older query's answer is dropped: it resolves with the newest one's.
      if (answer.id !== newest) return;
      const settled = waiting;
      waiting = [];
      const { numbers, ...rest } = answer.result;
      // An array of references to the keys held in `named`: no string is made per paper.
      const result: ViewResult = { ...rest, keys: Array.from(numbers, (number) => named[number] as string) };
      for (const call of settled) call.resolve(result);
    } else if (answer.type === 'tags') {
      tagRequests.get(answer.id)?.resolve(answer.tags);
      tagRequests.delete(answer.id);
    } else if (answer.type === 'failed') {
      const error = new Error(answer.message);
      tagRequests.get(answer.id)?.reject(error);
      tagRequests.delete(answer.id);
      if (answer.id !== newest) return;
      const settled = waiting;
      waiting = [];
      for (const call of settled) call.reject(error);
    } else {
      notices++;
      for (const key of answer.keys) cache.delete(key);
      for (const listener of listeners) listener(answer.keys);
    }
  });

  const ask = (message: Ask) => port.postMessage(message);

  return {
    query(q) {
      if (closed) return Promise.reject(new Error('The library view is closed.'));
      const id = next++;
      newest = id;
      ask({ type: 'query', id, query: q });
      const answer = new Promise<ViewResult>((resolve, reject) => waiting.push({ resolve, reject }));
      if (options.early && !answered && isPlain(q)) {
        void early.then((result) => {
          if (!result || answered || newest !== id || closed) return;
          const settled = waiting;
          waiting = [];
          for (const call of settled) call.resolve(result);
        });
      }
      return answer;
    },
    async records(keys) {
      const found = new Map<string, SavedPaper>();
      const missing: string[] = [];
      for (const key of keys) {
        const paper = cache.get(key);
        if (paper) found.set(key, paper);
        else missing.push(key);
      }
      if (missing.length > 0) {
        const before = notices;
        const read = await getMany(missing, readOptions);
        if (notices === before) remember(read.values());
        for (const [key, paper] of read) found.set(key, paper);
      }
      return found;
    },
    tags() {
      if (closed) return Promise.reject(new Error('The library view is closed.'));
      const id = next++;
      ask({ type: 'tags', id });
      return new Promise((resolve, reject) => tagRequests.set(id, { resolve, reject }));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      for (const call of waiting) call.reject(new Error('The library view is closed.'));
      waiting = [];
      for (const call of tagRequests.values()) call.reject(new Error('The library view is closed.'));
      tagRequests.clear();
      listeners.clear();
      options.close?.();
    },
  };
}
