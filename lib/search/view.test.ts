import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLibraryDb, openLibraryDb } from '../library/db';
import { createLibrary } from '../library/library';
import { at, freshName } from '../library/test-helpers';
import type { SavedPaper } from '../paper/model';
import { arxivPapers } from './arxiv-fixture';
import { FIRST_PAGE, type Served, serveView } from './serve';
import { connectView, type LibraryView, type ViewQuery } from './view';

// The view talks to serveView over a real MessageChannel, as the panel talks to its worker.
let name: string;
let view: LibraryView;
let served: Served;
let ports: MessagePort[] = [];

const LOGIC_REVIEW = 'arxiv:0705.1367';
const MATH_LOGIC = 'arxiv:1802.03292';
const BIRUNI = 'arxiv:1312.7288';

/** The arXiv papers with what a user gave three of them. */
function library(): SavedPaper[] {
  return arxivPapers().map((paper) => {
    if (paper.key === LOGIC_REVIEW) return { ...paper, status: 'read', tags: ['logic', 'reviews'] };
    if (paper.key === MATH_LOGIC) return { ...paper, status: 'reading', starred: true, tags: ['logic'] };
    if (paper.key === BIRUNI) return { ...paper, tags: ['history'], note: 'Compare with Needham on Chinese science' };
    return paper;
  });
}

async function store(papers: SavedPaper[]): Promise<void> {
  const db = await openLibraryDb(name);
  const tx = db.transaction('papers', 'readwrite');
  await Promise.all([...papers.map((paper) => tx.store.put({ ...paper, terms: [] })), tx.done]);
}

function open(): void {
  const channel = new MessageChannel();
  ports = [channel.port1, channel.port2];
  served = serveView(channel.port2, { name });
  view = connectView(channel.port1, { name });
  channel.port1.start();
  channel.port2.start();
}

/** Resolves once the view has taken in a change holding `key`. */
function changeOf(key: string): Promise<readonly string[]> {
  return new Promise((resolve) => {
    const stop = view.onChange((keys) => {
      if (keys.includes(key)) {
        stop();
        resolve(keys);
      }
    });
  });
}

const search = (text: string, more: Partial<ViewQuery> = {}) => view.query({ text, sort: 'saved', ...more });

beforeEach(() => {
  name = freshName();
});
afterEach(async () => {
  view.close();
  served.stop();
  for (const port of ports) port.close();
  await closeLibraryDb(name);
});

