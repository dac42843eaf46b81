// The reading list: every read and write of saved papers. Each write is ONE readwrite transaction
// that reads, merges and writes, so saves from several contexts at once cannot lose each other.
import { type IDBPObjectStore, type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import { z } from 'zod';
import { type Merged, mergeFound, undoCompletion as undoFound } from '../completion/merge';
import type { Found } from '../completion/types';
import { cleanText, contentKeyOf, mergePapers, PLACEHOLDER_TITLE, samePaper } from '../paper/build';
import { idTerms } from '../paper/ids';
import {
  type Paper,
  PaperSchema,
  type SavedPaper,
  SavedPaperSchema,
  type SeenOn,
  SeenOnSchema,
  type Status,
  StatusSchema,
} from '../paper/model';
import { announceChange } from './changes';
import { DB_NAME, type LibrarySchema, openLibraryDb, type QueuedPaper, type StoredPaper } from './db';
import { keysOfTerms, resultsOf } from './lookup';

/** What went wrong, for the UI to choose its words and actions. */
export type LibraryErrorCode = 'quota' | 'unavailable' | 'invalid' | 'failed';

/** A library failure whose message a user can read. */
export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  readonly code: LibraryErrorCode;

  constructor(code: LibraryErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Turns whatever IndexedDB, zod or our code threw into a LibraryError with a readable message. */
export function toLibraryError(error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  if (error instanceof z.core.$ZodError) {
    return new LibraryError('invalid', `Not a valid paper: ${z.prettifyError(error)}`, { cause: error });
  }
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'QuotaExceededError':
      return new LibraryError(
        'quota',
        `Storage is full: the browser refused to store more. Free some disk space, then try again. (${detail})`,
        { cause: error },
      );
    case 'VersionError':
      return new LibraryError(
        'unavailable',
        'The library was upgraded by a newer papershelf in another window: reload this page.',
        { cause: error },
      );
    case 'InvalidStateError':
    case 'UnknownError':
    case 'NotFoundError':
      return new LibraryError('unavailable', `The library cannot be opened right now: ${detail}`, { cause: error });
    default:
      return new LibraryError('failed', `The library could not finish this change: ${detail}`, { cause: error });
  }
}

/** A stored record that failed to parse and was skipped. */
export interface InvalidRecord {
  key: string | undefined;
  message: string;
}

/** Where a library lives and how it reports records it cannot read. */
export interface LibraryOptions {
  name?: string;
  onInvalidRecord?: (problem: InvalidRecord) => void;
}

/** The outcome of saving one paper. */
export interface SaveResult {
  record: SavedPaper;
  created: boolean;
}

/** Options of a save: the clock, and the page the paper was seen on when not its `pageUrl`. */
export interface SaveOptions {
  now?: Date;
  seenOn?: { url: string; source: string };
  /** The papers are PaperSchema's output already (the background parsed them with the message table): not parsed again. */
  parsed?: boolean;
}

/** A page of the newest-first list. */
export interface ListOptions {
  limit?: number;
  offset?: number;
}

/** Options of an import: the clock, and whether the records are SavedPaperSchema's output already. */
export interface ImportOptions {
  now?: Date;
  /** The records were parsed already (lib/formats reads every import and backup with SavedPaperSchema): not parsed again. */
  parsed?: boolean;
}

/** What an import did. */
export interface ImportSummary {
  added: number;
  merged: number;
}

/** What the user may change on a saved paper; empty tags or note remove the field. */
export const PaperPatchSchema = z.object({
  status: z.optional(StatusSchema),
  tags: z.array(z.string()).optional(),
  note: z.string().optional(),
  starred: z.boolean().optional(),
});

/** A change the user makes to a saved paper. */
export type PaperPatch = z.infer<typeof PaperPatchSchema>;

/** The operations on one library database. */
export interface Library {
  /** Saves a paper, or merges it into the saved record any of its ids finds (which keeps its key and user fields). */
  savePaper(paper: Paper, options?: SaveOptions): Promise<SaveResult>;
  /** Saves several papers in one transaction ("Save all"). */
  savePapers(papers: Paper[], options?: SaveOptions): Promise<SaveResult[]>;
  /** Removes a saved paper and returns it, so that it can be restored (undo). */
  removePaper(key: string): Promise<SavedPaper | undefined>;
  /** Puts a removed record back exactly; merges it with any record saved since under one of its ids. */
  restorePaper(record: SavedPaper, options?: { now?: Date }): Promise<SavedPaper>;
  /** Changes what the user wrote on a saved paper; undefined when no readable record has that key. */
  updatePaper(key: string, patch: PaperPatch, options?: { now?: Date }): Promise<SavedPaper | undefined>;
  /** The saved paper with this key, if any. */
  getPaper(key: string): Promise<SavedPaper | undefined>;
  /** Maps each given `scheme:value` term to the key of the saved paper it finds. */
  findSaved(terms: string[]): Promise<Map<string, string>>;
  /** Saved papers, newest first. */
  listPapers(options?: ListOptions): Promise<SavedPaper[]>;
  /** How many records the library holds. */
  countPapers(): Promise<number>;
  /** Every readable saved paper, newest first. */
  allPapers(): Promise<SavedPaper[]>;
  /** Adds or merges saved records (a backup) in one transaction: all of them or none. */
  importRecords(records: SavedPaper[], options?: ImportOptions): Promise<ImportSummary>;
  /** Queues papers for completion, due now (a paper queued already keeps its place and is due now). */
  queueCompletion(keys: readonly string[], options?: { now?: Date }): Promise<number>;
  /** Up to `limit` queued papers due at `now`, with their records, and when the next one not yet due is. */
  dueForCompletion(limit: number, options?: { now?: Date }): Promise<DueCompletion>;
  /**
   * Writes what completion found, in one transaction with the queue: each paper is merged as it is
   * now (what the user changed meanwhile stays), the papers in `done` leave the queue, those in
   * `retry` wait (`after`) or leave it after their last try. A result is committed once or not at all.
   */
  settleCompletion(outcome: CompletionOutcome, options?: { now?: Date }): Promise<Settled>;
  /** Removes what completion filled in a paper (only `service`'s fields, with it); undefined when no such paper. */
  undoCompletion(key: string, options?: { service?: string; now?: Date }): Promise<SavedPaper | undefined>;
  /** How many papers wait for completion. */
  countQueued(): Promise<number>;
}

/** What `dueForCompletion` reads. */
export interface DueCompletion {
  entries: QueuedPaper[];
  /** The records of the entries' papers that still exist. */
  papers: SavedPaper[];
  /** When the earliest entry not yet due is due (ISO), if any waits. */
  next?: string;
}

/** What `settleCompletion` wrote: each paper merged (as stored), and the records united into another. */
export interface Settled {
  merged: Merged[];
  /** Keys of records that became part of another record (the one under `merged[].paper.key`). */
  removed: string[];
}

/** What a completion run brought back, for `settleCompletion`. */
export interface CompletionOutcome {
  /** What the services found, per paper key, in the user's order of services. */
  found: ReadonlyMap<string, readonly Found[]>;
  /** Keys finished with (answered, or nothing to ask): they leave the queue. */
  done: readonly string[];
  /** Keys whose questions went unanswered (busy service, no network): they wait `retryMs[tries]`. */
  retry: readonly string[];
}

/** How long a paper waits after its n-th unanswered try; after the last it leaves the queue. */
export const RETRY_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000] as const;

