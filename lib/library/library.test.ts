import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Found } from '../completion/types';
import { papersFromIdentifiers } from '../detect/address';
import { importText } from '../formats';
import { contentKeyOf } from '../paper/build';
import { type Paper, PaperSchema, type SavedPaper, SavedPaperSchema } from '../paper/model';
import { closeLibraryDb, openLibraryDb } from './db';
import { createLibrary, type InvalidRecord, type Library, LibraryError, RETRY_MS, toLibraryError } from './library';
import { at, freshName, makePaper } from './test-helpers';

const ARXIV = 'arxiv:2310.03646';
const DOI = 'doi:10.1000/tram.2023';

let name: string;
let library: Library;
let invalid: InvalidRecord[];

beforeEach(() => {
  name = freshName();
  invalid = [];
  library = createLibrary({ name, onInvalidRecord: (problem) => invalid.push(problem) });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeLibraryDb(name);
});

async function failureOf(promise: Promise<unknown>): Promise<LibraryError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LibraryError)) throw new Error(`expected a LibraryError, got ${String(error)}`);
  return error;
}

describe('savePaper', () => {
  it('saves a new paper as unread, stamped, with the page it was seen on', async () => {
    const paper = makePaper({
      key: ARXIV,
      ids: { arxiv: '2310.03646', arxivVersion: 2 },
      upvotes: 3,
      pageUrl: 'https://huggingface.co/papers',
      source: 'huggingface',
    });
    const { record, created } = await library.savePaper(paper, { now: at(1) });
    const expected: SavedPaper = {
      ...paper,
      status: 'unread',
      savedAt: '2025-01-01T12:01:00.000Z',
      updatedAt: '2025-01-01T12:01:00.000Z',
      seenOn: [{ url: 'https://huggingface.co/papers', source: 'huggingface', at: '2025-01-01T12:01:00.000Z' }],
    };
    expect(created).toBe(true);
    expect(record).toEqual(expected);
    // Read back without the stored `terms` field.
    expect(await library.getPaper(ARXIV)).toEqual(expected);
    expect(await library.countPapers()).toBe(1);
  });

  it('updates the record when the same paper is saved again: fresher counts win, gaps are filled', async () => {
    await library.savePaper(
      makePaper({
        key: ARXIV,
        ids: { arxiv: '2310.03646' },
        abstract: 'We study X.',
        upvotes: 3,
        pageUrl: 'https://a.example/1',
      }),
      { now: at(1) },
    );
    const { record, created } = await library.savePaper(
      makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, upvotes: 40, pageUrl: 'https://b.example/2' }),
      { now: at(2) },
    );
    expect(created).toBe(false);
    expect(record).toMatchObject({ key: ARXIV, upvotes: 40, abstract: 'We study X.' });
    expect(record.savedAt).toBe(at(1).toISOString());
    expect(record.updatedAt).toBe(at(2).toISOString());
    expect(record.seenOn?.map((seen) => seen.url)).toEqual(['https://b.example/2', 'https://a.example/1']);
    // The same page again is not a new sighting.
    const again = await library.savePaper(makePaper({ key: ARXIV, pageUrl: 'https://a.example/1' }), { now: at(3) });
    expect(again.record.seenOn).toEqual(record.seenOn);
    expect(await library.countPapers()).toBe(1);
  });

  it('merges a paper saved under another of its ids into the existing record, keeping what the user wrote', async () => {
    await library.savePaper(makePaper({ key: DOI, ids: { doi: '10.1000/tram.2023' }, venue: 'ICLR' }), { now: at(1) });
    await library.updatePaper(DOI, {
      status: 'reading',
      tags: ['optimisation'],
      note: 'Read section 3',
      starred: true,
    });
    const { record, created } = await library.savePaper(
      makePaper({ key: ARXIV, ids: { arxiv: '2310.03646', doi: '10.1000/tram.2023' }, upvotes: 12 }),
      { now: at(5) },
    );
    expect(created).toBe(false);
    expect(record).toMatchObject({
      key: DOI,
      ids: { arxiv: '2310.03646', doi: '10.1000/tram.2023' },
      venue: 'ICLR',
      upvotes: 12,
      status: 'reading',
      tags: ['optimisation'],
      note: 'Read section 3',
      starred: true,
      savedAt: at(1).toISOString(),
      updatedAt: at(5).toISOString(),
    });
    expect(await library.countPapers()).toBe(1);
    expect(await library.getPaper(ARXIV)).toBeUndefined();
    expect(await library.findSaved([ARXIV])).toEqual(new Map([[ARXIV, DOI]]));
  });

  it('merges an arXiv-keyed record when a later paper brings a DOI along with the same arXiv id', async () => {
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' } }), { now: at(1) });
    await library.updatePaper(ARXIV, { status: 'read' });
    const { record } = await library.savePaper(
      makePaper({ key: ARXIV, ids: { arxiv: '2310.03646', doi: '10.1000/tram.2023' }, source: 'generic-links' }),
      { now: at(2) },
    );
    expect(record).toMatchObject({ key: ARXIV, status: 'read', ids: { doi: '10.1000/tram.2023' } });
    expect(await library.findSaved([DOI])).toEqual(new Map([[DOI, ARXIV]]));
  });

  it('unifies two records of one paper, saved under different ids, into the oldest', async () => {
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' } }), { now: at(1) });
    await library.updatePaper(ARXIV, { tags: ['a'], status: 'reading' });
    await library.savePaper(makePaper({ key: DOI, ids: { doi: '10.1000/tram.2023' }, venue: 'ICLR' }), { now: at(2) });
    await library.updatePaper(DOI, { tags: ['b', 'a'], note: 'From the journal', status: 'read' });
    expect(await library.countPapers()).toBe(2);

    const { record, created } = await library.savePaper(
      makePaper({ key: ARXIV, ids: { arxiv: '2310.03646', doi: '10.1000/tram.2023' } }),
      { now: at(3) },
    );
    expect(created).toBe(false);
    expect(record).toMatchObject({
      key: ARXIV,
      venue: 'ICLR',
      tags: ['a', 'b'],
      note: 'From the journal',
      status: 'read',
      savedAt: at(1).toISOString(),
    });
    expect(await library.countPapers()).toBe(1);
    expect(await library.getPaper(DOI)).toBeUndefined();
    expect(await library.findSaved([DOI, ARXIV])).toEqual(
      new Map([
        [DOI, ARXIV],
        [ARXIV, ARXIV],
      ]),
    );
  });

  it('marks a paper known by its identifier alone as incomplete, until a page gives its title', async () => {
    const { papers } = papersFromIdentifiers('arXiv:2310.03646');
    const [bare] = await library.savePapers(papers);
    expect(bare?.record).toMatchObject({ key: ARXIV, title: 'arXiv:2310.03646', authors: [], incomplete: true });
    // Saved again from the same bare identifier: still incomplete.
    expect((await library.savePapers(papers))[0]?.record.incomplete).toBe(true);
    const page = makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, title: 'Think before you speak' });
    const whole = await library.savePaper(page);
    expect(whole.record.title).toBe('Think before you speak');
    expect(whole.record.incomplete).toBeUndefined();
  });

  it('loses nothing when two saves of one paper run at once', async () => {
    const base = makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' } });
    const results = await Promise.all([
      library.savePaper({ ...base, upvotes: 7 }, { now: at(1) }),
      library.savePaper({ ...base, codeUrl: 'https://github.com/example/tram' }, { now: at(1) }),
      createLibrary({ name }).savePaper({ ...base, stars: 99 }, { now: at(1) }),
    ]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await library.getPaper(ARXIV)).toMatchObject({
      upvotes: 7,
      codeUrl: 'https://github.com/example/tram',
      stars: 99,
    });
    expect(await library.countPapers()).toBe(1);
  });

  it('rejects a value that is not a paper with a readable error, and writes nothing', async () => {
    const failure = await failureOf(library.savePaper({ ...makePaper({ key: ARXIV }), title: '' }));
    expect(failure.code).toBe('invalid');
    expect(failure.message).toMatch(/^Not a valid paper: .*title/s);
    expect(await library.countPapers()).toBe(0);
  });

  it('caps the pages a paper was seen on at the 20 newest', async () => {
    for (let minute = 0; minute < 25; minute += 1) {
      await library.savePaper(makePaper({ key: ARXIV, pageUrl: `https://example.org/${minute}` }), { now: at(minute) });
    }
    const seenOn = (await library.getPaper(ARXIV))?.seenOn ?? [];
    expect(seenOn).toHaveLength(20);
    expect(seenOn[0]?.url).toBe('https://example.org/24');
    expect(seenOn[19]?.url).toBe('https://example.org/5');
  });
});

