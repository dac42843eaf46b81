// The side panel's export/import worker, run here on the real arXiv listing's papers
// (fake-indexeddb): the file it hands back is what lib/formats writes for the same papers in the
// panel's order, a backup comes back in whole, and a bad file changes nothing.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipPieces } from '../durability/compress';
import { exportPapers, MAX_UNPACKED_BYTES } from '../formats';
import { toBackup } from '../formats/backup';
import { closeLibraryDb } from '../library/db';
import { createLibrary, type Library } from '../library/library';
import { freshName } from '../library/test-helpers';
import type { Paper } from '../paper/model';
import { runTransfer, type TransferReply } from './work';

const listing = JSON.parse(
  readFileSync(new URL('../../tests/fixtures/arxiv/listing-new/expected.json', import.meta.url), 'utf8'),
) as { papers: Paper[] };

const names: string[] = [];
function library(): Library {
  const name = freshName();
  names.push(name);
  return createLibrary({ name });
}
let source: Library;

beforeEach(async () => {
  source = library();
  await source.savePapers(listing.papers);
});
afterEach(async () => {
  for (const name of names.splice(0)) await closeLibraryDb(name);
});

async function run(request: unknown, target: Library = source): Promise<TransferReply[]> {
  const replies: TransferReply[] = [];
  await runTransfer(request, target, (reply) => replies.push(reply));
  return replies;
}

function last(replies: TransferReply[]): TransferReply {
  const reply = replies.at(-1);
  if (!reply) throw new Error('no reply');
  return reply;
}

describe('runTransfer', () => {
  it('exports the papers the panel names, in its order, as lib/formats writes them', async () => {
    const keys = [listing.papers[3], listing.papers[0], listing.papers[7]].map((paper) => paper?.key ?? '');
    const replies = await run({ type: 'export', format: 'bibtex', keys });
    expect(replies.slice(0, -1).map((reply) => reply.type === 'progress' && reply.phase)).toEqual([
      'reading',
      'writing',
    ]);
    const done = last(replies);
    if (done.type !== 'exported') throw new Error(JSON.stringify(done));
    const saved = await Promise.all(keys.map((key) => source.getPaper(key)));
    expect(await done.file.text()).toBe(
      exportPapers(
        saved.filter((paper) => paper !== undefined),
        'bibtex',
      ),
    );
    expect(done.count).toBe(3);
    expect(done.name).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}\.bib$/);
    expect(await done.file.text()).toContain(`eprint = {${listing.papers[3]?.ids?.arxiv}}`);
  });

  it('reads its own backup into an empty library, every record as it was', async () => {
    const all = await source.allPapers();
    const exported = last(await run({ type: 'export', format: 'json', keys: all.map((paper) => paper.key) }));
    if (exported.type !== 'exported') throw new Error(JSON.stringify(exported));
    const target = library();
    const replies = await run({ type: 'import', file: exported.file, name: exported.name }, target);
    expect(replies.slice(0, -1).map((reply) => reply.type === 'progress' && reply.phase)).toEqual([
      'reading',
      'parsing',
      'saving',
    ]);
    const done = last(replies);
    if (done.type !== 'imported') throw new Error(JSON.stringify(done));
    expect(done.message).toBe(
      `Imported from the papershelf backup: ${all.length} papers added, 0 papers merged with ones already saved.`,
    );
    expect(done.keys.sort()).toEqual(all.map((paper) => paper.key).sort());
    expect(await target.allPapers()).toEqual(all);
  });

  it('says what is wrong with a bad file, and the library keeps what it had', async () => {
    const target = library();
    await target.savePapers(listing.papers.slice(0, 2));
    const before = await target.allPapers();
    // A backup cut short (an interrupted download): unreadable as a whole.
    const all = await source.allPapers();
    const exported = last(await run({ type: 'export', format: 'json', keys: all.map((paper) => paper.key) }));
    if (exported.type !== 'exported') throw new Error(JSON.stringify(exported));
    const text = await exported.file.text();
    const file = new Blob([text.slice(0, Math.floor(text.length / 2))]);
    const done = last(await run({ type: 'import', file, name: 'broken.json' }, target));
    expect(done.type).toBe('failed');
    expect(done.type === 'failed' && done.message).toMatch(/^Nothing was imported from broken\.json: /);
    expect(await target.allPapers()).toEqual(before);
  });

  it('reads the backup file (the gzip of a backup) as the backup itself', async () => {
    const all = await source.allPapers();
    const gzip = await gzipPieces([toBackup(all)]);
    const target = library();
    const file = new Blob([gzip as Uint8Array<ArrayBuffer>]);
    const done = last(await run({ type: 'import', file, name: 'papershelf-backup-2026-12-04-0735.json.gz' }, target));
    if (done.type !== 'imported') throw new Error(JSON.stringify(done));
    expect(done.message).toBe(
      `Imported from the papershelf backup: ${all.length} papers added, 0 papers merged with ones already saved.`,
    );
    expect(await target.allPapers()).toEqual(all);
  });

  it('refuses a gzip file cut short, and one that unpacks past the limit, before it is read', async () => {
    const target = library();
    const gzip = await gzipPieces([toBackup(await source.allPapers())]);
    const cut = new Blob([gzip.slice(0, gzip.length >> 1) as Uint8Array<ArrayBuffer>]);
    expect(last(await run({ type: 'import', file: cut, name: 'backup.json.gz' }, target))).toEqual({
      type: 'failed',
      message:
        'Nothing was imported from backup.json.gz: the file looks like a gzip archive but does not unpack: it may be damaged or cut short',
    });
    // 201 MB of spaces compress to about 200 KB: a bomb, stopped as it unpacks.
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(MAX_UNPACKED_BYTES + 1024 * 1024, ' ')));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = new Blob([bomb as Uint8Array<ArrayBuffer>]);
    expect(last(await run({ type: 'import', file, name: 'bomb.json.gz' }, target))).toEqual({
      type: 'failed',
      message:
        'Nothing was imported from bomb.json.gz: the file unpacks to more than 200 MB, more than papershelf imports: split it into smaller files',
    });
    expect(await target.allPapers()).toEqual([]);
  });

  it('refuses a malformed request in words', async () => {
    expect(await run({ type: 'export', format: 'docx', keys: [] })).toEqual([
      { type: 'failed', message: 'papershelf refused a malformed request' },
    ]);
  });
});