type Store<Mode extends IDBTransactionMode> = IDBPObjectStore<
  LibrarySchema,
  ArrayLike<StoreNames<LibrarySchema>>,
  'papers',
  Mode
>;
type QueueStore = IDBPObjectStore<LibrarySchema, ArrayLike<StoreNames<LibrarySchema>>, 'completionQueue', 'readwrite'>;

// The queue's entries for `keys`, in their order: one read of the whole queue when it is not much
// larger than the keys (queueing every paper of a library), else a request each.
async function queuedNow(queue: IDBObjectStore, keys: readonly string[]): Promise<unknown[]> {
  if (keys.length === 0) return [];
  const [size = 0] = await resultsOf([queue.count()]);
  if (size > keys.length * 4) return resultsOf(keys.map((key) => queue.get(key)));
  const [all = []] = await resultsOf([queue.getAll()]);
  const byKey = new Map(all.map((value) => [queuedOf(value)?.key, value]));
  return keys.map((key) => byKey.get(key));
}

function queuedOf(value: unknown): QueuedPaper | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Partial<QueuedPaper>;
  return typeof entry.key === 'string' && typeof entry.after === 'string' && typeof entry.queuedAt === 'string'
    ? { key: entry.key, queuedAt: entry.queuedAt, after: entry.after, tries: Number(entry.tries) || 0 }
    : undefined;
}