describe('savePapers', () => {
  it('stores the same records when told the papers are parsed already (the background)', async () => {
    const papers = [
      makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, abstract: '  spaced  ' }),
      makePaper({ key: DOI, ids: { doi: '10.1000/other' } }),
      makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, upvotes: 5 }),
    ];
    const otherName = freshName();
    const other = createLibrary({ name: otherName });
    await library.savePapers(papers, { now: at(1) });
    await other.savePapers(
      papers.map((paper) => PaperSchema.parse(paper)),
      { now: at(1), parsed: true },
    );
    expect(await other.allPapers()).toEqual(await library.allPapers());
    await closeLibraryDb(otherName);
  });

  it('saves a list in one transaction; a paper listed twice merges into the first', async () => {
    const results = await library.savePapers(
      [
        makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' } }),
        makePaper({ key: DOI, ids: { doi: '10.1000/other' } }),
        makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, upvotes: 5 }),
      ],
      { now: at(1) },
    );
    expect(results.map((result) => [result.record.key, result.created])).toEqual([
      [ARXIV, true],
      [DOI, true],
      [ARXIV, false],
    ]);
    expect(await library.countPapers()).toBe(2);
    expect((await library.getPaper(ARXIV))?.upvotes).toBe(5);
  });

  it('lets a later paper of the list find a record only an earlier one of the list linked to its id', async () => {
    // The DOI is known to be this paper only once the first entry (arXiv id and DOI) is merged in:
    // the third entry, DOI alone, must merge into that record, not become a second one.
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' } }), { now: at(1) });
    const results = await library.savePapers(
      [
        makePaper({ key: ARXIV, ids: { arxiv: '2310.03646', doi: '10.1000/tram.2023' } }),
        makePaper({ key: 'doi:10.1000/other', ids: { doi: '10.1000/other' } }),
        makePaper({ key: DOI, ids: { doi: '10.1000/tram.2023' }, upvotes: 7 }),
      ],
      { now: at(2) },
    );
    expect(results.map((result) => [result.record.key, result.created])).toEqual([
      [ARXIV, false],
      ['doi:10.1000/other', true],
      [ARXIV, false],
    ]);
    expect(await library.countPapers()).toBe(2);
    expect(await library.getPaper(ARXIV)).toMatchObject({ upvotes: 7, savedAt: at(1).toISOString() });
    expect(Object.fromEntries(await library.findSaved([DOI, ARXIV]))).toEqual({ [DOI]: ARXIV, [ARXIV]: ARXIV });
  });

  it('saves a list of any length in one call (2,500 papers, past the page message cap)', async () => {
    const papers = Array.from({ length: 2500 }, (_, i) =>
      makePaper({
        key: `arxiv:2401.${String(i).padStart(5, '0')}`,
        ids: { arxiv: `2401.${String(i).padStart(5, '0')}` },
      }),
    );
    const results = await library.savePapers(papers, { now: at(1) });
    expect(results.filter((result) => result.created)).toHaveLength(2500);
    expect(await library.countPapers()).toBe(2500);
    const found = await library.findSaved(papers.map((paper) => paper.key));
    expect(found.size).toBe(2500);
    expect(found.get('arxiv:2401.01234')).toBe('arxiv:2401.01234');
  });

  it('saves none of the list when one paper is invalid', async () => {
    const failure = await failureOf(
      library.savePapers([makePaper({ key: ARXIV }), { ...makePaper({ key: DOI }), key: 'nonsense' }]),
    );
    expect(failure.code).toBe('invalid');
    expect(await library.countPapers()).toBe(0);
  });

  it('saves none of the list when the store refuses a record after others were put', async () => {
    // Puts are placed without waiting for each: the refusal must still undo those before it.
    const unstorable = { ...makePaper({ key: DOI, ids: { doi: '10.1000/tram.2023' } }), abstract: () => 'not data' };
    await expect(
      library.savePapers([makePaper({ key: ARXIV }), unstorable as unknown as Paper], { now: at(1), parsed: true }),
    ).rejects.toThrow();
    expect(await library.countPapers()).toBe(0);
  });
});

