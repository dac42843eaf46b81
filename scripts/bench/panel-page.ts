// Runs in the bench page (scripts/bench/panel.ts): seeds the library, then drives a LibraryView
// whose worker is lib/search/worker.ts, as the side panel does, and reports what it measured.
import { closeLibraryDb, DB_NAME, openLibraryDb } from '../../lib/library/db';
import { connectView, type LibraryView } from '../../lib/search/view';
import { buildCorpus } from './corpus-build';

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

let view: LibraryView | undefined;
let worker: Worker | undefined;
let openedAt = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

(globalThis as unknown as { papershelfPanelBench: unknown }).papershelfPanelBench = {
  /** Replaces the library with `count` papers of the realistic corpus. */
  async seed(text: string, abstracts: string[], count: number): Promise<number> {
    await closeLibraryDb();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
    const papers = buildCorpus(text, abstracts, count);
    const db = await openLibraryDb();
    for (let start = 0; start < papers.length; start += 5000) {
      const tx = db.transaction('papers', 'readwrite');
      for (const paper of papers.slice(start, start + 5000)) void tx.store.put({ ...paper, terms: [] });
      await tx.done;
    }
    const stored = await db.count('papers');
    await closeLibraryDb();
    return stored;
  },

  /** The baseline: opening the database with raw IndexedDB and one getAll of `count` records. */
  async rawRead(count: number): Promise<number> {
    const start = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const records = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('papers').objectStore('papers').getAll(null, count);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ms = performance.now() - start;
    db.close();
    if (records.length !== count) throw new Error(`raw read found ${records.length} records, not ${count}`);
    return ms;
  },

  /** Opens the view and reads the first `count` rows as the panel shows them: ms from opening. */
  async firstRows(workerUrl: string, count: number): Promise<{ ms: number; rows: number; total: number }> {
    openedAt = performance.now();
    worker = new Worker(workerUrl, { type: 'module' });
    const started = worker;
    view = connectView(started, { close: () => started.terminate(), early: true });
    const result = await view.query({ text: '', sort: 'saved' });
    const rows = await view.records(result.keys.slice(0, count));
    return { ms: performance.now() - openedAt, rows: rows.size, total: result.total };
  },

  /** Waits until every paper is in the index: ms from opening. */
  async complete(count: number): Promise<number> {
    for (;;) {
      const result = await view?.query({ text: '', sort: 'saved' });
      if (!result || result.keys.length >= count) return performance.now() - openedAt;
      await sleep(100);
    }
  },

  /**
   * Types each phrase a letter at a time (a letter every `gap` ms) and reads the first 50 rows of
   * each answer: each keystroke's ms from query to rows, and the longest main-thread task meanwhile.
   */
  async type(
    phrases: string[],
    gap: number,
  ): Promise<{ p50: number; p95: number; longestTask: number; hits: number[] }> {
    const current = view;
    if (!current) throw new Error('open the view first');
    longTasks.length = 0;
    const times: number[] = [];
    const hits: number[] = [];
    for (const phrase of phrases) {
      for (let i = 1; i <= phrase.length; i++) {
        const start = performance.now();
        const result = await current.query({ text: phrase.slice(0, i), sort: 'saved' });
        await current.records(result.keys.slice(0, 50));
        times.push(performance.now() - start);
        if (i === phrase.length) hits.push(result.keys.length);
        await sleep(gap);
      }
    }
    await sleep(100);
    return { p50: median(times), p95: percentile(times, 95), longestTask: Math.max(0, ...longTasks), hits };
  },

  close(): void {
    view?.close();
    view = undefined;
  },
};
