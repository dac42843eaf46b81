// Durability figures for `npm run bench` (issue 10): the rolling backup of 10,000 and 50,000 saved
// papers — the JSON backup (lib/formats/backup.ts) gzip-compressed with CompressionStream a piece
// at a time, which is what lib/durability/backup.ts does after reading the library (without its
// pauses) — its size, and reading it back (gunzip + parse, what the restore offer does), each
// beside JSON.stringify of the same records in the same run. The records are the real papers of the saved pages (tests/fixtures/*/*/expected.json:
// titles, authors, abstracts), repeated with distinct keys and made saved papers with tags and notes.
// Runs under Node (its CompressionStream is zlib, as Chromium's): the library read is measured by
// the library figures (`library.<n>.loadAll`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipText, gzipPieces } from '../../lib/durability/compress';
import { backupPieces, parseBackup } from '../../lib/formats/backup';
import type { Paper, SavedPaper } from '../../lib/paper/model';
import type { Figure } from './figure';

const ROOT = join(import.meta.dirname, '../..');

/** The real papers of every saved page's expected output, one per key. */
function realPapers(): Paper[] {
  const fixtures = join(ROOT, 'tests/fixtures');
  const papers: Paper[] = [];
  for (const source of readdirSync(fixtures, { withFileTypes: true })) {
    if (!source.isDirectory()) continue;
    for (const page of readdirSync(join(fixtures, source.name), { withFileTypes: true })) {
      if (!page.isDirectory()) continue;
      try {
        const expected = JSON.parse(readFileSync(join(fixtures, source.name, page.name, 'expected.json'), 'utf8'));
        if (Array.isArray(expected.papers)) papers.push(...expected.papers);
      } catch {
        // A fixture folder without expected.json (bib corpora, services): not a page.
      }
    }
  }
  // The same paper is on several pages: once each.
  return [...new Map(papers.map((paper) => [paper.key, paper])).values()];
}

/** `count` saved papers: the real ones again and again, copy n keyed and titled apart by n. */
export function savedLibrary(papers: readonly Paper[], count: number): SavedPaper[] {
  const out: SavedPaper[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const paper = papers[i % papers.length] as Paper;
    const copy = Math.floor(i / papers.length);
    const at = new Date(start + i * 60_000).toISOString();
    out.push({
      ...paper,
      key: copy === 0 ? paper.key : `${paper.key}~${copy}`,
      title: copy === 0 ? paper.title : `${paper.title} (${copy})`,
      status: (['unread', 'reading', 'read'] as const)[i % 3] ?? 'unread',
      ...(i % 4 === 0 ? { tags: ['to-read', `batch-${copy}`] } : {}),
      ...(i % 5 === 0 ? { note: `Read section ${i % 7}; compare with ${paper.title.slice(0, 40)}.` } : {}),
      savedAt: at,
      updatedAt: at,
    });
  }
  return out;
}

async function time<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** The backup's figures at 10,000 and 50,000 papers (2,000 and 10,000 with `quick`). */
export async function benchDurability(options: { quick: boolean }): Promise<Figure[]> {
  const papers = realPapers();
  const figures: Figure[] = [];
  for (const count of options.quick ? [2_000, 10_000] : [10_000, 50_000]) {
    const library = savedLibrary(papers, count);
    // Warm up (JIT, zlib) on a small slice, so the first size is not timed cold.
    await gzipPieces(backupPieces(library.slice(0, 500)));
    const [json, stringifyMs] = await time(() => JSON.stringify(library));
    const [gzip, writeMs] = await time(() => gzipPieces(backupPieces(library)));
    const [read, readMs] = await time(async () => parseBackup(await gunzipText(gzip)));
    if (read.papers.length !== count) throw new Error(`the backup of ${count} papers read back ${read.papers.length}`);
    const against = (metric: string, value: number) =>
      figures.push({ metric, value, unit: 'ms', baseline: stringifyMs, ratio: value / stringifyMs });
    against(`durability.${count}.backupWrite`, writeMs);
    against(`durability.${count}.backupRead`, readMs);
    figures.push({
      metric: `durability.${count}.backupBytes`,
      value: gzip.length,
      unit: 'bytes',
      baseline: json.length,
      ratio: gzip.length / json.length,
    });
  }
  return figures;
}