describe('removePaper and restorePaper', () => {
  it('removes a record and puts back the identical record on undo', async () => {
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, pageUrl: 'https://a.example/' }), {
      now: at(1),
    });
    const edited = await library.updatePaper(ARXIV, { tags: ['x'], note: 'n', starred: true }, { now: at(2) });
    const removed = await library.removePaper(ARXIV);
    expect(removed).toEqual(edited);
    expect(await library.getPaper(ARXIV)).toBeUndefined();
    expect(await library.findSaved([ARXIV])).toEqual(new Map());
    if (!removed) throw new Error('nothing removed');

    expect(await library.restorePaper(removed)).toEqual(removed);
    expect(await library.getPaper(ARXIV)).toEqual(removed);
    expect(await library.findSaved([ARXIV])).toEqual(new Map([[ARXIV, ARXIV]]));
  });

  it('returns undefined when there is nothing to remove', async () => {
    expect(await library.removePaper(ARXIV)).toBeUndefined();
  });

  it('keeps both when the paper was saved again before the undo', async () => {
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' } }), { now: at(1) });
    await library.updatePaper(ARXIV, { note: 'mine' });
    const removed = await library.removePaper(ARXIV);
    if (!removed) throw new Error('nothing removed');
    await library.savePaper(makePaper({ key: DOI, ids: { arxiv: '2310.03646', doi: '10.1000/tram.2023' } }), {
      now: at(3),
    });
    const restored = await library.restorePaper(removed, { now: at(4) });
    expect(restored).toMatchObject({
      key: ARXIV,
      note: 'mine',
      savedAt: at(1).toISOString(),
      ids: { doi: '10.1000/tram.2023' },
    });
    expect(await library.countPapers()).toBe(1);
  });
});

