import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idTerms } from '../paper/ids';
import type { Paper } from '../paper/model';
import { closeLibraryDb, openLibraryDb } from './db';
import { keysOfTerms, resultsOf } from './lookup';
import { freshName, makePaper, openRaw, putRaw } from './test-helpers';

let name: string;

beforeEach(() => {
  name = freshName();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeLibraryDb(name);
});

/** Paper `i` of a listing: an arXiv id of its own, every third with a DOI, every fifth known by its address alone. */
function paper(i: number): Paper {
  const arxiv = `2601.${String(i).padStart(5, '0')}`;
  if (i % 5 === 0)
    return makePaper({ key: `url:https://example.org/papers/${i}`, url: `https://example.org/papers/${i}` });
  return makePaper({
    key: `arxiv:${arxiv}`,
    ids: i % 3 === 0 ? { arxiv, doi: `10.48550/arxiv.${arxiv}` } : { arxiv },
  });
}

/** A library holding papers `from`..`to`, and paper 3 stored twice (a record under its DOI) when there are any. */
async function library(from: number, to: number): Promise<void> {
  (await openLibraryDb(name)).close();
  await closeLibraryDb(name);
  const db = await openRaw(name, 4);
  const papers = Array.from({ length: to - from }, (_, at) => paper(from + at));
  const twin = makePaper({ key: 'doi:10.48550/arxiv.2601.00003', ids: { doi: '10.48550/arxiv.2601.00003' } });
  const at = '2026-01-01T00:00:00.000Z';
  await putRaw(
    db,
    [...papers, ...(papers.length > 0 ? [twin] : [])].map((p) => ({
      ...p,
      status: 'unread',
      savedAt: at,
      updatedAt: at,
      terms: idTerms(p),
    })),
  );
  db.close();
}

/** What one getAllKeys per term finds (the way lookups were made before keysOfTerms), sorted. */
async function termByTerm(terms: string[]): Promise<string[]> {
  const db = await openRaw(name, 4);
  const index = db.transaction('papers').objectStore('papers').index('ids');
  const lists = await resultsOf(terms.map((term) => index.getAllKeys(term)));
  db.close();
  return [...new Set(lists.flat().map(String))].sort();
}

async function lookup(terms: string[]): Promise<string[]> {
  const db = await openRaw(name, 4);
  const found = await keysOfTerms(db.transaction('papers').objectStore('papers').index('ids'), terms);
  db.close();
  return found;
}

const termsOf = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, at) => idTerms(paper(from + at))).flat();

describe('keysOfTerms', () => {
  it('finds nothing in an empty library, with no request per term', async () => {
    await library(0, 0);
    const getAllKeys = vi.spyOn(IDBIndex.prototype, 'getAllKeys');
    expect(await lookup(termsOf(0, 300))).toEqual([]);
    expect(getAllKeys).not.toHaveBeenCalled();
  });

  it('walks the range of a run of ids (a listing saved again, half of it new) and finds what term-by-term requests find', async () => {
    await library(0, 200);
    const terms = [...termsOf(150, 250), 'doi:10.48550/arxiv.2601.00003', 'url:https://example.org/papers/5'];
    const walk = vi.spyOn(IDBIndex.prototype, 'openKeyCursor');
    const found = await lookup(terms);
    expect(walk).toHaveBeenCalled();
    expect(found.length).toBe(new Set(found).size);
    expect([...found].sort()).toEqual(await termByTerm(terms));
    expect(found).toContain('doi:10.48550/arxiv.2601.00003');
    expect(found).toContain('arxiv:2601.00003');
  });

  it('asks term by term when the range holds many other papers, and finds the same', async () => {
    await library(0, 400);
    const spread = [1, 98, 199, 252, 333, 398].map((i) => `arxiv:2601.${String(i).padStart(5, '0')}`);
    const terms = [...spread, 'arxiv:2601.99999', 'doi:10.48550/arxiv.2601.00003'];
    const getAllKeys = vi.spyOn(IDBIndex.prototype, 'getAllKeys');
    const walk = vi.spyOn(IDBIndex.prototype, 'openKeyCursor');
    const found = await lookup(terms);
    expect(getAllKeys).toHaveBeenCalledTimes(terms.length);
    expect(walk).not.toHaveBeenCalled();
    expect([...found].sort()).toEqual(await termByTerm(terms));
    expect([...found].sort()).toEqual([
      'arxiv:2601.00001',
      'arxiv:2601.00003',
      'arxiv:2601.00098',
      'arxiv:2601.00199',
      'arxiv:2601.00252',
      'arxiv:2601.00333',
      'arxiv:2601.00398',
      'doi:10.48550/arxiv.2601.00003',
    ]);
  });

  it('asks a few terms (one paper saved) at once, without counting first', async () => {
    await library(0, 20);
    const terms = idTerms(paper(3));
    const count = vi.spyOn(IDBIndex.prototype, 'count');
    const found = await lookup(terms);
    expect(count).not.toHaveBeenCalled();
    expect([...found].sort()).toEqual(['arxiv:2601.00003', 'doi:10.48550/arxiv.2601.00003']);
    expect([...found].sort()).toEqual(await termByTerm(terms));
  });
});

describe('resultsOf', () => {
  it('gives every result in the order the requests were placed', async () => {
    await library(0, 20);
    const db = await openRaw(name, 4);
    const store = db.transaction('papers').objectStore('papers');
    const keys = ['arxiv:2601.00007', 'arxiv:2601.99999', 'arxiv:2601.00001'];
    const values = await resultsOf(keys.map((key) => store.get(key)));
    db.close();
    expect(values.map((value) => (value as Paper | undefined)?.key)).toEqual([keys[0], undefined, keys[2]]);
  });

  it('rejects with the error of a request that failed', async () => {
    await library(0, 3);
    const db = await openRaw(name, 4);
    const store = db.transaction('papers', 'readwrite').objectStore('papers');
    const requests = [store.get('arxiv:2601.00001'), store.add(paper(1)), store.get('arxiv:2601.00002')];
    await expect(resultsOf(requests)).rejects.toMatchObject({ name: 'ConstraintError' });
    db.close();
  });
});