describe('LibraryView over a real library', () => {
  beforeEach(async () => {
    await store(library());
    open();
    await served.loaded;
  });

  it('lists every paper newest saved first, by publication date, and by title', async () => {
    const saved = await search('');
    expect(saved.total).toBe(10);
    expect(saved.terms).toEqual([]);
    expect(saved.keys).toEqual(
      arxivPapers()
        .map((paper) => paper.key)
        .reverse(),
    );
    expect((await search('', { sort: 'published' })).keys).toEqual([
      'arxiv:1802.03292', // 2018-02-07
      'arxiv:1503.01162', // 2015-03-03
      'arxiv:1501.05039', // 2015-01-21
      'arxiv:1312.7288', // 2013-12-22
      'arxiv:0808.0639', // three on 2008-08-05: the newest saved first
      'arxiv:0808.0638',
      'arxiv:0808.0631',
      'arxiv:0705.1367', // 2007
      'arxiv:physics/0507092', // 2005
      'arxiv:quant-ph/0210005', // 2002
    ]);
    expect((await search('', { sort: 'title' })).keys).toEqual([
      'arxiv:0808.0638', // "Comment: The 2005 Neyman Lecture …", twice: the newest saved first
      'arxiv:0808.0631',
      'arxiv:1501.05039', // Defining Data Science
      'arxiv:0705.1367', // Logic Column 18
      'arxiv:1802.03292', // Mathematical Logic in Computer Science
      'arxiv:quant-ph/0210005', // Quantum information science …
      'arxiv:0808.0639', // Rejoinder: …
      'arxiv:1503.01162', // Report on a Boston University Conference …
      'arxiv:physics/0507092', // Science,technology and society
      'arxiv:1312.7288', // The Science of al-Biruni
    ]);
  });

  it('finds words in titles, authors, tags and notes, the last word as a prefix, with the words matched', async () => {
    const logic = await search('logic');
    expect(logic.keys).toEqual([MATH_LOGIC, LOGIC_REVIEW]);
    expect([...logic.terms].sort()).toEqual(['logic', 'logics']);
    expect((await search('Giacomelli')).keys).toEqual(['arxiv:physics/0507092']);
    expect((await search('kfoury')).keys).toEqual([MATH_LOGIC]);
    expect((await search('reviews')).keys).toEqual([LOGIC_REVIEW]); // a tag (and the title's "Review" is a prefix of it, not the reverse)
    expect((await search('needham')).keys).toEqual([BIRUNI]); // the note
    const quantum = await search('quantum sci');
    expect(quantum.keys).toEqual(['arxiv:quant-ph/0210005']);
    expect([...quantum.terms].sort()).toEqual(['quantum', 'science']);
    // Only the last word is a prefix, and only from two letters on.
    expect((await search('q')).keys).toEqual([]);
    expect((await search('qu')).keys).toEqual(['arxiv:quant-ph/0210005']);
    expect((await search('quant information')).keys).toEqual([]);
    expect((await search('zzz')).keys).toEqual([]);
  });

  it('puts papers matching only in their abstract after the title and author matches', async () => {
    // "Mathematical" is in 1802.03292's title; "mathematician" only in al-Biruni's abstract.
    expect((await search('mathematic')).keys).toEqual([MATH_LOGIC, BIRUNI]);
    const discuss = await search('discuss');
    expect(discuss.keys).toEqual([BIRUNI, 'arxiv:physics/0507092', LOGIC_REVIEW, 'arxiv:1503.01162']);
    expect([...discuss.terms].sort()).toEqual(['discuss', 'discussed', 'discusses']);
    expect((await search('philosopher')).keys).toEqual([BIRUNI]);
  });

  it('filters by status, star and tag, with or without words, and counts tags most used first', async () => {
    expect((await search('', { status: 'read' })).keys).toEqual([LOGIC_REVIEW]);
    expect((await search('', { starred: true })).keys).toEqual([MATH_LOGIC]);
    expect((await search('', { tag: 'logic' })).keys).toEqual([MATH_LOGIC, LOGIC_REVIEW]);
    expect((await search('logic', { status: 'unread' })).keys).toEqual([]);
    expect((await search('science', { tag: 'history' })).keys).toEqual([BIRUNI]);
    expect((await search('', { status: 'unread' })).keys).toHaveLength(8);
    expect(await view.tags()).toEqual([
      { tag: 'logic', count: 2 },
      { tag: 'history', count: 1 },
      { tag: 'reviews', count: 1 },
    ]);
  });

  it('reads full records only for the keys asked for', async () => {
    const rows = await view.records([BIRUNI, 'arxiv:0000.00000']);
    expect([...rows.keys()]).toEqual([BIRUNI]);
    expect(rows.get(BIRUNI)?.abstract).toMatch(/^Al-Biruni \(973-1048\) was one of the greatest scientists/);
  });

  it('takes in saves, edits and removals made elsewhere, key by key', async () => {
    const writer = createLibrary({ name });
    const added = changeOf('arxiv:1706.03762');
    await writer.savePaper(
      {
        key: 'arxiv:1706.03762',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        source: 'arxiv',
        ids: { arxiv: '1706.03762' },
      },
      { now: at(60) },
    );
    expect(await added).toEqual(['arxiv:1706.03762']);
    expect((await search('vaswani')).keys).toEqual(['arxiv:1706.03762']);
    expect((await search('')).keys[0]).toBe('arxiv:1706.03762');
    expect((await search('')).total).toBe(11);

    // A record read before a change is read again after it (the view keeps recent records).
    expect((await view.records([BIRUNI])).get(BIRUNI)?.tags).toEqual(['history']);
    const tagged = changeOf(BIRUNI);
    await writer.updatePaper(BIRUNI, { tags: ['logic'], note: '' });
    await tagged;
    expect((await view.records([BIRUNI])).get(BIRUNI)?.tags).toEqual(['logic']);
    expect((await search('', { tag: 'logic' })).keys).toEqual([BIRUNI, MATH_LOGIC, LOGIC_REVIEW]);
    expect((await search('needham')).keys).toEqual([]);

    expect((await view.records([MATH_LOGIC])).has(MATH_LOGIC)).toBe(true);
    const removed = changeOf(MATH_LOGIC);
    await writer.removePaper(MATH_LOGIC);
    await removed;
    expect((await view.records([MATH_LOGIC])).has(MATH_LOGIC)).toBe(false);
    // al-Biruni now carries the tag "logic".
    expect((await search('logic')).keys).toEqual([BIRUNI, LOGIC_REVIEW]);
    expect((await search('')).total).toBe(10);
    expect(await view.tags()).toEqual([
      { tag: 'logic', count: 2 },
      { tag: 'reviews', count: 1 },
    ]);
  });

  it('resolves every call with the newest call’s result', async () => {
    const calls = [search('l'), search('lo'), search('logic'), search('logic', { sort: 'title' })];
    const results = await Promise.all(calls);
    for (const result of results) expect(result.keys).toEqual([LOGIC_REVIEW, MATH_LOGIC]);
    expect(new Set(results).size).toBe(1);
    // Calls made after it are answered again.
    expect((await search('data')).keys).toEqual(['arxiv:1501.05039']);
  });
});