describe('updatePaper', () => {
  it('changes status, tags, note and star, and empty values remove the fields', async () => {
    await library.savePaper(makePaper({ key: ARXIV }), { now: at(1) });
    const updated = await library.updatePaper(
      ARXIV,
      {
        status: 'reading',
        tags: ['  machine   learning ', 'machine learning', ''],
        note: ' Check the proofs \n',
        starred: true,
      },
      { now: at(2) },
    );
    expect(updated).toMatchObject({
      status: 'reading',
      tags: ['machine learning'],
      note: 'Check the proofs',
      starred: true,
      updatedAt: at(2).toISOString(),
      savedAt: at(1).toISOString(),
    });
    const cleared = await library.updatePaper(ARXIV, { tags: [], note: '  ', starred: false }, { now: at(3) });
    expect(cleared).not.toHaveProperty('tags');
    expect(cleared).not.toHaveProperty('note');
    expect(cleared).not.toHaveProperty('starred');
    expect(cleared?.status).toBe('reading');
    expect(await library.getPaper(ARXIV)).toEqual(cleared);
  });

  it('returns undefined for an unknown key and rejects an invalid patch', async () => {
    expect(await library.updatePaper(ARXIV, { status: 'read' })).toBeUndefined();
    await library.savePaper(makePaper({ key: ARXIV }));
    // @ts-expect-error: 'done' is not a status; values from messages can still be anything.
    const failure = await failureOf(library.updatePaper(ARXIV, { status: 'done' }));
    expect(failure.code).toBe('invalid');
    expect((await library.getPaper(ARXIV))?.status).toBe('unread');
  });
});

