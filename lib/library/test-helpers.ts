// Shared by the library's tests: fresh database names, papers and a clock.
import type { Paper } from '../paper/model';

/** A database name no other test uses, so every test starts from an empty library. */
export function freshName(): string {
  return `papershelf-test-${crypto.randomUUID()}`;
}

/** A point in time `minutes` after a fixed start, so that tests control savedAt and updatedAt. */
export function at(minutes: number): Date {
  return new Date(Date.UTC(2025, 0, 1, 12, minutes));
}

/** A detected paper with defaults for the fields a test does not care about. */
export function makePaper(fields: Partial<Paper> & Pick<Paper, 'key'>): Paper {
  return {
    title: 'Efficient Streaming Language Models with Attention Sinks',
    authors: ['Guangxuan Xiao'],
    source: 'arxiv',
    ...fields,
  };
}

/** Opens a database with raw IndexedDB (no idb, no library code), to build older or broken states. */
export function openRaw(name: string, version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Writes values straight into the `papers` store, bypassing every check of the library. */
export function putRaw(db: IDBDatabase, values: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('papers', 'readwrite');
    for (const value of values) tx.objectStore('papers').put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