describe('LibraryView while the library loads', () => {
  it('answers the first query from the newest papers, with the whole count, before the index is complete', async () => {
    // 1,200 papers: the real ten again and again, each copy saved later and under its own key.
    const base = arxivPapers();
    const many: SavedPaper[] = [];
    for (let i = 0; i < 1200; i++) {
      const paper = base[i % base.length] as SavedPaper;
      const savedAt = at(i).toISOString();
      many.push({ ...paper, key: `${paper.key}-${Math.floor(i / base.length)}`, savedAt, updatedAt: savedAt });
    }
    await store(many);
    open();
    const first = await search('');
    expect(first.total).toBe(1200);
    expect(first.keys.length).toBeGreaterThanOrEqual(FIRST_PAGE);
    const newest = many.map((paper) => paper.key).reverse();
    expect(first.keys).toEqual(newest.slice(0, first.keys.length));
    await served.loaded;
    const all = await search('');
    expect(all.keys).toEqual(newest);
    expect((await search('biruni')).keys).toHaveLength(120);
  });

  it('answers a plain query from its own read of the newest papers while the worker has not answered', async () => {
    const base = arxivPapers();
    const many = base.map((paper, i) => {
      const savedAt = at(i).toISOString();
      return { ...paper, savedAt, updatedAt: savedAt } as SavedPaper;
    });
    await store(many);
    // A worker still starting: its end of the channel answers nothing yet.
    const channel = new MessageChannel();
    ports = [channel.port1, channel.port2];
    const asked: unknown[] = [];
    channel.port2.addEventListener('message', (event) => asked.push(event.data));
    served = serveView(new MessageChannel().port1, { name });
    view = connectView(channel.port1, { name, early: true });
    channel.port1.start();
    channel.port2.start();
    const first = await search('');
    expect(first.total).toBe(base.length);
    expect(first.keys).toEqual(many.map((paper) => paper.key).reverse());
    // Words, filters and other orders are the index's to answer: they wait for the worker.
    let filtered = false;
    // (closing the view at the end rejects it)
    search('logic').then(
      () => {
        filtered = true;
      },
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(filtered).toBe(false);
    expect(asked).toHaveLength(2);
  });

  it('fails each query with a clear message when the library cannot be read', async () => {
    // A newer version than this code knows: opening fails with VersionError.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 99);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    open();
    await served.loaded;
    await expect(search('')).rejects.toThrow(/^The library could not be read: /);
    await expect(view.tags()).rejects.toThrow(/^The library could not be read: /);
  });
});