describe('reading', () => {
  it('lists newest first by savedAt, a page at a time', async () => {
    for (const [minute, id] of [
      [3, '2401.00003'],
      [1, '2401.00001'],
      [5, '2401.00005'],
      [2, '2401.00002'],
      [4, '2401.00004'],
    ] as const) {
      await library.savePaper(makePaper({ key: `arxiv:${id}`, ids: { arxiv: id } }), { now: at(minute) });
    }
    // Saving again updates but does not move a paper up: the list is by savedAt.
    await library.savePaper(makePaper({ key: 'arxiv:2401.00001', upvotes: 1 }), { now: at(9) });
    const keys = (papers: SavedPaper[]) => papers.map((paper) => paper.key.slice(-1));
    expect(keys(await library.listPapers())).toEqual(['5', '4', '3', '2', '1']);
    expect(keys(await library.listPapers({ limit: 2 }))).toEqual(['5', '4']);
    expect(keys(await library.listPapers({ limit: 2, offset: 2 }))).toEqual(['3', '2']);
    expect(keys(await library.listPapers({ offset: 4 }))).toEqual(['1']);
    expect(await library.listPapers({ limit: 0 })).toEqual([]);
    expect(keys(await library.allPapers())).toEqual(['5', '4', '3', '2', '1']);
  });

  it('finds saved papers by any of their ids', async () => {
    await library.savePaper(
      makePaper({
        key: ARXIV,
        ids: { arxiv: '2310.03646', doi: '10.1000/tram.2023', pmcid: 'PMC123', dblp: 'conf/iclr/X23' },
      }),
    );
    const found = await library.findSaved([
      'doi:10.1000/tram.2023',
      'pmcid:PMC123',
      'dblp:conf/iclr/X23',
      'arxiv:9999.99999',
    ]);
    expect(found).toEqual(
      new Map([
        ['doi:10.1000/tram.2023', ARXIV],
        ['pmcid:PMC123', ARXIV],
        ['dblp:conf/iclr/X23', ARXIV],
      ]),
    );
  });

  it('skips and reports a corrupt record instead of failing', async () => {
    await library.savePaper(makePaper({ key: ARXIV }), { now: at(1) });
    const db = await openLibraryDb(name);
    await db.put('papers', {
      key: 'arxiv:2401.99999',
      title: 42,
      savedAt: at(2).toISOString(),
      terms: ['arxiv:2401.99999', DOI],
    });
    expect((await library.listPapers()).map((paper) => paper.key)).toEqual([ARXIV]);
    expect((await library.allPapers()).map((paper) => paper.key)).toEqual([ARXIV]);
    expect(await library.getPaper('arxiv:2401.99999')).toBeUndefined();
    expect(await library.findSaved([DOI])).toEqual(new Map());
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.every((problem) => problem.key === 'arxiv:2401.99999')).toBe(true);
    expect(invalid[0]?.message).toMatch(/title/);
    // A save of that paper writes a good record over the unreadable one.
    const { created, record } = await library.savePaper(makePaper({ key: 'arxiv:2401.99999' }), { now: at(3) });
    expect(created).toBe(true);
    expect(await library.getPaper('arxiv:2401.99999')).toEqual(record);
  });
});

describe('merging by address', () => {
  const page = 'url:https://repository.example.org/handle/123';
  it('keeps two works that share an address apart unless their titles agree', async () => {
    const first = makePaper({
      key: page,
      url: 'https://repository.example.org/handle/123',
      title: 'Chapter 1: Origins',
    });
    await library.savePaper(first, { now: at(1) });
    const second = await library.savePaper({ ...first, title: 'Chapter 2: Methods' }, { now: at(2) });
    expect(second.created).toBe(true);
    expect(second.record.key).toBe(contentKeyOf({ ...first, title: 'Chapter 2: Methods' }));
    expect(second.record.key).toMatch(/^ref:[0-9a-f]{16}$/);
    // The same title in other case, punctuation and TeX is the same work.
    const again = await library.savePaper({ ...first, title: 'chapter 1 -- {O}rigins' }, { now: at(3) });
    expect(again).toMatchObject({ created: false, record: { key: page, title: 'chapter 1 -- {O}rigins' } });
    // Saving chapter 2 again finds it under its content key.
    expect((await library.savePaper({ ...first, title: 'Chapter 2: Methods' }, { now: at(4) })).created).toBe(false);
    expect(await library.countPapers()).toBe(2);
  });
});

