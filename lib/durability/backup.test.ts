import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../formats/backup';
import { closeLibraryDb, DB_VERSION } from '../library/db';
import { createLibrary } from '../library/library';
import { at, freshName, openRaw, putRaw } from '../library/test-helpers';
import { idTerms } from '../paper/ids';
import type { Paper } from '../paper/model';
import { findBackupGap, readNewestBackup, restoreGap, writeBackup } from './backup';
import { fromBase64, gunzipText, gzipPieces, toBase64 } from './compress';
import type { BackupPlace, KeptBackup } from './places';
import { judgeStorage, WARN_FREE_BYTES } from './storage-health';

// Real papers: what the Hugging Face reader finds on the saved daily listing (checked by hand there).
const listing = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../tests/fixtures/huggingface/daily-listing/expected.json'), 'utf8'),
) as { papers: Paper[] };
const papers = listing.papers;

function memoryPlace(id: BackupPlace['id'] = 'storage-local'): BackupPlace & { kept?: KeptBackup } {
  const place: BackupPlace & { kept?: KeptBackup } = {
    id,
    async write(backup) {
      place.kept = { meta: backup.meta, gzip: backup.gzip.slice() };
    },
    async read() {
      return place.kept;
    },
  };
  return place;
}

function failingPlace(id: BackupPlace['id']): BackupPlace {
  return {
    id,
    write: async () => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    },
    read: async () => undefined,
  };
}

