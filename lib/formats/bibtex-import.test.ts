import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { toBibtex } from './bibtex';
import { decodePlainLatex, parseBibtex } from './bibtex-import';
import { FormatError } from './errors';
import { ATTENTION } from './test-data';

const NOW = new Date('2025-01-01T00:00:00.000Z');
const AT = NOW.toISOString();

describe('parseBibtex', () => {
  it('reads what Zotero exports for an arXiv preprint: braced title words, month macro, Extra in note', () => {
    // The shape of Zotero's BibTeX export (zotero/translators BibTeX.js) of an item saved from arXiv.
    const bib = String.raw`@misc{vaswani_attention_2023,
	title = {Attention {Is} {All} {You} {Need}},
	url = {http://arxiv.org/abs/1706.03762},
	doi = {10.48550/arXiv.1706.03762},
	abstract = {The dominant sequence transduction models are based on complex recurrent networks.},
	urldate = {2024-01-01},
	publisher = {arXiv},
	author = {Vaswani, Ashish and Shazeer, Noam and G{\"o}del, Kurt},
	month = aug,
	year = {2023},
	note = {arXiv:1706.03762 [cs]},
	keywords = {Computer Science - Machine Learning, Computer Science - Computation and Language},
}`;
    const { papers, errors } = parseBibtex(bib, { now: NOW });
    expect(errors).toEqual([]);
    expect(papers).toEqual([
      {
        key: 'arxiv:1706.03762',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Kurt Gödel'],
        abstract: 'The dominant sequence transduction models are based on complex recurrent networks.',
        published: '2023-08',
        ids: { arxiv: '1706.03762' },
        url: 'http://arxiv.org/abs/1706.03762',
        keywords: ['Computer Science - Machine Learning', 'Computer Science - Computation and Language'],
        source: 'bibtex',
        type: 'preprint',
        names: [
          { family: 'Vaswani', given: 'Ashish' },
          { family: 'Shazeer', given: 'Noam' },
          { family: 'Gödel', given: 'Kurt' },
        ],
        publisher: 'arXiv',
        issued: '2023-08',
        // Fields the model has no place for, and the entry's own type and key, written back by the BibTeX export.
        extra: { bibtex: { '@type': 'misc', '@key': 'vaswani_attention_2023', urldate: '2024-01-01' } },
        status: 'unread',
        savedAt: AT,
        updatedAt: AT,
      },
    ]);
  });

  it('reads biblatex eprints, dates and journaltitle; pmid; others as a cut list; LaTeX as Unicode', () => {
    const bib = String.raw`@article{a, title = {$\ell_1$ and \emph{sparse} {\"U}bung}, date = {2020-02-30},
      journaltitle = {Ann. Stat.}, eprint = {hep-th/9901001}, eprinttype = {arxiv}, primaryclass = {hep-th},
      author = {von Neumann, John and Smith, Jr., Bob and {The ATLAS Collaboration} and others}, pmid = {42}}`;
    const [item] = parseBibtex(bib, { now: NOW }).papers;
    expect(item).toMatchObject({
      key: 'arxiv:hep-th/9901001',
      title: 'ℓ₁ and sparse Übung',
      published: '2020-02',
      venue: 'Ann. Stat.',
      authors: ['John von Neumann', 'Bob Smith Jr.', 'The ATLAS Collaboration'],
      authorCount: 4,
      ids: { arxiv: 'hep-th/9901001', pubmed: '42' },
    });
    expect(item?.keywords).toBeUndefined();
  });

  it('reads an organization as the publisher of a @manual or @misc only, and \\textquotesingle as an apostrophe', () => {
    const bib = String.raw`@manual{m, title = {Manual}, organization = {The GAP Group}}
@inproceedings{c, title = {Talk}, booktitle = {Proc.}, organization = {Sponsor Inc.}}
@article{a, title = {Sinkhorn}, author = {D\textquotesingle aspremont, Alexandre}}`;
    const { papers, warnings } = parseBibtex(bib, { now: NOW });
    expect(papers.map((paper) => [paper.publisher, paper.extra?.bibtex?.organization])).toEqual([
      ['The GAP Group', undefined],
      [undefined, 'Sponsor Inc.'],
      [undefined, undefined],
    ]);
    expect(papers[2]?.names).toEqual([{ family: "D'aspremont", given: 'Alexandre' }]);
    expect(warnings).toEqual([]);
  });

  it('keeps keywords in file order and adds a primary class no keyword names', () => {
    const bib =
      '@misc{k, title = {K}, url = {https://example.org/k}, keywords = {zeta, Alpha, 50%, b_c}, eprint = {2310.03646}, archivePrefix = {arXiv}, primaryClass = {cs.LG}}';
    expect(parseBibtex(bib, { now: NOW }).papers[0]?.keywords).toEqual(['zeta', 'Alpha', '50%', 'b_c', 'cs.LG']);
  });

  it('removes the HTML the parser makes of \\emph and \\url, but keeps a literal <i> written as text', () => {
    const marked = String.raw`@misc{m, title = {An \emph{emphatic} \textbf{bold} title}, howpublished = {\url{https://example.org/m}}, url = {https://example.org/m}}`;
    expect(parseBibtex(marked, { now: NOW }).papers[0]).toMatchObject({ title: 'An emphatic bold title' });
    const literal = String.raw`@misc{l, title = {Tags like \textless{}i\textgreater{} stay}, url = {https://example.org/l}}`;
    expect(parseBibtex(literal, { now: NOW }).papers[0]?.title).toBe('Tags like <i> stay');
    expect(parseBibtex(marked, { now: NOW }).papers[0]?.venue).toBeUndefined();
  });

  it('reads back what toBibtex writes', () => {
    const [item] = parseBibtex(toBibtex([ATTENTION]), { now: NOW }).papers;
    expect(item).toMatchObject({
      key: ATTENTION.key,
      title: ATTENTION.title,
      authors: ATTENTION.authors,
      authorCount: 4,
      // The export writes biblatex's `date` with the day.
      published: ATTENTION.published,
      url: ATTENTION.url,
      keywords: ATTENTION.keywords,
    });
  });

  it('reports an entry the parser cannot read, and one without title, by key and line', () => {
    const bib = [
      '% a comment',
      '@article{good, title = {Good}, doi = {10.1000/good}}',
      '',
      '@misc{untitled, author = {Doe, Jane}, url = {https://example.org/u}}',
      '',
      '@misc{broken,',
      '  title = {Unfinished {brace},',
      '  year = 2020',
    ].join('\n');
    const { papers, errors } = parseBibtex(bib, { now: NOW });
    expect(papers.map((item) => item.title)).toEqual(['Good']);
    expect(errors).toEqual([
      { line: 4, key: 'untitled', message: 'the entry has no title' },
      {
        line: 6,
        key: 'broken',
        message: expect.stringMatching(/^the entry cannot be read: Unterminated brace-value/),
      },
    ]);
  });

  it('refuses a text without any entry, and never lets a __proto__ field reach a prototype', () => {
    expect(() => parseBibtex('just text\n')).toThrow(
      new FormatError('not BibTeX: no entry such as "@article{key, title = {...}}" in the file'),
    );
    const hostile =
      '@article{__proto__, title = {T}, url = {https://example.org/t}, __proto__ = {x}, constructor = {y}, polluted = {z}}';
    const { papers } = parseBibtex(hostile, { now: NOW });
    expect(papers).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(papers[0] ?? {})).not.toContain('constructor');
  });
});