describe('importing a file twice', () => {
  it('merges entries without an identifier by their content key instead of adding them again', async () => {
    const bib = [
      '@book{knuth84, title = {The {TeX}book}, author = {Knuth, Donald E.}, year = 1984, publisher = {Addison-Wesley}}',
      '@phdthesis{doe19, title = {A Thesis}, author = {Doe, Jane}, school = {MIT}, year = 2019}',
    ].join('\n');
    const first = await library.importRecords(importText(bib, 'a.bib', { now: at(1) }).papers);
    const second = await library.importRecords(importText(bib, 'a.bib', { now: at(2) }).papers);
    expect(first).toEqual({ added: 2, merged: 0 });
    expect(second).toEqual({ added: 0, merged: 2 });
    expect((await library.allPapers()).map((paper) => paper.key).every((key) => key.startsWith('ref:'))).toBe(true);
  });
});

describe('importRecords', () => {
  const stored = (key: string, fields: Partial<SavedPaper> = {}): SavedPaper => ({
    ...makePaper({ key }),
    status: 'unread',
    savedAt: at(0).toISOString(),
    updatedAt: at(0).toISOString(),
    ...fields,
  });

  it('adds new records and merges ones the library already has', async () => {
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, upvotes: 9 }), { now: at(5) });
    const summary = await library.importRecords(
      [
        stored(DOI, {
          ids: { doi: '10.1000/tram.2023', arxiv: '2310.03646' },
          status: 'read',
          tags: ['t'],
          upvotes: 1,
        }),
        stored('arxiv:2401.00001', { savedAt: '2024-06-01T10:00:00Z' }),
      ],
      { now: at(6) },
    );
    expect(summary).toEqual({ added: 1, merged: 1 });
    expect(await library.getPaper(ARXIV)).toMatchObject({
      status: 'read',
      tags: ['t'],
      upvotes: 9,
      ids: { doi: '10.1000/tram.2023' },
      savedAt: at(0).toISOString(),
    });
    // Dates are stored in one form so that the savedAt index orders them.
    expect((await library.getPaper('arxiv:2401.00001'))?.savedAt).toBe('2024-06-01T10:00:00.000Z');
    expect(await library.countPapers()).toBe(2);
  });

  it('stores the same records when told the records are parsed already (an import file, a backup)', async () => {
    const records = [
      stored(DOI, { ids: { doi: '10.1000/tram.2023', arxiv: '2310.03646' }, status: 'read', tags: ['t'] }),
      stored('arxiv:2401.00001', { savedAt: '2024-06-01T10:00:00Z', abstract: '  spaced  ' }),
      stored('arxiv:2401.00002', { savedAt: '2024-06-02T10:00:00.000Z' }),
    ];
    const otherName = freshName();
    const other = createLibrary({ name: otherName });
    for (const target of [library, other]) {
      await target.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, upvotes: 9 }), { now: at(5) });
    }
    expect(await library.importRecords(records, { now: at(6) })).toEqual({ added: 2, merged: 1 });
    const parsed = records.map((record) => SavedPaperSchema.parse(record));
    expect(await other.importRecords(parsed, { now: at(6), parsed: true })).toEqual({ added: 2, merged: 1 });
    expect(await other.allPapers()).toEqual(await library.allPapers());
    // The caller's records are stored, never changed in its hands.
    expect(parsed.map((record) => record.savedAt)).toEqual([
      at(0).toISOString(),
      '2024-06-01T10:00:00Z',
      '2024-06-02T10:00:00.000Z',
    ]);
    await closeLibraryDb(otherName);
  });

  it('imports nothing when one record is invalid, and says which', async () => {
    const bad = { ...stored(DOI), status: 'later' } as unknown as SavedPaper;
    const failure = await failureOf(library.importRecords([stored(ARXIV), bad]));
    expect(failure.code).toBe('invalid');
    expect(failure.message).toMatch(/record 2 \(doi:10\.1000\/tram\.2023\)/);
    expect(await library.countPapers()).toBe(0);
  });

  it('rolls back every record when storage fills up half-way, with a readable error', async () => {
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      calls += 1;
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const failure = await failureOf(library.importRecords([stored(ARXIV), stored(DOI)]));
    expect(failure.code).toBe('quota');
    expect(failure.message).toMatch(/^Storage is full: /);
    vi.restoreAllMocks();
    expect(await library.countPapers()).toBe(0);
  });
});

