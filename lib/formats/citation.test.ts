// Issue 8's import and export rules, each on the smallest real-shaped input that shows it.
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { contentKey } from '../paper/content-key';
import { describeImport, exportPapers, importBytes, importText } from './index';

const NOW = new Date('2025-01-01T00:00:00.000Z');

describe('BibTeX import loses nothing silently', () => {
  it('reads a % inside a value as text, and one between fields as a comment', () => {
    const bib = '@article{a, title = {50% of cases}, % a comment {\n abstract = {p < 5% in "all"}, doi = {10.1/x}}';
    const result = importText(bib, 'a.bib', { now: NOW });
    expect(result.papers[0]).toMatchObject({ title: '50% of cases', abstract: 'p < 5% in "all"' });
  });

  it('de-escapes addresses and DOIs, and reads \\url{} in howpublished as the address', () => {
    const bib = String.raw`@misc{a, title = {A}, url = {https://x.org/a\_b\&c\#d}, doi = {10.1000/a\_b}}
@misc{b, title = {B}, howpublished = {\url{https://y.org/p_q}}}`;
    const [a, b] = importText(bib, 'a.bib', { now: NOW }).papers;
    expect(a).toMatchObject({ url: 'https://x.org/a_b&c#d', ids: { doi: '10.1000/a_b' }, key: 'doi:10.1000/a_b' });
    expect(b).toMatchObject({ url: 'https://y.org/p_q', key: 'url:https://y.org/p_q' });
  });

  it('drops a NUL or control byte with a warning naming the line, and keeps the file', () => {
    const bytes = new TextEncoder().encode(
      '@misc{a, title = {A\u0000B}, doi = {10.1/a}}\n@misc{b,\n title = {C\u202Ed}, doi = {10.1/b}}',
    );
    const result = importBytes(bytes, 'a.bib', { now: NOW });
    expect(result.papers.map((paper) => paper.title)).toEqual(['AB', 'Cd']);
    expect(result.warnings).toEqual([
      { line: 1, message: 'dropped control characters (U+0000)' },
      { line: 3, message: 'dropped control characters (U+202E)' },
    ]);
    expect(describeImport(result)).toContain('line 3: dropped control characters (U+202E)');
  });

  it('closes an unterminated entry at the next entry, names it, and reads the rest', () => {
    const bib = '@article{a, title = {First}, doi = {10.1/a}\n\n@article{b, title = {Second}, doi = {10.1/b}}\n';
    const result = importText(bib, 'a.bib', { now: NOW });
    expect(result.papers.map((paper) => paper.title)).toEqual(['First', 'Second']);
    expect(result.warnings).toEqual([{ line: 1, message: 'the entry is not closed; read up to line 2' }]);
  });

  it('reads the citation fields, types, structured names, subtitle and the commands the parser renders wrongly', () => {
    const bib = String.raw`@incollection{k1, title = {Wörter \foreignlanguage{russian}{Привет} \texorpdfstring{$x^2$}{x2} \SI{5}{\km}},
  subtitle = {The Sub}, author = {{World Health Organization} and van der Berg, Jan and King, Jr., Martin},
  editor = {Doe, Jane}, booktitle = {Handbook}, pages = {1--20}, publisher = {Springer}, address = {Berlin},
  isbn = {978-3-16-148410-0}, date = {2020-05-03}, series = {LNCS}, volume = {3}, number = {4},
  edition = {2}, language = {english}, note = {Printed note}, annote = {My own note}, file = {x.pdf}}`;
    const [paper] = importText(bib, 'a.bib', { now: NOW }).papers;
    expect(paper).toMatchObject({
      title: 'Wörter Привет x2 5 km. The Sub',
      authors: ['World Health Organization', 'Jan van der Berg', 'Martin King Jr.'],
      names: [
        { literal: 'World Health Organization' },
        { family: 'Berg', given: 'Jan', particle: 'van der' },
        { family: 'King', given: 'Martin', suffix: 'Jr.' },
      ],
      editors: [{ family: 'Doe', given: 'Jane' }],
      type: 'chapter',
      container: 'Handbook',
      pages: '1–20',
      publisher: 'Springer',
      place: 'Berlin',
      isbn: '978-3-16-148410-0',
      issued: '2020-05-03',
      series: 'LNCS',
      volume: '3',
      issue: '4',
      edition: '2',
      language: 'english',
      note: 'My own note',
      extra: { bibtex: { '@type': 'incollection', '@key': 'k1', note: 'Printed note', file: 'x.pdf' } },
    });
    expect(paper?.key).toMatch(/^ref:[0-9a-f]{16}$/);
  });

  it('gives a paper without an identifier its content key, so a second import of the file merges', () => {
    const bib =
      '@book{knuth, title = {The {TeX}book}, author = {Knuth, Donald E.}, year = 1984, publisher = {Addison-Wesley}}';
    const first = importText(bib, 'a.bib', { now: NOW }).papers[0];
    expect(first?.key).toBe(
      contentKey({ title: 'The TeXbook', names: [{ family: 'Knuth' }], date: '1984', type: 'book' }),
    );
    expect(importText(bib, 'a.bib', { now: NOW }).papers[0]?.key).toBe(first?.key);
  });

  it('keeps a shortDOI as its own identifier', () => {
    const [paper] = importText('@misc{a, title = {A}, doi = {10/b8kx}}', 'a.bib', { now: NOW }).papers;
    expect(paper).toMatchObject({ key: 'shortdoi:10/b8kx', ids: { shortDoi: '10/b8kx' } });
  });

  it('names each field it cut to the length caps', () => {
    const bib = `@misc{a, title = {A}, doi = {10.1/a}, abstract = {${'x'.repeat(60_000)}}}`;
    const result = importText(bib, 'a.bib', { now: NOW });
    expect(result.papers[0]?.abstract).toHaveLength(50_000);
    expect(result.warnings).toEqual([{ line: 1, key: 'a', message: 'cut to the length limit: abstract' }]);
  });
});

