// Better BibTeX's own import fixtures (tests/fixtures/bib/bbt, origins in tests/fixtures/SOURCES.md),
// read whole, with the fields checked by hand against each .bib and the Zotero items Better BibTeX
// expects from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBibtex } from './bibtex';
import { parseBibtex } from './bibtex-import';
import { parseCslJson, toCslJson } from './csl-json';
import { parseRis, toRis } from './ris';

const NOW = new Date('2025-01-01T00:00:00.000Z');
const read = (name: string) =>
  parseBibtex(readFileSync(join(import.meta.dirname, '../../tests/fixtures/bib/bbt', name), 'utf8'), { now: NOW });

describe('Better BibTeX fixtures', () => {
  it('gives a crossref’d chapter the date of the book it names (#3514)', () => {
    const { papers, errors } = read('Crossrefd incollection items are missing date on import #3514.bib');
    expect(errors).toEqual([]);
    const years = Object.fromEntries(papers.map((paper) => [paper.extra?.bibtex?.['@key'], paper.issued]));
    expect(years).toMatchObject({ Hauck_2011: '2011', Hauck_2007: '2007', Hauck_2023j: '2023' });
    const chapter = papers.find((paper) => paper.extra?.bibtex?.['@key'] === 'Hauck_2007');
    expect(chapter?.type).toBe('chapter');
    expect(chapter?.container).toBe('Mercosul/Mercosur: Dynamik der Grenzen und kulturelle Integration');
    expect(chapter?.extra?.bibtex?.crossref).toBe('Chiappini_Hauck_2007');
  });

  it('keeps a video, a film, a TV broadcast and a TV episode of one title, director and year apart (#2494)', () => {
    const { papers, errors } = read('Film references do not export properly for APA formating #2494.bib');
    expect(errors).toEqual([]);
    expect(papers.map((paper) => [paper.extra?.bibtex?.['@key'], paper.type, paper.genre])).toEqual([
      ['formanOneFlewCuckoo1975', 'video', undefined],
      ['formanOneFlewCuckoo1975-film', 'film', 'film'],
      ['formanOneFlewCuckoo1975-tv', 'broadcast', 'tvbroadcast'],
      ['formanOneFlewCuckoo1975-epi', 'broadcast', 'tvepisode'],
    ]);
    expect(new Set(papers.map((paper) => paper.key)).size).toBe(4);
    expect(papers[3]?.editors).toEqual([{ family: 'Forman', given: 'Miloš' }]);
    // Each format that can tell them apart writes and reads them back apart.
    const csl = parseCslJson(toCslJson(papers), { now: NOW }).papers;
    // CSL's one motion_picture type: the video says so in `genre` and comes back a video.
    expect(csl.map((paper) => [paper.type, paper.genre])).toEqual([
      ['video', undefined],
      ['film', 'film'],
      ['broadcast', 'tvbroadcast'],
      ['broadcast', 'tvepisode'],
    ]);
    const again = parseBibtex(toBibtex(papers), { now: NOW }).papers;
    expect(again.map((paper) => [paper.type, paper.genre, paper.key])).toEqual(
      papers.map((paper) => [paper.type, paper.genre, paper.key]),
    );
    // RIS: the genre in M3 ("Type of Work"); a broadcast shares MPCT with films and reads back as one
    // when it has a genre of its own, but stays apart by it.
    expect(parseRis(toRis(papers), { now: NOW }).papers.map((paper) => [paper.type, paper.genre])).toEqual([
      ['video', undefined],
      ['film', 'film'],
      ['film', 'tvbroadcast'],
      ['film', 'tvepisode'],
    ]);
  });

  it('keeps a movie and a video of one title apart (#1837)', () => {
    const { papers, errors } = read('Improve import of films #1837.bib');
    expect(errors).toEqual([]);
    expect(papers.map((paper) => [paper.extra?.bibtex?.['@key'], paper.type])).toEqual([
      ['Marka.S:2011movie', 'film'],
      ['Marka.S:2011video', 'video'],
      ['Roy.O:2017a', 'book'],
      ['Ball.W:2014a', 'film'],
    ]);
  });

  it('reads BibDesk’s bdsk-url-1 as the address when there is no url (#2374)', () => {
    const { papers } = read('Dealing with base64-encoded paths from BibDesk #2374.bib');
    const paper = papers.find((each) => each.extra?.bibtex?.['@key'] === 'KraftSmith:2019');
    expect(paper?.url).toBe('https://doi.org/10.1111/disa.12301');
    expect(paper?.extra?.bibtex?.['bdsk-url-1']).toBe('https://doi.org/10.1111/disa.12301');
  });

  it('reads a report’s institution as its publisher and writes it back as institution', () => {
    const { papers } = read('Issues with round instead of curly braces do not import correctly #871.bib');
    const report = papers.find((each) => each.extra?.bibtex?.['@key'] === 'McDermott:72');
    expect(report?.type).toBe('report');
    expect(report?.publisher).toBe('MIT Artificial Intelligence Laboratory');
    expect(toBibtex(report ? [report] : [])).toContain('  institution = {MIT Artificial Intelligence Laboratory}');
  });

  it('reads ADS’s journal macros as aas_macros.sty prints them (#1733: \\aap is A&A)', () => {
    const { papers, warnings } = read('unknown command handler #1733.bib');
    expect(papers.map((paper) => paper.container)).toEqual(['A&A']);
    expect(warnings).toEqual([]);
  });

  it('names a command it does not know instead of dropping it silently', () => {
    const { papers, warnings } = parseBibtex(
      '@article{k, title = {T}, author = {A B}, journal = {\\ownjournal}, year = 2004}',
    );
    expect(papers).toHaveLength(1);
    expect(warnings).toContainEqual({
      line: 1,
      key: 'k',
      message: '\\ownjournal: not a LaTeX command the reader knows; dropped, any argument kept',
    });
  });

  it('warns about an undefined @string and keeps the entry, its name as the value (#472)', () => {
    const { papers, errors, warnings } = read('Math markup to unicode not always imported correctly #472.bib');
    expect(papers[0]?.container).toBe('IEEE_J_PROC');
    expect(warnings).toContainEqual({
      message: '@string IEEE_J_PROC is not defined in the file: its name is kept as the value',
    });
    // The second entry has the first one's DOI: one paper, named in the summary.
    expect(errors).toEqual([
      { line: 14, key: 'test_citation2', message: 'the same paper (doi:10.1109/jproc.2016.2526118) as line 1' },
    ]);
  });
});
