// The bench's baseline for library writes, shared by the page scripts that time them: bare
// IndexedDB puts, without idb or the library, of records as the library stores them, into a
// store shaped as the library's (its key path and both indexes, lib/library/db.ts).
import { idTerms } from '../../lib/paper/ids';
import type { Paper } from '../../lib/paper/model';

let scratch = 0;

/** A database name no other run uses. */
export const freshName = (): string => `papershelf-bench-${Date.now()}-${scratch++}`;

/** `paper` as the library stores a new one: its status, times, the page it was seen on, its id terms. */
export function stored(paper: Paper, at: string): object {
  const seenOn = paper.pageUrl ? [{ url: paper.pageUrl, source: paper.source, at }] : undefined;
  return {
    ...paper,
    status: 'unread',
    savedAt: at,
    updatedAt: at,
    ...(seenOn ? { seenOn } : {}),
    terms: idTerms(paper),
  };
}

/** A fresh database with one store shaped as the library's. */
export function openScratch(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(freshName(), 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('papers', { keyPath: 'key' });
      store.createIndex('ids', 'terms', { multiEntry: true });
      store.createIndex('savedAt', 'savedAt');
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => resolve(request.result);
  });
}

/** Milliseconds to put `values` into a fresh scratch store, `batch` to a transaction (all in one by default). */
export async function rawPuts(values: readonly object[], batch = values.length): Promise<number> {
  const db = await openScratch();
  const start = performance.now();
  for (let i = 0; i < values.length; i += batch) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('papers', 'readwrite');
      const store = tx.objectStore('papers');
      for (const value of values.slice(i, i + batch)) store.put(value);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - start;
  db.close();
  return ms;
}