describe('a year that is no date', () => {
  it('is kept as written and written back, not dropped (a Mendeley export’s `year = {6}`)', () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../tests/fixtures/bib/bbt/web_page and other mendeley idiocy.bib'),
      'utf8',
    );
    const paper = parseBibtex(text).papers.find((found) => found.extra?.bibtex?.['@key'] === 'Miller6');
    expect(paper?.published).toBeUndefined();
    expect(paper?.extra?.bibtex?.year).toBe('6');
    expect(toBibtex([paper as NonNullable<typeof paper>])).toMatch(/^\s*year = \{6\}$/m);
    // A year that reads as one is the paper's date, and not kept twice.
    const dated = parseBibtex('@article{a, title = {T}, author = {A B}, year = {2019}}').papers[0];
    expect(dated?.published).toBe('2019');
    expect(dated?.extra?.bibtex?.year).toBeUndefined();
  });
});

describe('abstracts read without the LaTeX grammar', () => {
  // What the parser makes of an abstract, whitespace collapsed as a paper keeps it.
  function byParser(raw: string): string | undefined {
    const value = parse(`@misc{k, abstract = {${raw}}}`, { english: false, unsupported: () => '' }).entries[0]?.fields
      .abstract;
    if (typeof value !== 'string') return undefined;
    // As imported: the ¡ ¿ the parser makes of a typed < > are put back (restoreAngles).
    const text = /[¡¿]|[!?]`/.test(raw) ? value : value.replace(/¡/g, '<').replace(/¿/g, '>');
    return text.normalize('NFC').replace(/\s+/g, ' ').trim() || undefined;
  }

  it('decodes plain text with escaped specials exactly as the parser does', () => {
    const pieces = [
      'word',
      'Gödel',
      '张三',
      ' ',
      ' ',
      '\n',
      '\n\n',
      '\t',
      '\\&',
      '\\%',
      '\\$',
      '\\#',
      '\\_',
      '\\{',
      '\\}',
      '{}',
      '-',
      '-{}-',
      "'{}'",
      "'",
      ',',
      '.',
      '<',
      '>',
      '|',
      '"',
      '\\textbackslash{}',
      '\\textless{}',
      '\\textgreater{}',
      '\\textbar{}',
      '\\textasciitilde{}',
      '\\textasciicircum{}',
      '\\textbraceleft{}',
      '\\textbraceright{}',
      '{\\textless}',
      '{\\textbackslash}',
      '{\\textasciitilde}',
      '\u00a0',
    ];
    // A fixed pseudo-random sequence, so a failure names a text that fails every time.
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536);
    };
    for (let n = 0; n < 400; n++) {
      const raw = Array.from({ length: 1 + (next() % 12) }, () => pieces[next() % pieces.length]).join('');
      const plain = decodePlainLatex(raw);
      if (plain === undefined) continue;
      expect(plain.replace(/\s+/g, ' ').trim() || undefined, raw).toBe(byParser(raw));
    }
    const angles = '@misc{p, title = {p < 0.05 > q}, url = {https://example.org/p}, abstract = {a <b> c}}';
    expect(parseBibtex(angles, { now: NOW }).papers[0]).toMatchObject({ title: 'p < 0.05 > q', abstract: 'a <b> c' });
    for (const hard of ['a -- b', "``q''", '$x$', 'a ~ b', '\\emph{x}', '{\\"o}', '50% off', 'x^2', 'R&D', '\\\\']) {
      expect(decodePlainLatex(hard), hard).toBeUndefined();
    }
  });

  it('gives every abstract of a file what the parser gives it, whatever the layout', () => {
    const abstracts = [
      'Plain 50\\% \\& more',
      'Needs the parser: {\\"o} -- $\\ell_1$ and \\emph{this}',
      'Nested {braces {inside}} stay',
    ];
    const bib = [
      '% a comment with an address: someone@example.org',
      '@string{jr = {Journal of Results}}',
      `@article{a, title = {A}, url = {https://example.org/a}, journal = jr, abstract = {${abstracts[0]}}}`,
      `@misc(b, title = "B", url = {https://example.org/b}, abstract = {${abstracts[1]}})`,
      `@misc{c, title = {C} # { too}, url = {https://example.org/c},`,
      `  abstract = {${abstracts[2]}},`,
      '}',
      '@misc{d, title = {D}, url = {https://example.org/d}, abstract = "Quoted \\& kept"}',
    ].join('\n');
    const { papers, errors } = parseBibtex(bib, { now: NOW });
    expect(errors).toEqual([]);
    expect(papers.map((paper) => paper.abstract)).toEqual([
      byParser(abstracts[0] ?? ''),
      'Needs the parser: ö – ℓ₁ and this',
      byParser(abstracts[2] ?? ''),
      byParser('Quoted \\& kept'),
    ]);
    expect(papers.map((paper) => paper.title)).toEqual(['A', 'B', 'C too', 'D']);
    expect(papers[0]?.venue).toBe('Journal of Results');
  });

  it('keeps the line of an error after a lifted abstract', () => {
    const bib =
      '@misc{a, title = {A}, url = {https://example.org/a},\n abstract = {one\ntwo\nthree}}\n\n@misc{b, url = {https://example.org/b}}';
    expect(parseBibtex(bib, { now: NOW }).errors).toEqual([{ line: 6, key: 'b', message: 'the entry has no title' }]);
  });
});
