// Round trips of every paper of the real bibliographies (tests/fixtures/bib/bbt, Better BibTeX's
// import fixtures, origins in tests/fixtures/SOURCES.md): file → papers → BibTeX, RIS or CSL-JSON →
// papers gives back every paper (none lost, none merged into another) with the fields each of the
// three formats carries unchanged. (The golden library's round trips, roundtrip.test.ts, hold the
// rest of the fields to each format's list.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../paper/model';
import { type ExportFormat, exportPapers, importText } from './index';

const DIR = join(import.meta.dirname, '../../tests/fixtures/bib/bbt');
const NOW = new Date('2025-01-01T00:00:00.000Z');
const FIELDS = ['title', 'issued', 'volume', 'issue', 'pages', 'publisher', 'place', 'abstract', 'url'] as const;
const FILE_NAME: Record<string, string> = { bibtex: 'back.bib', ris: 'back.ris', 'csl-json': 'back.json' };

const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.bib'))
  .map((name) => ({ name, papers: importText(readFileSync(join(DIR, name), 'utf8'), name, { now: NOW }).papers }))
  .filter((file) => file.papers.length > 0);

/** What a round trip must keep of a paper. */
const kept = (paper: Paper) => ({
  ...Object.fromEntries(FIELDS.map((field) => [field, paper[field]])),
  doi: paper.ids?.doi,
  authors: paper.names?.length ?? paper.authors.length,
});

describe('round trips of the real bibliographies', () => {
  it('reads the corpus: over 130 papers in over 80 files', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(files.reduce((sum, file) => sum + file.papers.length, 0)).toBeGreaterThan(130);
  });

  for (const format of ['bibtex', 'ris', 'csl-json'] as const satisfies readonly ExportFormat[]) {
    it(`${format}: every paper comes back, with title, date, volume, issue, pages, publisher, place, abstract, address, DOI and author count`, () => {
      const changed: string[] = [];
      for (const { name, papers } of files) {
        const back = importText(exportPapers(papers, format), FILE_NAME[format], { now: NOW }).papers;
        if (back.length !== papers.length) {
          changed.push(`${name}: ${papers.length} papers went out, ${back.length} came back`);
          continue;
        }
        papers.forEach((paper, i) => {
          const before = JSON.stringify(kept(paper));
          const after = JSON.stringify(kept(back[i] as Paper));
          if (before !== after) changed.push(`${name} ${paper.key}: ${before} → ${after}`);
        });
      }
      expect(changed).toEqual([]);
    });
  }
});