describe('exports a citation processor and LaTeX accept', () => {
  const bib = String.raw`@incollection{berg2020chapter, title = {A Chapter}, author = {{World Health Organization} and van der Berg, Jan},
  editor = {Doe, Jane}, booktitle = {Handbook of Things}, pages = {1--20}, publisher = {Springer}, address = {Berlin},
  date = {2020-05-03}, annote = {Private}, keywords = {alpha, beta}}
@phdthesis{doe2019, title = {A Thesis}, author = {Doe, Jane}, school = {MIT}, year = 2019}`;
  const papers = importText(bib, 'a.bib', { now: NOW }).papers.map((paper, index) =>
    index === 0 ? { ...paper, tags: ['to-read'] } : paper,
  );

  it('writes BibTeX with the right type and fields, braced organisations, en-dash pages, annote and tags as keywords', async () => {
    const text = exportPapers(papers, 'bibtex');
    expect(text).toContain('@incollection{berg2020chapter,');
    expect(text).toContain('author = {{World Health Organization} and van der Berg, Jan}');
    expect(text).toContain('booktitle = {Handbook of Things}');
    expect(text).toContain('pages = {1--20}');
    expect(text).toContain('date = {2020-05-03}');
    expect(text).toContain('keywords = {alpha, beta, to-read}');
    expect(text).toContain('annote = {Private}');
    expect(text).not.toMatch(/\bnote = /);
    expect(text).toContain('@phdthesis{doe2019,');
    expect(text).toContain('school = {MIT}');
    const reread = parse(text, { english: false });
    expect(reread.errors).toEqual([]);
    expect(reread.entries[0]?.fields.author).toEqual([
      { name: 'World Health Organization' },
      { lastName: 'Berg', firstName: 'Jan', prefix: 'van der' },
    ]);
  });

  it('writes RIS and CSL-JSON with the citation fields', () => {
    const ris = exportPapers(papers, 'ris');
    for (const line of [
      'TY  - CHAP',
      'AU  - World Health Organization',
      'AU  - van der Berg, Jan',
      'A2  - Doe, Jane',
      'T2  - Handbook of Things',
      'SP  - 1',
      'EP  - 20',
      'PB  - Springer',
      'CY  - Berlin',
      'KW  - to-read',
      'TY  - THES',
    ]) {
      expect(ris).toContain(line);
    }
    const [chapter, thesis] = JSON.parse(exportPapers(papers, 'csl-json'));
    expect(chapter).toMatchObject({
      type: 'chapter',
      author: [
        { literal: 'World Health Organization' },
        { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
      ],
      editor: [{ family: 'Doe', given: 'Jane' }],
      'container-title': 'Handbook of Things',
      page: '1–20',
      publisher: 'Springer',
      'publisher-place': 'Berlin',
      issued: { 'date-parts': [[2020, 5, 3]] },
      keyword: 'alpha, beta, to-read',
      annote: 'Private',
    });
    expect(chapter).not.toHaveProperty('note');
    expect(thesis).toMatchObject({ type: 'thesis', publisher: 'MIT' });
  });

  it('gives back every citation field through RIS and CSL-JSON', () => {
    const fields = ['type', 'names', 'editors', 'container', 'pages', 'publisher', 'place', 'issued'] as const;
    const pick = (paper: object) =>
      Object.fromEntries(fields.map((field) => [field, (paper as Record<string, unknown>)[field]]));
    for (const format of ['ris', 'csl-json'] as const) {
      const again = importText(exportPapers(papers, format), undefined, { now: NOW }).papers;
      expect(again.map(pick), format).toEqual(papers.map(pick));
      expect(again[0]?.keywords, format).toEqual(['alpha', 'beta', 'to-read']);
    }
  });
});