// The seenOn list keeps the pages a paper was first seen on, newest first, this many at most.
const SEEN_ON_LIMIT = 20;
const STATUS_RANK: Record<Status, number> = { unread: 0, reading: 1, read: 2 };

function keyOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && 'key' in value && typeof value.key === 'string'
    ? value.key
    : undefined;
}

function toStored(record: SavedPaper): StoredPaper {
  return { ...record, terms: idTerms(record) };
}

// A copy without the undefined fields. A loop over the keys, not entries filtered and joined
// again: that made a small array per field, and a Save all of 2,000 made 30,000 of them.
function compact(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry !== undefined) result[key] = entry;
  }
  return result;
}

function oldestFirst(a: SavedPaper, b: SavedPaper): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

// One entry per page, the first visit kept; newest first, capped.
function mergeSeenOn(entries: SeenOn[]): SeenOn[] {
  const byUrl = new Map<string, SeenOn>();
  for (const entry of entries) {
    const known = byUrl.get(entry.url);
    if (!known || entry.at < known.at) byUrl.set(entry.url, entry);
  }
  return [...byUrl.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, SEEN_ON_LIMIT);
}

function visitOf(paper: Paper, seenOn: SaveOptions['seenOn'], at: string): SeenOn | undefined {
  const parsed = SeenOnSchema.safeParse({
    url: seenOn?.url ?? paper.pageUrl,
    source: seenOn?.source ?? paper.source,
    at,
  });
  return parsed.success ? parsed.data : undefined;
}

// `paper` is parsed already (saveBatch) and the rest is ours (an ISO time, a parsed visit): parsing
// the whole record again would double the CPU time of a large Save all for nothing.
function newRecord(paper: Paper, now: string, visit: SeenOn | undefined): SavedPaper {
  return compact({
    ...paper,
    status: 'unread',
    savedAt: now,
    updatedAt: now,
    seenOn: visit ? [visit] : undefined,
    incomplete: PLACEHOLDER_TITLE.test(paper.title) ? true : undefined,
  }) as SavedPaper;
}

/**
 * What completion filled stays when the page is saved again: the page showed less (a cut author
 * list, no abstract), or the user would see a field flip between the page's and the service's.
 */
function keepCompleted(paper: Paper, saved: readonly SavedPaper[]): Paper {
  const next: Record<string, unknown> = { ...paper };
  const completion = saved.find((record) => record.completion)?.completion;
  const owner = saved.find((record) => record.completion === completion);
  if (!completion || !owner) return paper;
  for (const field of Object.keys(completion.fields)) {
    if (field.startsWith('ids.')) continue;
    const value = (owner as Record<string, unknown>)[field];
    if (value === undefined) continue;
    next[field] = value;
    if (field === 'authors') next.names = owner.names;
  }
  next.completion = completion;
  return compact(next) as Paper;
}

/**
 * One record from several of one paper: detected fields from `detected` (the first wins, the
 * rest fill gaps, ids united); user fields from `saved` united (the furthest status, every tag,
 * every distinct note, starred if any was, the earliest savedAt); the given key.
 */
function unite(
  detected: [Paper, ...Paper[]],
  saved: [SavedPaper, ...SavedPaper[]],
  key: string,
  now: string,
  visit?: SeenOn,
): SavedPaper {
  const [first, ...rest] = detected;
  const paper = keepCompleted(
    rest.reduce<Paper>((merged, other) => mergePapers(merged, other), first),
    saved,
  );
  const status = saved.reduce<Status>(
    (best, record) => (STATUS_RANK[record.status] > STATUS_RANK[best] ? record.status : best),
    'unread',
  );
  const tags = unique(saved.flatMap((record) => record.tags ?? []));
  const notes = unique(saved.flatMap((record) => (record.note ? [record.note] : [])));
  const seenOn = mergeSeenOn([...saved.flatMap((record) => record.seenOn ?? []), ...(visit ? [visit] : [])]);
  return SavedPaperSchema.parse(
    compact({
      ...paper,
      key,
      status,
      tags: tags.length > 0 ? tags : undefined,
      note: notes.length > 0 ? notes.join('\n\n') : undefined,
      starred: saved.some((record) => record.starred) ? true : undefined,
      savedAt: [...saved].sort(oldestFirst)[0]?.savedAt ?? now,
      updatedAt: now,
      seenOn: seenOn.length > 0 ? seenOn : undefined,
      // Known by an identifier alone until a page or a service gives the title.
      incomplete: PLACEHOLDER_TITLE.test(paper.title) ? true : undefined,
    }),
  );
}

