// The side panel's export/import worker, run here on the real arXiv listing's papers
// (fake-indexeddb): the file it hands back is what lib/formats writes for the same papers in the
// panel's order, a backup comes back in whole, and a bad file changes nothing.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPapers } from '../formats';
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

  it('refuses a malformed request in words', async () => {
    expect(await run({ type: 'export', format: 'docx', keys: [] })).toEqual([
      { type: 'failed', message: 'papershelf refused a malformed request' },
    ]);
  });
});