describe('toLibraryError', () => {
  it('names a full disk, a missing database and anything else in words', () => {
    expect(toLibraryError(new DOMException('x', 'QuotaExceededError'))).toMatchObject({ code: 'quota' });
    expect(toLibraryError(new DOMException('x', 'UnknownError'))).toMatchObject({ code: 'unavailable' });
    const other = toLibraryError(new TypeError('boom'));
    expect(other).toMatchObject({ code: 'failed', message: expect.stringContaining('boom') });
    expect(other.cause).toBeInstanceOf(TypeError);
  });
});

describe('completion queue', () => {
  // What arXiv's API says of 2310.03646 (its abs page lists these five authors).
  const FULL = ['Guangxuan Xiao', 'Yuandong Tian', 'Beidi Chen', 'Song Han', 'Mike Lewis'];
  const found = (key: string): Found => ({
    key,
    service: 'arxiv',
    title: 'Efficient Streaming Language Models with Attention Sinks',
    fields: { authors: FULL, abstract: 'Deploying Large Language Models (LLMs) in streaming applications…' },
  });

  it('queued again, a paper keeps when it first joined the queue, read key by key or the queue whole', async () => {
    const keys = Array.from({ length: 10 }, (_, at) => `doi:10.1000/queued.${at}`);
    await library.savePapers(
      keys.map((key) => makePaper({ key, ids: { doi: key.slice(4) } })),
      { now: at(0) },
    );
    expect(await library.queueCompletion(keys, { now: at(1) })).toBe(10);
    // One key against a queue of ten: asked for by itself.
    await library.queueCompletion([keys[3] as string], { now: at(2) });
    // Every key again, and one new: the queue read whole.
    await library.queueCompletion([...keys, ARXIV], { now: at(3) });
    const due = await library.dueForCompletion(100, { now: at(3) });
    const queuedAt = new Map(due.entries.map((entry) => [entry.key, entry.queuedAt]));
    for (const key of keys) expect(queuedAt.get(key)).toBe(at(1).toISOString());
    expect(queuedAt.get(ARXIV)).toBe(at(3).toISOString());
    expect(due.entries.every((entry) => entry.after === at(3).toISOString() && entry.tries === 0)).toBe(true);
  });

  it('hands out what is due, commits findings into the record as it is then, and moves the queue on', async () => {
    // A Hugging Face card: "Guangxuan Xiao" and "5 authors".
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, authorCount: 5 }), { now: at(0) });
    await library.savePaper(makePaper({ key: DOI, title: 'Tram', ids: { doi: '10.1000/tram.2023' } }), { now: at(0) });
    expect(await library.queueCompletion([ARXIV, DOI, ARXIV], { now: at(1) })).toBe(2);
    expect(await library.countQueued()).toBe(2);
    const due = await library.dueForCompletion(10, { now: at(1) });
    expect(due.entries.map((entry) => [entry.key, entry.tries])).toEqual([
      [ARXIV, 0],
      [DOI, 0],
    ]);
    expect(due.papers.map((paper) => paper.key).sort()).toEqual([ARXIV, DOI]);
    // The user tags the paper while the services are asked: the tag stays.
    await library.updatePaper(ARXIV, { tags: ['streaming'] }, { now: at(2) });
    const { merged, removed } = await library.settleCompletion(
      { found: new Map([[ARXIV, [found(ARXIV)]]]), done: [ARXIV], retry: [DOI] },
      { now: at(3) },
    );
    expect(merged.map((one) => one.filled)).toEqual([['authors', 'abstract']]);
    expect(removed).toEqual([]);
    const record = await library.getPaper(ARXIV);
    expect(record?.authors).toEqual(FULL);
    expect(record?.tags).toEqual(['streaming']);
    expect(record?.completion?.fields.authors).toEqual({ service: 'arxiv', at: at(3).toISOString() });
    // The DOI waits RETRY_MS[0], then its tries run out one by one and it leaves the queue.
    expect((await library.dueForCompletion(10, { now: at(3) })).entries).toEqual([]);
    const later = await library.dueForCompletion(10, { now: at(3) });
    expect(later.next).toBe(new Date(at(3).getTime() + RETRY_MS[0]).toISOString());
    for (let i = 1; i <= RETRY_MS.length; i++) {
      await library.settleCompletion({ found: new Map(), done: [], retry: [DOI] }, { now: at(3) });
    }
    expect(await library.countQueued()).toBe(0);
  });

  it('makes one record of a paper and the version saved apart once completion finds the identifier they share', async () => {
    // The preprint saved from a listing, and its published version saved earlier from a journal page.
    const journal = await library.savePaper(
      makePaper({ key: DOI, ids: { doi: '10.1000/tram.2023' }, venue: 'Journal of Trams', source: 'highwire' }),
      { now: at(0) },
    );
    await library.updatePaper(DOI, { tags: ['methods'] }, { now: at(1) });
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' } }), { now: at(2) });
    await library.updatePaper(ARXIV, { status: 'read' }, { now: at(3) });
    const finding: Found = { ...found(ARXIV), ids: { doi: '10.1000/tram.2023' } };
    const { merged, removed } = await library.settleCompletion(
      { found: new Map([[ARXIV, [finding]]]), done: [ARXIV], retry: [] },
      { now: at(4) },
    );
    // The older record's key stays; the preprint's record is part of it now, nothing of either lost.
    expect(removed).toEqual([ARXIV]);
    expect(merged[0]?.paper.key).toBe(journal.record.key);
    expect(await library.countPapers()).toBe(1);
    const one = await library.getPaper(DOI);
    expect(one?.ids).toMatchObject({ arxiv: '2310.03646', doi: '10.1000/tram.2023' });
    expect(one?.authors).toEqual(FULL);
    expect(one?.tags).toEqual(['methods']);
    expect(one?.status).toBe('read');
    expect(one?.completion?.fields['ids.doi']?.service).toBe('arxiv');
  });

  it('keeps completed fields when the page saves the paper again, and Undo gives back what the page showed', async () => {
    await library.savePaper(makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, authorCount: 5 }), { now: at(0) });
    await library.queueCompletion([ARXIV], { now: at(1) });
    await library.settleCompletion(
      { found: new Map([[ARXIV, [found(ARXIV)]]]), done: [ARXIV], retry: [] },
      { now: at(2) },
    );
    // The card is saved again from the listing: its one author does not replace the five.
    const again = await library.savePaper(
      makePaper({ key: ARXIV, ids: { arxiv: '2310.03646' }, authorCount: 5, upvotes: 40 }),
      { now: at(3) },
    );
    expect(again.record.authors).toEqual(FULL);
    expect(again.record.upvotes).toBe(40);
    expect(again.record.completion?.fields.abstract?.service).toBe('arxiv');
    const undone = await library.undoCompletion(ARXIV, { now: at(4) });
    expect(undone?.authors).toEqual(['Guangxuan Xiao']);
    expect(undone?.abstract).toBeUndefined();
    expect(undone?.completion).toBeUndefined();
    expect(undone?.upvotes).toBe(40);
    expect(await library.countQueued()).toBe(0);
  });
});
