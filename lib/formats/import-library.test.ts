// Import as the side panel does it, into a library in fake-indexeddb: importText, then
// importRecords. A file that is not readable input, or records that are not valid, leave the
// library exactly as it was; a paper already saved is merged, the user's tags and note kept.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLibraryDb } from '../library/db';
import { createLibrary, type Library, LibraryError } from '../library/library';
import { at, freshName, makePaper } from '../library/test-helpers';
import type { SavedPaper } from '../paper/model';
import { FormatError } from './errors';
import { exportPapers, importText } from './index';
import { ATTENTION, GOLDEN_LIBRARY } from './test-data';

let name: string;
let library: Library;

beforeEach(async () => {
  name = freshName();
  library = createLibrary({ name, onInvalidRecord: () => {} });
  await library.savePaper(makePaper({ key: ATTENTION.key, ids: { arxiv: '1706.03762' }, title: ATTENTION.title }), {
    now: at(1),
  });
  await library.updatePaper(ATTENTION.key, { tags: ['mine'], note: 'my note', status: 'reading' }, { now: at(2) });
  await library.savePaper(makePaper({ key: 'doi:10.1000/kept', ids: { doi: '10.1000/kept' } }), { now: at(3) });
});
afterEach(async () => {
  await closeLibraryDb(name);
});

async function snapshot(): Promise<SavedPaper[]> {
  return library.allPapers();
}

describe('importing into the library', () => {
  it('leaves the library exactly as it was when one record of a file is invalid', async () => {
    const before = await snapshot();
    const { papers } = importText(exportPapers(GOLDEN_LIBRARY, 'ris'), 'library.ris', { now: at(10) });
    expect(papers.length).toBe(GOLDEN_LIBRARY.length);
    const tampered = [...papers, { ...papers[0], key: 'doi:10.1/bad', status: 'later' } as unknown as SavedPaper];
    const failure = await library.importRecords(tampered, { now: at(11) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(LibraryError);
    expect((failure as LibraryError).message).toMatch(/^Nothing was imported: record 12 \(doi:10\.1\/bad\)/);
    expect(await snapshot()).toEqual(before);
  });

  it('never reaches the library with a file that is not readable input', async () => {
    const before = await snapshot();
    const cut = exportPapers(GOLDEN_LIBRARY, 'json').slice(0, 500);
    expect(() => importText(cut, 'backup.json')).toThrow(FormatError);
    expect(await snapshot()).toEqual(before);
  });

  it('adds new papers and merges one already saved, keeping its tags, note and status', async () => {
    const bib = exportPapers(GOLDEN_LIBRARY.slice(0, 3), 'bibtex');
    const read = importText(bib, 'refs.bib', { now: at(20) });
    expect(read.errors).toEqual([]);
    const summary = await library.importRecords(read.papers, { now: at(21) });
    expect(summary).toEqual({ added: 2, merged: 1 });
    expect(await library.countPapers()).toBe(4);
    expect(await library.getPaper(ATTENTION.key)).toMatchObject({
      tags: ['mine'],
      note: 'my note',
      status: 'reading',
      authors: ['Guangxuan Xiao'],
      keywords: ATTENTION.keywords,
    });
    // The same file again adds nothing.
    expect(await library.importRecords(importText(bib, 'refs.bib', { now: at(22) }).papers, { now: at(23) })).toEqual({
      added: 0,
      merged: 3,
    });
    expect(await library.countPapers()).toBe(4);
  });
});
