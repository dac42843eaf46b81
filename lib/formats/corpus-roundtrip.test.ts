// Round trips of every paper of the real bibliographies (tests/fixtures/bib/, listed in corpora.ts;
// origins in tests/fixtures/SOURCES.md): file → papers → BibTeX, RIS or CSL-JSON →
// papers gives back every paper (none lost, none merged into another) with the fields each of the
// three formats carries unchanged. (The golden library's round trips, roundtrip.test.ts, hold the
// rest of the fields to each format's list.)
import { describe, expect, it } from 'vitest';
import type { Paper } from '../paper/model';
import { corpusFiles, importCorpusFile } from './corpora';
import { type ExportFormat, exportPapers, importText } from './index';

const NOW = new Date('2025-01-01T00:00:00.000Z');
const FIELDS = ['title', 'issued', 'volume', 'issue', 'pages', 'publisher', 'place', 'abstract', 'url'] as const;
const FILE_NAME: Record<string, string> = { bibtex: 'back.bib', ris: 'back.ris', 'csl-json': 'back.json' };

const files = corpusFiles()
  .map((file) => ({ name: `${file.corpus}/${file.name}`, papers: importCorpusFile(file).papers }))
  .filter((file) => file.papers.length > 0);

// RIS cannot write an organisation whose name holds a comma: AU "Council on Cardiopulmonary,
// Critical Care, …" reads back as a person (family, given, suffix), in Zotero as here. The papers
// whose family names a RIS round trip changes for that reason.
const RIS_COMMA_ORGANISATIONS = new Set(['doi:10.1161/cir.0b013e318288b4dd']);

/** What a round trip through a format must keep of a paper. */
const kept = (paper: Paper, format: ExportFormat) => ({
  ...Object.fromEntries(FIELDS.map((field) => [field, paper[field]])),
  doi: paper.ids?.doi,
  authors: paper.names?.length ?? paper.authors.length,
  families:
    format === 'ris' && RIS_COMMA_ORGANISATIONS.has(paper.key)
      ? undefined
      : paper.names?.map((name) => [name.particle, name.family ?? name.literal].filter(Boolean).join(' ')),
});

// Zotero's RIS field-mapping records (RIS-05) include four "Title"s by "Author Name" that differ
// only in their RIS type (GEN, JOUR with a journal, UNPB, ELEC): a format with no type of its own
// for a preprint without an arXiv id, or (BibTeX) for a web page, gives some of them back as one
// paper. How many each format merges.
const MERGED: Record<string, Partial<Record<ExportFormat, number>>> = {
  'zotero-ris/RIS-05.ris': { bibtex: 2, ris: 1, 'csl-json': 1 },
};

describe('round trips of the real bibliographies', () => {
  it('reads the corpus: over 980 papers in over 115 files', () => {
    expect(files.length).toBeGreaterThan(115);
    expect(files.reduce((sum, file) => sum + file.papers.length, 0)).toBeGreaterThan(980);
  });

  for (const format of ['bibtex', 'ris', 'csl-json'] as const satisfies readonly ExportFormat[]) {
    it(`${format}: every paper comes back, with title, date, volume, issue, pages, publisher, place, abstract, address, DOI, author count and family names`, () => {
      const changed: string[] = [];
      for (const { name, papers } of files) {
        const back = importText(exportPapers(papers, format), FILE_NAME[format], { now: NOW }).papers;
        const merged = MERGED[name]?.[format] ?? 0;
        if (back.length !== papers.length - merged) {
          changed.push(`${name}: ${papers.length} papers went out, ${back.length} came back`);
          continue;
        }
        // Each paper against the next that came back, in file order; a paper merged into an earlier
        // one (counted in MERGED) has that earlier paper's fields.
        let next = 0;
        const earlier = new Set<string>();
        const lost = papers.filter((paper) => {
          const before = JSON.stringify(kept(paper, format));
          const again = back[next];
          const after = again && JSON.stringify(kept(again, format));
          const gone = merged > 0 && before !== after && earlier.has(before);
          earlier.add(before);
          if (gone) return true;
          next++;
          if (before !== after) changed.push(`${name} ${paper.key}: ${before} → ${after}`);
          return false;
        });
        if (lost.length !== merged) changed.push(`${name}: ${lost.length} papers merged, not ${merged}`);
      }
      expect(changed).toEqual([]);
    });
  }
});