/**
 * The records a batch write read, as it changes them in memory: what each id term finds, and
 * which records to put and delete at the end. Lookups see the batch's own earlier changes.
 */
class WorkingSet {
  private readonly records = new Map<string, SavedPaper>();
  // Each record's terms, worked out once: they index it here and are stored with it.
  private readonly terms = new Map<string, string[]>();
  private readonly byTerm = new Map<string, Set<string>>();
  private readonly written = new Set<string>();
  private readonly deleted = new Set<string>();

  constructor(found: (SavedPaper | undefined)[]) {
    for (const record of found) if (record) this.index(record, idTerms(record));
  }

  private index(record: SavedPaper, terms: string[]): void {
    this.records.set(record.key, record);
    this.terms.set(record.key, terms);
    for (const term of terms) {
      const keys = this.byTerm.get(term);
      if (keys) keys.add(record.key);
      else this.byTerm.set(term, new Set([record.key]));
    }
  }

  private unindex(key: string): void {
    const terms = this.terms.get(key);
    if (!terms) return;
    this.records.delete(key);
    this.terms.delete(key);
    for (const term of terms) this.byTerm.get(term)?.delete(key);
  }

  /** The records any of `terms` finds, oldest first. */
  matches(terms: string[]): SavedPaper[] {
    const keys = new Set(terms.flatMap((term) => [...(this.byTerm.get(term) ?? [])]));
    return [...keys]
      .map((key) => this.records.get(key))
      .filter((record) => record !== undefined)
      .sort(oldestFirst);
  }

  /** Puts `record` (its `terms` given when known: a new record has its paper's). */
  put(record: SavedPaper, terms: string[] = idTerms(record)): SavedPaper {
    this.unindex(record.key);
    this.index(record, terms);
    this.written.add(record.key);
    this.deleted.delete(record.key);
    return record;
  }

  remove(key: string): void {
    this.unindex(key);
    this.written.delete(key);
    this.deleted.add(key);
  }

  /** What to write: each record put, as stored (with its terms), and the keys removed. */
  changes(): { puts: StoredPaper[]; deletes: string[] } {
    const puts: StoredPaper[] = [];
    for (const key of this.written) {
      const record = this.records.get(key);
      if (record) puts.push({ ...record, terms: this.terms.get(key) ?? idTerms(record) });
    }
    return { puts, deletes: [...this.deleted] };
  }
}

function abortQuietly(transaction: IDBPTransaction<LibrarySchema, ['papers'], 'readwrite'>): void {
  try {
    transaction.abort();
  } catch {
    // Already committed or aborted by the browser: nothing left to undo.
  }
}

