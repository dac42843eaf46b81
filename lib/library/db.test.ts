import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SavedPaperSchema } from '../paper/model';
import { closeLibraryDb, DB_VERSION, openLibraryDb } from './db';
import { createLibrary, LibraryError } from './library';
import { at, freshName, openRaw, putRaw } from './test-helpers';

let name = freshName();
afterEach(async () => {
  await closeLibraryDb(name);
  name = freshName();
});

describe('openLibraryDb', () => {
  it('creates the papers store keyed by key, the multi-entry ids index and the savedAt index', async () => {
    const db = await openLibraryDb(name);
    expect(db.version).toBe(DB_VERSION);
    const store = db.transaction('papers').store;
    expect(store.keyPath).toBe('key');
    expect([...store.indexNames].sort()).toEqual(['ids', 'savedAt']);
    expect(store.index('ids').multiEntry).toBe(true);
    expect(store.index('ids').keyPath).toBe('terms');
    expect(store.index('savedAt').keyPath).toBe('savedAt');
  });

  it('shares one connection per database name in a context', async () => {
    const first = await openLibraryDb(name);
    expect(await openLibraryDb(name)).toBe(first);
    await closeLibraryDb(name);
    expect(await openLibraryDb(name)).not.toBe(first);
  });

  it('upgrades a v1 database with records in it to v2, and finds them by list and by any id', async () => {
    // Version 1 exactly as its ladder step made it: the store and the ids index, nothing else.
    const v1 = await openRaw(name, 1, (db) => {
      db.createObjectStore('papers', { keyPath: 'key' }).createIndex('ids', 'terms', { multiEntry: true });
    });
    const old = {
      key: 'arxiv:2310.03646',
      title: 'TRAM: Bridging Trust Regions and Sharpness Aware Minimization',
      authors: ['Tom Sherborne'],
      ids: { arxiv: '2310.03646', doi: '10.48550/example' },
      source: 'huggingface',
      status: 'reading',
      tags: ['optimisation'],
      savedAt: at(1).toISOString(),
      updatedAt: at(2).toISOString(),
    };
    await putRaw(v1, [
      { ...old, terms: ['arxiv:2310.03646', 'doi:10.48550/example'] },
      {
        ...old,
        key: 'arxiv:2401.00001',
        ids: { arxiv: '2401.00001' },
        savedAt: at(5).toISOString(),
        terms: ['arxiv:2401.00001'],
      },
    ]);
    v1.close();

    const library = createLibrary({ name });
    const listed = await library.listPapers();
    expect(listed.map((paper) => paper.key)).toEqual(['arxiv:2401.00001', 'arxiv:2310.03646']);
    expect(listed[1]).toEqual(old);
    expect(await library.findSaved(['doi:10.48550/example'])).toEqual(new Map([['doi:10.48550/example', old.key]]));
    expect((await openLibraryDb(name)).version).toBe(DB_VERSION);
  });

  it('upgrades a v2 library written by the v2 code to the current version with every record intact and an empty completion queue', async () => {
    // 90 records that papershelf at aaab0d9 (schema v2) saved, imported, tagged and starred, dumped
    // raw with their `terms` (tests/fixtures/db/README.md says how).
    const fixture = JSON.parse(readFileSync('tests/fixtures/db/v2-library.json', 'utf8')) as {
      version: number;
      records: ({ key: string; terms: string[] } & Record<string, unknown>)[];
    };
    expect(fixture.version).toBe(2);
    const v2 = await openRaw(name, 2, (db) => {
      const papers = db.createObjectStore('papers', { keyPath: 'key' });
      papers.createIndex('ids', 'terms', { multiEntry: true });
      papers.createIndex('savedAt', 'savedAt');
    });
    await putRaw(v2, fixture.records);
    v2.close();

    const library = createLibrary({ name });
    const all = await library.allPapers();
    expect(all).toHaveLength(fixture.records.length);
    const byKey = new Map(all.map((paper) => [paper.key, paper]));
    for (const { terms, ...record } of fixture.records) {
      expect(byKey.get(record.key)).toEqual(record);
      expect(SavedPaperSchema.safeParse(record).success).toBe(true);
      const found = await library.findSaved(terms);
      expect([...found.values()]).toEqual(terms.map(() => record.key));
    }
    const db = await openLibraryDb(name);
    expect(db.version).toBe(4);
    expect(await db.getAll('papers')).toEqual(fixture.records);
    expect(await db.count('completionQueue')).toBe(0);
  });

  it('closes on versionchange so another context can upgrade, then reports the newer database', async () => {
    const library = createLibrary({ name });
    await library.countPapers();
    const blocked = vi.fn();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onblocked = blocked;
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(blocked).not.toHaveBeenCalled();
    expect(newer.version).toBe(DB_VERSION + 1);
    const failure = await library.countPapers().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LibraryError);
    expect(failure).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/reload/) });
    newer.close();
  });
});
