import { describe, expect, it } from 'vitest';
import { toBibtex } from './bibtex';
import { parseBibtex } from './bibtex-import';
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
      published: '2017-06',
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
