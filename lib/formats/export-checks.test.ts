// The exports of every real paper the project holds — the real bibliographies (tests/fixtures/bib/,
// listed in corpora.ts) and the papers of every saved page (tests/fixtures/<site>/<page>/
// expected.json), origins in tests/fixtures/SOURCES.md — checked as their readers would:
// - RIS: every line a tag line (`XY  - value`) or the continuation of one, records opened by TY and
//   closed by ER, no control characters;
// - BibTeX (no LaTeX run here): read back by Better BibTeX's parser without error, and every field
//   its entry type requires (BibTeX's standard styles) present whenever the paper holds the data
//   for it — a required field may be missing only because the source never gave it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAsync } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../paper/model';
import { toBibtex } from './bibtex';
import { corpusFiles, importCorpusFile, risProblems } from './corpora';
import { toRis } from './ris';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures');

function corpus(): Paper[] {
  const papers: Paper[] = corpusFiles().flatMap((file) => importCorpusFile(file).papers);
  for (const site of readdirSync(FIXTURES)) {
    const dir = join(FIXTURES, site);
    if (!statSync(dir).isDirectory()) continue;
    for (const page of readdirSync(dir)) {
      const file = join(dir, page, 'expected.json');
      let expected: { papers?: Paper[] };
      try {
        expected = JSON.parse(readFileSync(file, 'utf8')) as { papers?: Paper[] };
      } catch {
        continue;
      }
      papers.push(...(expected.papers ?? []));
    }
  }
  return papers;
}

const papers = corpus();

/** What each BibTeX entry type requires (the standard styles' documentation, btxdoc), and which paper data fills it. */
const REQUIRED: Record<string, string[]> = {
  article: ['author', 'title', 'journal', 'year'],
  book: ['title', 'publisher', 'year'],
  inproceedings: ['author', 'title', 'booktitle', 'year'],
  incollection: ['author', 'title', 'booktitle', 'year'],
  phdthesis: ['author', 'title', 'school', 'year'],
  mastersthesis: ['author', 'title', 'school', 'year'],
  techreport: ['author', 'title', 'institution', 'year'],
  misc: [],
};

/** Whether the paper holds the data a required field is written from. */
function holds(paper: Paper, field: string): boolean {
  switch (field) {
    case 'author':
      return paper.authors.length > 0;
    case 'title':
      return paper.title !== '';
    case 'year':
      return (paper.issued ?? paper.published) !== undefined;
    case 'journal':
    case 'booktitle':
      return (paper.container ?? paper.venue) !== undefined;
    case 'publisher':
    case 'school':
    case 'institution':
      return paper.publisher !== undefined;
    default:
      return true;
  }
}

describe('exports of every real paper', () => {
  it('covers the corpus: over 1,300 papers', () => {
    expect(papers.length).toBeGreaterThan(1300);
  });

  it('RIS: tag lines and their continuations only, each record TY … ER, no control characters', () => {
    const ris = toRis(papers);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(ris)).toBe(false);
    const { records, problems } = risProblems(ris);
    expect(problems).toEqual([]);
    expect(records).toBe(papers.length);
  });

  it('BibTeX: read back without error, every required field present wherever the paper holds its data', async () => {
    const bib = toBibtex(papers);
    const library = await parseAsync(bib, { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(papers.length);
    const missing: string[] = [];
    library.entries.forEach((entry, index) => {
      const paper = papers[index] as Paper;
      for (const field of REQUIRED[entry.type] ?? []) {
        const present = field === 'author' ? (entry.fields.author?.length ?? 0) > 0 : entry.fields[field] !== undefined;
        if (!present && holds(paper, field)) missing.push(`${entry.key} (@${entry.type}): ${field}`);
      }
    });
    expect(missing).toEqual([]);
  });
});