/** The operations on the library database `options.name` (default `papershelf`). */
export function createLibrary(options: LibraryOptions = {}): Library {
  const name = options.name ?? DB_NAME;
  const report =
    options.onInvalidRecord ??
    ((problem: InvalidRecord) =>
      console.warn(`papershelf: skipped an unreadable record ${problem.key ?? '(no key)'}: ${problem.message}`));

  function readRecord(value: unknown): SavedPaper | undefined {
    const parsed = SavedPaperSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    report({ key: keyOf(value), message: z.prettifyError(parsed.error) });
    return undefined;
  }

  async function transaction<Mode extends IDBTransactionMode>(mode: Mode) {
    const db = await openLibraryDb(name);
    try {
      return db.transaction('papers', mode);
    } catch (error) {
      // The connection closed under us (another context upgraded, or the browser ended it): the
      // cache already forgot it, so opening again gives a live one.
      if (!(error instanceof Error && error.name === 'InvalidStateError')) throw error;
      return (await openLibraryDb(name)).transaction('papers', mode);
    }
  }

  async function read<T>(work: (store: Store<'readonly'>) => Promise<T>): Promise<T> {
    try {
      return await work((await transaction('readonly')).store);
    } catch (error) {
      throw toLibraryError(error);
    }
  }

  // Runs `work` in one readwrite transaction; announces the keys it changed once committed.
  async function write<T>(work: (store: Store<'readwrite'>, changed: Set<string>) => Promise<T>): Promise<T> {
    let tx: IDBPTransaction<LibrarySchema, ['papers'], 'readwrite'> | undefined;
    try {
      tx = await transaction('readwrite');
      tx.done.catch(() => {}); // awaited below; this only keeps an abort from being unhandled
      const changed = new Set<string>();
      const result = await work(tx.store, changed);
      await tx.done;
      announceChange([...changed]);
      return result;
    } catch (error) {
      // A throw in our own code would otherwise let the requests made so far commit.
      if (tx) abortQuietly(tx);
      throw toLibraryError(error);
    }
  }

  // Runs `work` in one readwrite transaction over the papers and the completion queue.
  async function writeQueue<T>(
    work: (store: Store<'readwrite'>, queue: QueueStore, changed: Set<string>) => Promise<T>,
  ): Promise<T> {
    let tx: IDBPTransaction<LibrarySchema, ('papers' | 'completionQueue')[], 'readwrite'> | undefined;
    try {
      tx = (await openLibraryDb(name)).transaction(['papers', 'completionQueue'], 'readwrite');
      tx.done.catch(() => {});
      const changed = new Set<string>();
      const result = await work(tx.objectStore('papers'), tx.objectStore('completionQueue'), changed);
      await tx.done;
      announceChange([...changed]);
      return result;
    } catch (error) {
      if (tx) {
        try {
          tx.abort();
        } catch {
          // Already finished.
        }
      }
      throw toLibraryError(error);
    }
  }

  // Reads every readable record that any of `terms` finds (lib/library/lookup.ts), every request
  // placed before any answer is awaited: a working set the batch then changes in memory and
  // writes back at once.
  async function load(store: Store<IDBTransactionMode>, terms: string[]): Promise<WorkingSet> {
    const raw = unwrap(store);
    const keys = await keysOfTerms(raw.index('ids'), terms);
    const values = await resultsOf(keys.map((key) => raw.get(key)));
    return new WorkingSet(values.map((value) => (value === undefined ? undefined : readRecord(value))));
  }

  // The records holding the same work as `paper` (samePaper: a shared id, or the same address with
  // agreeing titles), oldest first; and `paper`, re-keyed by its content when its address key
  // already names a different work (two chapters on one repository page), with its terms.
  function placeIn<P extends Paper>(set: WorkingSet, paper: P, terms = idTerms(paper)): [P, SavedPaper[], string[]] {
    const matches = set.matches(terms).filter((record) => samePaper(paper, record));
    if (matches.length > 0 || !paper.key.startsWith('url:')) return [paper, matches, terms];
    if (set.matches([paper.key]).length === 0) return [paper, matches, terms];
    const rekeyed = { ...paper, key: contentKeyOf(paper) };
    const rekeyedTerms = idTerms(rekeyed);
    return [rekeyed, set.matches(rekeyedTerms).filter((record) => samePaper(rekeyed, record)), rekeyedTerms];
  }

  // Every term a batch must load: the papers' ids (`terms[i]` are paper i's), and the content key
  // an address-keyed paper may move to.
  function termsOf(papers: Paper[], terms: string[][] = papers.map((paper) => idTerms(paper))): string[] {
    return papers.flatMap((paper, at) =>
      paper.key.startsWith('url:') ? [...(terms[at] ?? []), contentKeyOf(paper)] : (terms[at] ?? []),
    );
  }

  // Writes what a batch changed: every put and delete placed at once, without a listener each
  // (savePapers of 2,000, five runs each: 1.26 -> 1.15 times raw puts). Nothing waits for them
  // here: a request that fails aborts the transaction, whose end every caller awaits (write,
  // writeQueue).
  function flush(store: Store<'readwrite'>, set: WorkingSet, changed: Set<string>): void {
    const { puts, deletes } = set.changes();
    const raw = unwrap(store);
    // A request refused at once (a key it cannot take) throws here and aborts the transaction
    // (write's catch).
    for (const record of puts) raw.put(record);
    for (const key of deletes) raw.delete(key);
    for (const record of puts) changed.add(record.key);
    for (const key of deletes) changed.add(key);
  }

  // Saves papers in one transaction: each a new record, or a merge into the oldest record its ids
  // find (deleting any other such record: one paper saved twice under ids not yet known to be one).
  // In order: a paper listed twice finds the record the first one wrote.
  async function saveBatch(
    store: Store<'readwrite'>,
    changed: Set<string>,
    inputs: Paper[],
    options: SaveOptions,
  ): Promise<SaveResult[]> {
    const papers = options.parsed ? inputs : inputs.map((input) => PaperSchema.parse(input));
    const now = (options.now ?? new Date()).toISOString();
    const terms = papers.map((paper) => idTerms(paper));
    const set = await load(store, termsOf(papers, terms));
    const results = papers.map((input, at): SaveResult => {
      const [paper, [target, ...others], paperTerms] = placeIn(set, input, terms[at]);
      const visit = visitOf(paper, options.seenOn, now);
      // A new record has its paper's key and ids, so its paper's terms.
      if (!target) return { record: set.put(newRecord(paper, now, visit), paperTerms), created: true };
      const record = unite([paper, target, ...others], [target, ...others], target.key, now, visit);
      for (const other of others) set.remove(other.key);
      return { record: set.put(record), created: false };
    });
    flush(store, set, changed);
    return results;
  }

  return {
    savePaper: async (paper, options = {}) => {
      const [result] = await write((store, changed) => saveBatch(store, changed, [paper], options));
      if (!result) throw new LibraryError('failed', 'The library could not finish this change: nothing was saved');
      return result;
    },

    savePapers: (papers, options = {}) => write((store, changed) => saveBatch(store, changed, papers, options)),

    removePaper: (key) =>
      write(async (store, changed) => {
        const value = await store.get(key);
        if (value === undefined) return undefined;
        await store.delete(key);
        changed.add(key);
        return readRecord(value);
      }),

    restorePaper: (input, options = {}) =>
      write(async (store, changed) => {
        const restored = SavedPaperSchema.parse(input);
        const set = await load(store, termsOf([restored]));
        const [, matches] = placeIn(set, restored);
        // Saved again (or under another id) while the undo was pending: keep what both hold.
        const record =
          matches.length === 0
            ? restored
            : unite(
                [restored, ...matches],
                [restored, ...matches],
                restored.key,
                (options.now ?? new Date()).toISOString(),
              );
        for (const match of matches) if (match.key !== record.key) set.remove(match.key);
        set.put(record);
        flush(store, set, changed);
        return record;
      }),

    updatePaper: (key, input, options = {}) =>
      write(async (store, changed) => {
        const patch = PaperPatchSchema.parse(input);
        const value = await store.get(key);
        const current = value === undefined ? undefined : readRecord(value);
        if (!current) return undefined;
        const next: Record<string, unknown> = { ...current, updatedAt: (options.now ?? new Date()).toISOString() };
        if (patch.status) next.status = patch.status;
        if (patch.tags) {
          const tags = unique(patch.tags.map(cleanText).filter((tag) => tag !== undefined));
          next.tags = tags.length > 0 ? tags : undefined;
        }
        if (patch.note !== undefined) next.note = patch.note.trim() || undefined;
        if (patch.starred !== undefined) next.starred = patch.starred || undefined;
        const record = SavedPaperSchema.parse(compact(next));
        await store.put(toStored(record));
        changed.add(key);
        return record;
      }),

    getPaper: (key) =>
      read(async (store) => {
        const value = await store.get(key);
        return value === undefined ? undefined : readRecord(value);
      }),

    findSaved: (terms) =>
      read(async (store) => {
        const set = await load(store, terms);
        const found = new Map<string, string>();
        for (const term of unique(terms)) {
          const [record] = set.matches([term]);
          if (record) found.set(term, record.key);
        }
        return found;
      }),

    listPapers: ({ limit = Number.POSITIVE_INFINITY, offset = 0 } = {}) =>
      read(async (store) => {
        const papers: SavedPaper[] = [];
        if (!(limit > 0)) return papers;
        let cursor = await store.index('savedAt').openCursor(null, 'prev');
        const skip = Math.floor(offset);
        if (cursor && skip > 0) cursor = await cursor.advance(skip);
        while (cursor && papers.length < limit) {
          const record = readRecord(cursor.value);
          if (record) papers.push(record);
          cursor = await cursor.continue();
        }
        return papers;
      }),

    countPapers: () => read((store) => store.count()),

    allPapers: () =>
      read(async (store) =>
        (await store.getAll())
          .map(readRecord)
          .filter((record) => record !== undefined)
          .sort((a, b) => oldestFirst(b, a)),
      ),

    importRecords: (records, options = {}) =>
      write(async (store, changed) => {
        const parsed = options.parsed
          ? { success: true as const, data: records }
          : z.array(SavedPaperSchema).safeParse(records);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const index = typeof issue?.path[0] === 'number' ? issue.path[0] : -1;
          const key = keyOf(records[index]);
          throw new LibraryError(
            'invalid',
            `Nothing was imported: record ${index + 1}${key ? ` (${key})` : ''} is not a valid saved paper: ${z.prettifyError(parsed.error)}`,
            { cause: parsed.error },
          );
        }
        const now = (options.now ?? new Date()).toISOString();
        const summary: ImportSummary = { added: 0, merged: 0 };
        // Older files may carry other ISO forms; the savedAt index orders by the text. A record
        // already in the one form is taken as it is (a backup's are: no copy of 50,000 records).
        const incoming = parsed.data.map((input): SavedPaper => {
          const savedAt = new Date(input.savedAt).toISOString();
          const updatedAt = new Date(input.updatedAt).toISOString();
          return savedAt === input.savedAt && updatedAt === input.updatedAt ? input : { ...input, savedAt, updatedAt };
        });
        const terms = incoming.map((record) => idTerms(record));
        const set = await load(store, termsOf(incoming, terms));
        incoming.forEach((input, at) => {
          const [record, [target, ...others], recordTerms] = placeIn(set, input, terms[at]);
          if (!target) {
            set.put(record, recordTerms);
            summary.added += 1;
            return;
          }
          // The library's own detected fields win over the file's; the file fills gaps.
          set.put(unite([target, ...others, record], [target, ...others, record], target.key, now));
          for (const other of others) set.remove(other.key);
          summary.merged += 1;
        });
        flush(store, set, changed);
        return summary;
      }),

    queueCompletion: (keys, options = {}) =>
      writeQueue(async (_store, queue) => {
        const now = (options.now ?? new Date()).toISOString();
        const wanted = unique([...keys]);
        // Every request placed before any answer is awaited, without a promise each (5,000 papers
        // queued for completion through idb's promises took 1.1 s of the background).
        const raw = unwrap(queue);
        const known = await queuedNow(raw, wanted);
        // Placed without a listener each, as flush does: writeQueue awaits the transaction's end.
        wanted.forEach((key, i) => {
          const entry = queuedOf(known[i]);
          raw.put({ key, queuedAt: entry?.queuedAt ?? now, tries: 0, after: now } satisfies QueuedPaper);
        });
        return wanted.length;
      }),

    dueForCompletion: async (limit, options = {}) => {
      try {
        const db = await openLibraryDb(name);
        const tx = db.transaction(['papers', 'completionQueue'], 'readonly');
        const now = (options.now ?? new Date()).toISOString();
        const index = tx.objectStore('completionQueue').index('after');
        const values = await index.getAll(IDBKeyRange.upperBound(now), Math.max(0, Math.floor(limit)));
        const later = await index.openCursor(IDBKeyRange.lowerBound(now, true));
        const entries = values.map(queuedOf).filter((entry) => entry !== undefined);
        const store = unwrap(tx.objectStore('papers'));
        const papers = await resultsOf(entries.map((entry) => store.get(entry.key)));
        return {
          entries,
          papers: papers
            .map((value) => (value === undefined ? undefined : readRecord(value)))
            .filter((p) => p !== undefined),
          ...(later ? { next: queuedOf(later.value)?.after } : {}),
        };
      } catch (error) {
        throw toLibraryError(error);
      }
    },

    settleCompletion: (outcome, options = {}) =>
      writeQueue(async (store, queue, changed) => {
        const now = options.now ?? new Date();
        const touched = unique([...outcome.found.keys()]);
        const raw = unwrap(store);
        const values = await resultsOf(touched.map((key) => raw.get(key)));
        const results: Merged[] = [];
        const removed: string[] = [];
        touched.forEach((key, i) => {
          const value = values[i];
          const current = value === undefined ? undefined : readRecord(value);
          if (!current) return;
          const merged = mergeFound(current, outcome.found.get(key) ?? [], now);
          if (merged.filled.length > 0 || merged.refused.length > 0) results.push(merged);
        });
        // A paper that gained an identifier another record holds (the journal version saved
        // apart, a DOI found by title) becomes one record with it, as a save would make them.
        const filled = results.filter((merged) => merged.filled.length > 0);
        const set = await load(store, termsOf(filled.map((merged) => merged.paper)));
        for (const merged of filled) {
          const paper = SavedPaperSchema.parse(merged.paper);
          const others = placeIn(set, paper)[1].filter((record) => record.key !== paper.key);
          if (others.length === 0) {
            set.put(paper);
            continue;
          }
          const all = [paper, ...others];
          const target = [...all].sort(oldestFirst)[0] as SavedPaper;
          const record = unite([paper, ...others], [paper, ...others], target.key, now.toISOString());
          for (const other of all) {
            if (other.key === target.key) continue;
            set.remove(other.key);
            removed.push(other.key);
          }
          set.put(record);
          merged.paper = record;
        }
        flush(store, set, changed);
        const pending: Promise<unknown>[] = [];
        for (const key of unique([...outcome.done])) pending.push(queue.delete(key));
        const retry = unique([...outcome.retry]);
        const entries = await Promise.all(retry.map((key) => queue.get(key)));
        retry.forEach((key, i) => {
          const entry = queuedOf(entries[i]);
          if (!entry) return;
          const wait = RETRY_MS[entry.tries];
          if (wait === undefined) pending.push(queue.delete(key));
          else
            pending.push(
              queue.put({ ...entry, tries: entry.tries + 1, after: new Date(now.getTime() + wait).toISOString() }),
            );
        });
        await Promise.all(pending);
        return { merged: results, removed };
      }),

    undoCompletion: (key, options = {}) =>
      write(async (store, changed) => {
        const value = await store.get(key);
        const current = value === undefined ? undefined : readRecord(value);
        if (!current) return undefined;
        const undone = undoFound(current, options.now ?? new Date(), options.service);
        if (undone === current) return current;
        const record = SavedPaperSchema.parse(undone);
        await store.put(toStored(record));
        changed.add(key);
        return record;
      }),

    countQueued: async () => {
      try {
        return await (await openLibraryDb(name)).count('completionQueue');
      } catch (error) {
        throw toLibraryError(error);
      }
    },
  };
}

