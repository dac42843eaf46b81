// Opening the library's IndexedDB database (docs/CONTRACT.md, "Storage") and its upgrade ladder.
import { type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, openDB } from 'idb';
import { idTerms } from '../paper/ids';
import type { SavedPaper } from '../paper/model';

/** The database name fixed by docs/CONTRACT.md. */
export const DB_NAME = 'papershelf';

/** The schema version this code writes; raise it only by adding a step to `upgradeLibrary`. */
export const DB_VERSION = 4;

/** A saved paper as stored: plus `terms`, its `scheme:value` ids, which the multi-entry `ids` index reads. */
export type StoredPaper = SavedPaper & { terms: string[] };

/**
 * A paper waiting for completion (issue 13): its key, when it was queued, how often the services
 * could not be asked about it, and the time before which it waits (a busy service, no network).
 */
export interface QueuedPaper {
  key: string;
  queuedAt: string;
  tries: number;
  after: string;
}

/** The database's shape. Values are `unknown` on purpose: every read is parsed (older or corrupt records). */
export interface LibrarySchema extends DBSchema {
  papers: { key: string; value: unknown; indexes: { ids: string; savedAt: string } };
  /** Papers waiting for completion; survives the background being stopped and the browser closing. */
  completionQueue: { key: string; value: unknown; indexes: { after: string } };
}

/** An open connection to a library database. */
export type LibraryDb = IDBPDatabase<LibrarySchema>;

/** The upgrade ladder: each step runs once per database and is never edited once released. */
export function upgradeLibrary(
  db: LibraryDb,
  oldVersion: number,
  transaction: IDBPTransaction<LibrarySchema, ('papers' | 'completionQueue')[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const papers = db.createObjectStore('papers', { keyPath: 'key' });
    papers.createIndex('ids', 'terms', { multiEntry: true });
  }
  if (oldVersion < 2) {
    // Lists newest first through a cursor instead of reading the whole library; IndexedDB fills
    // the new index from the records already in the store.
    transaction.objectStore('papers').createIndex('savedAt', 'savedAt');
  }
  if (oldVersion < 3) {
    // Citation fields (type, container, volume, names, extra ...) are new and optional: v2
    // records are valid v3 records unchanged. Only `terms` is derived again, by v3's rule (a
    // shortDOI is found as `shortdoi:10/...`); a record without a key-like shape is left as it was.
    void rederiveTerms(transaction.objectStore('papers'));
  }
  if (oldVersion < 4) {
    // Completion's queue (issue 13): papers waiting for the services, due first.
    db.createObjectStore('completionQueue', { keyPath: 'key' }).createIndex('after', 'after');
  }
}

async function rederiveTerms(
  store: IDBPObjectStore<LibrarySchema, ('papers' | 'completionQueue')[], 'papers', 'versionchange'>,
): Promise<void> {
  let cursor = await store.openCursor();
  while (cursor) {
    const value = cursor.value as Partial<StoredPaper> | null;
    if (value && typeof value === 'object' && typeof value.key === 'string') {
      const terms = idTerms({ key: value.key, ids: typeof value.ids === 'object' ? value.ids : undefined });
      if (JSON.stringify(terms) !== JSON.stringify(value.terms)) await cursor.update({ ...value, terms });
    }
    cursor = await cursor.continue();
  }
}

// One connection per database name and context (page, popup, background), shared by every call.
const connections = new Map<string, Promise<LibraryDb>>();

/** Opens (and upgrades) the library database, reusing this context's connection. */
export function openLibraryDb(name: string = DB_NAME): Promise<LibraryDb> {
  const cached = connections.get(name);
  if (cached) return cached;
  const opening = openDB<LibrarySchema>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, transaction) => upgradeLibrary(db, oldVersion, transaction),
    // Another context still holds an older connection; it closes itself on `versionchange`
    // (below), after which this open goes on by itself.
    blocked: (currentVersion, blockedVersion) =>
      console.warn(`papershelf: opening ${name} v${blockedVersion} waits for v${currentVersion} to close elsewhere`),
    // Another context wants a newer version: let it upgrade; the next call here opens again.
    blocking: (_currentVersion, _blockedVersion, event) => {
      if (connections.get(name) === opening) connections.delete(name);
      if (event.target instanceof IDBDatabase) event.target.close();
    },
    // The browser closed the connection (storage cleared, disk error): open again next time.
    terminated: () => {
      if (connections.get(name) === opening) connections.delete(name);
    },
  });
  connections.set(name, opening);
  opening.catch(() => {
    if (connections.get(name) === opening) connections.delete(name);
  });
  return opening;
}

/** Closes this context's connection to a library database (tests, and before deleting it). */
export async function closeLibraryDb(name: string = DB_NAME): Promise<void> {
  const cached = connections.get(name);
  connections.delete(name);
  if (cached) (await cached.catch(() => undefined))?.close();
}