async function deleteDatabase(name: string): Promise<void> {
  await closeLibraryDb(name);
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('compression', () => {
  it('gzips and gunzips text with non-Latin characters, and base64 round-trips the bytes', async () => {
    const text = `${papers.map((paper) => paper.title).join('\n')}\nDäs Ünïcödé 中文 🙂`;
    const gzip = await gzipPieces([text]);
    expect([gzip[0], gzip[1]]).toEqual([0x1f, 0x8b]); // the gzip magic number
    expect(await gunzipText(fromBase64(toBase64(gzip)))).toBe(text);
  });

  it('refuses bytes that are not gzip', async () => {
    await expect(gunzipText(new TextEncoder().encode('{"format":"papershelf"}'))).rejects.toThrow();
  });
});

describe('the rolling backup', () => {
  it('holds every saved record, exactly, in the JSON backup format', async () => {
    const name = freshName();
    const library = createLibrary({ name });
    await library.savePapers(papers, { now: at(1) });
    await library.updatePaper(
      papers[0]?.key as string,
      { status: 'read', tags: ['llm'], note: 'read §3' },
      { now: at(2) },
    );
    const place = memoryPlace();
    const result = await writeBackup(new Set(), { name, places: [place], now: () => at(3) });
    expect(result).toMatchObject({
      written: ['storage-local'],
      failed: [],
      meta: { count: papers.length, readAt: at(3).toISOString() },
    });
    expect(result.meta.bytes).toBe(place.kept?.gzip.length);
    const text = await gunzipText(place.kept?.gzip as Uint8Array);
    expect(JSON.parse(text).format).toBe('papershelf');
    const stored = (await library.allPapers()).sort((a, b) => a.key.localeCompare(b.key));
    const backedUp = parseBackup(text).papers.sort((a, b) => a.key.localeCompare(b.key));
    expect(backedUp).toEqual(stored);
    expect(backedUp.find((paper) => paper.key === papers[0]?.key)).toMatchObject({
      status: 'read',
      tags: ['llm'],
      note: 'read §3',
    });
  });

  it('restores a deleted database exactly from the backup: status, tags, notes and dates', async () => {
    const name = freshName();
    const library = createLibrary({ name });
    await library.savePapers(papers, { now: at(1) });
    await library.updatePaper(
      papers[1]?.key as string,
      { status: 'reading', tags: ['to-cite'], starred: true },
      { now: at(5) },
    );
    const before = (await library.allPapers()).sort((a, b) => a.key.localeCompare(b.key));
    const place = memoryPlace();
    await writeBackup(new Set(), { name, places: [place] });

    await deleteDatabase(name);
    expect(await createLibrary({ name }).countPapers()).toBe(0);
    const gap = await findBackupGap({ name, places: [place] });
    expect(gap?.missing.length).toBe(papers.length);
    expect(gap?.newer).toEqual([]);
    expect(await restoreGap(gap as NonNullable<typeof gap>, { name })).toEqual({ exact: papers.length, merged: 0 });
    const after = (await createLibrary({ name }).allPapers()).sort((a, b) => a.key.localeCompare(b.key));
    expect(after).toEqual(before);
    expect(await findBackupGap({ name, places: [place] })).toBeUndefined();
  });

  it('quick: compares only a database shorter than the backup, and finds what it lacks', async () => {
    const name = freshName();
    const library = createLibrary({ name });
    await library.savePapers(papers, { now: at(1) });
    const place = memoryPlace();
    await writeBackup(new Set(), { name, places: [place] });
    const key = papers[0]?.key as string;
    await library.updatePaper(key, { note: 'newer in the database' }, { now: at(4) });
    expect(await findBackupGap({ name, places: [place], quick: true })).toBeUndefined();
    await library.removePaper(key);
    const gap = await findBackupGap({ name, places: [place], quick: true });
    expect(gap?.missing.map((paper) => paper.key)).toEqual([key]);
  });

  it('offers nothing when the database holds everything the backup does', async () => {
    const name = freshName();
    await createLibrary({ name }).savePapers(papers);
    const place = memoryPlace();
    await writeBackup(new Set(), { name, places: [place] });
    expect(await findBackupGap({ name, places: [place] })).toBeUndefined();
    expect(await findBackupGap({ name, places: [memoryPlace()] })).toBeUndefined();
  });

  it('keeps a paper the database lost when the next backup is written, but not one this context saw removed', async () => {
    const name = freshName();
    const library = createLibrary({ name });
    await library.savePapers(papers);
    const place = memoryPlace();
    await writeBackup(new Set(), { name, places: [place] });
    const [lost, removed] = papers as [Paper, Paper];
    // The user removes one (a change this context saw); the other vanishes without a change, as
    // when Chromium drops a commit or a database.
    await library.removePaper(removed.key);
    const db = await indexedDB.open(name);
    await new Promise((resolve) => {
      db.onsuccess = resolve;
    });
    await new Promise<void>((resolve) => {
      const tx = db.result.transaction('papers', 'readwrite');
      tx.objectStore('papers').delete(lost.key);
      tx.oncomplete = () => resolve();
    });
    db.result.close();

    const result = await writeBackup(new Set([removed.key]), { name, places: [place] });
    expect(result.meta.count).toBe(papers.length - 1);
    const gap = await findBackupGap({ name, places: [place] });
    expect(gap?.missing.map((paper) => paper.key)).toEqual([lost.key]);
  });

  it('keeps the newer version of a record whose update the database lost, and restores it', async () => {
    const name = freshName();
    const library = createLibrary({ name });
    await library.savePapers(papers, { now: at(1) });
    const key = papers[2]?.key as string;
    const old = await library.getPaper(key);
    await library.updatePaper(key, { note: 'the acknowledged note' }, { now: at(9) });
    const place = memoryPlace();
    await writeBackup(new Set([key]), { name, places: [place] });
    // The database goes back to the record before the note, as after a lost commit.
    const raw = await openRaw(name, DB_VERSION);
    await putRaw(raw, [{ ...old, terms: idTerms(old as Paper) }]);
    raw.close();

    await writeBackup(new Set(), { name, places: [place] });
    const gap = await findBackupGap({ name, places: [place] });
    expect(gap?.missing).toEqual([]);
    expect(gap?.newer.map((paper) => [paper.key, paper.note])).toEqual([[key, 'the acknowledged note']]);
    await restoreGap(gap as NonNullable<typeof gap>, { name });
    expect((await library.getPaper(key))?.note).toBe('the acknowledged note');
  });

  it('writes to the places it can and says which failed; throws only when none could be written', async () => {
    const name = freshName();
    await createLibrary({ name }).savePapers(papers);
    const good = memoryPlace('storage-local');
    const result = await writeBackup(new Set(), { name, places: [good, failingPlace('opfs')] });
    expect(result.written).toEqual(['storage-local']);
    expect(result.failed).toEqual([{ place: 'opfs', message: expect.stringContaining('QuotaExceededError') }]);
    await expect(writeBackup(new Set(), { name, places: [failingPlace('opfs')] })).rejects.toThrow(
      /could not be written/,
    );
  });

  it('gives up a backup whose signal is aborted part-way, writing nothing, and leaves the previous one', async () => {
    const name = freshName();
    // Enough papers for several pieces: the abort lands between two of them.
    const many = Array.from({ length: 1200 }, (_, at) => {
      const { ids: _ids, ...real } = papers[at % papers.length] as Paper;
      return { ...real, key: `url:https://example.org/${at}`, url: `https://example.org/${at}` };
    });
    await createLibrary({ name }).savePapers(many);
    const place = memoryPlace();
    const first = await writeBackup(new Set(), { name, places: [place] });
    expect(first.meta.count).toBe(1200);
    const controller = new AbortController();
    let pieces = 0;
    const counting: BackupPlace = {
      ...place,
      read: async () => {
        // previousPapers reads the places once the library is read: abort after two more pauses.
        setTimeout(() => setTimeout(() => controller.abort(new Error('a write came')), 0), 0);
        pieces += 1;
        return place.kept;
      },
      write: async () => {
        throw new Error('an aborted backup must not write');
      },
    };
    await expect(writeBackup(new Set(), { name, places: [counting], signal: controller.signal })).rejects.toThrow(
      'a write came',
    );
    expect(pieces).toBe(1);
    expect(place.kept?.meta).toEqual(first.meta);
    // Aborted before it starts: the library is not even read.
    await expect(writeBackup(new Set(), { name, places: [place], signal: AbortSignal.abort() })).rejects.toThrow();
    expect(place.kept?.meta).toEqual(first.meta);
  });

  it('reads the newest backup that opens, skipping a damaged one', async () => {
    const name = freshName();
    await createLibrary({ name }).savePapers(papers.slice(0, 2));
    const older = memoryPlace('storage-local');
    await writeBackup(new Set(), { name, places: [older], now: () => at(1) });
    const damaged = memoryPlace('opfs');
    damaged.kept = {
      meta: { layout: 1, readAt: at(2).toISOString(), count: 9, bytes: 4 },
      gzip: new Uint8Array([1, 2, 3, 4]),
    };
    const opened = await readNewestBackup([older, damaged]);
    expect(opened?.place).toBe('storage-local');
    expect(opened?.papers.length).toBe(2);
  });
});

describe('the storage warning', () => {
  it('warns at 80% of the quota, or with less than 200 MB left, and not otherwise', () => {
    const gib = 1024 ** 3;
    expect(judgeStorage({ usage: 0.5 * gib, quota: 10 * gib })?.low).toBe(false);
    expect(judgeStorage({ usage: 8 * gib, quota: 10 * gib })?.low).toBe(true);
    expect(judgeStorage({ usage: 10, quota: 10 + WARN_FREE_BYTES - 1 })?.low).toBe(true);
    expect(judgeStorage({ usage: 10, quota: 10 + WARN_FREE_BYTES })?.low).toBe(false);
    expect(judgeStorage({})).toBeUndefined();
    expect(judgeStorage({ usage: 0, quota: 0 })).toBeUndefined();
  });
});

describe('docs/CONTRACT.md', () => {
  it('names both places of the backup', async () => {
    const { BACKUP_FILE, BACKUP_STORAGE_KEY } = await import('./places');
    const contract = readFileSync(join(import.meta.dirname, '../../docs/CONTRACT.md'), 'utf8');
    expect(contract).toContain(`**\`${BACKUP_STORAGE_KEY}\`**`);
    expect(contract).toContain(`**\`${BACKUP_FILE}\`**`);
  });
});

describe('restoring into a library that saved the paper again since', () => {
  it('merges a backup record into the paper saved again under another id, keeping what the user wrote', async () => {
    const name = freshName();
    const library = createLibrary({ name });
    const paper = papers[0] as Paper;
    await library.savePaper(paper, { now: at(1) });
    await library.updatePaper(paper.key, { tags: ['from-backup'], note: 'kept' }, { now: at(2) });
    const place = memoryPlace();
    await writeBackup(new Set(), { name, places: [place] });
    await deleteDatabase(name);
    // Saved again after the loss, keyed by its DOI this time: the same paper by its ids.
    const doi = '10.48550/arxiv.2609.31620';
    const again = { ...paper, key: `doi:${doi}`, ids: { ...paper.ids, doi } };
    await createLibrary({ name }).savePaper(again, { now: at(3) });
    const gap = await findBackupGap({ name, places: [place] });
    expect(gap?.missing.map((record) => record.key)).toEqual([paper.key]);
    expect(await restoreGap(gap as NonNullable<typeof gap>, { name })).toEqual({ exact: 0, merged: 1 });
    const all = await createLibrary({ name }).allPapers();
    expect(all.length).toBe(1);
    expect(all[0]).toMatchObject({ tags: ['from-backup'], note: 'kept' });
  });
});