const library = createLibrary();

/** Follows changes made in any context (re-exported from ./changes for the UI). */
export { onLibraryChange } from './changes';

/** Saves a paper in the user's library, merging it into the record any of its ids finds. */
export const savePaper = library.savePaper;
/** Saves several papers in one transaction ("Save all"). */
export const savePapers = library.savePapers;
/** Removes a saved paper and returns it for undo. */
export const removePaper = library.removePaper;
/** Puts a removed record back (undo). */
export const restorePaper = library.restorePaper;
/** Changes status, tags, note or star of a saved paper. */
export const updatePaper = library.updatePaper;
/** The saved paper with this key, if any. */
export const getPaper = library.getPaper;
/** Maps each `scheme:value` term to the key of the saved paper it finds. */
export const findSaved = library.findSaved;
/** Saved papers, newest first, a page at a time. */
export const listPapers = library.listPapers;
/** How many records the library holds. */
export const countPapers = library.countPapers;
/** Every readable saved paper, newest first. */
export const allPapers = library.allPapers;
/** Adds or merges a backup's records, all or none. */
export const importRecords = library.importRecords;
/** Queues papers for completion. */
export const queueCompletion = library.queueCompletion;
/** Queued papers due for completion, with their records. */
export const dueForCompletion = library.dueForCompletion;
/** Writes what completion found and moves the queue on, in one transaction. */
export const settleCompletion = library.settleCompletion;
/** Removes what completion filled in a paper. */
export const undoCompletion = library.undoCompletion;
/** How many papers wait for completion. */
export const countQueued = library.countQueued;
